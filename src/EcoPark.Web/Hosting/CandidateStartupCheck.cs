using EcoPark.Application.Matching;

namespace EcoPark.Web.Hosting;

/// <summary>
/// At start, queues a rebuild of the stored candidates from scratch (once, however many instances start), so that rows
/// left behind by a crash or an older version are replaced; the rebuild runs in the job worker and never holds up the start.
/// </summary>
internal sealed class CandidateStartupCheck(CandidateStore store, ILogger<CandidateStartupCheck> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await store.EnqueueRebuildAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not queue the start-up rebuild of the stored candidates");
        }
    }
}
