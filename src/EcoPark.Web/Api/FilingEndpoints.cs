using EcoPark.Application.Filings;
using EcoPark.Domain.Access;
using EcoPark.Web.Security;

namespace EcoPark.Web.Api;

/// <summary>Water-balance filings of a factory, and a park's filing overview for staff.</summary>
internal static class FilingEndpoints
{
    /// <summary>An edit or amendment: the figures, the row version the editor read, and (for an amendment) why.</summary>
    public sealed record WaterBalanceChange(WaterBalanceRequest? Balance, uint RowVersion, string? Reason);

    public static RouteGroupBuilder MapFilingEndpoints(this RouteGroupBuilder api)
    {
        var filings = api.MapGroup("/factories/{factoryId:guid}/water-balances").WithTags("Water balance");
        filings.MapGet("/", async (Guid factoryId, Caller caller, WaterBalanceFilings handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(caller, factoryId, ct)))
            .WithSummary("The factory's filings, newest period first");
        filings.MapPost("/", async (Guid factoryId, WaterBalanceRequest request, Caller caller, WaterBalanceFilings handler, CancellationToken ct) =>
            {
                var filing = await handler.CreateAsync(caller, factoryId, request, ct);
                return TypedResults.Created(LocalPath.Of($"/api/v1/factories/{factoryId}/water-balances/{filing.Id}"), filing);
            })
            .RequireAuthorization(Policies.FactoryEditors)
            .WithSummary("File a period (a draft, or submitted with \"submit\": true); a period already filed is amended instead");
        filings.MapGet("/{filingId:guid}", async (Guid factoryId, Guid filingId, Caller caller, WaterBalanceFilings handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HistoryAsync(caller, factoryId, filingId, ct)))
            .WithSummary("A filing with every version and what changed, field by field");
        filings.MapPut("/{filingId:guid}", async (Guid factoryId, Guid filingId, WaterBalanceChange change, Caller caller, WaterBalanceFilings handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.EditDraftAsync(caller, factoryId, filingId, change.Balance,
                    change.RowVersion, ct)))
            .RequireAuthorization(Policies.FactoryEditors)
            .WithSummary("Edit (and optionally submit) a draft; 409 when someone saved it in between");
        filings.MapPost("/{filingId:guid}/amendments", async (Guid factoryId, Guid filingId, WaterBalanceChange change, Caller caller, WaterBalanceFilings handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.AmendAsync(caller, factoryId, filingId, change.Balance,
                    change.Reason ?? string.Empty,
                    change.RowVersion, ct)))
            .RequireAuthorization(Policies.FactoryEditors)
            .WithSummary("Amend a submitted filing: a new version with a reason; earlier versions stay");

        api.MapGet("/parks/{parkId:guid}/water-balances", async (Guid parkId, Caller caller, WaterBalanceFilings handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ParkOverviewAsync(caller, parkId, ct)))
            .WithTags("Water balance")
            .WithSummary("Every filing in the park, and the factories overdue for the last closed period");
        return api;
    }
}
