using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EcoPark.IntegrationTests.Infrastructure;

/// <summary>The real app, in memory, on a real PostgreSQL database.</summary>
public sealed class EcoParkFactory(string connectionString, bool demo = true, IDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
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
    }
}
