using EcoPark.Application.Abstractions;
using EcoPark.Application.Fees;
using EcoPark.Application.Jobs;
using EcoPark.Application.Matching;
using EcoPark.Domain.Access;
using EcoPark.Infrastructure.Seeding;
using EcoPark.IntegrationTests.Infrastructure;
using EcoPark.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoPark.IntegrationTests.Fees;

/// <summary>
/// A new fee rule version changes the marginal water fee credited to every filed buyer, so every park's stored candidates
/// are queued for recomputation, as a new matching rule version does. On an app of its own whose worker is off, so the
/// queue holds what the change asked for.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class FeeRuleRecomputeTests(ServerFixture server) : IAsyncLifetime
{
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>? app;

    public async Task InitializeAsync()
    {
        app = new EcoParkFactory(server.Server.ConnectionString(PostgresServer.NewDatabaseName()))
            .WithWebHostBuilder(b => b.UseSetting("EcoPark:JobWorker", "false"));
        using var client = app.CreateClient(); // starts the app, which migrates and seeds its database
        (await client.GetAsync("/health/live")).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task AddingAFeeRuleVersion_QueuesEveryParksCandidatesForRecomputation()
    {
        var queue = app!.Services.GetRequiredService<IJobQueue>();
        while (await queue.TakeAsync("test") is { } startup)
        {
            await queue.FinishAsync(startup.Id, "test", null);
        }

        var rules = app.Services.GetRequiredService<FeeRules>();
        var latest = (await rules.VersionsAsync()).Where(v => v.Code == "regulation-2023").MaxBy(v => v.Version)!;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IEcoParkDbContext>();
        var admin = new Caller(await db.Users.Where(u => u.Email == DemoAccounts.Administrator.Email).Select(u => u.Id).SingleAsync(), [Roles.Administrator], [], []);

        var added = await rules.AddVersionAsync(admin, latest.Code, latest.EffectiveFrom, latest.Regulation2023, null, "threshold unchanged, new version for the test");

        Assert.Equal(latest.Version + 1, added.Version);
        var parks = await db.Parks.Select(p => p.Id).ToListAsync();
        var queued = await db.BackgroundJobs.AsNoTracking().Where(j => j.Kind == CandidateStore.RebuildParkJob && j.Status == JobStatus.Pending).ToListAsync();
        Assert.True(parks.Count > 1, "the demo data has several parks");
        Assert.Equal(parks.Order(), queued.Select(j => System.Text.Json.JsonDocument.Parse(j.Payload).RootElement.GetProperty("parkId").GetGuid()).Order());
    }
}
