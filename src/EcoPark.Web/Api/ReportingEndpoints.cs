using EcoPark.Application.Reporting;
using EcoPark.Domain.Access;
using EcoPark.Domain.Reporting;
using EcoPark.Web.Security;

namespace EcoPark.Web.Api;

/// <summary>A park's KPIs for staff of the park, administrators and auditors (all parks together for administrators and auditors).</summary>
internal static class ReportingEndpoints
{
    public static RouteGroupBuilder MapReportingEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/parks/{parkId:guid}/kpis", async (Guid parkId, string? period, Caller caller, ParkKpiQueries kpis, CancellationToken ct) =>
                TypedResults.Ok(await kpis.GetAsync(caller, parkId, Period(kpis, period), ct)))
            .WithTags("Reporting")
            .RequireAuthorization(Policies.ParkReaders)
            .WithSummary("The park's KPIs for a year (period=YYYY) or a month (period=YYYY-MM; default: the last closed month), each with unit and basis");
        api.MapGet("/kpis", async (string? period, Caller caller, ParkKpiQueries kpis, CancellationToken ct) =>
                TypedResults.Ok(await kpis.GetAsync(caller, null, Period(kpis, period), ct)))
            .WithTags("Reporting")
            .RequireAuthorization(Policies.ParkReaders)
            .WithSummary("Every park's KPIs together (administrators and auditors)");
        return api;
    }

    private static ReportPeriod Period(ParkKpiQueries kpis, string? period)
    {
        var lastMonth = kpis.Today.AddMonths(-1);
        return period is null ? new ReportPeriod(lastMonth.Year, lastMonth.Month) : kpis.ParsePeriod(period);
    }
}
