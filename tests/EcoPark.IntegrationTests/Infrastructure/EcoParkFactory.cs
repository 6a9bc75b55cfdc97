using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EcoPark.IntegrationTests.Infrastructure;

/// <summary>The real app, in memory, on a real PostgreSQL database.</summary>
public sealed class EcoParkFactory(string connectionString, bool demo = true, IDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    /// <summary>
    /// The client address the app sees for a test request. Requests without it come from a fresh address each,
    /// so that the per-address sign-in limits only apply where a test asks for them.
    /// </summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(demo ? "Demo" : "Production");
        builder.UseSetting("ConnectionStrings:EcoPark", connectionString);
        builder.UseSetting("EcoPark:Demo", demo ? "true" : "false");
        builder.UseSetting("EcoPark:MigrateOnStartup", "true");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressFilter>());
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = context.Request.Headers.TryGetValue(ClientAddressHeader, out var address)
                    ? IPAddress.Parse(address.ToString())
                    : new IPAddress(Random.Shared.NextInt64(1, uint.MaxValue) & uint.MaxValue);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
