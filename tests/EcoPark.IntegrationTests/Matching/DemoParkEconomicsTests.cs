using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcoPark.Infrastructure.Seeding;
using EcoPark.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace EcoPark.IntegrationTests.Matching;

/// <summary>The demo park under the honest money model, and the stateless evaluations of heat, by-products and a scrubber.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class DemoParkEconomicsTests(DemoAppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task DemoPark_NoCandidateIsFeasibleWhileLosingMoney_AndMoneyLosingRoutesAreUneconomic()
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        var park = (await app.FactoryNamedAsync("青溪工業區污水處理廠")).ParkId;

        var candidates = (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/matching/parks/{park}/candidates?pageSize=200")).GetProperty("items").EnumerateArray().ToArray();

        foreach (var c in candidates.Take(10))
        {
            output.WriteLine($"{c.GetProperty("resource")} | {c.GetProperty("supplyFactory")} -> {c.GetProperty("demandFactory")} / {c.GetProperty("demandName")} | " +
                $"{c.GetProperty("status")} | {c.GetProperty("quantity")} {c.GetProperty("unit")} | net/yr {c.GetProperty("netAnnualBenefitNtd")} | payback {c.GetProperty("paybackMonths")}");
        }

        Assert.All(candidates.Where(c => c.GetProperty("feasible").GetBoolean()), c => Assert.True(c.GetProperty("netAnnualBenefitNtd").GetDecimal() > 0));
        Assert.Contains(candidates, c => c.GetProperty("status").GetString() == "uneconomic");
        var feasibleThenNot = candidates.Select(c => c.GetProperty("feasible").GetBoolean()).SkipWhile(f => f).ToList();
        Assert.DoesNotContain(true, feasibleThenNot); // economic routes rank above the rest
    }

    [Fact]
    public async Task EvaluateWater_ScrubberDemandWithItsMonthlyIntake_IsJudgedOnItsOwnLimitsAndTheFeeEngine()
    {
        using var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email, "en");
        var body = new
        {
            supply = new { flowM3PerDay = 2_705, quality = new Dictionary<string, decimal> { ["ph"] = 8.2m, ["ssMgL"] = 15, ["chlorideMgL"] = 400 }, latitude = 23.77, longitude = 120.2 },
            demand = new
            {
                use = "scrubber",
                flowM3PerDay = 2_705,
                latitude = 23.7727,
                longitude = 120.2,
                monthlyIntakeM3 = 90_000,
                limits = new Dictionary<string, decimal> { ["phMin"] = 6, ["phMax"] = 9, ["ssMgL"] = 50, ["chlorideMgL"] = 1_000 },
            },
            samePark = true,
        };

        using var response = await engineer.PostAsJsonAsync("/api/v1/matching/water/evaluate", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("feasible-as-is", result.GetProperty("status").GetString());
        Assert.Equal("demand", result.GetProperty("limitsSource").GetString());
        var inputs = result.GetProperty("inputs").EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!, i => i);
        Assert.Equal("filed", inputs["marginalFeeNtdPerM3"].GetProperty("source").GetString());
        Assert.InRange(inputs["marginalFeeNtdPerM3"].GetProperty("value").GetDecimal(), 1.3m, 1.5m);
        Assert.Equal("default", inputs["dischargeFeeNtdPerM3"].GetProperty("source").GetString());
        Assert.Contains(result.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "discharge-fee-not-filed");
    }

    [Fact]
    public async Task EvaluateHeat_CondensingSteam_AnswersWithDeliverableHeatEconomicsAndCarbon()
    {
        using var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email, "en");
        var supply = new { medium = "steam", supplyTemperatureC = 150, cooledToC = 60, loadKw = 1_000, steamPressureBarG = 3.8, condensingAllowed = true, latitude = 24.0, longitude = 120.5 };
        var demand = new { medium = "hotWater", requiredTemperatureC = 90, returnTemperatureC = 70, loadKw = 2_000, latitude = 24.002, longitude = 120.5, currentFuel = "naturalGas" };

        using var condensing = await engineer.PostAsJsonAsync("/api/v1/matching/heat/evaluate", new { supply, demand, samePark = true });
        using var sensible = await engineer.PostAsJsonAsync("/api/v1/matching/heat/evaluate", new { supply = supply with { condensingAllowed = false }, demand, samePark = true });

        Assert.Equal(HttpStatusCode.OK, condensing.StatusCode);
        var result = await condensing.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("feasible-direct", result.GetProperty("status").GetString());
        Assert.True(result.GetProperty("deliverableKw").GetDecimal() > result.GetProperty("deliveredKw").GetDecimal() * 0.9m);
        Assert.True(result.GetProperty("economics").GetProperty("netAnnualBenefitNtd").GetDecimal() > 0);
        Assert.True(result.GetProperty("co2eAvoidedKgPerYear").GetDecimal() > 0);
        var plain = await sensible.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(result.GetProperty("deliverableKw").GetDecimal() > plain.GetProperty("deliverableKw").GetDecimal());
    }

    [Theory]
    [InlineData("heat", "supply.medium")]
    [InlineData("byproducts", "supply.tonnesPerMonth")]
    public async Task EvaluateHeatOrByproduct_BadInput_Returns400NamingTheField(string resource, string field)
    {
        using var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email, "en");
        object body = resource == "heat"
            ? new { supply = new { medium = "plasma", supplyTemperatureC = 90, cooledToC = 40, loadKw = 100 }, demand = new { requiredTemperatureC = 60, returnTemperatureC = 40, loadKw = 100 } }
            : new { supply = new { category = "sludge", tonnesPerMonth = 0 }, demand = new { category = "sludge", tonnesPerMonth = 10 } };

        var errors = await ProblemDetailsAssert.ErrorsAsync(await engineer.PostAsJsonAsync($"/api/v1/matching/{resource}/evaluate", body));

        Assert.Contains(field, errors.Keys);
    }

    [Theory]
    [InlineData("byproducts", "zh-TW", "supply.properties.moisturePercent", "含水率 (%)")]
    [InlineData("byproducts", "en", "supply.properties.moisturePercent", "Moisture (%)")]
    [InlineData("water", "zh-TW", "demand.limits.codMgL", "化學需氧量 COD (mg/L)")]
    [InlineData("water", "en", "demand.limits.phMax", "pH")]
    public async Task Evaluate_AValueOutOfItsRange_IsRefusedNamingTheParameterInTheReadersLanguage(string resource, string language, string field, string name)
    {
        using var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email, language);
        var body = MatchingApiTests.Example();
        if (resource == "byproducts")
        {
            body = new JsonObject
            {
                ["supply"] = new JsonObject { ["category"] = "sludge", ["tonnesPerMonth"] = 120, ["properties"] = new JsonObject { ["moisturePercent"] = 150 } },
                ["demand"] = new JsonObject { ["category"] = "sludge", ["tonnesPerMonth"] = 80 },
            };
        }
        else
        {
            body["demand"]!["limits"] = field.EndsWith("phMax", StringComparison.Ordinal) ? new JsonObject { ["phMax"] = 15 } : new JsonObject { ["codMgL"] = -1 };
        }

        var errors = await ProblemDetailsAssert.ErrorsAsync(await engineer.PostAsJsonAsync($"/api/v1/matching/{resource}/evaluate", body));

        var message = Assert.Single(Assert.Contains(field, errors));
        Assert.StartsWith(name, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateByproduct_SludgeForCoFiring_Answers()
    {
        using var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email, "en");
        var body = new
        {
            supply = new { category = "sludge", wasteCode = "D-0902", tonnesPerMonth = 120, properties = new Dictionary<string, decimal> { ["moisturePercent"] = 55 }, disposalCostNtdPerTonne = 3_200, latitude = 24.0, longitude = 120.5 },
            demand = new { category = "sludge", acceptedCodes = new[] { "D-0902" }, propertyLimits = new Dictionary<string, decimal> { ["moisturePercent"] = 60 }, tonnesPerMonth = 80, virginPriceNtdPerTonne = 2_400, latitude = 24.05, longitude = 120.5 },
        };

        using var response = await engineer.PostAsJsonAsync("/api/v1/matching/byproducts/evaluate", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("feasible", result.GetProperty("status").GetString());
        Assert.Equal(80, result.GetProperty("tonnesPerMonth").GetDecimal());
        Assert.True(result.GetProperty("economics").GetProperty("netAnnualBenefitNtd").GetDecimal() > 0);
    }

    [Fact]
    public async Task Quote_StaffRecordAPipeQuote_TheMatchIsEvaluatedAgainWithIt_AndOnlyStaffSeeIt()
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        var park = (await app.FactoryNamedAsync("青溪工業區污水處理廠")).ParkId;
        var candidates = (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/matching/parks/{park}/candidates?resource=water&pageSize=200")).GetProperty("items").EnumerateArray().ToArray();
        var foundry = (await app.FactoryNamedAsync("晶拓半導體股份有限公司")).Id; // names follow the reader's language
        var pair = candidates.First(c => c.GetProperty("supplyFactoryId").GetGuid() == foundry && c.GetProperty("demandName").GetString() == "染色製程用水");
        using var taken = await staff.PostAsJsonAsync("/api/v1/matches", new
        {
            supplyStreamId = pair.GetProperty("supplyStreamId").GetGuid(),
            demandStreamId = pair.GetProperty("demandStreamId").GetGuid(),
        });
        var match = await taken.Content.ReadFromJsonAsync<JsonElement>();
        var id = match.GetProperty("id").GetGuid();

        using var quoted = await staff.PostAsJsonAsync($"/api/v1/matches/{id}/quotes", new
        {
            kind = "pipe",
            amount = 90_000_000,
            source = "contractor quote no. 17",
            quotedOn = "2026-11-20",
            rowVersion = match.GetProperty("rowVersion").GetUInt32(),
        });

        Assert.Equal(HttpStatusCode.OK, quoted.StatusCode);
        var after = await quoted.Content.ReadFromJsonAsync<JsonElement>();
        var quote = after.GetProperty("quotes").EnumerateArray().Single();
        Assert.Equal(("pipe", 90_000_000m, "contractor quote no. 17"), (quote.GetProperty("kind").GetString(), quote.GetProperty("amount").GetDecimal(), quote.GetProperty("source").GetString()));
        Assert.Equal(DemoAccounts.Staff.Email, quote.GetProperty("by").GetString());
        Assert.True(after.GetProperty("predictedAnnualBenefitNtd").GetDecimal() < match.GetProperty("predictedAnnualBenefitNtd").GetDecimal());
        var explanation = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/matching/pairs/{pair.GetProperty("supplyStreamId").GetGuid()}/{pair.GetProperty("demandStreamId").GetGuid()}");
        var pipe = explanation.GetProperty("water").GetProperty("inputs").EnumerateArray().Single(i => i.GetProperty("name").GetString() == "pipeNtd");
        Assert.Equal(("quote", 90_000_000m), (pipe.GetProperty("source").GetString(), pipe.GetProperty("value").GetDecimal()));

        using var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email, "en");
        using var asEngineer = await engineer.GetAsync($"/api/v1/matches/{id}");
        var text = await asEngineer.Content.ReadAsStringAsync();
        Assert.DoesNotContain("90000000", text, StringComparison.Ordinal);
        Assert.DoesNotContain("contractor quote", text, StringComparison.Ordinal);
        using var refused = await engineer.PostAsJsonAsync($"/api/v1/matches/{id}/quotes", new { kind = "pipe", amount = 1, source = "x", quotedOn = "2026-11-20" });
        Assert.Contains(refused.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
    }

    [Fact]
    public async Task Quote_OnAHeatMatch_TakesTheHeatKinds_ReEvaluatesWithThem_AndTheBuyersEngineerSeesNoneOfThem()
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        var park = (await app.FactoryNamedAsync("永彩染整股份有限公司")).ParkId;
        var (textile, dyer) = ((await app.FactoryNamedAsync("青溪紡織股份有限公司")).Id, (await app.FactoryNamedAsync("永彩染整股份有限公司")).Id);
        var candidates = (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/matching/parks/{park}/candidates?resource=heat&pageSize=200")).GetProperty("items").EnumerateArray();
        var pair = candidates.First(c => c.GetProperty("supplyFactoryId").GetGuid() == textile && c.GetProperty("demandFactoryId").GetGuid() == dyer);
        var (match, id) = await OpenAsync(staff, pair.GetProperty("supplyStreamId").GetGuid(), pair.GetProperty("demandStreamId").GetGuid());

        using var water = await QuoteAsync(staff, id, "treatmentOpex", 3, match.GetProperty("rowVersion").GetUInt32());
        Assert.Contains("kind", (await ProblemDetailsAssert.ErrorsAsync(water)).Keys, StringComparer.OrdinalIgnoreCase);
        using var exchangers = await QuoteAsync(staff, id, "exchangerCapex", 77_000_000, match.GetProperty("rowVersion").GetUInt32());
        Assert.Equal(HttpStatusCode.OK, exchangers.StatusCode);
        var afterExchangers = await exchangers.Content.ReadFromJsonAsync<JsonElement>();
        using var price = await QuoteAsync(staff, id, "transferPrice", 0.3719m, afterExchangers.GetProperty("rowVersion").GetUInt32());
        Assert.Equal(HttpStatusCode.OK, price.StatusCode);

        Assert.True(afterExchangers.GetProperty("predictedAnnualBenefitNtd").GetDecimal() < match.GetProperty("predictedAnnualBenefitNtd").GetDecimal());
        var explanation = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/matching/pairs/{pair.GetProperty("supplyStreamId").GetGuid()}/{pair.GetProperty("demandStreamId").GetGuid()}");
        var inputs = explanation.GetProperty("heat").GetProperty("inputs").EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!);
        Assert.Equal(("quote", 77_000_000m), (inputs["exchangersNtd"].GetProperty("source").GetString(), inputs["exchangersNtd"].GetProperty("value").GetDecimal()));
        Assert.Equal(("quote", 0.3719m), (inputs["transferPriceNtdPerKwh"].GetProperty("source").GetString(), inputs["transferPriceNtdPerKwh"].GetProperty("value").GetDecimal()));

        await AssertHiddenFromEngineerAsync(id, pair, "77000000", "0.3719");
    }

    [Fact]
    public async Task Quote_OnAByproductMatch_TakesTheByproductKinds_ReEvaluatesWithThem_AndTheOtherPartySeesNoneOfThem()
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        var (supplier, buyer) = (await app.FactoryNamedAsync("青溪紙業股份有限公司"), await app.FactoryNamedAsync("永彩染整股份有限公司"));
        var supplyId = await StreamAsync(staff, supplier.Id, """
            {"name":"報價測試飛灰","direction":"supply","category":"flyAsh","wasteCode":"D-1102","acceptedCodes":[],"state":"solid","tonnesPerMonth":90,
             "regularity":"regular","permit":"granted","costNtdPerTonne":2000}
            """);
        var demandId = await StreamAsync(staff, buyer.Id, """
            {"name":"報價測試飛灰需求","direction":"demand","category":"flyAsh","acceptedCodes":["D-1102"],"state":"solid","tonnesPerMonth":60,
             "regularity":"regular","permit":"none","costNtdPerTonne":1500,"virginFactorKgCo2ePerTonne":700}
            """);
        var (match, id) = await OpenAsync(staff, supplyId, demandId);

        using var pipe = await QuoteAsync(staff, id, "pipe", 1_000_000, match.GetProperty("rowVersion").GetUInt32());
        var refusal = await ProblemDetailsAssert.ErrorsAsync(pipe);
        Assert.Contains("kind", refusal.Keys, StringComparer.OrdinalIgnoreCase);
        using var capex = await QuoteAsync(staff, id, "treatmentCapex", 66_000_000, match.GetProperty("rowVersion").GetUInt32());
        Assert.Equal(HttpStatusCode.OK, capex.StatusCode);
        var afterCapex = await capex.Content.ReadFromJsonAsync<JsonElement>();
        using var transport = await QuoteAsync(staff, id, "transport", 987.65m, afterCapex.GetProperty("rowVersion").GetUInt32());
        Assert.Equal(HttpStatusCode.OK, transport.StatusCode);

        Assert.True(afterCapex.GetProperty("predictedAnnualBenefitNtd").GetDecimal() < match.GetProperty("predictedAnnualBenefitNtd").GetDecimal());
        var explanation = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/matching/pairs/{supplyId}/{demandId}");
        var inputs = explanation.GetProperty("byproduct").GetProperty("inputs").EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!);
        Assert.Equal(("quote", 66_000_000m), (inputs["treatmentCapexNtd"].GetProperty("source").GetString(), inputs["treatmentCapexNtd"].GetProperty("value").GetDecimal()));
        Assert.Equal(("quote", 987.65m), (inputs["transportNtdPerTonne"].GetProperty("source").GetString(), inputs["transportNtdPerTonne"].GetProperty("value").GetDecimal()));

        using var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email, "en");
        var text = await (await engineer.GetAsync($"/api/v1/matches/{id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("66000000", text, StringComparison.Ordinal);
        Assert.DoesNotContain("987.65", text, StringComparison.Ordinal);
        Assert.DoesNotContain("quote no.", text, StringComparison.Ordinal);
        var pairText = await (await engineer.GetAsync($"/api/v1/matching/pairs/{supplyId}/{demandId}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("66000000", pairText, StringComparison.Ordinal);
    }

    private async Task AssertHiddenFromEngineerAsync(Guid id, JsonElement pair, params string[] figures)
    {
        using var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email, "en");
        var text = await (await engineer.GetAsync($"/api/v1/matches/{id}")).Content.ReadAsStringAsync();
        var pairText = await (await engineer.GetAsync($"/api/v1/matching/pairs/{pair.GetProperty("supplyStreamId").GetGuid()}/{pair.GetProperty("demandStreamId").GetGuid()}")).Content.ReadAsStringAsync();
        foreach (var figure in figures)
        {
            Assert.DoesNotContain(figure, text, StringComparison.Ordinal);
            Assert.DoesNotContain(figure, pairText, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("quote no.", text, StringComparison.Ordinal);
        using var refused = await engineer.PostAsJsonAsync($"/api/v1/matches/{id}/quotes", new { kind = "transferPrice", amount = 1, source = "x", quotedOn = "2026-11-20" });
        Assert.Contains(refused.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
    }

    private static async Task<(JsonElement Match, Guid Id)> OpenAsync(HttpClient staff, Guid supplyStreamId, Guid demandStreamId)
    {
        using var taken = await staff.PostAsJsonAsync("/api/v1/matches", new { supplyStreamId, demandStreamId });
        Assert.True(taken.IsSuccessStatusCode, await taken.Content.ReadAsStringAsync());
        var match = await taken.Content.ReadFromJsonAsync<JsonElement>();
        return (match, match.GetProperty("id").GetGuid());
    }

    private static Task<HttpResponseMessage> QuoteAsync(HttpClient staff, Guid id, string kind, decimal amount, uint rowVersion) =>
        staff.PostAsJsonAsync($"/api/v1/matches/{id}/quotes", new { kind, amount, source = $"quote no. {kind}", quotedOn = "2026-11-20", rowVersion });

    private static async Task<Guid> StreamAsync(HttpClient staff, Guid factoryId, string json)
    {
        using var created = await staff.PostAsync($"/api/v1/factories/{factoryId}/byproduct-streams", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
