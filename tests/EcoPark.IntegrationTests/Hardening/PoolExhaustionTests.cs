using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EcoPark.Infrastructure;
using EcoPark.Infrastructure.Persistence;
using EcoPark.Infrastructure.Seeding;
using EcoPark.IntegrationTests.Infrastructure;
using EcoPark.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EcoPark.IntegrationTests.Hardening;

/// <summary>The connection pool has a configured ceiling; a request that finds it empty gets 503 with Retry-After, not a hang or a 500.</summary>
[Collection(ServerCollection.Name)]
public sealed class PoolExhaustionTests(ServerFixture server)
{
    [Fact]
    public async Task ApiCall_WhileEveryPooledConnectionIsTaken_Returns503WithRetryAfter_AndWorksOnceOneIsFree()
    {
        // The test servers' connection strings set Timeout themselves, which would win over the configured wait.
        var connectionString = new NpgsqlConnectionStringBuilder(server.Server.ConnectionString(PostgresServer.NewDatabaseName()));
        connectionString.Remove("Timeout");
        await using var app = new EcoParkFactory(connectionString.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["EcoPark:Database:MaxPoolSize"] = "3",
            ["EcoPark:Database:PoolWaitSeconds"] = "3", // long enough for the start-up work (migration, recovery checks) to share 3 connections
        });
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        using var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = DemoAccounts.Engineer.Email, password = DemoAccounts.Password });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/factories")).StatusCode);

        var factory = app.Services.GetRequiredService<IDbContextFactory<EcoParkDbContext>>();
        var held = new List<EcoParkDbContext>();
        for (var i = 0; i < 3; i++)
        {
            var db = await factory.CreateDbContextAsync();
            await db.Database.OpenConnectionAsync();
            held.Add(db);
        }

        var started = DateTime.UtcNow;
        using var exhausted = await client.GetAsync("/api/v1/factories");
        var waited = DateTime.UtcNow - started;
        foreach (var db in held)
        {
            await db.DisposeAsync();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, exhausted.StatusCode);
        Assert.Equal("application/problem+json", exhausted.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(exhausted.Headers.RetryAfter?.Delta);
        Assert.InRange(waited, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(8));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/factories")).StatusCode);
    }

    [Theory]
    [InlineData("Host=db;Database=ecopark", 40, 5)]
    [InlineData("Host=db;Database=ecopark;Maximum Pool Size=12", 12, 5)]
    [InlineData("Host=db;Database=ecopark;MaxPoolSize=7;Timeout=30", 7, 30)]
    public void PoolLimits_FromConfiguration_UnlessTheConnectionStringSetsThem(string connectionString, int maxPoolSize, int timeout)
    {
        var limited = new NpgsqlConnectionStringBuilder(ConnectionPool.WithLimits(connectionString, 40, 5));

        Assert.Equal(maxPoolSize, limited.MaxPoolSize);
        Assert.Equal(timeout, limited.Timeout);
        Assert.Equal("db", limited.Host);
    }
}
