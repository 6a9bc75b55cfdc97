using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EcoPark.Application.Factories;
using EcoPark.Infrastructure.Seeding;
using EcoPark.IntegrationTests.Infrastructure;

namespace EcoPark.IntegrationTests.Matching;

/// <summary>
/// What of a match reaches its parties and the staff of another park. Each answer is walked as JSON: no value of the
/// other party's (stream name, factory, exact confidential volume, quality values, fees and prices, staff notes and
/// e-mails, predicted benefit) before the introduction, and no money field of either party, ever.
/// </summary>
[Collection(DemoAppCollection.Name)]
public sealed partial class ConfidentialityTests(DemoAppFixture app)
{
    private const string Dyeing = "永彩染整股份有限公司";
    private const string Caster = "鋁鑫金屬股份有限公司";
    private const string StaffNote = "staff-only note: caster pays too much";

    [Fact]
    public async Task Consent_AsTheBuyersEngineer_AnswersTheAnonymisedView()
    {
        var match = await OpenMatchAsync("buyer-consent");
        using var buyer = await app.SignedInAsync(DemoAccounts.SecondEngineer.Email, "en");

        using var response = await buyer.PostAsync($"/api/v1/matches/{match.Id}/consent", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        AssertNothingLeaks(body, match.SupplySecrets);
        Assert.True(body.GetProperty("ownConsent").GetBoolean());
        Assert.Equal("dyeing", body.GetProperty("otherIndustry").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("otherFactoryName").ValueKind);
    }

    [Fact]
    public async Task Consent_AsTheSuppliersEngineer_AnswersTheAnonymisedView()
    {
        var match = await OpenMatchAsync("supplier-consent");
        using var supplier = await app.SignedInAsync(DemoAccounts.Engineer.Email, "en");

        using var response = await supplier.PostAsync($"/api/v1/matches/{match.Id}/consent", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        AssertNothingLeaks(body, match.DemandSecrets);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("quantity").ValueKind); // the buyer keeps its volume confidential: a band only
        Assert.True(body.GetProperty("quantityLow").GetDecimal() <= 345.6m && 345.6m < body.GetProperty("quantityHigh").GetDecimal());
    }

    [Fact]
    public async Task Opportunities_OfBothEngineersOnAMatch_ShowNeitherTheOtherSideNorMoney()
    {
        var match = await OpenMatchAsync("opportunities");
        using var supplier = await app.SignedInAsync(DemoAccounts.Engineer.Email, "en");
        using var buyer = await app.SignedInAsync(DemoAccounts.SecondEngineer.Email, "en");

        var supplierView = await JsonAsync(await supplier.GetAsync("/api/v1/matching/opportunities"));
        var buyerView = await JsonAsync(await buyer.GetAsync("/api/v1/matching/opportunities"));

        AssertNothingLeaks(Single(supplierView, match.Id), match.DemandSecrets);
        AssertNothingLeaks(Single(buyerView, match.Id), match.SupplySecrets);
        AssertNothingLeaks(supplierView, [match.DemandName]);
        AssertNothingLeaks(buyerView, [match.SupplyName]);
    }

    /// <summary>Every other match endpoint an engineer can reach answers without a trace of either side.</summary>
    [Theory]
    [InlineData("GET /api/v1/matches/{id}")]
    [InlineData("GET /api/v1/matches?parkId={park}")]
    [InlineData("POST /api/v1/matches/{id}/advance")]
    [InlineData("POST /api/v1/matches/{id}/agree")]
    [InlineData("POST /api/v1/matches/{id}/decline")]
    [InlineData("POST /api/v1/matches/{id}/notes")]
    [InlineData("POST /api/v1/matches/{id}/months")]
    [InlineData("POST /api/v1/matches/{id}/introduce")]
    [InlineData("POST /api/v1/matches/{id}/join")]
    [InlineData("POST /api/v1/matches/{id}/documents")]
    [InlineData("GET /api/v1/matches/{id}/documents/{document}")]
    [InlineData("GET /api/v1/matching/pairs/{supply}/{demand}")]
    [InlineData("GET /api/v1/matching/streams/{supply}/candidates")]
    [InlineData("GET /api/v1/matching/parks/{park}/candidates")]
    [InlineData("GET /api/v1/parks/{park}/match-credits")]
    public async Task OtherMatchEndpoints_CalledByTheBuyersEngineer_LeakNothing(string endpoint)
    {
        var match = await OpenMatchAsync("endpoint-" + endpoint.GetHashCode(StringComparison.Ordinal).ToString("x8", CultureInfo.InvariantCulture));
        using var buyer = await app.SignedInAsync(DemoAccounts.SecondEngineer.Email, "en");
        var (method, template) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1]);
        var url = template.Replace("{id}", match.Id.ToString(), StringComparison.Ordinal).Replace("{park}", match.ParkId.ToString(), StringComparison.Ordinal)
            .Replace("{supply}", match.SupplyId.ToString(), StringComparison.Ordinal).Replace("{demand}", match.DemandId.ToString(), StringComparison.Ordinal)
            .Replace("{document}", match.DocumentId.ToString(), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "POST")
        {
            request.Content = url.EndsWith("/documents", StringComparison.Ordinal)
                ? new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.7 engineer"u8.ToArray()), "file", "engineer.pdf" } }
                : JsonContent.Create(new { to = "contacted", quantity = 10, reason = "x", note = "x", month = "2026-01", measuredQuantity = 1, rowVersion = match.RowVersion });
        }

