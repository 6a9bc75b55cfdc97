using EcoPark.Domain.Factories;
using EcoPark.Domain.Screening;
using EcoPark.Domain.Water;

namespace EcoPark.Domain.Tests.Screening;

public sealed class ScreeningEngineTests
{
    private static readonly ScreeningRuleSet Rules = ScreeningDefaults.Screening2019();

    /// <summary>
    /// Park A, by hand: land 120 ha → 5 × 2 = 10; (2,000 + 3,000) ÷ 100 ha = 50 CMD/ha, on the edge → 4 × 3 = 12;
    /// high-water-use 1,200 (entered) → 4 × 3 = 12; increase 100, on the edge → 3 × 4 = 12; the park record's
    /// spare 8,500 → 3 × 3 = 9; 桃園市 → 0; 觀音工業區 is listed → 1; easy-match 45 %, on the edge → 4 × 1 = 4.
    /// Total 60, nothing unknown.
    /// </summary>
    private static ParkScreeningCase ParkA() => ScreeningCases.Park("觀音工業區", "桃園市", new ParkScreeningValues
    {
        LeasableLandHa = 120,
        TapHeadroomM3PerDay = 2_000,
        ExtraSupplyM3PerDay = 3_000,
        LeasableFactoryAreaHa = 100,
        HighWaterUseAnnual10kM3 = 1_200,
        ExpectedIncrease10kM3PerYear = 100,
        EasyMatchSharePercent = 45,
    }, spare: 8_500, highWaterUse: new DerivedFigure(80, 2, 3));

    /// <summary>
    /// Park B, by hand: land 10 ha → 1 × 2 = 2; (−500 + 1,500) ÷ 0.5 ha = 2,000 CMD/ha, on the edge → 1 × 3 = 3;
    /// derived high-water-use 99.99 → 0; increase unknown → 4 × 5 = 20 unknown points; spare entered −100 → 0;
    /// 台南市 entered → 3 × 1 = 3; low tolerance entered → 1; derived easy-match 5 %, on the edge → 1.
    /// Total 10 with 20 unknown.
    /// </summary>
    private static ParkScreeningCase ParkB() => ScreeningCases.Park("南港工業區", "臺北市", new ParkScreeningValues
    {
        LeasableLandHa = 10,
        TapHeadroomM3PerDay = -500,
        ExtraSupplyM3PerDay = 1_500,
        LeasableFactoryAreaHa = 0.5m,
        WwtpSpareCapacityM3PerDay = -100,
        County = "台南市",
        LowTolerance = true,
    }, highWaterUse: new DerivedFigure(99.99m, 1, 1), easyMatch: new DerivedFigure(5, 1, 20));

    [Fact]
    public void Rank_TwoHandComputedParks_GivesTheirTotalsAndOrder()
    {
        var ranked = ScreeningEngine.Rank([ParkB(), ParkA()], Rules);

        Assert.Equal(["觀音工業區", "南港工業區"], ranked.Select(r => r.NameZh));
        Assert.Equal((60, 0), (ranked[0].TotalPoints, ranked[0].UnknownPoints));
        Assert.Equal([10, 12, 12, 12, 9, 0, 1, 4], ranked[0].Factors.Select(f => f.Points ?? -1));
        Assert.Equal((10, 20), (ranked[1].TotalPoints, ranked[1].UnknownPoints));
        Assert.Equal([2, 3, 0, -1, 0, 3, 1, 1], ranked[1].Factors.Select(f => f.Points ?? -1));
        Assert.Equal([1, 2], ranked.Select(r => r.Rank));
    }

    [Fact]
    public void Factors_Overrides_AreShownAsEntered_WithTheDerivedFigureBeside()
    {
        var a = ScreeningEngine.Factors(ParkA(), Rules);
        var b = ScreeningEngine.Factors(ParkB(), Rules);

        var entered = a.Single(f => f.Factor == ScreeningFactor.HighWaterUse);
        Assert.Equal((FactorSource.Entered, 1_200m, 80m), (entered.Source, entered.Number!.Value, entered.DerivedNumber!.Value));
        Assert.Equal((FactorSource.Derived, "park-record"), (a.Single(f => f.Factor == ScreeningFactor.WwtpSpareCapacity).Source,
            a.Single(f => f.Factor == ScreeningFactor.WwtpSpareCapacity).Origin));
        Assert.Equal(FactorSource.Entered, b.Single(f => f.Factor == ScreeningFactor.WwtpSpareCapacity).Source);
        var derived = b.Single(f => f.Factor == ScreeningFactor.EasyMatchShare);
        Assert.Equal((FactorSource.Derived, "matching", 1, 20), (derived.Source, derived.Origin, derived.BasisCount!.Value, derived.BasisOf!.Value));
        Assert.Equal("臺南市", b.Single(f => f.Factor == ScreeningFactor.ShortageCounty).Text);
    }

