using EcoPark.Domain.Matching;
using EcoPark.Domain.Streams;
using static EcoPark.Domain.Streams.WaterQuality;
using static EcoPark.Domain.Tests.Matching.TestMatching;

namespace EcoPark.Domain.Tests.Matching;

public sealed class WaterJudgementTests
{
    [Fact]
    public void Evaluate_DemandLimitsUnmeasuredParameter_VerdictIsUnknownNeverPass()
    {
        var result = WaterMatcher.Evaluate(Supply(1_000m, Lab(CodMgL, 10m)), Demand(100m, Max(CodMgL, 20m), Max(SsMgL, 10m)), Context());

        var ss = Assert.Single(result.Parameters, p => p.Key == SsMgL);
        Assert.Equal(Verdict.Unknown, ss.Verdict);
        Assert.Null(ss.Value);
        Assert.Null(ss.Margin);
        Assert.False(result.FeasibleAsIs);
        Assert.Equal(WaterMatchStatus.NeedsLabTest, result.Status);
        Assert.Contains(result.Reasons, r => r.Code == MatchCodes.LabTestNeeded && r.Key == SsMgL);
    }

    [Theory]
    [InlineData(20.0, null, 20.0, Verdict.Pass, 0.0, 0.0)] // exactly at the maximum passes
    [InlineData(18.0, null, 20.0, Verdict.Pass, 2.0, 0.1)]
    [InlineData(20.01, null, 20.0, Verdict.Fail, -0.01, -0.0005)]
    [InlineData(6.0, 6.0, 8.5, Verdict.Pass, 0.0, 0.0)] // exactly at the pH minimum passes
    [InlineData(5.9, 6.0, 8.5, Verdict.Fail, -0.1, -0.1 / 6)]
    [InlineData(8.6, 6.0, 8.5, Verdict.Fail, -0.1, -0.1 / 8.5)]
    [InlineData(7.0, 6.0, 8.5, Verdict.Pass, 1.0, 1.0 / 6)] // 1/6 above the minimum is tighter than 1.5/8.5 below the maximum
    [InlineData(0.0, null, 0.0, Verdict.Pass, 0.0, 0.0)]
    public void Compare_ValueAgainstLimit_GivesVerdictHeadroomAndMargin(double value, double? min, double? max, Verdict verdict, double headroom, double margin)
    {
        var (actual, actualHeadroom, actualMargin) = LimitJudge.Compare((decimal)value, (decimal?)min, (decimal?)max);

        Assert.Equal(verdict, actual);
        Assert.Equal((decimal)headroom, actualHeadroom);
        Assert.Equal(margin, (double)actualMargin, 12);
    }

    [Fact]
    public void Compare_BeyondAZeroMaximum_MarginIsMinusOne() =>
        Assert.Equal(-1m, LimitJudge.Compare(5m, null, 0m).Margin);

    [Fact]
    public void Evaluate_FailingParameter_ReportsValueLimitAndByHowMuch()
    {
        var result = WaterMatcher.Evaluate(Supply(1_000m, Lab(CodMgL, 25m)), Demand(100m, Max(CodMgL, 20m)), Context());

        var cod = Assert.Single(result.Parameters);
        Assert.Equal(Verdict.Fail, cod.Verdict);
        Assert.Equal(25m, cod.Value);
        Assert.Equal(20m, cod.Max);
        Assert.Equal(-5m, cod.Headroom);
        Assert.Equal(-0.25m, cod.Margin);
        Assert.Contains(result.Reasons, r => r.Code == MatchCodes.ParameterFails && r.Key == CodMgL);
        Assert.Equal(WaterMatchStatus.Infeasible, result.Status);
    }

    [Fact]
    public void Evaluate_UnknownParameter_IsNeverFixedByTreatment()
    {
        var catalogue = Catalogue(Step("carbon", 3m, removal: [(CodMgL, 0.5m), (SsMgL, 0.9m)]));

        var result = WaterMatcher.Evaluate(Supply(1_000m, Lab(CodMgL, 30m)), Demand(100m, Max(CodMgL, 20m), Max(SsMgL, 10m)), Context(catalogue));

        Assert.True(result.Treatment!.Feasible);
        Assert.Equal(Verdict.Unknown, Assert.Single(result.Treatment.After, c => c.Key == SsMgL).Verdict);
        Assert.Equal(WaterMatchStatus.NeedsLabTest, result.Status);
        Assert.False(result.FeasibleAsIs);
    }

    [Theory]
    [InlineData(ValueBasis.Lab, 400, MatchCodes.StaleValue)]
    [InlineData(ValueBasis.Online, 366, MatchCodes.StaleValue)]
    [InlineData(ValueBasis.Declared, 10, MatchCodes.DeclaredValue)]
    public void Evaluate_OldOrDeclaredValue_IsFlagged(ValueBasis basis, int daysAgo, string code)
    {
        var value = new ParameterValue(CodMgL, 10m, basis, Today.AddDays(-daysAgo));

        var result = WaterMatcher.Evaluate(Supply(1_000m, value), Demand(100m, Max(CodMgL, 20m)), Context());

        Assert.Contains(result.Reasons, r => r.Code == code && r.Key == CodMgL && r.Kind == ReasonKind.DataQuality);
        Assert.Equal(WaterMatchStatus.FeasibleAsIs, result.Status);
    }

    [Fact]
    public void Evaluate_ValueSources_AreShownWithEachInput()
    {
        var supply = Supply(1_000m, Lab(CodMgL, 10m), new ParameterValue(SsMgL, 5m, ValueBasis.Online, Today), new ParameterValue(TurbidityNtu, 1m, ValueBasis.Declared, null));

        var result = WaterMatcher.Evaluate(supply, Demand(100m, Max(CodMgL, 20m), Max(SsMgL, 10m), Max(TurbidityNtu, 2m)), Context());

        Assert.Equal(InputSource.Lab, result.Inputs.Single(i => i.Name == "quality.codMgL").Source);
        Assert.Equal(InputSource.Metered, result.Inputs.Single(i => i.Name == "quality.ssMgL").Source);
        Assert.Equal(InputSource.Estimated, result.Inputs.Single(i => i.Name == "quality.turbidityNtu").Source);
        Assert.Equal(InputSource.Filed, result.Inputs.Single(i => i.Name == "waterPriceNtdPerM3").Source);
        Assert.Equal(InputSource.Estimated, result.Inputs.Single(i => i.Name == "distanceM").Source);
    }

    [Fact]
    public void Evaluate_DemandWithoutOwnLimits_IsJudgedAgainstTheBaselineForItsUse()
    {
        var demand = Demand(100m) with { Use = WaterUse.Cooling };

        var result = WaterMatcher.Evaluate(Supply(1_000m, Lab(ConductivityUsCm, 900m)), demand, Context());

        Assert.Equal("baseline:baseline-test", result.LimitsSource);
        Assert.Equal(9, result.Parameters.Count);
        Assert.Equal(Verdict.Fail, result.Parameters.Single(p => p.Key == ConductivityUsCm).Verdict);
        Assert.Equal(8, result.Parameters.Count(p => p.Verdict == Verdict.Unknown));
    }

    [Fact]
    public void Evaluate_UseWithoutBaselineAndNoOwnLimits_SaysNothingWasJudged()
    {
        var result = WaterMatcher.Evaluate(Supply(1_000m), Demand(100m) with { Use = WaterUse.Scrubber }, Context());

        Assert.Empty(result.Parameters);
        Assert.Contains(result.Reasons, r => r.Code == MatchCodes.NoLimits);
    }
}
