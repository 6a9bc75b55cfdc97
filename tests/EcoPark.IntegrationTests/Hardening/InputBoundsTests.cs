using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcoPark.Application.Common;
using EcoPark.Infrastructure.Persistence;
using EcoPark.Infrastructure.Seeding;
using EcoPark.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EcoPark.IntegrationTests.Hardening;

/// <summary>Hostile bodies that used to end in 500: each must be a 400 naming the field, in the caller's language.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class InputBoundsTests(DemoAppFixture app)
{
    private const string EngineerFactory = "永彩染整股份有限公司";

    [Theory]
    [InlineData("filing", "1e28", "intake.tapM3")]
    [InlineData("filing", "1e29", "intake.tapM3")] // beyond decimal: refused while the body is read
    [InlineData("effluent", "1e28", "maxM3PerDay")]
    [InlineData("heat", "1e28", "loadKw")]
    [InlineData("byproduct", "1e28", "tonnesPerMonth")]
    [InlineData("fee", "79228162514264337593543950335", "months[0].tapM3")]
    [InlineData("fee-claim", "1e28", "claims.investmentOffsetNtd")]
    [InlineData("effluent-days", "99999999999", "daysPerWeek")]
    public async Task Quantity_AboveItsBound_Returns400NamingTheField(string kind, string number, string field)
    {
        using var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email, "en");
        var factory = await app.FactoryNamedAsync(EngineerFactory);
        var (url, json) = kind switch
        {
            "filing" => ($"/api/v1/factories/{factory.Id}/water-balances", Filing("2024-02", tap: number)),
            "effluent" => ($"/api/v1/factories/{factory.Id}/effluent-streams", Effluent("Huge " + number, max: number)),
            "effluent-days" => ($"/api/v1/factories/{factory.Id}/effluent-streams", Effluent("Days " + number, days: number)),
            "heat" => ($"/api/v1/factories/{factory.Id}/heat-streams",
                """{"name":"Huge heat","direction":"supply","medium":"hotWater","supplyTemperatureC":90,"returnTemperatureC":60,"loadKw":""" + number + "}"),
            "byproduct" => ($"/api/v1/factories/{factory.Id}/byproduct-streams", Byproduct("Huge sludge", "[]", tonnes: number)),
            "fee" => ("/api/v1/fees/calculate", Fee(factory.Id, number, "0")),
            _ => ("/api/v1/fees/calculate", Fee(factory.Id, "1000", number)),
        };

        using var response = await PostJsonAsync(engineer, url, json);

        var errors = await ProblemDetailsAssert.ErrorsAsync(response);
        Assert.Contains(field, errors.Keys);
    }

    [Theory]
    [InlineData("uses-null", "uses")]
    [InlineData("quality-null-item", "quality[0]")]
    [InlineData("accepted-codes-null", "acceptedCodes")]
    [InlineData("supply-quality-null", "supply.quality")]
    [InlineData("login-email-null", "email")]
    public async Task NullOrMissingNestedObject_Returns400NamingTheField(string problem, string field)
    {
        using var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email, "zh-TW");
        var factory = await app.FactoryNamedAsync(EngineerFactory);
        var (client, url, json) = problem switch
        {
            "uses-null" => (engineer, $"/api/v1/factories/{factory.Id}/water-balances", Filing("2024-03", uses: "null")),
            "quality-null-item" => (engineer, $"/api/v1/factories/{factory.Id}/effluent-streams", Effluent("Null quality", quality: "[null]")),
            "accepted-codes-null" => (engineer, $"/api/v1/factories/{factory.Id}/byproduct-streams", Byproduct("Null codes", "null", direction: "demand")),
            "supply-quality-null" => (engineer, "/api/v1/matching/water/evaluate",
                """{"supply":{"flowM3PerDay":100,"quality":null},"demand":{"use":"process","flowM3PerDay":50}}"""),
            _ => (app.Anonymous("zh-TW"), "/api/v1/auth/login", """{"email":null,"password":"EcoPark#Demo2026"}"""),
        };

        using var response = await PostJsonAsync(client, url, json);

        var errors = await ProblemDetailsAssert.ErrorsAsync(response);
        Assert.Contains(field, errors.Keys);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", errors[field][0]); // zh-TW by default
    }

    [Theory]
    [InlineData("stream-name", "name")]
    [InlineData("stream-notes", "notes")]
    [InlineData("filing-justification", "justification")]
    public async Task ControlCharacterInText_IsRefusedByTheTextRule(string problem, string field)
    {
        using var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email, "en");
        var factory = await app.FactoryNamedAsync(EngineerFactory);
        var (url, json) = problem switch
        {
            "stream-name" => ($"/api/v1/factories/{factory.Id}/effluent-streams", Effluent("Outlet\\u0000NUL")),
            "stream-notes" => ($"/api/v1/factories/{factory.Id}/effluent-streams", Effluent("Outlet escape", notes: "\"before\\u001b[31mafter\"")),
            _ => ($"/api/v1/factories/{factory.Id}/water-balances", Filing("2024-04", justification: "\"a\\u0000b\"")),
        };

        using var response = await PostJsonAsync(engineer, url, json);

        var errors = await ProblemDetailsAssert.ErrorsAsync(response);
        Assert.Contains("control character", errors[field][0], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task EvidenceFileNameWithNul_IsRefusedByTheTextRule()
    {
        using var auditor = await app.SignedInAsync(DemoAccounts.Auditor.Email, "en");
        var factory = await app.FactoryNamedAsync("青溪紙業股份有限公司");
        using var opened = await auditor.PostAsJsonAsync("/api/v1/fee-cases", new { factoryId = factory.Id, feeYear = 2023, payerCategory = "business" });
        var id = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        const string boundary = "fuzzboundary";
        var body = Encoding.UTF8.GetBytes(
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nother\r\n" +
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"receipt\u0000.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 test\r\n" +
            $"--{boundary}--\r\n");
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");

        using var response = await auditor.PostAsync($"/api/v1/fee-cases/{id}/evidence", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task RuleSetNoteOf100000Characters_Returns400OnNote()
    {
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "en");

        using var response = await admin.PostAsJsonAsync("/api/v1/fees/rule-sets/regulation-2023/versions",
            new { effectiveFrom = "2030-01-01", note = new string('x', 100_000) });

        var errors = await ProblemDetailsAssert.ErrorsAsync(response);
        Assert.Equal(["note"], errors.Keys);
    }

    [Fact]
    public async Task ChineseVersionName_IsSavedAndAnsweredWithAnAsciiLocation_AndARetryIsADuplicate()
    {
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "en");
        var body = new JsonObject { ["parameters"] = await ParametersAsync(admin, "二〇九九年版", "2099-01-01"), ["note"] = "Unicode name" };

        using var added = await admin.PostAsJsonAsync("/api/v1/matching/rule-sets/parameters", body.DeepClone());

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var location = added.Headers.Location!.OriginalString;
        Assert.All(location, c => Assert.True(c is > ' ' and < (char)127, $"'{location}' holds a non-ASCII or control character"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(location)).StatusCode);
        using var again = await admin.PostAsJsonAsync("/api/v1/matching/rule-sets/parameters", body.DeepClone());
        Assert.Contains("version", (await ProblemDetailsAssert.ErrorsAsync(again)).Keys);
    }

    [Fact]
    public async Task VersionNameWithControlCharacter_IsRefusedBeforeAnythingIsStored()
    {
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "en");
        var parameters = await ParametersAsync(admin, "v\u0001bell", "2098-01-01");

        using var response = await admin.PostAsJsonAsync("/api/v1/matching/rule-sets/parameters", new JsonObject { ["parameters"] = parameters, ["note"] = "x" });

        Assert.Contains("parameters.version", (await ProblemDetailsAssert.ErrorsAsync(response)).Keys);
        Assert.DoesNotContain("2098-01-01", await admin.GetStringAsync("/api/v1/matching/rule-sets"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/matching/rule-sets/parameters", "{}")]
    [InlineData("/api/v1/matching/rule-sets/treatments", "[]")]
    [InlineData("/api/v1/fee-cases", "{")]
    [InlineData("/api/v1/fees/rule-sets/regulation-2023/versions", "{\"effectiveFrom\": 5}")]
    public async Task EngineerPostingAnyBodyToAnAdministrativeEndpoint_Gets403BeforeTheBodyIsRead(string url, string json)
    {
        using var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email, "en");

        using var response = await PostJsonAsync(engineer, url, json);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public void EveryQuantityBound_FitsItsDatabaseColumn()
    {
        using var db = new EcoParkDbContext(new DbContextOptionsBuilder<EcoParkDbContext>().UseNpgsql("Host=unused").Options);
        var columns = new (string Entity, string Property, QuantityBound Bound)[]
        {
            ("WaterBalance", "TapM3", InputBounds.M3PerMonth), ("FeeCaseMonth", "TapM3", InputBounds.M3PerMonth), ("FeeClaim", "CommittedM3", InputBounds.M3PerMonth),
            ("EffluentStream", "MaxM3PerDay", InputBounds.M3PerDay), ("WaterDemand", "FlowM3PerDay", InputBounds.M3PerDay),
            ("HeatStream", "LoadKw", InputBounds.Kw), ("ByproductStream", "TonnesPerMonth", InputBounds.TonnesPerMonth),
            ("FeeClaim", "Amount", InputBounds.Ntd), ("ApprovalReference", "ApprovedCostNtd", InputBounds.Ntd),
            ("EffluentStream", "DischargeFeeNtdPerM3", InputBounds.NtdPerUnit), ("WaterDemand", "MaxPriceNtdPerM3", InputBounds.NtdPerUnit),
            ("HeatStream", "CostNtdPerKwh", InputBounds.NtdPerUnit), ("ByproductStream", "CostNtdPerTonne", InputBounds.NtdPerUnit),
            ("MatchCase", "AgreedQuantity", InputBounds.MatchQuantity), ("HeatStream", "MassFlowKgPerHour", InputBounds.KgPerHour),
            ("HeatStream", "SpecificHeatKjPerKgK", InputBounds.KjPerKgK), ("HeatStream", "SteamPressureBarG", InputBounds.BarG),
            ("WaterDemand", "MaxPipeDistanceM", InputBounds.Metres), ("ByproductStream", "VirginFactorKgCo2ePerTonne", InputBounds.KgCo2ePerTonne),
        };
        foreach (var (entity, name, bound) in columns)
        {
            var property = db.Model.GetEntityTypes().Where(e => e.ClrType.Name == entity).Select(e => e.FindProperty(name)).Single(p => p is not null)!;
            var precision = property.GetPrecision() ?? 0;
            var scale = property.GetScale() ?? 0;
            var largest = (decimal)Math.Pow(10, precision - scale) - (decimal)Math.Pow(10, -scale);
            Assert.True(bound.Max <= largest, $"{entity}.{name}: bound {bound.Max} does not fit numeric({precision},{scale})");
        }
    }

    /// <summary>The seeded parameter version, renamed and re-dated, ready to post as a new version.</summary>
    private static async Task<JsonObject> ParametersAsync(HttpClient admin, string version, string effectiveFrom)
    {
        var parameters = JsonNode.Parse(await admin.GetStringAsync($"/api/v1/matching/rule-sets/parameters/{EcoPark.Domain.Matching.MatchingDefaults.Version}"))!.AsObject();
        parameters["version"] = version;
        parameters["effectiveFrom"] = effectiveFrom;
        return parameters;
    }

    internal static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    internal static string Filing(string period, string tap = "30000", string uses = """{"coolingM3":12000,"processM3":15500,"boilerM3":3000}""",
        string justification = "null") =>
        $$$"""
        {"period":"{{{period}}}","intake":{"tapM3":{{{tap}}}},"rainwaterM3":300,"condensateM3":200,"uses":{{{uses}}},
         "circulationM3":60000,"coolingTowerCirculationM3":40000,"reuseM3":9500,
         "outflows":{"sewerM3":24000,"evaporationLossM3":6000,"inProductM3":500},"justification":{{{justification}}}}
        """;

    internal static string Effluent(string name, string max = "600", string days = "6", string notes = "null",
        string quality = """[{"key":"codMgL","value":85,"basis":"declared"}]""") =>
        $$$"""
        {"name":"{{{name}}}","minM3PerDay":300,"avgM3PerDay":420,"maxM3PerDay":{{{max}}},"daysPerWeek":{{{days}}},"hoursPerDay":20,
         "route":"parkWwtp","dischargeFeeNtdPerM3":22,"notes":{{{notes}}},"quality":{{{quality}}}}
        """;

    internal static string Byproduct(string name, string acceptedCodes, string direction = "supply", string tonnes = "12") =>
        $$$"""
        {"name":"{{{name}}}","direction":"{{{direction}}}","category":"sludge","wasteCode":{{{(direction == "supply" ? "\"D-0902\"" : "null")}}},
         "acceptedCodes":{{{acceptedCodes}}},"state":"solid","tonnesPerMonth":{{{tonnes}}},"regularity":"regular","permit":"none"}
        """;

    internal static string Fee(Guid factoryId, string tap, string investment) =>
        $$$"""
        {"scheme":"regulation-2023","feeYear":2025,"factoryId":"{{{factoryId}}}","months":[{"month":"2025-01","tapM3":{{{tap}}}}],
         "claims":{"investmentOffsetNtd":{{{investment}}}}}
        """;
}
