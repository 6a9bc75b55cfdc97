using EcoPark.Application.Reporting;
using EcoPark.Domain.Access;
using EcoPark.Domain.Reporting;
using EcoPark.Web.Localization;
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
        api.MapGet("/parks/{parkId:guid}/reports/{kind}", async (Guid parkId, string kind, string? period, string? format, Caller caller, ParkReports reports,
                ReportText text, CancellationToken ct) =>
            {
                var file = await reports.GetAsync(caller, parkId, kind, period, format, text, ct);
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .WithTags("Reporting")
            .RequireAuthorization(Policies.ParkReaders)
            .WithSummary("The park's monthly (period=YYYY-MM) or annual (period=YYYY) report as pdf or xlsx, generated on request and stored with its data version");

        var publications = api.MapGroup("/admin/parks/{parkId:guid}/publications/{year}").WithTags("Public KPIs").RequireAuthorization(Policies.Administrators);
        publications.MapPut(string.Empty, async (Guid parkId, string year, Caller caller, PublicKpis kpis, CancellationToken ct) =>
            {
                await kpis.PublishAsync(caller, parkId, year, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Publishes a park's closed year on the public KPI page (administrators)");
        publications.MapDelete(string.Empty, async (Guid parkId, string year, Caller caller, PublicKpis kpis, CancellationToken ct) =>
            {
                await kpis.UnpublishAsync(caller, parkId, year, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Takes a park's year off the public KPI page (administrators)");
        return api;
    }

    private static ReportPeriod Period(ParkKpiQueries kpis, string? period)
    {
        var lastMonth = kpis.Today.AddMonths(-1);
        return period is null ? new ReportPeriod(lastMonth.Year, lastMonth.Month) : kpis.ParsePeriod(period);
    }
}
