using EcoPark.Infrastructure.Seeding;
using EcoPark.Web.Api;
using EcoPark.Web.Components;
using EcoPark.Web.Features.Account;
using EcoPark.Web.Localization;
using EcoPark.Web.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using NetEscapades.AspNetCore.SecurityHeaders;
using Scalar.AspNetCore;
using Serilog;

namespace EcoPark.Web.Hosting;

public static class Pipeline
{
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(app.Lifetime.ApplicationStopping);
    }

    public static void UseEcoParkPipeline(this WebApplication app)
    {
        app.UseEcoParkSecurityHeaders();
        var requestLog = app.Services.GetRequiredService<RequestLogPolicy>();
        app.UseSerilogRequestLogging(o =>
        {
            o.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            o.GetLevel = (http, elapsedMs, exception) => requestLog.LevelFor(http.Response.StatusCode, elapsedMs, exception);
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // A browser asking for an address no page answers gets the localised not-found page (still a 404); /api and
        // /health keep the problem details above.
        app.UseWhen(
            http => !http.Request.Path.StartsWithSegments("/api") && !http.Request.Path.StartsWithSegments("/health") && HttpMethods.IsGet(http.Request.Method),
            branch => branch.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        // Routing after the status pages, so that re-executing /not-found finds its page (the implicit routing would run first).
        app.UseRouting();
        app.UseEcoParkLocalization();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseEcoParkCallerBinding();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api-docs", (scalar, http) => scalar.WithNonce(http.GetNonce()).DisableDefaultFonts()).AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();

        app.MapTokenEndpoints();
        app.MapPublicEndpoints();
        app.MapGroup("/api/v1").RequireAuthorization(ApiAccess.Policy).MapFactoryEndpoints().MapFilingEndpoints().MapStreamEndpoints().MapWorkbookEndpoints().MapMatchingEndpoints().MapFeeEndpoints().MapUserEndpoints().MapMeEndpoints().MapScreeningEndpoints().MapReportingEndpoints().MapAllocationEndpoints().MapInvitationEndpoints();

        // Anything else under /api is 404 for every method (not the pages' 405), including Identity's
        // endpoints beyond login and refresh, which are not offered.
        app.Map("/api/{**path}", () => Results.NotFound()).AllowAnonymous().ExcludeFromDescription();

        app.MapAccountEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
