using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcoPark.Application.Abstractions;
using EcoPark.Application.Allocation;
using EcoPark.Domain.Common;
using EcoPark.Domain.Parks;
using EcoPark.Infrastructure.Seeding;
using EcoPark.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoPark.IntegrationTests.Allocation;

/// <summary>
/// Park-wide allocation runs through the API on parks built for each test (far from every other park, so nothing else is in
/// reach): the issue's two named cases reach the optimum, the same inputs give the same plan, an infeasible lock is named,
/// a run is claimed once, and a run left in progress by a stopped instance is failed at start.
/// </summary>
[Collection(DemoAppCollection.Name)]
public sealed partial class AllocationApiTests(DemoAppFixture app)
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, double> Latitudes = new();

    private static int parks;

    [Fact]
    public async Task BlockedPlan_GreedyServesOneDemand_TheOptimumServesBoth()
    {
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "en");
        var park = await BlockedPlanParkAsync(admin);

        var run = await RunAsync(admin, park.Id, new { resources = new[] { "water" }, objective = "netBenefit", timeLimitSeconds = 60 });

        Assert.Equal("optimal", run.GetProperty("status").GetString());
        var links = Links(run, "links");
        var greedy = Links(run, "greedyLinks");
        Assert.Equal([(park.Clean, park.Cooling)], greedy.Select(l => (l.Supply, l.Demand)));
        Assert.Contains((park.Clean, park.Process), links.Select(l => (l.Supply, l.Demand)));
        Assert.Equal(300, links.Single(l => l.Demand == park.Process).Quantity, 3);
        Assert.Equal(500, links.Where(l => l.Demand == park.Cooling).Sum(l => l.Quantity), 3);
        Assert.Equal(800, run.GetProperty("reusedWaterM3PerDay").GetDecimal(), 3);
        Assert.Equal(500, run.GetProperty("greedyReusedWaterM3PerDay").GetDecimal(), 3);
        Assert.True(run.GetProperty("objectiveNtdPerYear").GetDecimal() > run.GetProperty("greedyObjectiveNtdPerYear").GetDecimal());
        Assert.All(links, l => Assert.Equal("m³/day", l.Unit));
        Assert.NotEmpty(run.GetProperty("shadowPrices").EnumerateArray());
        Assert.True(run.GetProperty("solveSeconds").GetDouble() >= 0);
    }

    [Fact]
    public async Task TwoEffluentsThatEachFailALimit_ServeABlendingDemandInFull_Mixed()
    {
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "en");
        var parkId = await ParkAsync();
        var organic = await StreamAsync(admin, parkId, "organic", 121.001, "effluent-streams", Effluent("Organic outlet", 100, ("codMgL", 70), ("chlorideMgL", 50)));
        var salty = await StreamAsync(admin, parkId, "salty", 120.999, "effluent-streams", Effluent("Salty outlet", 100, ("codMgL", 20), ("chlorideMgL", 300)));
        var blend = await StreamAsync(admin, parkId, "blend", 121.000, "water-demands",
            Demand("Blended cooling", "cooling", 200, [("codMgL", 50), ("chlorideMgL", 200)], blending: true, current: [("codMgL", 50), ("chlorideMgL", 200)]));

        var run = await RunAsync(admin, parkId, new { resources = new[] { "water" }, objective = "netBenefit", timeLimitSeconds = 60 });

        Assert.Equal("optimal", run.GetProperty("status").GetString());
        var links = Links(run, "links");
        Assert.Equal(new[] { (organic, blend), (salty, blend) }.Order(), links.Select(l => (l.Supply, l.Demand)).Order());
        Assert.All(links, l => Assert.Equal(100, l.Quantity, 3));
        Assert.All(links, l => Assert.Empty(l.Treatment));
        Assert.Contains(Links(run, "greedyLinks"), l => l.Treatment.Count > 0);
        Assert.True(run.GetProperty("objectiveNtdPerYear").GetDecimal() > run.GetProperty("greedyObjectiveNtdPerYear").GetDecimal());
    }

    [Fact]
    public async Task TheSameInputs_GiveTheSamePlan()
    {
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "en");
        var park = await BlockedPlanParkAsync(admin);
        var body = new { resources = new[] { "water", "heat", "byproduct" }, objective = "reusedWater", timeLimitSeconds = 60 };

        var first = await RunAsync(admin, park.Id, body);
        var second = await RunAsync(admin, park.Id, body);

        Assert.Equal(first.GetProperty("snapshot").GetRawText(), second.GetProperty("snapshot").GetRawText());
        Assert.Equal(first.GetProperty("links").GetRawText(), second.GetProperty("links").GetRawText());
        Assert.Equal(first.GetProperty("greedyLinks").GetRawText(), second.GetProperty("greedyLinks").GetRawText());
        Assert.Equal(first.GetProperty("objectiveNtdPerYear").GetDecimal(), second.GetProperty("objectiveNtdPerYear").GetDecimal());
        Assert.Equal(first.GetProperty("shadowPrices").GetRawText(), second.GetProperty("shadowPrices").GetRawText());
    }

    [Fact]
    public async Task AnInfeasibleLock_IsReported_NamingTheLock()
    {
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "en");
        var park = await BlockedPlanParkAsync(admin);

        // The second effluent is out of the process demand's pipe reach: no plan can build that pair.
        var run = await RunAsync(admin, park.Id, new
        {
            resources = new[] { "water" },
            objective = "netBenefit",
            timeLimitSeconds = 30,
            lockIn = new[] { new { supplyStreamId = park.Second, demandStreamId = park.Process } },
        });

        Assert.Equal("infeasible", run.GetProperty("status").GetString());
        var message = run.GetProperty("message").GetString()!;
        Assert.Contains("Second outlet", message, StringComparison.Ordinal);
        Assert.Contains("Process water", message, StringComparison.Ordinal);
        Assert.Empty(run.GetProperty("links").EnumerateArray());
    }

    [Fact]
    public async Task ALockedOutPair_IsNotBuilt_AndTheListShowsTheRuns()
    {
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "en");
        var park = await BlockedPlanParkAsync(admin);

        var run = await RunAsync(admin, park.Id, new
        {
            resources = new[] { "water" },
            objective = "netBenefit",
            timeLimitSeconds = 30,
            lockOut = new[] { new { supplyStreamId = park.Clean, demandStreamId = park.Process } },
        });

        Assert.DoesNotContain((park.Clean, park.Process), Links(run, "links").Select(l => (l.Supply, l.Demand)));
        var list = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/parks/{park.Id}/allocations?page=1&pageSize=10");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(run.GetProperty("id").GetGuid(), list.GetProperty("items")[0].GetProperty("id").GetGuid());
        using var export = await admin.GetAsync($"/api/v1/parks/{park.Id}/allocations/{run.GetProperty("id").GetGuid()}/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheDemoPark_RunByItsStaff_IsNeverBelowGreedy_AndKeepsItsOperatingMatches()
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        var parkId = (await app.AllFactoriesAsync()).First(f => f.ParkNameZh == "青溪工業區").ParkId;

        var run = await RunAsync(staff, parkId, new { resources = new[] { "water", "heat", "byproduct" }, objective = "netBenefit", timeLimitSeconds = 30 });

        Assert.Contains(run.GetProperty("status").GetString(), new[] { "optimal", "feasible", "timeLimit" });
        Assert.True(run.GetProperty("objectiveNtdPerYear").GetDecimal() >= run.GetProperty("greedyObjectiveNtdPerYear").GetDecimal());
        Assert.NotEmpty(run.GetProperty("options").GetProperty("keptMatches").EnumerateArray());
        Assert.Contains(Links(run, "links"), l => l.Unit == "m³/day");
        var kept = run.GetProperty("options").GetProperty("keptMatches").EnumerateArray()
            .Select(k => (k.GetProperty("supplyStreamId").GetGuid(), k.GetProperty("demandStreamId").GetGuid())).ToHashSet();
        Assert.DoesNotContain(Links(run, "links"), l => kept.Contains((l.Supply, l.Demand)));
    }

    [Theory]
    [InlineData("""{"resources":[],"objective":"netBenefit","timeLimitSeconds":30}""", "resources")]
    [InlineData("""{"resources":["steam"],"objective":"netBenefit","timeLimitSeconds":30}""", "resources[0]")]
    [InlineData("""{"resources":["water"],"objective":"cheapest","timeLimitSeconds":30}""", "objective")]
    [InlineData("""{"resources":["water"],"objective":"netBenefit","timeLimitSeconds":0}""", "timeLimitSeconds")]
    [InlineData("""{"resources":["water"],"objective":"netBenefit","timeLimitSeconds":301}""", "timeLimitSeconds")]
    [InlineData("""{"resources":["water"],"objective":"netBenefit","budgetNtd":-1,"timeLimitSeconds":30}""", "budgetNtd")]
    [InlineData("""{"resources":["water"],"objective":"netBenefit","maxPaybackMonths":0,"timeLimitSeconds":30}""", "maxPaybackMonths")]
    [InlineData("""{"resources":["water"],"objective":"netBenefit","lockIn":[null],"timeLimitSeconds":30}""", "lockIn[0]")]
    public async Task BadOptions_Return400_NamingTheField(string body, string field)
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "zh-TW");
        var parkId = (await app.AllFactoriesAsync()).First(f => f.ParkNameZh == "青溪工業區").ParkId;

        using var response = await staff.PostAsync($"/api/v1/parks/{parkId}/allocations", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"no error for {field}: {problem}");
        Assert.DoesNotContain("Allocation.", messages[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EngineersMayNotStartOrReadRuns()
    {
        using var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email, "en");
        var parkId = (await app.AllFactoriesAsync()).First(f => f.ParkNameZh == "青溪工業區").ParkId;

        using var start = await engineer.PostAsJsonAsync($"/api/v1/parks/{parkId}/allocations", new { resources = new[] { "water" }, objective = "netBenefit", timeLimitSeconds = 5 });
        using var list = await engineer.GetAsync($"/api/v1/parks/{parkId}/allocations");

        Assert.Equal(HttpStatusCode.Forbidden, start.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
    }

    [Fact]
    public async Task ARun_IsClaimedOnce_HoweverManyTakersTryAtOnce()
    {
        var runs = app.Factory.Services.GetRequiredService<AllocationRuns>();
        var parkId = await ParkAsync();
        var id = await InsertRunAsync(parkId, AllocationRunStatus.Queued, heartbeat: null);

        var taken = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => runs.ExecuteAsync(id, CancellationToken.None))));

        Assert.Equal(1, taken.Count(t => t));
        await using var db = await app.Factory.Services.GetRequiredService<IEcoParkDbContextFactory>().CreateAsync();
        var run = await db.AllocationRuns.AsNoTracking().SingleAsync(r => r.Id == id);
        Assert.Equal(AllocationRunStatus.Optimal, run.Status);
    }

    [Fact]
    public async Task ARunLeftInProgressByAStoppedInstance_IsFailedAtStart_AndALiveOneIsNot()
    {
        var runs = app.Factory.Services.GetRequiredService<AllocationRuns>();
        var parkId = await ParkAsync();
        var stale = await InsertRunAsync(parkId, AllocationRunStatus.Solving, heartbeat: DateTimeOffset.UtcNow.AddMinutes(-10));
        var live = await InsertRunAsync(parkId, AllocationRunStatus.Building, heartbeat: DateTimeOffset.UtcNow);
        // A live run's instance holds its lock (see the lock tests in AllocationApiTests.Lifecycle).
        await using var instance = await app.Factory.Services.GetRequiredService<IEcoParkDbContextFactory>().CreateAsync();
        Assert.True(await instance.TryHoldRunAsync(live, CancellationToken.None));

        Assert.True(await runs.RecoverAsync() >= 1);

        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "en");
        var failed = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/parks/{parkId}/allocations/{stale}");
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Contains("interrupted", failed.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("building", (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/parks/{parkId}/allocations/{live}")).GetProperty("status").GetString());
        // A job that takes the stale run again leaves it failed.
        Assert.False(await runs.ExecuteAsync(stale, CancellationToken.None));
    }

    [Fact]
    public async Task CancellingAQueuedRun_CancelsItAtOnce_AndAFinishedOneIs409()
    {
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "en");
        var parkId = await ParkAsync();
        var id = await InsertRunAsync(parkId, AllocationRunStatus.Queued, heartbeat: null);

        using var cancelled = await admin.PostAsync($"/api/v1/parks/{parkId}/allocations/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        using var again = await admin.PostAsync($"/api/v1/parks/{parkId}/allocations/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var runs = app.Factory.Services.GetRequiredService<AllocationRuns>();
        Assert.False(await runs.ExecuteAsync(id, CancellationToken.None));
    }

    private sealed record BlockedPark(Guid Id, Guid Clean, Guid Second, Guid Cooling, Guid Process);

    private sealed record Link(Guid Supply, Guid Demand, decimal Quantity, string Unit, IReadOnlyList<string> Treatment);

    /// <summary>
    /// The clean effluent sits between both demands; the process demand takes no pipe longer than 400 m, so only the clean
    /// effluent can serve it. The second effluent is good enough for cooling, but farther away.
    /// </summary>
    private async Task<BlockedPark> BlockedPlanParkAsync(HttpClient admin)
    {
        var parkId = await ParkAsync();
        var clean = await StreamAsync(admin, parkId, "clean", 121.002, "effluent-streams", Effluent("Clean outlet", 500, ("codMgL", 10)));
        var second = await StreamAsync(admin, parkId, "second", 120.994, "effluent-streams", Effluent("Second outlet", 500, ("codMgL", 30)));
        var cooling = await StreamAsync(admin, parkId, "cooling", 121.000, "water-demands", Demand("Cooling water", "cooling", 500, [("codMgL", 60)]));
        var process = await StreamAsync(admin, parkId, "process", 121.004, "water-demands", Demand("Process water", "process", 300, [("codMgL", 60)], maxPipe: 400));
        return new BlockedPark(parkId, clean, second, cooling, process);
    }

    private static List<Link> Links(JsonElement run, string name) =>
        [.. run.GetProperty(name).EnumerateArray().Select(l => new Link(l.GetProperty("supplyStreamId").GetGuid(), l.GetProperty("demandStreamId").GetGuid(),
            l.GetProperty("quantity").GetDecimal(), l.GetProperty("unit").GetString()!, [.. l.GetProperty("treatment").EnumerateArray().Select(t => t.GetString()!)]))];

    private static async Task<JsonElement> RunAsync(HttpClient client, Guid parkId, object body)
    {
        using var started = await client.PostAsJsonAsync($"/api/v1/parks/{parkId}/allocations", body);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var answer = await started.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("queued", answer.GetProperty("status").GetString());
        return await WaitForAsync(client, parkId, answer.GetProperty("id").GetGuid(), Ended, TimeSpan.FromMinutes(3));
    }

    private static bool Ended(JsonElement run) => run.GetProperty("status").GetString() is not ("queued" or "building" or "solving");

    /// <summary>A new park far from every other (each test's 20 km from the last), so that only its own streams are in reach.</summary>
    private async Task<Guid> ParkAsync()
    {
        var n = Interlocked.Increment(ref parks);
        var latitude = 22.0 + (n * 0.2);
        var park = new Park(Guid.NewGuid(), new BilingualName($"配置測試園區{n}-{Guid.NewGuid():N}"[..20], $"Allocation test park {n}"), "澎湖縣",
            new GeoPoint(latitude, 119.5), new CubicMetresPerDay(1000), new CubicMetresPerDay(100));
        await using var db = await app.Factory.Services.GetRequiredService<IEcoParkDbContextFactory>().CreateAsync();
        db.Parks.Add(park);
        await db.SaveChangesAsync();
        Latitudes[park.Id] = latitude;
        return park.Id;
    }

    /// <summary>A factory of its own for the stream (pairs are between two factories) at the longitude given, and the stream in it.</summary>
    private static async Task<Guid> StreamAsync(HttpClient admin, Guid parkId, string name, double longitude, string kind, JsonObject body)
    {
        var factoryId = await FactoryAsync(admin, parkId, name, longitude, kind == "effluent-streams" ? "electronics" : "textile");
        using var stream = await admin.PostAsJsonAsync($"/api/v1/factories/{factoryId}/{kind}", body);
        Assert.True(stream.StatusCode == HttpStatusCode.Created, await stream.Content.ReadAsStringAsync());
        return (await stream.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> FactoryAsync(HttpClient admin, Guid parkId, string name, double longitude, string industry)
    {
        var input = TestFactories.Input(parkId, $"配置{name}{Guid.NewGuid():N}"[..16], TestFactories.NextBusinessNumber(), latitude: Latitudes[parkId], longitude: longitude);
        input.Industry = industry;
        using var created = await admin.PostAsJsonAsync("/api/v1/factories", input);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static JsonObject Effluent(string name, decimal flow, params (string Key, decimal Value)[] quality) => new()
    {
        ["name"] = name,
        ["minM3PerDay"] = flow / 2,
        ["avgM3PerDay"] = flow,
        ["maxM3PerDay"] = flow * 2,
        ["daysPerWeek"] = 7,
        ["hoursPerDay"] = 24,
        ["route"] = "parkWwtp",
        ["dischargeFeeNtdPerM3"] = 20,
        ["quality"] = new JsonArray([.. quality.Select(q => (JsonNode)new JsonObject { ["key"] = q.Key, ["value"] = q.Value, ["basis"] = "lab", ["sampleDate"] = "2026-11-20" })]),
    };

    private static JsonObject Demand(string name, string use, decimal flow, (string Key, decimal Max)[] limits, bool blending = false, (string Key, decimal Value)[]? current = null,
        decimal? maxPipe = null) => new()
        {
            ["name"] = name,
            ["use"] = use,
            ["flowM3PerDay"] = flow,
            ["limits"] = new JsonArray([.. limits.Select(l => (JsonNode)new JsonObject { ["key"] = l.Key, ["max"] = l.Max })]),
            ["reclaimedAllowed"] = true,
            ["blendingAllowed"] = blending,
            ["currentWaterQuality"] = new JsonArray([.. (current ?? []).Select(q => (JsonNode)new JsonObject { ["key"] = q.Key, ["value"] = q.Value, ["basis"] = "lab", ["sampleDate"] = "2026-11-20" })]),
            ["maxPipeDistanceM"] = maxPipe,
        };

    private async Task<Guid> InsertRunAsync(Guid parkId, AllocationRunStatus status, DateTimeOffset? heartbeat)
    {
        await using var db = await app.Factory.Services.GetRequiredService<IEcoParkDbContextFactory>().CreateAsync();
        var run = new AllocationRun
        {
            Id = Guid.NewGuid(),
            ParkId = parkId,
            Status = status,
            OptionsJson = JsonSerializer.Serialize(new AllocationRunOptions { Resources = ["water"], TimeLimitSeconds = 5 }, new JsonSerializerOptions(JsonSerializerDefaults.Web)),
            RequestedBy = Guid.NewGuid(),
            RequestedAt = DateTimeOffset.UtcNow,
            StartedAt = heartbeat,
            HeartbeatAt = heartbeat,
        };
        db.AllocationRuns.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    }
}
