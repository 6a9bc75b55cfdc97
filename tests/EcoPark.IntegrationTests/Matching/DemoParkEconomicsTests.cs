using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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

        var candidates = (await staff.GetFromJsonAsync<JsonElement[]>($"/api/v1/matching/parks/{park}/candidates"))!;

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
}
