using EcoPark.Application.Screening;
using EcoPark.Domain.Access;
using EcoPark.Web.Features.Screening;
using EcoPark.Web.Security;
using Microsoft.Extensions.Localization;

namespace EcoPark.Web.Api;

/// <summary>The park water-shortage risk screening: the ranked parks, their export, and each park's dated figures.</summary>
internal static class ScreeningEndpoints
{
    public static RouteGroupBuilder MapScreeningEndpoints(this RouteGroupBuilder root)
    {
        // Administrators and park staff only; the handler narrows staff to their own parks.
        var api = root.MapGroup(string.Empty).WithTags("Screening").RequireAuthorization(Policies.ParkStaff);
        api.MapGet("/screening", async (string? date, Caller caller, ParkScreening handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ScreenAsync(caller, handler.ParseDate(date), ct)))
            .WithSummary("Parks ranked by the 8-factor water-shortage risk score on the date (YYYY-MM-DD, default today), with each factor and the second screen (administrators: every park; staff: their own)");
        api.MapGet("/screening.xlsx", async (string? date, Caller caller, ParkScreening handler, IStringLocalizer<SharedResource> l,
                CancellationToken ct) =>
            {
                var day = handler.ParseDate(date);
                var parks = await handler.ScreenAsync(caller, day, ct);
                return TypedResults.File(ScreeningWorkbook.Xlsx(parks, l), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    $"screening-{day:yyyy-MM-dd}.xlsx");
            })
            .WithSummary("The same ranking as an Excel workbook");
        api.MapGet("/parks/{parkId:guid}/screening-inputs", async (Guid parkId, Caller caller, ParkScreening handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HistoryAsync(caller, parkId, ct)))
            .WithSummary("Every version of the park's screening figures, newest first");
        api.MapPut("/parks/{parkId:guid}/screening-inputs", async (Guid parkId, ScreeningInputsRequest body, Caller caller, ParkScreening handler,
                CancellationToken ct) =>
                TypedResults.Ok(await handler.RecordAsync(caller, parkId, body, ct)))
            .WithSummary("Record the park's screening figures as a new dated version with its source (administrators; staff of the park); any figure may be null");
        return root;
    }
}
