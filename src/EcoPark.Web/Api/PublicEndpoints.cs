using EcoPark.Application.Reporting;
using EcoPark.Web.Security;

namespace EcoPark.Web.Api;

/// <summary>The public KPI API: anonymous, rate-limited, only published parks and years, nothing confidential.</summary>
internal static class PublicEndpoints
{
    public static IEndpointRouteBuilder MapPublicEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/public").WithTags("Public KPIs").AllowAnonymous().RequireRateLimiting(PublicRateLimit.Policy);
        group.MapGet("/parks", async (PublicKpis kpis, CancellationToken ct) => TypedResults.Ok(await kpis.ParksAsync(ct)))
            .WithSummary("The parks that published figures, with their published years (no sign-in)");
        group.MapGet("/parks/{parkId:guid}/kpis", async (Guid parkId, PublicKpis kpis, CancellationToken ct) => TypedResults.Ok(await kpis.ParkAsync(parkId, ct)))
            .WithSummary("A park's headline KPIs for its last published closed year and the published years' trend; figures from fewer than 3 factories are suppressed (no sign-in)");
        return app;
    }
}