    [Fact]
    public void Factors_WithoutAnyFigures_AreMissing_AndTheirPointsUnknown_NeverZero()
    {
        var park = ScreeningCases.Park("某工業區", "桃園市");

        var result = Assert.Single(ScreeningEngine.Rank([park], Rules));

        var missing = result.Factors.Where(f => f.IsMissing).Select(f => f.Factor).ToList();
        Assert.Equal([ScreeningFactor.LeasableLand, ScreeningFactor.WaterPerFactoryArea, ScreeningFactor.HighWaterUse, ScreeningFactor.ExpectedIncrease,
            ScreeningFactor.EasyMatchShare], missing);
        Assert.All(result.Factors.Where(f => f.IsMissing), f => Assert.Null(f.Points));
        Assert.Equal((2 + 3 + 3 + 4 + 1) * 5, result.UnknownPoints);
        Assert.Equal(9, result.TotalPoints); // only the park record's spare 8,500 (3 × 3) is known to score
    }

    [Fact]
    public void Factors_WaterPerArea_IsMissingWhenAnyPartIsUnknown()
    {
        var park = ScreeningCases.Park("某工業區", "桃園市", new ParkScreeningValues { TapHeadroomM3PerDay = 100, LeasableFactoryAreaHa = 10 });

        Assert.True(ScreeningEngine.Factors(park, Rules).Single(f => f.Factor == ScreeningFactor.WaterPerFactoryArea).IsMissing);
    }

    [Fact]
    public void EffectiveOn_PicksTheVersionInForceOnTheDate()
    {
        var v1 = Rules;
        var v2 = Rules with { Version = 2, EffectiveFrom = new DateOnly(2026, 7, 1), CountyWeight = 2 };
        var v3 = Rules with { Version = 3, EffectiveFrom = new DateOnly(2026, 7, 1), CountyWeight = 3 };

        Assert.Null(ScreeningRuleSet.EffectiveOn([v1, v2, v3], new DateOnly(2018, 12, 31)));
        Assert.Equal(1, ScreeningRuleSet.EffectiveOn([v1, v2, v3], new DateOnly(2026, 6, 30))!.Version);
        Assert.Equal(3, ScreeningRuleSet.EffectiveOn([v3, v1, v2], new DateOnly(2026, 7, 1))!.Version);
        var later = ScreeningEngine.Rank([ScreeningCases.Park("某工業區", "高雄市")], ScreeningRuleSet.EffectiveOn([v1, v2, v3], new DateOnly(2027, 1, 1))!);
        Assert.Equal(9, later[0].Factors.Single(f => f.Factor == ScreeningFactor.ShortageCounty).Points); // 3 points × weight 3
    }

    [Fact]
    public void InUseOn_PicksTheLatestFiguresDatedOnOrBeforeTheDate()
    {
        var park = Guid.NewGuid();
        ParkScreeningInput Version(int n, int month) =>
            new(Guid.NewGuid(), park, n, new DateOnly(2026, month, 1), new ParkScreeningValues { LeasableLandHa = n }, "survey", null, DateTimeOffset.UnixEpoch);
        var versions = new[] { Version(1, 1), Version(2, 6), Version(3, 3) };

        Assert.Null(ParkScreeningInput.InUseOn(versions, new DateOnly(2025, 12, 31)));
        Assert.Equal(3, ParkScreeningInput.InUseOn(versions, new DateOnly(2026, 5, 31))!.Version);
        Assert.Equal(2, ParkScreeningInput.InUseOn(versions, new DateOnly(2026, 6, 1))!.Version);
    }

    [Theory]
    [InlineData(8_500, 2, 37_500, SecondScreenVerdict.NeedsDesalination)] // Guanyin: too salty
    [InlineData(6_770, 3, 50_000, SecondScreenVerdict.Priority)] // Linyuan
    [InlineData(3_750, 1, 20_000, SecondScreenVerdict.Priority)] // Zhongli
    [InlineData(7_500, 1, 20_000, SecondScreenVerdict.Priority)] // on the threshold: not above it
    [InlineData(3_000, 0.2, 20_000, SecondScreenVerdict.NoLand)]
    [InlineData(3_000, 1, 500, SecondScreenVerdict.LowFlow)]
    [InlineData(9_000, 0, 500, SecondScreenVerdict.NeedsDesalination)] // desalination is named first
    public void SecondScreen_JudgesConductivityLandAndFlow(double conductivity, double land, double flow, SecondScreenVerdict verdict)
    {
        var values = new ParkScreeningValues { WwtpConductivityUsCm = (decimal)conductivity, WwtpExpansionLandHa = (decimal)land, WwtpEffluentM3PerDay = (decimal)flow };

        Assert.Equal(verdict, ScreeningEngine.SecondScreen(values, Rules.SecondScreen).Verdict);
    }

