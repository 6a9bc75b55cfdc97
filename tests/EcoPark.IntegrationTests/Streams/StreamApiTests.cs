using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcoPark.Infrastructure.Seeding;
using EcoPark.IntegrationTests.Infrastructure;

namespace EcoPark.IntegrationTests.Streams;

/// <summary>The four stream kinds through the API, on the demo park. Each test names its own streams.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class StreamApiTests(DemoAppFixture app)
{
    private const string EngineerFactory = "永彩染整股份有限公司";

    [Fact]
    public async Task Effluent_CreatedByEngineer_IsReadByStaffAndAuditors_AndHiddenFromOtherFactories()
    {
        using var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email, "en");
        var factory = await app.FactoryNamedAsync(EngineerFactory);
        var url = $"/api/v1/factories/{factory.Id}/effluent-streams";

        using var created = await engineer.PostAsJsonAsync(url, Effluent("Outlet visibility"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(420, body.GetProperty("stream").GetProperty("avgM3PerDay").GetDecimal());
        Assert.Equal("lab", body.GetProperty("stream").GetProperty("quality")[0].GetProperty("basis").GetString());
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email);
        using var auditor = await app.SignedInAsync(DemoAccounts.Auditor.Email);
        using var otherEngineer = await app.SignedInAsync(DemoAccounts.SecondEngineer.Email);
        Assert.Contains("Outlet visibility", await staff.GetStringAsync(url), StringComparison.Ordinal);
        Assert.Contains("Outlet visibility", await auditor.GetStringAsync(url), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await otherEngineer.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherEngineer.PostAsJsonAsync(url, Effluent("Intruder"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync(url, Effluent("Auditor outlet"))).StatusCode);
    }

    [Theory]
    [InlineData("negative-fee", "dischargeFeeNtdPerM3")]
    [InlineData("unknown-key", "quality[0].key")]
    [InlineData("avg-below-min", "avgM3PerDay")]
    [InlineData("lab-without-date", "quality[0].sampleDate")]
    [InlineData("future-sample", "quality[0].sampleDate")]
    [InlineData("bad-route", "route")]
    [InlineData("ph-out-of-range", "quality[1].value")]
    public async Task Effluent_BadInput_Returns400NamingTheField_AndSavesNothing(string problem, string field)
    {
        using var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email, "en");
        var factory = await app.FactoryNamedAsync(EngineerFactory);
        var url = $"/api/v1/factories/{factory.Id}/effluent-streams";
        var name = "Bad outlet " + problem;
        var body = Effluent(name);
        var quality = body["quality"]!.AsArray();
        switch (problem)
        {
            case "negative-fee": body["dischargeFeeNtdPerM3"] = -1; break;
            case "unknown-key": quality[0]!["key"] = "codMgl"; break;
            case "avg-below-min": body["minM3PerDay"] = 500; break;
            case "lab-without-date": quality[0]!["sampleDate"] = null; break;
            case "future-sample": quality[0]!["sampleDate"] = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd"); break;
            case "bad-route": body["route"] = "river"; break;
            default: quality[1]!["value"] = 15; break;
        }

        using var response = await engineer.PostAsJsonAsync(url, body);

        var errors = await ProblemDetailsAssert.ErrorsAsync(response);
        Assert.Contains(field, errors.Keys);
        Assert.DoesNotContain(name, await engineer.GetStringAsync(url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Effluent_DuplicateName_Returns400OnName()
    {
        using var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email, "zh-TW");
        var factory = await app.FactoryNamedAsync(EngineerFactory);
        var url = $"/api/v1/factories/{factory.Id}/effluent-streams";
        Assert.Equal(HttpStatusCode.Created, (await engineer.PostAsJsonAsync(url, Effluent("Outlet twice"))).StatusCode);

        using var second = await engineer.PostAsJsonAsync(url, Effluent("Outlet twice"));

        var errors = await ProblemDetailsAssert.ErrorsAsync(second);
        Assert.Contains("已有名為", errors["name"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Effluent_TwoEditorsFromTheSameVersion_SecondGets409_AndFirstChangeStays()
    {
        using var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email, "en");
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        var factory = await app.FactoryNamedAsync(EngineerFactory);
        var url = $"/api/v1/factories/{factory.Id}/effluent-streams";
        using var created = await engineer.PostAsJsonAsync(url, Effluent("Outlet concurrency"));
        var stream = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = stream.GetProperty("id").GetGuid();
        var rowVersion = stream.GetProperty("rowVersion").GetUInt32();

        var first = Effluent("Outlet concurrency", rowVersion);
        first["avgM3PerDay"] = 450;
        var second = Effluent("Outlet concurrency", rowVersion);
        second["maxM3PerDay"] = 900;
        using var firstSave = await engineer.PutAsJsonAsync($"{url}/{id}", first);
        using var secondSave = await staff.PutAsJsonAsync($"{url}/{id}", second);

        Assert.Equal(HttpStatusCode.OK, firstSave.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, secondSave.StatusCode);
        var now = await engineer.GetFromJsonAsync<JsonElement>($"{url}/{id}");
        Assert.Equal(450, now.GetProperty("stream").GetProperty("avgM3PerDay").GetDecimal());
        Assert.Equal(600, now.GetProperty("stream").GetProperty("maxM3PerDay").GetDecimal());
    }

    [Fact]
    public async Task Effluent_Delete_RemovesIt()
    {
        using var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email, "en");
        var factory = await app.FactoryNamedAsync(EngineerFactory);
        var url = $"/api/v1/factories/{factory.Id}/effluent-streams";
        using var created = await engineer.PostAsJsonAsync(url, Effluent("Outlet to delete"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NoContent, (await engineer.DeleteAsync($"{url}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await engineer.GetAsync($"{url}/{id}")).StatusCode);
    }

    [Fact]
    public async Task WaterDemand_FoodProcessAcceptingReclaimedWater_IsRefusedByLaw_ButFoodCoolingIsNot()
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        var food = await app.FactoryNamedAsync("禾豐食品股份有限公司");
        var url = $"/api/v1/factories/{food.Id}/water-demands";

        using var process = await staff.PostAsJsonAsync(url, Demand("Food process", "process", reclaimedAllowed: true));
        using var cooling = await staff.PostAsJsonAsync(url, Demand("Food cooling tower", "cooling", reclaimedAllowed: true));

        var errors = await ProblemDetailsAssert.ErrorsAsync(process);
        Assert.Contains("law", errors["reclaimedAllowed"][0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, cooling.StatusCode);
    }

    [Theory]
    [InlineData("ph-min-above-max", "limits[0].min")]
    [InlineData("min-on-max-only", "limits[1].min")]
    [InlineData("unknown-use", "use")]
    [InlineData("zero-flow", "flowM3PerDay")]
    public async Task WaterDemand_BadInput_Returns400NamingTheField(string problem, string field)
    {
        using var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email, "en");
        var factory = await app.FactoryNamedAsync(EngineerFactory);
        var body = Demand("Bad demand " + problem, "process", reclaimedAllowed: true);
        var limits = body["limits"]!.AsArray();
        switch (problem)
        {
            case "ph-min-above-max": limits[0]!["min"] = 9; break;
            case "min-on-max-only": limits[1]!["min"] = 1; break;
            case "unknown-use": body["use"] = "drinking"; break;
            default: body["flowM3PerDay"] = 0; break;
        }

        using var response = await engineer.PostAsJsonAsync($"/api/v1/factories/{factory.Id}/water-demands", body);

        Assert.Contains(field, (await ProblemDetailsAssert.ErrorsAsync(response)).Keys);
    }

    [Fact]
    public async Task HeatStream_LoadFromFlow_IsDerived_AndSteamNeedsItsPressure()
    {
        using var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email, "en");
        var factory = await app.FactoryNamedAsync(EngineerFactory);
        var url = $"/api/v1/factories/{factory.Id}/heat-streams";
        var hotWater = new JsonObject
        {
            ["name"] = "Relax-bath effluent",
            ["direction"] = "supply",
            ["medium"] = "hotEffluent",
            ["supplyTemperatureC"] = 85,
            ["returnTemperatureC"] = 35,
            ["massFlowKgPerHour"] = 7200,
            ["specificHeatKjPerKgK"] = 4.18,
            ["hoursPerDay"] = 16,
            ["daysPerYear"] = 300,
        };
        var steam = new JsonObject
        {
            ["name"] = "Steam without pressure",
            ["direction"] = "demand",
            ["medium"] = "steam",
            ["supplyTemperatureC"] = 160,
            ["returnTemperatureC"] = 90,
            ["loadKw"] = 500,
            ["currentFuel"] = "naturalGas",
        };

        using var created = await engineer.PostAsJsonAsync(url, hotWater);
        using var refused = await engineer.PostAsJsonAsync(url, steam);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var stream = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(418, (await engineer.GetFromJsonAsync<JsonElement[]>(url))!.Single(s => s.GetProperty("id").GetGuid() == stream.GetProperty("id").GetGuid())
            .GetProperty("figures").GetProperty("loadKw").GetDecimal()); // 7,200 kg/h ÷ 3,600 × 4.18 kJ/kg·K × 50 K
        Assert.Contains("steamPressureBarG", (await ProblemDetailsAssert.ErrorsAsync(refused)).Keys);
    }

    [Theory]
    [InlineData("supply", null, "wasteCode")]
    [InlineData("supply", "D0902", "wasteCode")]
    [InlineData("demand", "D-0902", "wasteCode")]
    public async Task ByproductStream_CodeRules_Return400OnWasteCode(string direction, string? code, string field)
    {
        using var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email, "en");
        var factory = await app.FactoryNamedAsync(EngineerFactory);
        var body = new JsonObject
        {
            ["name"] = $"Sludge {direction} {code}",
            ["direction"] = direction,
            ["category"] = "sludge",
            ["wasteCode"] = code,
            ["state"] = "sludge",
            ["tonnesPerMonth"] = 35,
            ["regularity"] = "continuous",
        };

        using var response = await engineer.PostAsJsonAsync($"/api/v1/factories/{factory.Id}/byproduct-streams", body);

        Assert.Contains(field, (await ProblemDetailsAssert.ErrorsAsync(response)).Keys);
    }

    [Fact]
    public async Task ByproductStream_SupplyWithProperties_RoundTrips()
    {
        using var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email, "en");
        var factory = await app.FactoryNamedAsync(EngineerFactory);
        var url = $"/api/v1/factories/{factory.Id}/byproduct-streams";
        var body = new JsonObject
        {
            ["name"] = "Dewatered dye sludge",
            ["direction"] = "supply",
            ["category"] = "sludge",
            ["wasteCode"] = "d-0902",
            ["state"] = "sludge",
            ["tonnesPerMonth"] = 35,
            ["regularity"] = "continuous",
            ["costNtdPerTonne"] = 4500,
            ["permit"] = "applied",
            ["properties"] = new JsonArray(new JsonObject { ["key"] = "moisturePercent", ["value"] = 78, ["basis"] = "declared" }),
        };

        using var created = await engineer.PostAsJsonAsync(url, body);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var stream = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stream");
        Assert.Equal("D-0902", stream.GetProperty("wasteCode").GetString());
        Assert.Equal(78, stream.GetProperty("properties")[0].GetProperty("value").GetDecimal());
        Assert.True(stream.GetProperty("confidential").GetProperty("costs").GetBoolean());
    }

    private static JsonObject Effluent(string name, uint? rowVersion = null) => new()
    {
        ["name"] = name,
        ["minM3PerDay"] = 300,
        ["avgM3PerDay"] = 420,
        ["maxM3PerDay"] = 600,
        ["daysPerWeek"] = 6,
        ["hoursPerDay"] = 20,
        ["route"] = "parkWwtp",
        ["dischargeFeeNtdPerM3"] = 22,
        ["rowVersion"] = rowVersion,
        ["quality"] = new JsonArray(
            new JsonObject { ["key"] = "codMgL", ["value"] = 85, ["basis"] = "lab", ["sampleDate"] = "2026-10-02" },
            new JsonObject { ["key"] = "ph", ["value"] = 7.6, ["basis"] = "online" },
            new JsonObject { ["key"] = "conductivityUsCm", ["value"] = 4500, ["basis"] = "declared" }),
    };

    private static JsonObject Demand(string name, string use, bool reclaimedAllowed) => new()
    {
        ["name"] = name,
        ["use"] = use,
        ["flowM3PerDay"] = 120,
        ["reclaimedAllowed"] = reclaimedAllowed,
        ["maxPipeDistanceM"] = 3000,
        ["limits"] = new JsonArray(
            new JsonObject { ["key"] = "ph", ["min"] = 6, ["max"] = 8.5 },
            new JsonObject { ["key"] = "conductivityUsCm", ["max"] = 800 }),
    };
}
