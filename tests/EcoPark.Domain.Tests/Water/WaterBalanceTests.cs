using EcoPark.Domain.Common;
using EcoPark.Domain.Water;

namespace EcoPark.Domain.Tests.Water;

public sealed class WaterBalanceTests
{
    // Hand-computed. Columns: tap, rain, condensate, circulation, cooling-tower circulation, reuse → total intake, total use, R1 %, R2 %.
    [Theory]
    [InlineData(1_000, 0, 0, 0, 0, 0, 1_000, 1_000, 0, 0)] // zero circulation: nothing recycled
    [InlineData(1_000, 100, 50, 3_000, 2_000, 500, 1_150, 4_650, 78.4946, 62.2642)] // 3,650 / 4,650 and 1,650 / 2,650
    [InlineData(1_000, 0, 0, 2_000, 2_000, 0, 1_000, 3_000, 66.6667, 0)] // cooling-tower circulation equal to total circulation
    [InlineData(500, 0, 0, 0, 0, 1_500, 500, 2_000, 75, 75)] // reuse only: 1,500 / 2,000
    [InlineData(0, 300, 0, 0, 0, 0, 300, 300, 100, 100)] // rainwater only counts as recycled
    public void Derive_RatesAndTotals_MatchHandComputedValues(decimal tap, decimal rain, decimal condensate, decimal circulation,
        decimal coolingTower, decimal reuse, decimal totalIntake, decimal totalUse, double r1, double r2)
    {
        var balance = new WaterBalance
        {
            TapM3 = tap,
            RainwaterM3 = rain,
            CondensateM3 = condensate,
            CirculationM3 = circulation,
            CoolingTowerCirculationM3 = coolingTower,
            ReuseM3 = reuse,
        };

        var figures = balance.Derive(periodDays: 30);

        Assert.Equal(totalIntake, figures.TotalIntakeM3);
        Assert.Equal(totalUse, figures.TotalWaterUseM3);
        Assert.Equal((decimal)r1, Math.Round(figures.R1Percent, 4));
        Assert.Equal((decimal)r2, Math.Round(figures.R2Percent, 4));
    }

    [Fact]
    public void Derive_Gaps_CompareIntakeWithOutflowsAndWithUses()
    {
        var balance = new WaterBalance
        {
            TapM3 = 1_000,
            SewerM3 = 700,
            EvaporationLossM3 = 250,
            InProductM3 = 20, // outflows 970: 3 % off
            CoolingM3 = 600,
            ProcessM3 = 300,
            DomesticM3 = 50, // uses 950: 5 % off
        };

        var figures = balance.Derive(30);

        Assert.Equal(3, figures.ClosureGapPercent);
        Assert.Equal(5, figures.UseGapPercent);
        Assert.True(figures.Closes(5));
        Assert.False(figures.Closes(4.99m));
    }

    [Fact]
    public void Derive_PerDay_DividesByThePeriodsDays()
    {
        var figures = new WaterBalance { TapM3 = 3_000, CirculationM3 = 3_000 }.Derive(FilingPeriod.Parse("2026-09").Days);

        Assert.Equal(100, figures.IntakeM3PerDay);
        Assert.Equal(200, figures.WaterUseM3PerDay);
    }

    [Fact]
    public void Derive_ZeroIntake_IsRejected() =>
        Assert.Equal("zero-intake", Assert.Throws<DomainException>(() => new WaterBalance { CirculationM3 = 100 }.Derive(30)).Code);

    [Fact]
    public void Derive_CoolingTowerAboveTotalCirculation_IsRejected()
    {
        var error = Assert.Throws<DomainException>(() => new WaterBalance { TapM3 = 1, CirculationM3 = 10, CoolingTowerCirculationM3 = 11 }.Derive(30));

        Assert.Equal("coolingTowerCirculationM3", error.Field);
    }

    [Fact]
    public void Derive_NegativeVolume_NamesTheField()
    {
        var error = Assert.Throws<DomainException>(() => new WaterBalance { TapM3 = 100, SewerM3 = -1 }.Derive(30));

        Assert.Equal("sewerM3", error.Field);
    }

    [Theory]
    [InlineData("2026-09", 30, "2026-09-30")]
    [InlineData("2026-02", 28, "2026-02-28")]
    [InlineData("2026-H1", 181, "2026-06-30")]
    [InlineData("2024-H1", 182, "2024-06-30")] // leap year
    [InlineData("2026-H2", 184, "2026-12-31")]
    public void FilingPeriod_Parse_KnowsItsDays(string text, int days, string end)
    {
        var period = FilingPeriod.Parse(text);

        Assert.Equal(days, period.Days);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
        Assert.Equal(text, period.ToString());
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-H3")]
    [InlineData("2026/09")]
    [InlineData("")]
    public void FilingPeriod_TryParse_RejectsMalformedPeriods(string text) => Assert.False(FilingPeriod.TryParse(text, out _));

    [Fact]
    public void FilingPeriod_HasEnded_OnlyAfterItsLastDay()
    {
        var september = FilingPeriod.Parse("2026-09");

        Assert.False(september.HasEndedBy(new DateOnly(2026, 9, 30)));
        Assert.True(september.HasEndedBy(new DateOnly(2026, 10, 1)));
    }
}
