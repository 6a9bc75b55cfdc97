using EcoPark.Application;
using EcoPark.Application.Allocation;
using EcoPark.Domain.Access;
using EcoPark.Web.Features.Allocation;
using EcoPark.Web.Security;
using Microsoft.Extensions.Localization;

namespace EcoPark.Web.Api;

/// <summary>Park-wide allocation runs: start one (it runs in the background), follow it, list, cancel, export (staff of the park and administrators).</summary>
internal static class AllocationEndpoints
{
    public static RouteGroupBuilder MapAllocationEndpoints(this RouteGroupBuilder root)
    {
        var api = root.MapGroup("/parks/{parkId:guid}/allocations").WithTags("Allocation").RequireAuthorization(Policies.ParkStaff);
        api.MapPost("/", async (Guid parkId, StartAllocationInput input, Caller caller, AllocationRuns runs, CancellationToken ct) =>
            {
                var started = await runs.StartAsync(caller, parkId, input, ct);
                return TypedResults.Accepted(LocalPath.Of($"/api/v1/parks/{parkId}/allocations/{started.Id}"), started);
            })
            .WithSummary("Start a park-wide allocation run: { resources, objective (netBenefit | reusedWater), budgetNtd, maxPaybackMonths, lockIn, lockOut, timeLimitSeconds (1–300) }; 202 with { id, status: queued }. Operating and agreed matches stay in, declined ones out");
        api.MapGet("/", async (Guid parkId, string? page, string? pageSize, Caller caller, AllocationRuns runs, IStringLocalizer<Messages> l, CancellationToken ct) =>
            {
                var (number, size) = AllocationRuns.ParsePaging(page, pageSize, l);
                return TypedResults.Ok(await runs.ListAsync(caller, parkId, number, size, ct));
            })
            .WithSummary("The park's runs, newest first: { items, total }; page (from 1), pageSize (≤ 100, default 20)");
        api.MapGet("/{id:guid}", async (Guid parkId, Guid id, Caller caller, AllocationRuns runs, CancellationToken ct) =>
                TypedResults.Ok(await runs.GetAsync(caller, parkId, id, ct)))
            .WithSummary("One run: status, objective and greedy objective (NTD/yr), bound, gap, reused water, links and greedy links, shadow prices");
        api.MapPost("/{id:guid}/cancel", async (Guid parkId, Guid id, Caller caller, AllocationRuns runs, CancellationToken ct) =>
                TypedResults.Ok(await runs.CancelAsync(caller, parkId, id, ct)))
            .WithSummary("Cancel a queued run, or ask a running one to stop; 409 when it has finished");
        api.MapGet("/{id:guid}/export", async (Guid parkId, Guid id, Caller caller, AllocationRuns runs, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var run = await runs.GetAsync(caller, parkId, id, ct);
                return TypedResults.File(AllocationWorkbook.Xlsx(run, l), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"allocation-{run.RequestedAt:yyyy-MM-dd}-{id:N}.xlsx");
            })
            .WithSummary("The run as an Excel workbook: summary, links, greedy links, shadow prices");
        return root;
    }
}
