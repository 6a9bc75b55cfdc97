using EcoPark.Domain.Common;
using EcoPark.Domain.Screening;

namespace EcoPark.Domain.Tests.Screening;

/// <summary>
/// Every band edge of <c>screening-2019</c>, one cent below, on and one cent above (ADR 0010): an edge
/// between two written ranges takes the lower score; the source's strict "&lt;" and "&gt;" end bands are kept.
/// </summary>
public sealed class ScreeningBandTests
{
    private static readonly ScreeningRuleSet Rules = ScreeningDefaults.Screening2019();

    public static TheoryData<ScreeningFactor, decimal, int, int, int> Edges() => new()
    {
        // factor, edge, score just below, score on the edge, score just above
        { ScreeningFactor.LeasableLand, 1, 0, 0, 1 },
        { ScreeningFactor.LeasableLand, 10, 1, 1, 2 },
        { ScreeningFactor.LeasableLand, 30, 2, 2, 3 },
        { ScreeningFactor.LeasableLand, 50, 3, 3, 4 },
        { ScreeningFactor.LeasableLand, 100, 4, 4, 5 },
        { ScreeningFactor.WaterPerFactoryArea, 50, 5, 4, 4 },
        { ScreeningFactor.WaterPerFactoryArea, 100, 4, 3, 3 },
        { ScreeningFactor.WaterPerFactoryArea, 500, 3, 2, 2 },
        { ScreeningFactor.WaterPerFactoryArea, 1_000, 2, 1, 1 },
        { ScreeningFactor.WaterPerFactoryArea, 2_000, 1, 1, 0 },
        { ScreeningFactor.HighWaterUse, 100, 0, 1, 1 },
        { ScreeningFactor.HighWaterUse, 200, 1, 1, 2 },
        { ScreeningFactor.HighWaterUse, 500, 2, 2, 3 },
        { ScreeningFactor.HighWaterUse, 1_000, 3, 3, 4 },
        { ScreeningFactor.HighWaterUse, 5_000, 4, 4, 5 },
        { ScreeningFactor.ExpectedIncrease, 0, 0, 1, 1 },
        { ScreeningFactor.ExpectedIncrease, 10, 1, 1, 2 },
        { ScreeningFactor.ExpectedIncrease, 50, 2, 2, 3 },
        { ScreeningFactor.ExpectedIncrease, 100, 3, 3, 4 },
        { ScreeningFactor.ExpectedIncrease, 300, 4, 4, 5 },
        { ScreeningFactor.WwtpSpareCapacity, 0, 0, 1, 1 },
        { ScreeningFactor.WwtpSpareCapacity, 1_000, 1, 1, 2 },
        { ScreeningFactor.WwtpSpareCapacity, 5_000, 2, 2, 3 },
        { ScreeningFactor.WwtpSpareCapacity, 10_000, 3, 3, 4 },
        { ScreeningFactor.WwtpSpareCapacity, 20_000, 4, 4, 5 },
        { ScreeningFactor.EasyMatchShare, 5, 0, 1, 1 },
        { ScreeningFactor.EasyMatchShare, 15, 1, 1, 2 },
        { ScreeningFactor.EasyMatchShare, 25, 2, 2, 3 },
        { ScreeningFactor.EasyMatchShare, 35, 3, 3, 4 },
        { ScreeningFactor.EasyMatchShare, 45, 4, 4, 5 },
    };

    [Theory]
    [MemberData(nameof(Edges))]
    public void Band_OnBothSidesOfEachEdge_ScoresAsTheSourceTableReads(ScreeningFactor factor, decimal edge, int below, int on, int above)
    {
        var rule = Rules.Rule(factor);

        Assert.Equal(below, rule.BandOf(edge - 0.01m)!.Score);
        Assert.Equal(on, rule.BandOf(edge)!.Score);
        Assert.Equal(above, rule.BandOf(edge + 0.01m)!.Score);
    }

    [Theory]
    [InlineData(ScreeningFactor.LeasableLand, 2)]
    [InlineData(ScreeningFactor.WaterPerFactoryArea, 3)]
    [InlineData(ScreeningFactor.HighWaterUse, 3)]
    [InlineData(ScreeningFactor.ExpectedIncrease, 4)]
    [InlineData(ScreeningFactor.WwtpSpareCapacity, 3)]
    [InlineData(ScreeningFactor.ShortageCounty, 1)]
    [InlineData(ScreeningFactor.LowTolerance, 1)]
    [InlineData(ScreeningFactor.EasyMatchShare, 1)]
    public void Weight_OfEachFactor_IsTheSourceWeight(ScreeningFactor factor, int weight)
    {
        Assert.Equal(weight, Rules.WeightOf(factor));
        Assert.Equal(90, Rules.MaxTotal);
    }

    [Theory]
    [InlineData("新竹縣", 3)]
    [InlineData("新竹市", 3)]
    [InlineData("台南市", 3)]
    [InlineData("高雄市", 3)]
    [InlineData("苗栗縣", 1)]
    [InlineData("嘉義市", 1)]
    [InlineData("屏東縣", 1)]
    [InlineData("桃園市", 0)]
    [InlineData("彰化縣", 0)]
    public void County_ScoresByTheCountyList_ReadingTaiAsTai(string county, int score)
    {
        var factor = ScreeningEngine.Factors(ScreeningCases.Park("某工業區", county), Rules).Single(f => f.Factor == ScreeningFactor.ShortageCounty);

        Assert.Equal(score, factor.Score);
        Assert.Equal(FactorSource.Derived, factor.Source);
    }

    [Theory]
    [InlineData("觀音工業區", null, 1, FactorSource.Derived)]
    [InlineData("臨海工業區", null, 0, FactorSource.Derived)]
    [InlineData("臨海工業區", true, 1, FactorSource.Entered)]
    [InlineData("觀音工業區", false, 0, FactorSource.Entered)]
    public void LowTolerance_FollowsTheParkList_UnlessEntered(string name, bool? entered, int score, FactorSource source)
    {
        var park = ScreeningCases.Park(name, "桃園市", new ParkScreeningValues { LowTolerance = entered });

        var factor = ScreeningEngine.Factors(park, Rules).Single(f => f.Factor == ScreeningFactor.LowTolerance);

        Assert.Equal(score, factor.Score);
        Assert.Equal(source, factor.Source);
    }

    [Fact]
    public void Checks_AcceptTheSeededVersion()
    {
        ScreeningChecks.Check(Rules);
    }

    [Fact]
    public void Checks_RefuseBandsThatCountAnEdgeTwice()
    {
        var land = Rules.Rule(ScreeningFactor.LeasableLand);
        var overlapping = land with { Bands = [.. land.Bands.Select(b => b.Score == 1 ? b with { MinInclusive = true } : b)] };
        var rules = Rules with { Numeric = [.. Rules.Numeric.Select(r => r.Factor == ScreeningFactor.LeasableLand ? overlapping : r)] };

        var error = Assert.Throws<DomainException>(() => ScreeningChecks.Check(rules));
        Assert.Equal("screening-bands", error.Code);
    }

    [Fact]
    public void Checks_RefuseAGapBetweenBands()
    {
        var land = Rules.Rule(ScreeningFactor.LeasableLand);
        var gap = land with { Bands = [.. land.Bands.Where(b => b.Score != 3)] };
        var rules = Rules with { Numeric = [.. Rules.Numeric.Select(r => r.Factor == ScreeningFactor.LeasableLand ? gap : r)] };

        Assert.Equal("screening-bands", Assert.Throws<DomainException>(() => ScreeningChecks.Check(rules)).Code);
    }
}