        using var response = await buyer.SendAsync(request);

        Assert.InRange((int)response.StatusCode, 400, 499);
        var text = await response.Content.ReadAsStringAsync();
        if (text.Length > 0)
        {
            AssertNothingLeaks(JsonDocument.Parse(text).RootElement, match.SupplySecrets);
        }
    }

    [Fact]
    public async Task CrossPark_StaffSeeTheOtherParksSideAnonymised_UntilItsStaffJoin_AndOnlyThenIntroduce()
    {
        var parks = await ParksAsync();
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "en");
        var xinanStaff = await NewUserAsync(admin, "ParkStaff", parkIds: [parks.Xinan]);
        var caster = await app.FactoryNamedAsync(Caster);
        var factory = await RegisterAsync(admin, parks.Xinan, caster.Latitude + 0.01, caster.Longitude);
        var xinanEngineer = await NewUserAsync(admin, "FactoryEngineer", factoryIds: [factory.Id]);
        var supplyName = $"Xinan outlet {Guid.NewGuid():N}";
        var supply = await CreateAsync(xinanStaff, $"/api/v1/factories/{factory.Id}/effluent-streams", Effluent(supplyName));
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        var demandName = $"Caster cooling {Guid.NewGuid():N}";
        var demand = await CreateAsync(staff, $"/api/v1/factories/{caster.Id}/water-demands", Demand(demandName));
        string[] xinanSecrets = [supplyName, factory.NameZh, factory.NameEn, "1234.5", "13.57", "43.21", "17.89", "7.31"];

        var pair = await JsonAsync(await staff.GetAsync($"/api/v1/matching/pairs/{supply}/{demand}"));
        var forDemand = await JsonAsync(await staff.GetAsync($"/api/v1/matching/streams/{demand}/candidates"));
        var inPark = await JsonAsync(await staff.GetAsync($"/api/v1/matching/parks/{parks.Qingxi}/candidates?resource=water&includeBlocked=true"));

        AssertNothingLeaks(pair, xinanSecrets, moneyAllowed: false);
        Assert.True(pair.GetProperty("candidate").GetProperty("withheld").GetBoolean());
        AssertNothingLeaks(Assert.Single(forDemand.EnumerateArray(), c => c.GetProperty("candidate").GetProperty("supplyStreamId").GetGuid() == supply), xinanSecrets);
        var fromXinan = inPark.GetProperty("items").EnumerateArray().Where(c => c.GetProperty("supplyStreamId").GetGuid() == supply).ToList();
        Assert.Contains(fromXinan, c => c.GetProperty("demandStreamId").GetGuid() == demand);
        Assert.All(fromXinan, c => AssertNothingLeaks(c, xinanSecrets));
        // In its name's place the withheld factory is named by its industry, in the reader's language (not by its key).
        Assert.All(fromXinan, c => Assert.Equal("(Chemicals)", c.GetProperty("supplyFactory").GetString()));

        using var taken = await staff.PostAsJsonAsync("/api/v1/matches", new { supplyStreamId = supply, demandStreamId = demand, note = StaffNote });
        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        var match = await JsonAsync(taken);
        AssertNothingLeaks(match, xinanSecrets);
        Assert.Equal(parks.Xinan, match.GetProperty("partnerParkId").GetGuid());
        var id = match.GetProperty("id").GetGuid();
        using var buyerEngineer = await app.SignedInAsync(DemoAccounts.SecondEngineer.Email, "en");
        Assert.Equal(HttpStatusCode.OK, (await buyerEngineer.PostAsync($"/api/v1/matches/{id}/consent", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await xinanEngineer.PostAsync($"/api/v1/matches/{id}/consent", null)).StatusCode);

        Assert.Contains("partnerPark", (await ProblemDetailsAssert.ErrorsAsync(await staff.PostAsync($"/api/v1/matches/{id}/introduce", null))).Keys);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"/api/v1/matches/{id}/join", null)).StatusCode);
        var partnerView = await JsonAsync(await xinanStaff.GetAsync($"/api/v1/matches/{id}"));
        Assert.Equal(demandName, partnerView.GetProperty("demandName").GetString()); // the leading park's staff take part already
        AssertNothingLeaks(await JsonAsync(await staff.GetAsync($"/api/v1/matches/{id}")), xinanSecrets);

        Assert.Equal(HttpStatusCode.OK, (await xinanStaff.PostAsync($"/api/v1/matches/{id}/join", null)).StatusCode);

        var joined = await JsonAsync(await staff.GetAsync($"/api/v1/matches/{id}"));
        Assert.Equal(supplyName, joined.GetProperty("supplyName").GetString());
        Assert.Equal(factory.NameEn, joined.GetProperty("supplyFactory").GetString()); // the English name for an English reader
        var explained = await JsonAsync(await staff.GetAsync($"/api/v1/matching/pairs/{supply}/{demand}"));
        Assert.False(explained.GetProperty("candidate").GetProperty("withheld").GetBoolean());
        Assert.Contains("43.21", explained.GetProperty("water").GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/v1/matches/{id}/introduce", null)).StatusCode);
        Assert.Contains(match.GetProperty("id").GetGuid().ToString(), await xinanStaff.GetStringAsync($"/api/v1/matches?parkId={parks.Xinan}"), StringComparison.Ordinal);
    }

    /// <summary>Walks every property: no forbidden text or number anywhere, and (unless allowed) no money field at all.</summary>
    private static void AssertNothingLeaks(JsonElement element, IReadOnlyList<string> secrets, bool moneyAllowed = false, string path = "$")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Assert.False(!moneyAllowed && MoneyName().IsMatch(property.Name) && property.Value.ValueKind != JsonValueKind.Null,
                        $"{path}.{property.Name} is money: {property.Value}");
                    AssertNothingLeaks(property.Value, secrets, moneyAllowed, $"{path}.{property.Name}");
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    AssertNothingLeaks(item, secrets, moneyAllowed, $"{path}[{i++}]");
                }

                break;
            case JsonValueKind.String:
                var text = element.GetString()!;
                Assert.DoesNotContain(secrets, s => text.Contains(s, StringComparison.OrdinalIgnoreCase));
                break;
            case JsonValueKind.Number:
                var number = element.GetDecimal().ToString(CultureInfo.InvariantCulture);
                Assert.False(secrets.Contains(number), $"{path} = {number} is the other party's figure");
                break;
        }
    }

    [GeneratedRegex("N[Tt][Dd]([A-Z]|$)|[Pp]rice|[Cc]ost|[Ff]ee([A-Z]|$)|[Bb]enefit|[Ss]aving|[Pp]ayback")]
    private static partial Regex MoneyName();

    private static JsonElement Single(JsonElement opportunities, Guid matchId) =>
        Assert.Single(opportunities.EnumerateArray(), o => o.TryGetProperty("matchId", out var id) && id.ValueKind == JsonValueKind.String && id.GetGuid() == matchId);

    /// <summary>A match staff opened (with a note and a document) between a new outlet of the dyeing plant and a new demand of the caster.</summary>
    private async Task<OpenMatch> OpenMatchAsync(string tag)
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        var dyeing = await app.FactoryNamedAsync(Dyeing);
        var caster = await app.FactoryNamedAsync(Caster);
        var supplyName = $"Dye outlet {tag} {Guid.NewGuid():N}";
        var demandName = $"Caster make-up {tag} {Guid.NewGuid():N}";
        var supply = await CreateAsync(staff, $"/api/v1/factories/{dyeing.Id}/effluent-streams", Effluent(supplyName));
        var demand = await CreateAsync(staff, $"/api/v1/factories/{caster.Id}/water-demands", Demand(demandName));
        using var taken = await staff.PostAsJsonAsync("/api/v1/matches", new { supplyStreamId = supply, demandStreamId = demand, note = StaffNote });
        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        var match = await JsonAsync(taken);
        var id = match.GetProperty("id").GetGuid();
        using var pdf = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.7 staff memo"u8.ToArray()), "file", "staff-memo.pdf" } };
        var withDocument = await JsonAsync(await staff.PostAsync($"/api/v1/matches/{id}/documents", pdf));
        var benefit = match.GetProperty("predictedAnnualBenefitNtd").GetDecimal();
        string[] common = [StaffNote, DemoAccounts.Staff.Email, "staff-memo", .. Math.Abs(benefit) >= 100 ? [benefit.ToString(CultureInfo.InvariantCulture)] : Array.Empty<string>()];
        return new OpenMatch(id, dyeing.ParkId, supply, demand, withDocument.GetProperty("documents")[0].GetProperty("id").GetGuid(),
            withDocument.GetProperty("rowVersion").GetUInt32(), supplyName, demandName,
            [.. common, supplyName, dyeing.NameZh, dyeing.NameEn, "1234.5", "13.57", "43.21", "17.89", "7.31", "dye notes"],
            [.. common, demandName, caster.NameZh, caster.NameEn, "345.6", "24.68", "19.75", "caster notes"]);
    }

    private sealed record OpenMatch(Guid Id, Guid ParkId, Guid SupplyId, Guid DemandId, Guid DocumentId, uint RowVersion, string SupplyName, string DemandName,
        string[] SupplySecrets, string[] DemandSecrets);

    private static JsonObject Effluent(string name) => new()
    {
        ["name"] = name,
        ["minM3PerDay"] = 1000,
        ["avgM3PerDay"] = 1234.5,
        ["maxM3PerDay"] = 1500,
        ["route"] = "parkWwtp",
        ["dischargeFeeNtdPerM3"] = 13.57,
        ["notes"] = "dye notes",
        ["quality"] = new JsonArray(
            new JsonObject { ["key"] = "codMgL", ["value"] = 43.21, ["basis"] = "lab", ["sampleDate"] = "2026-11-02" },
            new JsonObject { ["key"] = "ssMgL", ["value"] = 17.89, ["basis"] = "lab", ["sampleDate"] = "2026-11-02" },
            new JsonObject { ["key"] = "ph", ["value"] = 7.31, ["basis"] = "lab", ["sampleDate"] = "2026-11-02" }),
    };

    private static JsonObject Demand(string name) => new()
    {
        ["name"] = name,
        ["use"] = "cooling",
        ["flowM3PerDay"] = 345.6,
        ["reclaimedAllowed"] = true,
        ["maxPipeDistanceM"] = 20000,
        ["maxPriceNtdPerM3"] = 24.68,
        ["currentWaterPriceNtdPerM3"] = 19.75,
        ["notes"] = "caster notes",
        ["limits"] = new JsonArray(
            new JsonObject { ["key"] = "ph", ["min"] = 5, ["max"] = 10 },
            new JsonObject { ["key"] = "codMgL", ["max"] = 500 },
            new JsonObject { ["key"] = "ssMgL", ["max"] = 300 }),
    };

    private static async Task<Guid> CreateAsync(HttpClient client, string url, JsonObject body)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<(Guid Qingxi, Guid Xinan)> ParksAsync()
    {
        var factories = await app.AllFactoriesAsync();
        return (factories.First(f => f.ParkNameZh == "青溪工業區").ParkId, factories.First(f => f.ParkNameZh == "溪南工業區").ParkId);
    }

    private async Task<HttpClient> NewUserAsync(HttpClient admin, string role, Guid[]? parkIds = null, Guid[]? factoryIds = null)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
        const string password = "Cross#Park2026";
        using var created = await admin.PostAsJsonAsync("/api/v1/users", new { email, displayName = role, password, role, parkIds = parkIds ?? [], factoryIds = factoryIds ?? [] });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return await app.SignedInAsync(email, "en", password);
    }

    private static async Task<FactoryDto> RegisterAsync(HttpClient admin, Guid parkId, double latitude, double longitude)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var input = TestFactories.Input(parkId, $"溪南跨區測試{suffix}", TestFactories.NextBusinessNumber(), $"彰化縣測試路{suffix}號", latitude, longitude);
        input.NameEn = $"Xinan Cross-park {suffix}";
        using var response = await admin.PostAsJsonAsync("/api/v1/factories", input);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<FactoryDto>())!;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
