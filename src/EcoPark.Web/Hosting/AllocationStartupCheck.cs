using EcoPark.Application.Allocation;

namespace EcoPark.Web.Hosting;

/// <summary>At start, fails the allocation runs a stopped instance left in progress, so that none is ever shown as running for good.</summary>
internal sealed class AllocationStartupCheck(AllocationRuns runs, ILogger<AllocationStartupCheck> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await runs.RecoverAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not settle the allocation runs left in progress");
        }
    }
}
