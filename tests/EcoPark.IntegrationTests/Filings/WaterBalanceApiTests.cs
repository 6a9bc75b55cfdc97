using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoPark.Infrastructure.Seeding;
using EcoPark.IntegrationTests.Infrastructure;

namespace EcoPark.IntegrationTests.Filings;

/// <summary>Water-balance filings through the API, on the demo park. Each test files its own factory and period.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class WaterBalanceApiTests(DemoAppFixture app)
{
    private const string EngineerFactory = "永彩染整股份有限公司";

    [Fact]
    public async Task File_AsEngineer_ReturnsTheDerivedFigures()
    {
        using var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email, "en");
        var factory = await app.FactoryNamedAsync(EngineerFactory);

        using var response = await engineer.PostAsJsonAsync($"/api/v1/factories/{factory.Id}/water-balances", Balance("2025-09"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var filing = await response.Content.ReadFromJsonAsync<JsonElement>();
        // intake 30,000 + rain 300 + condensate 200 = 30,500; use = 30,500 + 60,000 + 9,500 = 100,000
        Assert.Equal(30_500, filing.GetProperty("totalIntakeM3").GetDecimal());
        Assert.Equal(100_000, filing.GetProperty("totalUseM3").GetDecimal());
        Assert.Equal(70, filing.GetProperty("r1Percent").GetDecimal()); // (60,000 + 9,500 + 300 + 200) / 100,000
        Assert.Equal(40, filing.GetProperty("r2Percent").GetDecimal()); // (70,000 − 50,000) / (100,000 − 50,000)
        Assert.Equal(1, filing.GetProperty("version").GetInt32());
        Assert.Equal("Draft", filing.GetProperty("status").GetString());
        Assert.Equal(1_016.67m, filing.GetProperty("intakeM3PerDay").GetDecimal()); // 30,500 / 30 days
        Assert.True(filing.GetProperty("closes").GetBoolean());
    }

    [Fact]
    public async Task Filings_AreVisibleToStaffAndAuditors_AndHiddenFromOtherFactories()
    {
        using var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email);
        var factory = await app.FactoryNamedAsync(EngineerFactory);
        using var created = await engineer.PostAsJsonAsync($"/api/v1/factories/{factory.Id}/water-balances", Balance("2025-08"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email);
        using var auditor = await app.SignedInAsync(DemoAccounts.Auditor.Email);
        using var otherEngineer = await app.SignedInAsync(DemoAccounts.SecondEngineer.Email);

        Assert.Contains("2025-08", await staff.GetStringAsync($"/api/v1/factories/{factory.Id}/water-balances"), StringComparison.Ordinal);
        Assert.Contains("2025-08", await auditor.GetStringAsync($"/api/v1/factories/{factory.Id}/water-balances"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await otherEngineer.GetAsync($"/api/v1/factories/{factory.Id}/water-balances")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync($"/api/v1/factories/{factory.Id}/water-balances", Balance("2025-07"))).StatusCode);
    }

    [Theory]
    [InlineData("negative", "intake.tapM3")]
    [InlineData("cooling-tower", "coolingTowerCirculationM3")]
    [InlineData("future", "period")]
    [InlineData("zero-intake", "intake")]
    [InlineData("bad-period", "period")]
    public async Task File_BadInput_Returns400NamingTheField(string problem, string field)
    {
        using var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email, "en");
        var factory = await app.FactoryNamedAsync(EngineerFactory);
        var body = Balance("2024-01");
        switch (problem)
        {
            case "negative": body.Intake.TapM3 = -1; break;
            case "cooling-tower": body.CoolingTowerCirculationM3 = body.CirculationM3 + 1; break;
            case "future": body.Period = $"{DateTime.UtcNow.Year + 1}-01"; break;
            case "zero-intake": body.Intake.TapM3 = 0; body.RainwaterM3 = 0; body.CondensateM3 = 0; break;
            default: body.Period = "2024-13"; break;
        }

        using var response = await engineer.PostAsJsonAsync($"/api/v1/factories/{factory.Id}/water-balances", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await ProblemDetailsAssert.ErrorsAsync(response)).Keys);
        Assert.DoesNotContain("2024-01", await engineer.GetStringAsync($"/api/v1/factories/{factory.Id}/water-balances"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_UnclosedBalance_NeedsAJustification_AndAmendmentsKeepEveryVersion()
    {
        using var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email, "en");
        var factory = await app.FactoryNamedAsync(EngineerFactory);
        var unclosed = Balance("2025-06", submit: true);
        unclosed.Outflows.SewerM3 = 10_000; // outflows far below intake

        using var refused = await engineer.PostAsJsonAsync($"/api/v1/factories/{factory.Id}/water-balances", unclosed);
        Assert.Contains("justification", (await ProblemDetailsAssert.ErrorsAsync(refused)).Keys);

        unclosed.Justification = "Meter on the sewer line was broken for two weeks";
        using var accepted = await engineer.PostAsJsonAsync($"/api/v1/factories/{factory.Id}/water-balances", unclosed);
        var filing = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Submitted", filing.GetProperty("status").GetString());
        Assert.NotEmpty(filing.GetProperty("warnings").EnumerateArray());

        using var duplicate = await engineer.PostAsJsonAsync($"/api/v1/factories/{factory.Id}/water-balances", Balance("2025-06"));
        Assert.Contains("period", (await ProblemDetailsAssert.ErrorsAsync(duplicate)).Keys);

        var id = filing.GetProperty("id").GetGuid();
        var corrected = Balance("2025-06");
        using var noReason = await engineer.PostAsJsonAsync($"/api/v1/factories/{factory.Id}/water-balances/{id}/amendments",
            new { balance = corrected, rowVersion = filing.GetProperty("rowVersion").GetUInt32() });
        Assert.Contains("reason", (await ProblemDetailsAssert.ErrorsAsync(noReason)).Keys);
        using var amended = await engineer.PostAsJsonAsync($"/api/v1/factories/{factory.Id}/water-balances/{id}/amendments",
            new { balance = corrected, rowVersion = filing.GetProperty("rowVersion").GetUInt32(), reason = "Sewer meter repaired; volume from the park WWTP bill" });
        Assert.Equal(HttpStatusCode.OK, amended.StatusCode);

        var history = await engineer.GetFromJsonAsync<JsonElement>($"/api/v1/factories/{factory.Id}/water-balances/{id}");
        var versions = history.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal(2, versions.Count);
        Assert.Equal("Amended", history.GetProperty("filing").GetProperty("status").GetString());
        var change = Assert.Single(versions[1].GetProperty("changes").EnumerateArray());
        Assert.Equal("outflows.sewerM3", change.GetProperty("field").GetString());
        Assert.Equal(10_000, change.GetProperty("before").GetDecimal());
        Assert.Equal(25_000, change.GetProperty("after").GetDecimal());
        Assert.Equal(DemoAccounts.Engineer.Email, versions[1].GetProperty("changedByEmail").GetString());
    }

    [Fact]
    public async Task EditDraft_TwoUsersFromTheSameVersion_SecondGetsAConflictAndTheFirstIsKept()
    {
        using var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email);
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email);
        var factory = await app.FactoryNamedAsync(EngineerFactory);
        var created = await (await engineer.PostAsJsonAsync($"/api/v1/factories/{factory.Id}/water-balances", Balance("2025-05"))).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var read = created.GetProperty("rowVersion").GetUInt32();
        var first = Balance("2025-05");
        first.Uses.DomesticM3 = 600;
        var second = Balance("2025-05");
        second.Uses.DomesticM3 = 700;

        using var firstSave = await engineer.PutAsJsonAsync($"/api/v1/factories/{factory.Id}/water-balances/{id}", new { balance = first, rowVersion = read });
        using var secondSave = await staff.PutAsJsonAsync($"/api/v1/factories/{factory.Id}/water-balances/{id}", new { balance = second, rowVersion = read });

        Assert.Equal(HttpStatusCode.OK, firstSave.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, secondSave.StatusCode);
        var kept = await engineer.GetFromJsonAsync<JsonElement>($"/api/v1/factories/{factory.Id}/water-balances/{id}");
        Assert.Equal(600, kept.GetProperty("filing").GetProperty("balance").GetProperty("uses").GetProperty("domesticM3").GetDecimal());
    }

    [Fact]
    public async Task ParkOverview_ShowsFilingsAndOverdueFactories_ToStaffOnly()
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email);
        using var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email);
        var factory = await app.FactoryNamedAsync(EngineerFactory);

        var overview = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/parks/{factory.ParkId}/water-balances");

        Assert.Equal(DateTime.Now.AddMonths(-1).ToString("yyyy-MM"), overview.GetProperty("lastClosedPeriod").GetString());
        Assert.Contains(overview.GetProperty("overdue").EnumerateArray(), f => f.GetProperty("nameZh").GetString() == "青溪紙業股份有限公司");
        Assert.Equal(HttpStatusCode.NotFound, (await engineer.GetAsync($"/api/v1/parks/{factory.ParkId}/water-balances")).StatusCode);
    }

    /// <summary>A September-sized balance that closes: intake 30,500 = outflows 30,500 = uses 30,500.</summary>
    private static BalanceBody Balance(string period, bool submit = false) => new()
    {
        Period = period,
        Submit = submit,
        Intake = new IntakeBody { TapM3 = 30_000 },
        RainwaterM3 = 300,
        CondensateM3 = 200,
        Uses = new UsesBody { CoolingM3 = 12_000, ProcessM3 = 17_000, BoilerM3 = 1_000, DomesticM3 = 500 },
        CirculationM3 = 60_000,
        CoolingTowerCirculationM3 = 50_000,
        ReuseM3 = 9_500,
        Outflows = new OutflowsBody { SewerM3 = 25_000, EvaporationLossM3 = 5_000, InProductM3 = 500 },
    };


    private sealed class BalanceBody
    {
        public string Period { get; set; } = string.Empty;

        public bool Submit { get; set; }

        public string? Justification { get; set; }

        public IntakeBody Intake { get; set; } = new();

        public decimal RainwaterM3 { get; set; }

        public decimal CondensateM3 { get; set; }

        public UsesBody Uses { get; set; } = new();

        public decimal CirculationM3 { get; set; }

        public decimal CoolingTowerCirculationM3 { get; set; }

        public decimal ReuseM3 { get; set; }

        public OutflowsBody Outflows { get; set; } = new();
    }

    private sealed class IntakeBody
    {
        public decimal TapM3 { get; set; }
    }

    private sealed class UsesBody
    {
        public decimal CoolingM3 { get; set; }

        public decimal ProcessM3 { get; set; }

        public decimal BoilerM3 { get; set; }

        public decimal DomesticM3 { get; set; }
    }

    private sealed class OutflowsBody
    {
        public decimal SewerM3 { get; set; }

        public decimal EvaporationLossM3 { get; set; }

        public decimal InProductM3 { get; set; }
    }
}
