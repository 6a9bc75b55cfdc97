using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcoPark.Application.Matching;
using EcoPark.Infrastructure.Seeding;
using EcoPark.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EcoPark.IntegrationTests.Matching;

/// <summary>
/// The stored candidates: kept current stream by stream, equal row for row to a rebuild from scratch, and read a page at a
/// time with the paging checked like any other input.
/// </summary>
[Collection(DemoAppCollection.Name)]
public sealed class StoredCandidatesTests(DemoAppFixture app)
{
    private const string Qingxi = "青溪工業區";

    [Fact]
    public async Task RandomStreamEdits_LeaveTheTableEqualToARebuild_RowForRow()
    {
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "en");
        var factories = (await app.AllFactoriesAsync()).Where(f => f.ParkNameZh == Qingxi).OrderBy(f => f.NameZh, StringComparer.Ordinal).Take(5).ToList();
        var random = new Random(20261202);
        var created = new List<(string Url, JsonObject Body)>();
        var kinds = new[] { "effluent-streams", "water-demands", "heat-streams" };
        var operations = new Dictionary<string, int> { ["create"] = 0, ["change"] = 0, ["delete"] = 0 };

        for (var step = 0; step < 24; step++)
        {
            var roll = random.Next(10);
            if (created.Count == 0 || roll < 5)
            {
                var factory = factories[random.Next(factories.Count)];
                var kind = kinds[random.Next(kinds.Length)];
                var body = Body(kind, $"Random {kind} {step} {Guid.NewGuid():N}", random);
                using var response = await admin.PostAsJsonAsync($"/api/v1/factories/{factory.Id}/{kind}", body);
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                var stream = await response.Content.ReadFromJsonAsync<JsonElement>();
                body["rowVersion"] = stream.GetProperty("rowVersion").GetUInt32();
                created.Add(($"/api/v1/factories/{factory.Id}/{kind}/{stream.GetProperty("id").GetGuid()}", body));
                operations["create"]++;
            }
            else if (roll < 8)
            {
                var index = random.Next(created.Count);
                var (url, body) = created[index];
                var kind = kinds.First(k => url.Contains($"/{k}/", StringComparison.Ordinal));
                var changed = Body(kind, body["name"]!.GetValue<string>(), random);
                changed["rowVersion"] = body["rowVersion"]!.GetValue<uint>();
                using var response = await admin.PutAsJsonAsync(url, changed);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                changed["rowVersion"] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rowVersion").GetUInt32();
                created[index] = (url, changed);
                operations["change"]++;
            }
            else
            {
                var index = random.Next(created.Count);
                using var response = await admin.DeleteAsync(created[index].Url);
                Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
                created.RemoveAt(index);
                operations["delete"]++;
            }
        }

        Assert.All(operations, o => Assert.True(o.Value > 0, $"the sequence never did a {o.Key}"));
        await AssertEqualToRebuildAsync();

