using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcoPark.Application.Abstractions;
using EcoPark.Application.Allocation;
using EcoPark.Application.Jobs;
using EcoPark.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoPark.IntegrationTests.Allocation;

/// <summary>A run cancelled while it solves, and runs left behind by an instance that stopped.</summary>
public sealed partial class AllocationApiTests
{
    [Fact]
    public async Task CancellingARunWhileItSolves_InterruptsTheSolver_EndsCancelled_AndReleasesTheJob()
    {
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "en");
        var parkId = await HardParkAsync(admin, 24);
        using var started = await admin.PostAsJsonAsync($"/api/v1/parks/{parkId}/allocations",
            new { resources = new[] { "water" }, objective = "netBenefit", timeLimitSeconds = 240 });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // Building first (with the paths once the pairs are evaluated), then solving.
        var solving = await WaitForAsync(admin, parkId, id, r => r.GetProperty("status").GetString() is not ("queued" or "building"), TimeSpan.FromMinutes(3));
        Assert.Equal("solving", solving.GetProperty("status").GetString());
        Assert.True(solving.GetProperty("paths").GetInt32() > 0);
        await Task.Delay(TimeSpan.FromSeconds(1));
        using var cancel = await admin.PostAsync($"/api/v1/parks/{parkId}/allocations/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var watch = Stopwatch.StartNew();
        var ended = await WaitForAsync(admin, parkId, id, Ended, TimeSpan.FromSeconds(60));

        // A heartbeat (2 s) reads the flag and interrupts SCIP; the run keeps the best plan it had, never below greedy.
        Assert.Equal("cancelled", ended.GetProperty("status").GetString());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"stopped {watch.Elapsed.TotalSeconds:0.0} s after the cancel");
        Assert.True(ended.GetProperty("solveSeconds").GetDouble() < 200, $"solved for {ended.GetProperty("solveSeconds")} s of 240");
        Assert.True(ended.GetProperty("objectiveNtdPerYear").GetDecimal() >= ended.GetProperty("greedyObjectiveNtdPerYear").GetDecimal());
        Assert.NotEmpty(ended.GetProperty("greedyLinks").EnumerateArray());
        var job = await WaitForJobAsync(id, TimeSpan.FromSeconds(30));
        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Null(job.LockedBy);
        Assert.Null(job.LockedUntil);
    }

    [Fact]
    public async Task RunsLeftInProgress_AreFailedWhenNoLiveSessionHoldsThem_EvenWithAFreshHeartbeat()
    {
        var runs = app.Factory.Services.GetRequiredService<AllocationRuns>();
        var contexts = app.Factory.Services.GetRequiredService<IEcoParkDbContextFactory>();
        var parkId = await ParkAsync();
        // An instance crashed a moment ago, and this one starts within the minute: its heartbeat is fresh, its lock gone.
        var crashed = await InsertRunAsync(parkId, AllocationRunStatus.Solving, heartbeat: DateTimeOffset.UtcNow);
        // Another instance runs this one: it holds the run's lock, on a session of its own.
        var live = await InsertRunAsync(parkId, AllocationRunStatus.Solving, heartbeat: DateTimeOffset.UtcNow);
        await using var other = await contexts.CreateAsync();
        Assert.True(await other.TryHoldRunAsync(live, CancellationToken.None));

        Assert.True(await runs.RecoverAsync() >= 1);

        Assert.Equal(AllocationRunStatus.Failed, await StatusAsync(crashed));
        Assert.Equal(AllocationRunStatus.Solving, await StatusAsync(live));
        // Nor can a taker claim what another session holds.
        Assert.False(await runs.ExecuteAsync(live, CancellationToken.None));
        Assert.Equal(AllocationRunStatus.Solving, await StatusAsync(live));

        // The other instance dies: its session ends, and with it the lock.
        var session = await other.Database.SqlQuery<int>($"SELECT pg_backend_pid() AS \"Value\"").SingleAsync();
        await using (var db = await contexts.CreateAsync())
        {
            Assert.True(await db.Database.SqlQuery<bool>($"SELECT pg_terminate_backend({session}) AS \"Value\"").SingleAsync());
        }

        // The killed session's connection would go back to the pool the shared app draws from, and fail the next
        // request that takes it: drop the pool's idle connections and close this one when it is returned.
        Npgsql.NpgsqlConnection.ClearPool((Npgsql.NpgsqlConnection)other.Database.GetDbConnection());

        await WaitUntilAsync(async () => await runs.RecoverAsync() >= 1, TimeSpan.FromSeconds(10));
        Assert.Equal(AllocationRunStatus.Failed, await StatusAsync(live));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> done, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, "not within the time");
            await Task.Delay(100);
        }
    }

    private async Task<AllocationRunStatus> StatusAsync(Guid id)
    {
        await using var db = await app.Factory.Services.GetRequiredService<IEcoParkDbContextFactory>().CreateAsync();
        return await db.AllocationRuns.AsNoTracking().Where(r => r.Id == id).Select(r => r.Status).SingleAsync();
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient client, Guid parkId, Guid id, Func<JsonElement, bool> done, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var run = await client.GetFromJsonAsync<JsonElement>($"/api/v1/parks/{parkId}/allocations/{id}");
            if (done(run))
            {
                return run;
            }

            Assert.True(DateTime.UtcNow < deadline, $"run {id} still {run.GetProperty("status").GetString()}");
            await Task.Delay(100);
        }
    }

    private async Task<BackgroundJob> WaitForJobAsync(Guid runId, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            await using var db = await app.Factory.Services.GetRequiredService<IEcoParkDbContextFactory>().CreateAsync();
            var jobs = await db.BackgroundJobs.AsNoTracking().Where(j => j.Kind == AllocationRuns.JobKind).ToListAsync();
            var job = jobs.Single(j => JsonDocument.Parse(j.Payload).RootElement.GetProperty("runId").GetGuid() == runId);
            if (job.Status is not (JobStatus.Pending or JobStatus.Running) || DateTime.UtcNow > deadline)
            {
                return job;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// A park whose model is hard to prove optimal: two neighbouring factories, one with <paramref name="n"/> effluents and one
    /// with <paramref name="n"/> demands, every pair in reach with a pipe to build, flows and limits varied so that no pair is
    /// the obvious one.
    /// </summary>
    private async Task<Guid> HardParkAsync(HttpClient admin, int n)
    {
        var parkId = await ParkAsync();
        var supplier = await FactoryAsync(admin, parkId, "hard-supply", 121.000, "electronics");
        var buyer = await FactoryAsync(admin, parkId, "hard-demand", 121.003, "textile");
        var random = new Random(12);
        for (var i = 0; i < n; i++)
        {
            var flow = random.Next(40, 400);
            var effluent = Effluent($"Outlet {i}", flow, ("codMgL", random.Next(8, 55)), ("chlorideMgL", random.Next(40, 320)));
            effluent["dischargeFeeNtdPerM3"] = random.Next(8, 30);
            await PostAsync(admin, $"/api/v1/factories/{supplier}/effluent-streams", effluent);
            var blending = i % 2 == 0;
            (string, decimal)[] limits = [("codMgL", random.Next(15, 60)), ("chlorideMgL", random.Next(100, 300))];
            await PostAsync(admin, $"/api/v1/factories/{buyer}/water-demands",
                Demand($"Use {i}", i % 3 == 0 ? "process" : "cooling", random.Next(60, 500), limits, blending, blending ? limits : null));
        }

        return parkId;
    }

    private static async Task PostAsync(HttpClient admin, string path, JsonObject body)
    {
        using var created = await admin.PostAsJsonAsync(path, body);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
    }
}
