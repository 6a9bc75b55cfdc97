using System.Text.Json;
using EcoPark.Application.Jobs;

namespace EcoPark.Web.Hosting;

/// <summary>
/// Takes jobs from the database queue, one at a time, and runs the handler registered for their kind. Any number of
/// instances may run it: the queue gives each job to one of them. Idle, it looks for work every <see cref="IdleDelay"/>.
/// </summary>
internal sealed class JobWorker(IJobQueue queue, IEnumerable<IJobHandler> handlers, ILogger<JobWorker> logger) : BackgroundService
{
    private static readonly TimeSpan IdleDelay = TimeSpan.FromMilliseconds(500);

    private readonly string name = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    private readonly Dictionary<string, IJobHandler> byKind = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            BackgroundJob? job = null;
            try
            {
                job = await queue.TakeAsync(name, stoppingToken);
                if (job is null)
                {
                    await Task.Delay(IdleDelay, stoppingToken);
                    continue;
                }

                await RunAsync(job, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping: a job in progress keeps its lease, which runs out and lets another instance take it again.
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The job worker could not reach the queue");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task RunAsync(BackgroundJob job, CancellationToken stoppingToken)
    {
        if (!byKind.TryGetValue(job.Kind, out var handler))
        {
            await queue.FinishAsync(job.Id, name, $"No handler for the job kind '{job.Kind}'.", stoppingToken);
            return;
        }

        string? error = null;
        try
        {
            using var payload = JsonDocument.Parse(job.Payload);
            await handler.RunAsync(payload.RootElement, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogError(e, "Job {JobId} ({Kind}) failed on attempt {Attempt}", job.Id, job.Kind, job.Attempts);
            error = e.Message;
        }

        await queue.FinishAsync(job.Id, name, error, stoppingToken);
    }
}
