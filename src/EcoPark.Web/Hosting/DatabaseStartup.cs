using EcoPark.Infrastructure.Seeding;
using Microsoft.Extensions.Options;

namespace EcoPark.Web.Hosting;

/// <summary>
/// Runs before the web server accepts requests: migrates when configured, then seeds the demo or checks
/// the production start. A failure here stops the host, so a refused production start never serves.
/// </summary>
internal sealed class DatabaseStartup(IServiceScopeFactory scopes, IOptions<EcoParkOptions> options, ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        if (settings.MigrateOnStartup || settings.Demo)
        {
            await initializer.MigrateAsync(cancellationToken);
        }

        if (settings.Demo)
        {
            await initializer.SeedDemoAsync(cancellationToken);
            logger.LogWarning("Demo mode: the demo accounts are active; never expose this instance");
        }
        else
        {
            await initializer.PrepareProductionAsync(settings.Bootstrap.AdminEmail, settings.Bootstrap.AdminPassword, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