    [Fact]
    public void SecondScreen_WithAnUnknownFigure_IsIncomplete_UnlessAnotherFails()
    {
        var unknownLand = ScreeningEngine.SecondScreen(new ParkScreeningValues { WwtpConductivityUsCm = 3_000, WwtpEffluentM3PerDay = 5_000 }, Rules.SecondScreen);
        var salty = ScreeningEngine.SecondScreen(new ParkScreeningValues { WwtpConductivityUsCm = 8_000 }, Rules.SecondScreen);

        Assert.Equal(SecondScreenVerdict.Incomplete, unknownLand.Verdict);
        Assert.Contains("land-unknown", unknownLand.Reasons);
        Assert.Equal(SecondScreenVerdict.NeedsDesalination, salty.Verdict);
        Assert.Contains("conductivity-above-threshold", salty.Reasons);
    }

    [Fact]
    public void Rank_SecondScreen_OnlyForTheTopParks()
    {
        var rules = Rules with { SecondScreen = Rules.SecondScreen with { TopParks = 1 } };

        var ranked = ScreeningEngine.Rank([ParkA(), ParkB()], rules);

        Assert.NotEqual(SecondScreenVerdict.NotScreened, ranked[0].SecondScreen.Verdict);
        Assert.Equal(SecondScreenVerdict.NotScreened, ranked[1].SecondScreen.Verdict);
    }

    [Fact]
    public void HighWaterUse_FromFilings_AnnualisesEachFirm_AndCountsOnlyListedIndustries()
    {
        var dyeing = Guid.NewGuid();
        var paper = Guid.NewGuid();
        var food = Guid.NewGuid();
        var asOf = new DateOnly(2026, 12, 1);
        FiledIntake Month(Guid firm, int month, decimal m3) =>
            new(firm, new DateOnly(2026, month, 1), new DateOnly(2026, month, 1).AddMonths(1).AddDays(-1), FilingPeriodKind.Month, m3);
        var filings = new[]
        {
            Month(dyeing, 9, 300_000), Month(dyeing, 10, 310_000), // 61 days
            Month(paper, 11, 150_000), // 30 days
            Month(food, 11, 900_000), // not high-water-use
            Month(paper, 12, 999_999), // not ended by the date
            new FiledIntake(paper, new DateOnly(2025, 11, 1), new DateOnly(2025, 11, 30), FilingPeriodKind.Month, 999_999), // before the window
        };

        var figure = ScreeningDerivations.HighWaterUse([(dyeing, Industry.Dyeing), (paper, Industry.Paper), (food, Industry.Food)], filings, Rules, asOf);

        // dyeing 610,000 × 365 / 61 = 3,650,000; paper 150,000 × 365 / 30 = 1,825,000; together 547.5 × 10⁴ m³/yr
        Assert.Equal(new DerivedFigure(547.5m, 2, 2), figure);
    }

    [Fact]
    public void HighWaterUse_WhenNoListedFirmFiled_OrNoFirmIsKnown_IsMissing_AndWithoutListedFirms_IsZero()
    {
        var dyeing = Guid.NewGuid();
        var food = Guid.NewGuid();
        var asOf = new DateOnly(2026, 12, 1);

        Assert.Null(ScreeningDerivations.HighWaterUse([(dyeing, Industry.Dyeing)], [], Rules, asOf).Value);
        Assert.Equal(0m, ScreeningDerivations.HighWaterUse([(food, Industry.Food)], [], Rules, asOf).Value);
        Assert.Null(ScreeningDerivations.HighWaterUse([], [], Rules, asOf).Value);
    }

    [Fact]
    public void EasyMatchShare_IsTheShareOfFirms_AndMissingWithoutFirms()
    {
        Assert.Equal(new DerivedFigure(37.5m, 3, 8), ScreeningDerivations.EasyMatchShare(3, 8));
        Assert.Null(ScreeningDerivations.EasyMatchShare(0, 0).Value);
    }
}