        // The edits' streams go again, and the table follows.
        foreach (var (url, _) in created)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(url)).StatusCode);
        }

        await AssertEqualToRebuildAsync();
    }

    [Fact]
    public async Task AStreamEdit_ReachesItsCandidates_InTheSameRequest()
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        var factory = (await app.AllFactoriesAsync()).First(f => f.ParkNameZh == Qingxi);
        var name = $"Stored outlet {Guid.NewGuid():N}";
        using var created = await staff.PostAsJsonAsync($"/api/v1/factories/{factory.Id}/effluent-streams", Body("effluent-streams", name, new Random(7)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var page = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/matching/parks/{factory.ParkId}/candidates?resource=water&includeBlocked=true&pageSize=200&sort=distance");
        var total = page.GetProperty("total").GetInt32();
        var mine = await AllAsync(staff, $"/api/v1/matching/parks/{factory.ParkId}/candidates?resource=water&includeBlocked=true", total);
        Assert.Contains(mine, c => c.GetProperty("supplyStreamId").GetGuid() == id);

        Assert.Equal(HttpStatusCode.NoContent, (await staff.DeleteAsync($"/api/v1/factories/{factory.Id}/effluent-streams/{id}")).StatusCode);
        var after = await AllAsync(staff, $"/api/v1/matching/parks/{factory.ParkId}/candidates?resource=water&includeBlocked=true", total);
        Assert.DoesNotContain(after, c => c.GetProperty("supplyStreamId").GetGuid() == id);
    }

    [Fact]
    public async Task AWaterPriceLeftUnfiled_IsCountedAsADefaultInTheStoredRow_AsInTheLiveExplanation()
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        var factory = (await app.AllFactoriesAsync()).First(f => f.ParkNameZh == Qingxi);
        var priced = Body("water-demands", $"Priced need {Guid.NewGuid():N}", new Random(11));
        var unpriced = priced.DeepClone().AsObject();
        unpriced["name"] = $"Unpriced need {Guid.NewGuid():N}";
        unpriced["currentWaterPriceNtdPerM3"] = null;
        var ids = new List<Guid>();
        foreach (var body in new[] { priced, unpriced })
        {
            using var created = await staff.PostAsJsonAsync($"/api/v1/factories/{factory.Id}/water-demands", body);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            ids.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        try
        {
            var rows = await AllAsync(staff, $"/api/v1/matching/parks/{factory.ParkId}/candidates?resource=water&includeBlocked=true", 0);
            Dictionary<Guid, JsonElement> Of(Guid demand) => rows.Where(c => c.GetProperty("demandStreamId").GetGuid() == demand)
                .ToDictionary(c => c.GetProperty("supplyStreamId").GetGuid());
            var withPrice = Of(ids[0]);
            var withoutPrice = Of(ids[1]);
            Assert.NotEmpty(withPrice);
            Assert.Equal(withPrice.Keys.Order(), withoutPrice.Keys.Order());

            // Where the pair has money figures, the unfiled tap price is one default more; where it has none, neither counts any.
            var differences = withPrice.Keys.Select(s => withoutPrice[s].GetProperty("defaultMoneyInputs").GetInt32() - withPrice[s].GetProperty("defaultMoneyInputs").GetInt32()).ToList();
            Assert.All(differences, d => Assert.InRange(d, 0, 1));
            Assert.Contains(1, differences);

            var (supply, row) = withoutPrice.First(p => p.Value.GetProperty("defaultMoneyInputs").GetInt32() > 0);
            var live = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/matching/pairs/{supply}/{ids[1]}");
            Assert.Equal(row.GetProperty("defaultMoneyInputs").GetInt32(), live.GetProperty("candidate").GetProperty("defaultMoneyInputs").GetInt32());
        }
        finally
        {
            foreach (var id in ids)
            {
                Assert.Equal(HttpStatusCode.NoContent, (await staff.DeleteAsync($"/api/v1/factories/{factory.Id}/water-demands/{id}")).StatusCode);
            }
        }
    }

    [Fact]
    public async Task Paging_ReturnsTheTotal_AndDisjointPagesInRankOrder()
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        var park = (await app.AllFactoriesAsync()).First(f => f.ParkNameZh == Qingxi).ParkId;

        var whole = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/matching/parks/{park}/candidates?includeBlocked=true&pageSize=200");
        var first = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/matching/parks/{park}/candidates?includeBlocked=true&pageSize=5&page=1");
        var second = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/matching/parks/{park}/candidates?includeBlocked=true&pageSize=5&page=2");

        var total = whole.GetProperty("total").GetInt32();
        Assert.True(total > 10, $"the demo park has {total} candidates");
        Assert.Equal(total, first.GetProperty("total").GetInt32());
        static string Pair(JsonElement c) => $"{c.GetProperty("supplyStreamId").GetGuid()}/{c.GetProperty("demandStreamId").GetGuid()}";
        var firstPairs = first.GetProperty("items").EnumerateArray().Select(Pair).ToList();
        var secondPairs = second.GetProperty("items").EnumerateArray().Select(Pair).ToList();
        Assert.Equal(5, firstPairs.Count);
        Assert.Equal(5, secondPairs.Count);
        Assert.Empty(firstPairs.Intersect(secondPairs));
        Assert.Equal(whole.GetProperty("items").EnumerateArray().Take(10).Select(Pair), firstPairs.Concat(secondPairs));
        var ranked = whole.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("feasible").GetBoolean()).SkipWhile(f => f).ToList();
        Assert.DoesNotContain(true, ranked); // feasible first

        var byBenefit = (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/matching/parks/{park}/candidates?pageSize=200&sort=-benefit")).GetProperty("items").EnumerateArray()
            .Where(c => !c.GetProperty("withheld").GetBoolean()).Select(c => c.GetProperty("netAnnualBenefitNtd").GetDecimal()).ToList();
        Assert.Equal(byBenefit.OrderByDescending(b => b), byBenefit);
    }

    [Fact]
    public async Task Paging_EveryParkReadsItsSupplySideAndItsCrossParkDemandSide_AsOneListInOrder()
    {
        // An effluent of a 溪南 factory next to 青溪 makes pairs whose demand side only is in 青溪.
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "en");
        var factories = await app.AllFactoriesAsync();
        var near = factories.First(f => f.ParkNameZh == Qingxi);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var input = TestFactories.Input(factories.First(f => f.ParkNameZh == "溪南工業區").ParkId, $"溪南分頁測試{suffix}", TestFactories.NextBusinessNumber(),
            $"彰化縣分頁路{suffix}號", near.Latitude + 0.005, near.Longitude);
        using var registered = await admin.PostAsJsonAsync("/api/v1/factories", input);
        var neighbour = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var effluent = await admin.PostAsJsonAsync($"/api/v1/factories/{neighbour}/effluent-streams", Body("effluent-streams", $"Across {suffix}", new Random(7)));
        Assert.Equal(HttpStatusCode.Created, effluent.StatusCode);
        await WaitForIdleAsync();

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Application.Abstractions.IEcoParkDbContext>();
        static string Pair(JsonElement c) => $"{c.GetProperty("supplyStreamId").GetGuid()}/{c.GetProperty("demandStreamId").GetGuid()}";
        var crossParkRowsSeen = 0;
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        async Task<List<string>> ReadAllAsync(HttpClient reader, string url, int pageSize)
        {
            var pairs = new List<string>();
            for (var page = 1; ; page++)
            {
                var items = (await reader.GetFromJsonAsync<JsonElement>($"{url}&pageSize={pageSize}&page={page}")).GetProperty("items").EnumerateArray().Select(Pair).ToList();
                pairs.AddRange(items);
                if (items.Count < pageSize)
                {
                    return pairs;
                }
            }
        }

        var readings = new[] { (admin, "rank"), (admin, "-benefit"), (admin, "distance"), (staff, "rank"), (staff, "-payback") };
        foreach (var (reader, sort, park) in readings.SelectMany(r => factories.Select(f => f.ParkId).Distinct().Select(park => (r.Item1, r.Item2, park))))
        {
            var url = $"/api/v1/matching/parks/{park}/candidates?includeBlocked=true&sort={sort}";
            using var probe = await reader.GetAsync(url + "&pageSize=1");
            if (probe.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
            {
                continue; // staff of one park
            }

            var total = (await probe.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32();
            var bigPages = await ReadAllAsync(reader, url, 200);
            var paged = await ReadAllAsync(reader, url, 7);
            var inPark = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.MatchCandidates.Where(c => c.SupplyParkId == park || c.DemandParkId == park).Select(c => new { c.SupplyStreamId, c.DemandStreamId, c.CrossPark }));
            crossParkRowsSeen += inPark.Count(c => c.CrossPark);

            Assert.Equal(bigPages, paged);
            Assert.Equal(inPark.Select(c => $"{c.SupplyStreamId}/{c.DemandStreamId}").Order(StringComparer.Ordinal), paged.Order(StringComparer.Ordinal));
            Assert.Equal(inPark.Count, total);
        }

        Assert.True(crossParkRowsSeen > 0, "the demo parks have pairs across parks, read from their demand side");
    }

    [Fact]
    public async Task Paging_BeyondTheCountLimit_SaysTheTotalIsALowerBound()
    {
        var handler = app.Factory.Services.GetRequiredService<Matchmaking>();
        var admin = new Domain.Access.Caller(Guid.NewGuid(), [Domain.Access.Roles.Administrator], [], []);
        var park = (await app.AllFactoriesAsync()).First(f => f.ParkNameZh == Qingxi).ParkId;

        var all = await handler.ParkCandidatesAsync(admin, park, new CandidateFilter(IncludeBlocked: true), new CandidatePaging(1, 5));
        var limited = await handler.ParkCandidatesAsync(admin, park, new CandidateFilter(IncludeBlocked: true), new CandidatePaging(1, 5) { CountLimit = 3 });

        Assert.False(all.TotalIsLowerBound);
        Assert.True(all.Total > 3, $"the demo park has {all.Total} candidates");
        Assert.Equal((3, true), (limited.Total, limited.TotalIsLowerBound));
        Assert.Equal(all.Items.Select(i => (i.SupplyStreamId, i.DemandStreamId)), limited.Items.Select(i => (i.SupplyStreamId, i.DemandStreamId)));
    }

    [Theory]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=abc", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("sort=name", "sort")]
    [InlineData("sort=benefit;drop", "sort")]
    public async Task Paging_BadValues_Return400NamingTheField(string query, string field)
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "zh-TW");
        var park = (await app.AllFactoriesAsync()).First(f => f.ParkNameZh == Qingxi).ParkId;

        using var response = await staff.GetAsync($"/api/v1/matching/parks/{park}/candidates?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ProblemDetailsAssert.ErrorsAsync(response);
        Assert.Contains(field, errors.Keys);
    }

    [Fact]
    public async Task Rebuild_IsForAdministrators_AndLeavesTheTableAsItWas()
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "en");

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync("/api/v1/matching/candidates/rebuild", null)).StatusCode);
        using var accepted = await admin.PostAsync("/api/v1/matching/candidates/rebuild", null);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);

        await WaitForIdleAsync();
        await AssertEqualToRebuildAsync();
    }

    private static async Task<List<JsonElement>> AllAsync(HttpClient client, string url, int atLeast)
    {
        var rows = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var answer = await client.GetFromJsonAsync<JsonElement>($"{url}&pageSize=200&page={page}");
            var items = answer.GetProperty("items").EnumerateArray().ToList();
            rows.AddRange(items);
            if (items.Count < 200 || rows.Count > atLeast + 1000)
            {
                return rows;
            }
        }
    }

    /// <summary>The stored rows equal what a rebuild from scratch computes, once no queued recomputation (from other tests) is left.</summary>
    private async Task AssertEqualToRebuildAsync()
    {
        await WaitForIdleAsync();
        var store = app.Factory.Services.GetRequiredService<CandidateStore>();
        var rebuilt = await store.ComputeAllAsync();
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Application.Abstractions.IEcoParkDbContext>();
        var stored = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.MatchCandidates));

        Assert.True(rebuilt.Count > 0, "a rebuild of the demo parks has rows");
        var differences = CandidateStore.Differences(stored, rebuilt);
        Assert.True(differences.Count == 0, $"{differences.Count} of {rebuilt.Count} rows differ, e.g. {string.Join(", ", differences.Take(3))}");
    }

    private async Task WaitForIdleAsync()
    {
        var store = app.Factory.Services.GetRequiredService<CandidateStore>();
        for (var i = 0; i < 600 && await store.ProgressAsync() is not null; i++)
        {
            await Task.Delay(100);
        }

        Assert.Null(await store.ProgressAsync());
    }

    private static JsonObject Body(string kind, string name, Random random) => kind switch
    {
        "effluent-streams" => new JsonObject
        {
            ["name"] = name,
            ["minM3PerDay"] = 10,
            ["avgM3PerDay"] = 20 + random.Next(400),
            ["maxM3PerDay"] = 900,
            ["daysPerWeek"] = 5 + random.Next(3),
            ["hoursPerDay"] = 24,
            ["route"] = "parkWwtp",
            ["dischargeFeeNtdPerM3"] = random.Next(2) == 0 ? null : 10 + random.Next(20),
            ["confidential"] = new JsonObject { ["exactVolumes"] = random.Next(2) == 0 },
            ["quality"] = new JsonArray(
                new JsonObject { ["key"] = "codMgL", ["value"] = 5 + random.Next(200), ["basis"] = "lab", ["sampleDate"] = "2026-06-01" },
                new JsonObject { ["key"] = "conductivityUsCm", ["value"] = 200 + random.Next(3000), ["basis"] = "declared" }),
        },
        "water-demands" => new JsonObject
        {
            ["name"] = name,
            ["use"] = random.Next(2) == 0 ? "cooling" : "process",
            ["flowM3PerDay"] = 10 + random.Next(300),
            ["limits"] = new JsonArray(new JsonObject { ["key"] = "codMgL", ["max"] = 20 + random.Next(150) }),
            ["currentWaterQuality"] = new JsonArray(),
            ["currentWaterPriceNtdPerM3"] = 10 + random.Next(10),
        },
        _ => new JsonObject
        {
            ["name"] = name,
            ["direction"] = random.Next(2) == 0 ? "supply" : "demand",
            ["medium"] = "hotWater",
            ["supplyTemperatureC"] = 70 + random.Next(40),
            ["returnTemperatureC"] = 40,
            ["loadKw"] = 100 + random.Next(900),
            ["currentFuel"] = "naturalGas",
        },
    };
}
