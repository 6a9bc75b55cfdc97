using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoPark.Infrastructure.Seeding;
using EcoPark.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace EcoPark.IntegrationTests.Reporting;

/// <summary>The KPI API on the demo park, whose seeded operating linkages record measured months.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class ParkKpiApiTests(DemoAppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task DemoPark_HasNonZeroKpis_FromSeededOperatingMatches_EachWithUnitAndBasis()
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        var park = (await app.FactoryNamedAsync("青溪工業區污水處理廠")).ParkId;
        var year = DateTime.UtcNow.Year - 1;

        var kpis = (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/parks/{park}/kpis?period={year}"))!;

        var figures = kpis.GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!, f => f);
        foreach (var f in figures.Values)
        {
            output.WriteLine($"{f.GetProperty("key")} = {f.GetProperty("value")} {f.GetProperty("unit")} ({f.GetProperty("basis")}, {f.GetProperty("contributors")})");
        }

        Assert.True(figures["measured.waterM3"].GetProperty("value").GetDecimal() > 0);
        Assert.Equal("measured", figures["measured.waterM3"].GetProperty("basis").GetString());
        Assert.True(figures["predicted.waterM3"].GetProperty("value").GetDecimal() > 0);
        Assert.Equal("predicted", figures["predicted.waterM3"].GetProperty("basis").GetString());
        Assert.True(figures["savings.buyerNtd"].GetProperty("value").GetDecimal() > 0);
        // The demo leaves the buyers' collection-window months unfiled (fee cases start from what auditors enter): the fee saved
        // cannot count them, and says how many buyer-months it left out.
        Assert.True(figures["savings.waterFeeMonthsNotFiled"].GetProperty("value").GetDecimal() > 0);
        Assert.Equal("filed", figures["savings.waterFeeMonthsNotFiled"].GetProperty("basis").GetString());
        Assert.True(figures["emissions.co2eAvoidedTonnes"].GetProperty("value").GetDecimal() > 0);
        Assert.True(figures["water.r2Percent"].GetProperty("value").GetDecimal() > 0);
        Assert.Equal("filed", figures["water.r2Percent"].GetProperty("basis").GetString());
        Assert.True(figures["linkages.operating"].GetProperty("value").GetDecimal() >= 1);
        Assert.All(figures.Values, f => Assert.False(string.IsNullOrEmpty(f.GetProperty("unit").GetString())));
        Assert.Equal(24, kpis.GetProperty("trend").GetArrayLength());
        var credits = kpis.GetProperty("credits").EnumerateArray().Sum(c => c.GetProperty("netBenefitNtd").GetDecimal());
        Assert.Equal(figures["savings.netBenefitNtd"].GetProperty("value").GetDecimal(), Math.Round(credits, 2));
        Assert.NotEmpty(kpis.GetProperty("sankey").EnumerateArray());
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("26")]
    [InlineData("2026-1")]
    [InlineData("latest")]
    public async Task Kpis_WithABadPeriod_Are400NamingTheField(string period)
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "zh-TW");
        var park = (await app.FactoryNamedAsync("青溪工業區污水處理廠")).ParkId;

        using var response = await staff.GetAsync($"/api/v1/parks/{park}/kpis?period={period}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("年", (await ProblemDetailsAssert.ErrorsAsync(response))["period"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllParks_ForAnAdministrator_CountEachLinkageOnce()
    {
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "en");
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        var park = (await app.FactoryNamedAsync("青溪工業區污水處理廠")).ParkId;

        var all = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/kpis?period=2026"))!;
        var one = (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/parks/{park}/kpis?period=2026"))!;

        decimal Value(JsonElement k, string key) => k.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == key).GetProperty("value").GetDecimal();
        Assert.True(Value(all, "predicted.waterM3") >= Value(one, "predicted.waterM3"));
        Assert.True(Value(all, "water.factoriesFiled") >= Value(one, "water.factoriesFiled"));
    }
}

