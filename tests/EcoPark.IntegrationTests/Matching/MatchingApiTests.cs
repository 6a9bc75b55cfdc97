using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcoPark.Infrastructure.Seeding;
using EcoPark.IntegrationTests.Infrastructure;

namespace EcoPark.IntegrationTests.Matching;

/// <summary>Matching through the API on the demo park: the stateless evaluation, the workbench, the lifecycle and staged disclosure.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class MatchingApiTests(DemoAppFixture app)
{
    private const string Wwtp = "青溪工業區污水處理廠";
    private const string Caster = "鋁鑫金屬股份有限公司";

    [Fact]
    public async Task Evaluate_IssueExample_JudgesEveryLimit_AndNeverPassesTheUnmeasured()
    {
        using var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email, "en");

        using var response = await engineer.PostAsJsonAsync("/api/v1/matching/water/evaluate", Example());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(result.GetProperty("feasibleAsIs").GetBoolean());
        var verdicts = result.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("key").GetString()!, p => p.GetProperty("verdict").GetString());
        Assert.Equal("fail", verdicts["conductivityUsCm"]);
        Assert.Equal("unknown", verdicts["tocMgL"]);
        Assert.Equal("unknown", verdicts["copperMgL"]);
        Assert.Empty(result.GetProperty("blockers").EnumerateArray());
        Assert.InRange(result.GetProperty("distanceM").GetDecimal(), 70, 110); // 0.001° of longitude at 25° N ≈ 101 m
        Assert.True(result.TryGetProperty("economics", out _));
        Assert.True(result.TryGetProperty("co2eAvoidedKgPerYear", out _));
    }

    [Fact]
    public async Task Evaluate_FoodProcessDemand_IsBlockedAsReclaimedNotAllowed()
    {
        using var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email, "en");
        var body = Example();
        body["demand"]!["industry"] = "food";

        var result = await (await engineer.PostAsJsonAsync("/api/v1/matching/water/evaluate", body)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Contains("reclaimed-not-allowed", result.GetProperty("blockers").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal(JsonValueKind.Null, result.GetProperty("treatment").ValueKind); // treatment never lifts a hard block
    }

    [Theory]
    [InlineData("unknown-key", "supply.quality.codMgl")]
    [InlineData("negative-flow", "supply.flowM3PerDay")]
    [InlineData("ph-range", "demand.limits.phMin")]
    [InlineData("latitude", "supply.latitude")]
    public async Task Evaluate_BadInput_Returns400NamingTheField(string problem, string field)
    {
        using var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email, "en");
        var body = Example();
        switch (problem)
        {
            case "unknown-key": body["supply"]!["quality"]!["codMgl"] = 3; break;
            case "negative-flow": body["supply"]!["flowM3PerDay"] = -1; break;
            case "ph-range": body["demand"]!["limits"]!["phMin"] = 9; body["demand"]!["limits"]!["phMax"] = 8; break;
            default: body["supply"]!["latitude"] = 95; break;
        }

        using var response = await engineer.PostAsJsonAsync("/api/v1/matching/water/evaluate", body);

        Assert.Contains(field, (await ProblemDetailsAssert.ErrorsAsync(response)).Keys);
    }

    [Fact]
    public async Task Lifecycle_StaffTakeTheWwtpToCasterPairToOperation_AndTheEngineerSeesItAnonymouslyUntilIntroduced()
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        var park = (await app.FactoryNamedAsync(Wwtp)).ParkId;
        var candidates = (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/matching/parks/{park}/candidates?resource=water&pageSize=200")).GetProperty("items").EnumerateArray().ToArray();
        var (wwtpId, casterId) = ((await app.FactoryNamedAsync(Wwtp)).Id, (await app.FactoryNamedAsync(Caster)).Id); // names follow the reader's language
        var pair = candidates.Single(c => c.GetProperty("supplyFactoryId").GetGuid() == wwtpId && c.GetProperty("demandFactoryId").GetGuid() == casterId);
        Assert.Equal("feasible-as-is", pair.GetProperty("status").GetString());

        using var engineer2 = await app.SignedInAsync(DemoAccounts.SecondEngineer.Email, "en");
        var before = await engineer2.GetStringAsync("/api/v1/matching/opportunities");
        Assert.Contains("\"otherIndustry\":\"wwtp\"", before, StringComparison.Ordinal);
        Assert.DoesNotContain(Wwtp, before, StringComparison.Ordinal);
        Assert.DoesNotContain("dischargeFee", before, StringComparison.OrdinalIgnoreCase);

        using var taken = await staff.PostAsJsonAsync("/api/v1/matches", new
        {
            supplyStreamId = pair.GetProperty("supplyStreamId").GetGuid(),
            demandStreamId = pair.GetProperty("demandStreamId").GetGuid(),
            note = "call both plants"
        });
        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        var match = await taken.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("proposed", match.GetProperty("state").GetString());
        var id = match.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync("/api/v1/matches", new
        {
            supplyStreamId = pair.GetProperty("supplyStreamId").GetGuid(),
            demandStreamId = pair.GetProperty("demandStreamId").GetGuid()
        })).StatusCode);

        match = await Post(staff, $"/api/v1/matches/{id}/advance", new { to = "contacted", rowVersion = Version(match) });
        match = await Post(staff, $"/api/v1/matches/{id}/advance", new { to = "negotiating", rowVersion = Version(match) });
        using var skipped = await staff.PostAsJsonAsync($"/api/v1/matches/{id}/advance", new { to = "operating", rowVersion = Version(match) });
        Assert.Equal(HttpStatusCode.BadRequest, skipped.StatusCode);
        match = await Post(staff, $"/api/v1/matches/{id}/agree", new
        {
            quantity = 40,
            supplierWaterPercent = 20,
            supplierEnergyPercent = 50,
            supplierCo2ePercent = 20,
            rowVersion = Version(match)
        });
        Assert.Equal("agreed", match.GetProperty("state").GetString());

        using var auditor = await app.SignedInAsync(DemoAccounts.Auditor.Email, "en");
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync($"/api/v1/matches/{id}/advance", new { to = "permits", rowVersion = Version(match) })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await engineer2.GetAsync($"/api/v1/matches/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsync($"/api/v1/matches/{id}/introduce", null)).StatusCode);

        var consented = await (await engineer2.PostAsync($"/api/v1/matches/{id}/consent", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(consented.GetProperty("ownConsent").GetBoolean());
        Assert.DoesNotContain(Wwtp, await engineer2.GetStringAsync("/api/v1/matching/opportunities"), StringComparison.Ordinal);
        using var supplierSide = await StaffRecordedConsentAsync(id);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/v1/matches/{id}/introduce", null)).StatusCode);
        Assert.Contains((await app.FactoryNamedAsync(Wwtp)).NameEn, await engineer2.GetStringAsync("/api/v1/matching/opportunities"), StringComparison.Ordinal);

        using var pdf = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.7 effluent use plan"u8.ToArray()), "file", "use-plan.pdf" } };
        var withDocument = await (await staff.PostAsync($"/api/v1/matches/{id}/documents", pdf)).Content.ReadFromJsonAsync<JsonElement>();
        var document = withDocument.GetProperty("documents")[0];
        Assert.Equal(("use-plan.pdf", "agreed"), (document.GetProperty("fileName").GetString(), document.GetProperty("state").GetString()));
        Assert.Equal("%PDF-1.7 effluent use plan", await staff.GetStringAsync($"/api/v1/matches/{id}/documents/{document.GetProperty("id").GetGuid()}"));
        using var exe = new MultipartFormDataContent { { new ByteArrayContent("MZ not a pdf"u8.ToArray()), "file", "plan.pdf" } };
        Assert.Contains("file", (await ProblemDetailsAssert.ErrorsAsync(await staff.PostAsync($"/api/v1/matches/{id}/documents", exe))).Keys);

        var credits = await staff.GetFromJsonAsync<JsonElement[]>($"/api/v1/parks/{park}/match-credits");
        var pairFactories = new[] { pair.GetProperty("supplyFactoryId").GetGuid(), pair.GetProperty("demandFactoryId").GetGuid() }; // the demo's seeded linkages credit other factories
        Assert.Equal(pair.GetProperty("netAnnualBenefitNtd").GetDecimal(),
            credits!.Where(c => pairFactories.Contains(c.GetProperty("factoryId").GetGuid())).Sum(c => c.GetProperty("benefitNtdPerYear").GetDecimal()), 0);
    }

    [Fact]
    public async Task Explanation_ForABuyerWithFiledMonths_TakesTheMarginalFeeFromTheFeeEngine()
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        var buyer = await app.FactoryNamedAsync("光域光電股份有限公司");
        foreach (var month in new[] { "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04" })
        {
            var balance = new JsonObject
            {
                ["period"] = month,
                ["submit"] = true,
                ["intake"] = new JsonObject { ["tapM3"] = 12_000 },
                ["uses"] = new JsonObject { ["processM3"] = 12_000 },
                ["outflows"] = new JsonObject { ["sewerM3"] = 11_000, ["evaporationLossM3"] = 1_000 },
            };
            using var filed = await staff.PostAsJsonAsync($"/api/v1/factories/{buyer.Id}/water-balances", balance);
            Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        }

        using var created = await staff.PostAsJsonAsync($"/api/v1/factories/{buyer.Id}/water-demands",
            new { name = "Scrubber make-up", use = "cooling", flowM3PerDay = 40, reclaimedAllowed = true });
        var demand = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var wwtp = await app.FactoryNamedAsync(Wwtp);
        var effluent = (await staff.GetFromJsonAsync<JsonElement[]>($"/api/v1/factories/{wwtp.Id}/effluent-streams"))![0].GetProperty("id").GetGuid();

        var explanation = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/matching/pairs/{effluent}/{demand}");

        var fee = explanation.GetProperty("water").GetProperty("inputs").EnumerateArray().Single(i => i.GetProperty("name").GetString() == "marginalFeeNtdPerM3");
        Assert.Equal("filed", fee.GetProperty("source").GetString());
        // Changed by the honest-economics issue (it was 3 NTD/m³ on every m³): 12,000 m³/month of tap water is above the 9,000 threshold
        // all window long, so the 40 m³/day replaced saves 3 NTD/m³ on the window's 181 days, spread over the 365 days matched.
        Assert.Equal(3m * 181 / 365, fee.GetProperty("value").GetDecimal(), 6);
    }

    [Fact]
    public async Task Explanation_ForADemandFiledWithItsOwnSchedule_CountsOnlyTheHoursBothSidesRun()
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        var buyer = await app.FactoryNamedAsync("光域光電股份有限公司");
        using var created = await staff.PostAsJsonAsync($"/api/v1/factories/{buyer.Id}/water-demands",
            new { name = "Day-shift rinse", use = "cooling", flowM3PerDay = 40, reclaimedAllowed = true, daysPerWeek = 5, hoursPerDay = 12 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var demand = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var saved = (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/factories/{buyer.Id}/water-demands/{demand}")).GetProperty("stream");
        Assert.Equal((5, 12m), (saved.GetProperty("daysPerWeek").GetInt32(), saved.GetProperty("hoursPerDay").GetDecimal()));
        var wwtp = await app.FactoryNamedAsync(Wwtp);
        var effluent = (await staff.GetFromJsonAsync<JsonElement[]>($"/api/v1/factories/{wwtp.Id}/effluent-streams"))![0].GetProperty("id").GetGuid();

        var explanation = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/matching/pairs/{effluent}/{demand}");

        // The WWTP runs around the clock: the pair runs only in the buyer's 12 hours.
        var hours = explanation.GetProperty("water").GetProperty("inputs").EnumerateArray().Single(i => i.GetProperty("name").GetString() == "commonHoursPerDay");
        Assert.Equal(12m, hours.GetProperty("value").GetDecimal());
    }

    [Theory]
    [InlineData(0, 8, "DaysPerWeek")]
    [InlineData(5, 25, "HoursPerDay")]
    public async Task WaterDemand_WithAScheduleOutsideAWeekOrADay_IsRefusedNamingTheField(int days, decimal hours, string field)
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        var buyer = await app.FactoryNamedAsync("光域光電股份有限公司");

        using var refused = await staff.PostAsJsonAsync($"/api/v1/factories/{buyer.Id}/water-demands",
            new { name = "Bad schedule", use = "cooling", flowM3PerDay = 40, reclaimedAllowed = true, daysPerWeek = days, hoursPerDay = hours });

        Assert.Contains(field, (await ProblemDetailsAssert.ErrorsAsync(refused)).Keys, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ConsentOnBehalf_NeedsASignedLetterASignerAndADate_AndOnlyForAFactoryWithoutAnEngineer()
    {
        var (id, _) = await app.MatchWithNewSupplierAsync("代同意測試"); // the buyer side, the dyer, has an engineer account
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "zh-TW");
        byte[] pdf = [.. "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8];
        Task<HttpResponseMessage> RecordAsync(HttpClient client, string side, string signedBy, string signedOn, bool withLetter = true)
        {
            var form = new MultipartFormDataContent { { new StringContent(side), "side" }, { new StringContent(signedBy), "signedBy" }, { new StringContent(signedOn), "signedOn" } };
            if (withLetter)
            {
                form.Add(new ByteArrayContent(pdf) { Headers = { ContentType = new("application/pdf") } }, "file", "letter.pdf");
            }

            return client.PostAsync($"/api/v1/matches/{id}/consent-on-behalf", form);
        }

        var today = DateOnly.FromDateTime(DateTime.Today).ToString("yyyy-MM-dd");
        Assert.Contains("signedBy", (await ProblemDetailsAssert.ErrorsAsync(await RecordAsync(staff, "supplier", "", today))).Keys);
        Assert.Contains("signedOn", (await ProblemDetailsAssert.ErrorsAsync(await RecordAsync(staff, "supplier", "王廠長", "2099-01-01"))).Keys);
        Assert.Contains("file", (await ProblemDetailsAssert.ErrorsAsync(await RecordAsync(staff, "supplier", "王廠長", today, withLetter: false))).Keys);
        var engineerSide = await ProblemDetailsAssert.ErrorsAsync(await RecordAsync(staff, "buyer", "李課長", today)); // the dyer has an engineer
        Assert.Contains("工程師", engineerSide["side"][0], StringComparison.Ordinal);
        using var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email, "en");
        Assert.Equal(HttpStatusCode.Forbidden, (await RecordAsync(engineer, "supplier", "王廠長", today)).StatusCode);

        using var recorded = await RecordAsync(staff, "supplier", "王廠長", today);

        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        var match = await recorded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(match.GetProperty("supplierConsented").GetBoolean());
        var consent = match.GetProperty("consents").EnumerateArray().Single();
        Assert.Equal(("supplier", true, "王廠長", DemoAccounts.Staff.Email), (consent.GetProperty("side").GetString(), consent.GetProperty("onBehalf").GetBoolean(),
            consent.GetProperty("signedBy").GetString(), consent.GetProperty("recordedBy").GetString()));
        var letter = consent.GetProperty("letterId").GetGuid();
        Assert.Equal(pdf, await staff.GetByteArrayAsync($"/api/v1/matches/{id}/documents/{letter}"));
        Assert.Contains("side", (await ProblemDetailsAssert.ErrorsAsync(await RecordAsync(staff, "supplier", "王廠長", today))).Keys); // once per side
    }

    [Fact]
    public async Task RuleSets_AdministratorsAddACheckedVersion_OthersCannot()
    {
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "en");
        var parameters = JsonNode.Parse(await admin.GetStringAsync("/api/v1/matching/rule-sets/parameters/defaults-2026-12"))!.AsObject();
        parameters["version"] = "test-2030";
        parameters["effectiveFrom"] = "2030-01-01";

        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        Assert.Equal(HttpStatusCode.Forbidden,
            (await staff.PostAsJsonAsync("/api/v1/matching/rule-sets/parameters", new JsonObject { ["parameters"] = parameters.DeepClone(), ["note"] = "x" })).StatusCode);
        var bad = parameters.DeepClone().AsObject();
        bad["daysPerMonth"] = 40;
        Assert.Contains("daysPerMonth", (await ProblemDetailsAssert.ErrorsAsync(
            await admin.PostAsJsonAsync("/api/v1/matching/rule-sets/parameters", new JsonObject { ["parameters"] = bad, ["note"] = "wrong" }))).Keys);

        using var added = await admin.PostAsJsonAsync("/api/v1/matching/rule-sets/parameters", new JsonObject { ["parameters"] = parameters, ["note"] = "grid factor 2030" });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Contains("test-2030", await admin.GetStringAsync("/api/v1/matching/rule-sets"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RuleSets_TheSameVersionAddedTwiceAtOnce_IsStoredOnceAsSent_AndTheOtherIsRefusedOnItsVersion()
    {
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "en");
        var catalogue = JsonNode.Parse(await admin.GetStringAsync("/api/v1/matching/rule-sets/treatments/defaults-2026-12"))!.AsObject();
        var version = $"race-{Guid.NewGuid():N}";
        catalogue["version"] = version;
        catalogue["effectiveFrom"] = "2031-01-01";

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            admin.PostAsJsonAsync("/api/v1/matching/rule-sets/treatments", new JsonObject { ["catalogue"] = catalogue.DeepClone(), ["note"] = "race" })));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.BadRequest], responses.Select(r => r.StatusCode).Order());
        var refused = responses.Single(r => r.StatusCode == HttpStatusCode.BadRequest);
        Assert.Contains("version", (await ProblemDetailsAssert.ErrorsAsync(refused)).Keys);
        var stored = JsonNode.Parse(await admin.GetStringAsync($"/api/v1/matching/rule-sets/treatments/{version}"));
        Assert.True(JsonNode.DeepEquals(catalogue, stored), "the stored catalogue is not the one sent");
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    /// <summary>The WWTP has no engineer account in the demo: an administrator creates one, who consents for the supplier's side.</summary>
    private async Task<HttpResponseMessage> StaffRecordedConsentAsync(Guid id)
    {
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "en");
        var wwtp = await app.FactoryNamedAsync(Wwtp);
        var email = $"wwtp-{Guid.NewGuid():N}@example.com";
        using var created = await admin.PostAsJsonAsync("/api/v1/users", new { email, displayName = "WWTP engineer", password = "Wwtp#Engineer2026", role = "FactoryEngineer", factoryIds = new[] { wwtp.Id } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var wwtpEngineer = await app.SignedInAsync(email, "en", "Wwtp#Engineer2026");
        return await wwtpEngineer.PostAsync($"/api/v1/matches/{id}/consent", null);
    }

    private static async Task<JsonElement> Post(HttpClient client, string url, object body)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static uint Version(JsonElement match) => match.GetProperty("rowVersion").GetUInt32();

    internal static JsonObject Example() => new()
    {
        ["supply"] = new JsonObject
        {
            ["flowM3PerDay"] = 3500,
            ["industry"] = "electronics",
            ["latitude"] = 24.99,
            ["longitude"] = 121.45,
            ["quality"] = new JsonObject { ["codMgL"] = 85, ["ssMgL"] = 20, ["conductivityUsCm"] = 6000 },
        },
        ["demand"] = new JsonObject
        {
            ["use"] = "process",
            ["flowM3PerDay"] = 150,
            ["industry"] = "other",
            ["reclaimedAllowed"] = true,
            ["latitude"] = 24.99,
            ["longitude"] = 121.451,
            ["limits"] = new JsonObject { ["tocMgL"] = 1.5, ["copperMgL"] = 1.5, ["conductivityUsCm"] = 1000 },
        },
    };
}
