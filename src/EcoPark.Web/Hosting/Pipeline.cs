using EcoPark.Application.Users;
using EcoPark.Infrastructure.Seeding;
using EcoPark.Web.Api;
using EcoPark.Web.Components;
using EcoPark.Web.Features.Account;
using EcoPark.Web.Localization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
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
        app.UseSerilogRequestLogging(o => o.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseEcoParkLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api-docs").AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();

        // Identity's token endpoints. Only /login and /refresh are offered: accounts are made by
        // administrators (no self-registration), and e-mail flows and two-factor set-up are not part of
        // the platform, so Identity's other endpoints answer 404.
        var identity = app.MapGroup("/api/v1/auth").WithTags("Auth").MapIdentityApi<ApplicationUser>();
        identity.AddEndpointFilter(new LoginBodyFilter());
        identity.Add(endpoint =>
            {
                if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } route } builder
                    && !route.EndsWith("/login", StringComparison.Ordinal) && !route.EndsWith("/refresh", StringComparison.Ordinal))
                {
                    builder.RequestDelegate = context =>
                    {
                        context.Response.StatusCode = StatusCodes.Status404NotFound;
                        return Task.CompletedTask;
                    };
                    builder.Metadata.Add(new ExcludeFromDescriptionAttribute());
                }
            });
        app.MapGroup("/api/v1").RequireAuthorization().MapFactoryEndpoints().MapFilingEndpoints().MapStreamEndpoints().MapWorkbookEndpoints().MapMatchingEndpoints().MapFeeEndpoints().MapUserEndpoints().MapMeEndpoints().MapScreeningEndpoints();

        app.MapAccountEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
