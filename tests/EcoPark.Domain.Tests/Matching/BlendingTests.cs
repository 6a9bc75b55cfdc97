using EcoPark.Domain.Matching;
using EcoPark.Domain.Streams;
using static EcoPark.Domain.Streams.WaterQuality;
using static EcoPark.Domain.Tests.Matching.TestMatching;

namespace EcoPark.Domain.Tests.Matching;

public sealed class BlendingTests
{
    [Fact]
    public void Solve_BlendShare_IsExactAtItsLimit()
    {
        // 0.5 × 30 + 0.5 × 10 = 20: exactly the maximum, which passes; a hair more effluent fails.
        var blend = Blending.Solve([Max(CodMgL, 20m)], [Lab(CodMgL, 30m)], [Lab(CodMgL, 10m)], Today, 365);

        Assert.Equal(0.5m, blend.Share);
        var atShare = Assert.Single(blend.AtShare);
        Assert.Equal((20m, Verdict.Pass, 0m), (atShare.Value!.Value, atShare.Verdict, atShare.Headroom!.Value));
        Assert.True(Blending.Mix(30m, 10m, 0.5m + 0.000_001m) > 20m);
    }

    [Fact]
    public void Solve_ShareThatDoesNotTerminate_StaysWithinTheLimitByNoMoreThanRounding()
    {
        // (20 − 10) / (40 − 10) = 1/3.
        var blend = Blending.Solve([Max(CodMgL, 20m)], [Lab(CodMgL, 40m)], [Lab(CodMgL, 10m)], Today, 365);

        var share = blend.Share!.Value;
        Assert.InRange(share, (1m / 3) - 0.000_000_000_000_000_01m, 1m / 3);
        Assert.True(Blending.Mix(40m, 10m, share) <= 20m);
        Assert.True(Blending.Mix(40m, 10m, share + 0.000_000_000_001m) > 20m);
    }

    [Fact]
    public void Solve_SeveralParameters_TheTightestSetsTheShare()
    {
        var blend = Blending.Solve(
            [Max(CodMgL, 20m), Max(ConductivityUsCm, 1_000m)],
            [Lab(CodMgL, 30m), Lab(ConductivityUsCm, 2_000m)],
            [Lab(CodMgL, 10m), Lab(ConductivityUsCm, 200m)], Today, 365);

        Assert.Equal(0.5m, blend.Parameters.Single(p => p.Key == CodMgL).MaxShare);
        Assert.Equal(800m / 1_800m, blend.Parameters.Single(p => p.Key == ConductivityUsCm).MaxShare);
        Assert.Equal(800m / 1_800m, blend.Share);
    }

    [Fact]
    public void Solve_ValueUnknownInEitherWater_GivesNoShareAndSaysWhich()
    {
        var blend = Blending.Solve([Max(CodMgL, 20m), Max(SsMgL, 10m)], [Lab(CodMgL, 30m), Lab(SsMgL, 3m)], [Lab(CodMgL, 10m)], Today, 365);

        Assert.Null(blend.Share);
        Assert.Equal([SsMgL], blend.UnknownKeys);
        Assert.Null(blend.Parameters.Single(p => p.Key == SsMgL).MaxShare);
    }

    [Theory]
    [InlineData(7.0, 7.5, 1.0)] // both within range: any share
    [InlineData(9.5, 7.0, 0.0)] // failing effluent pH is never blended in (pH does not mix linearly)
    [InlineData(7.0, 9.5, 1.0)] // failing current pH: only effluent alone
    public void Solve_Ph_IsJudgedOnEachWaterNotMixed(double effluent, double current, double share)
    {
        var blend = Blending.Solve([new ParameterLimit(Ph, 6m, 8.5m)], [Lab(Ph, (decimal)effluent)], [Lab(Ph, (decimal)current)], Today, 365);

        Assert.Equal((decimal)share, blend.Share);
    }

    [Fact]
    public void Evaluate_BlendingAllowed_DeliversTheShareOfTheDemandAsEffluent()
    {
        var demand = Demand(100m, Max(CodMgL, 20m)) with { BlendingAllowed = true, CurrentWaterQuality = [Lab(CodMgL, 10m)] };

        var result = WaterMatcher.Evaluate(Supply(1_000m, Lab(CodMgL, 30m)), demand, Context());

        Assert.Equal(WaterMatchStatus.FeasibleWithBlending, result.Status);
        Assert.Equal(WaterRoute.Blending, result.Route);
        Assert.Equal(50m, result.MatchedFlowM3PerDay);
        Assert.False(result.FeasibleAsIs);
        Assert.Equal(0m, result.TightestMargin);
        Assert.Contains(MatchCodes.BlendNeeded, result.ReasonCodes);
    }

    [Fact]
    public void Evaluate_BlendAndTreatmentBothWork_TheHigherNetBenefitWins()
    {
        var demand = Demand(100m, Max(CodMgL, 20m)) with { BlendingAllowed = true, CurrentWaterQuality = [Lab(CodMgL, 10m)] };
        var cheap = Catalogue(Step("carbon", 1m, removal: [(CodMgL, 0.5m)]));
        var dear = Catalogue(Step("carbon", 30m, removal: [(CodMgL, 0.5m)]));

        // Treating all 100 m³ at 1 NTD/m³ beats blending 50 m³; at 30 NTD/m³ it loses money.
        Assert.Equal(WaterRoute.Treatment, WaterMatcher.Evaluate(Supply(1_000m, Lab(CodMgL, 30m)), demand, Context(cheap)).Route);
        Assert.Equal(WaterRoute.Blending, WaterMatcher.Evaluate(Supply(1_000m, Lab(CodMgL, 30m)), demand, Context(dear)).Route);
    }
}
