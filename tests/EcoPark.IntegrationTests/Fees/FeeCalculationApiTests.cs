using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoPark.Infrastructure.Seeding;
using EcoPark.IntegrationTests.Infrastructure;

namespace EcoPark.IntegrationTests.Fees;

/// <summary><c>POST /api/v1/fees/calculate</c> on the seeded rule sets.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class FeeCalculationApiTests(DemoAppFixture app)
{
    [Theory]
    [InlineData("within", null, 2026, 252_000)]
    [InlineData("below", null, 2026, 378_000)]
    [InlineData("within", true, 2026, 126_000)]
    [InlineData("below", null, 2024, 189_000)] // 2024 is a half-rate year in the seeded rule set
    public async Task Calculate_Regulation2023WorkedExample_MatchesWaterFeeMd(string rate, bool? halfRate, int feeYear, decimal expected)
    {
        using var auditor = await app.SignedInAsync(DemoAccounts.Auditor.Email);

        var result = await CalculateAsync(auditor, Regulation(feeYear, rate, halfRate, tap: 30_000));

        Assert.Equal(expected, result.GetProperty("netFeeNtd").GetDecimal());
        Assert.Equal("regulation-2023", result.GetProperty("ruleSet").GetProperty("code").GetString());
        Assert.Equal(1, result.GetProperty("ruleSet").GetProperty("version").GetInt32());
        Assert.True(result.GetProperty("steps").GetArrayLength() >= 2);
    }

    [Theory]
    [InlineData(30_000, 5, 76_000)]
    [InlineData(15_000, 5, 33_250)]
    public async Task Calculate_Draft2019Monthly_MatchesTheBriefingCase(decimal tap, decimal reduction, decimal expected)
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email);

        var result = await CalculateAsync(staff, new
        {
            scheme = "draft-2019",
            feeYear = 2026,
            period = "month",
            months = new[] { new { month = "2026-01", tapM3 = tap } },
            recyclingRate = "unverified",
            claims = new { draftReductionPercent = reduction },
        });

        Assert.Equal(expected, result.GetProperty("netFeeNtd").GetDecimal());
    }

    [Fact]
    public async Task Calculate_ReclaimedClaim_IsRefusedWhileTheSeededTableIsEmpty()
    {
        using var auditor = await app.SignedInAsync(DemoAccounts.Auditor.Email, "en");
        var body = Regulation(2026, "within", null, tap: 30_000, reclaimed: 20_000);

        var result = await CalculateAsync(auditor, body);

        Assert.Equal(252_000, result.GetProperty("netFeeNtd").GetDecimal());
        var warning = result.GetProperty("warnings").EnumerateArray().Single(w => w.GetProperty("code").GetString() == "reclaimed-table-empty");
        Assert.Contains("table has not been entered", warning.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calculate_BadInput_Returns400NamingEachField()
    {
        using var auditor = await app.SignedInAsync(DemoAccounts.Auditor.Email, "en");

        using var response = await auditor.PostAsJsonAsync("/api/v1/fees/calculate", new
        {
            scheme = "regulation-1999",
            feeYear = 2026,
            months = new[] { new { month = "2025-11", tapM3 = -1m }, new { month = "2025-11", tapM3 = 5m } },
            recyclingRate = "great",
            claims = new { draftReductionPercent = 101 },
        });

        var errors = await ProblemDetailsAssert.ErrorsAsync(response);
        Assert.Contains("scheme", errors.Keys);
        Assert.Contains("recyclingRate", errors.Keys);
        Assert.Contains("months", errors.Keys); // duplicate month
        Assert.Contains("months[0].tapM3", errors.Keys);
        Assert.Contains("claims.draftReductionPercent", errors.Keys);
    }

    [Fact]
    public async Task Calculate_MonthOutsideTheWindow_Returns400NamingThatMonth()
    {
        using var auditor = await app.SignedInAsync(DemoAccounts.Auditor.Email, "zh-TW");

        using var response = await auditor.PostAsJsonAsync("/api/v1/fees/calculate", new
        {
            scheme = "regulation-2023",
            feeYear = 2026,
            months = new[] { new { month = "2025-11", tapM3 = 10_000 }, new { month = "2026-05", tapM3 = 10_000 } },
            recyclingRate = "unverified",
        });

        var errors = await ProblemDetailsAssert.ErrorsAsync(response);
        Assert.Equal("2026-05 不在徵收期間 2025-11 至 2026-04 之內。", Assert.Single(errors["months[1].month"]));
    }

    [Theory]
    [InlineData("{\"scheme\":\"regulation-2023\",\"feeYear\":2026,\"months\":null,\"claims\":null}", "months")]
    [InlineData("{\"scheme\":\"regulation-2023\",\"feeYear\":2026,\"months\":[null],\"claims\":{}}", "months[0]")]
    [InlineData("{\"scheme\":\"regulation-2023\",\"feeYear\":2026,\"months\":[{\"month\":\"2025-11\"}],\"claims\":null}", "claims")]
    public async Task Calculate_NullParts_Return400NotAServerError(string json, string field)
    {
        using var auditor = await app.SignedInAsync(DemoAccounts.Auditor.Email, "en");

        using var response = await auditor.PostAsync("/api/v1/fees/calculate", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Contains(field, (await ProblemDetailsAssert.ErrorsAsync(response)).Keys);
    }

    [Fact]
    public async Task AddRuleSetVersion_BrokenParameters_Returns400AndKeepsTheCurrentVersion()
    {
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "en");
        var body = new
        {
            effectiveFrom = "2027-01-01",
            note = "broken on purpose",
            draft2019 = new { halfYearTiers = Array.Empty<object>(), monthlyDivisor = 0, reductionCapShare = 2 },
        };

        using var response = await admin.PostAsJsonAsync("/api/v1/fees/rule-sets/draft-2019/versions", body);

        var errors = await ProblemDetailsAssert.ErrorsAsync(response);
        Assert.Contains("halfYearTiers", errors.Keys);
        Assert.Contains("monthlyDivisor", errors.Keys);
        Assert.Contains("reductionCapShare", errors.Keys);
        var versions = await admin.GetFromJsonAsync<JsonElement>("/api/v1/fees/rule-sets");
        Assert.Single(versions.EnumerateArray(), v => v.GetProperty("code").GetString() == "draft-2019");
    }

    [Fact]
    public async Task Calculate_FeeYearBeforeTheRegulation_Returns400NamingFeeYear()
    {
        using var auditor = await app.SignedInAsync(DemoAccounts.Auditor.Email, "en");

        using var response = await auditor.PostAsJsonAsync("/api/v1/fees/calculate", Regulation(2022, "within", null, 30_000));

        var errors = await ProblemDetailsAssert.ErrorsAsync(response);
        Assert.Equal("No rule set of this scheme is in force for fee year 2022.", Assert.Single(errors["feeYear"]));
    }

    [Fact]
    public async Task Calculate_AsEngineer_OnlyForOwnFactory()
    {
        using var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email);
        var own = await app.FactoryNamedAsync("永彩染整股份有限公司");
        var other = await app.FactoryNamedAsync("青溪紡織股份有限公司");

        using var withoutFactory = await engineer.PostAsJsonAsync("/api/v1/fees/calculate", Regulation(2026, "within", null, 30_000));
        using var otherFactory = await engineer.PostAsJsonAsync("/api/v1/fees/calculate", Regulation(2026, "within", null, 30_000, factoryId: other.Id));
        using var ownFactory = await engineer.PostAsJsonAsync("/api/v1/fees/calculate", Regulation(2026, "within", null, 30_000, factoryId: own.Id));

        Assert.Equal(HttpStatusCode.Forbidden, withoutFactory.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherFactory.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownFactory.StatusCode);
    }

    private static object Regulation(int feeYear, string rate, bool? halfRate, decimal tap, decimal reclaimed = 0, Guid? factoryId = null) => new
    {
        scheme = "regulation-2023",
        feeYear,
        factoryId,
        months = Enumerable.Range(0, 6).Select(i => new { month = new DateOnly(feeYear - 1, 11, 1).AddMonths(i).ToString("yyyy-MM"), tapM3 = tap, surfaceM3 = 0, groundwaterM3 = 0, otherSupplierM3 = 0 }),
        recyclingRate = rate,
        halfRate,
        claims = new { reclaimedAndDesalinatedM3 = reclaimed },
    };

    private static async Task<JsonElement> CalculateAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/fees/calculate", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

}
