using EcoPark.Domain.Matching;
using static EcoPark.Domain.Streams.WaterQuality;
using static EcoPark.Domain.Tests.Matching.TestMatching;

namespace EcoPark.Domain.Tests.Matching;

public sealed class WaterEconomicsTests
{
    // Same park, no coordinate: the 1,000 m in-park distance, routing factor 1: a 1,000 m DN50 line at 1,000 NTD/m plus a 100,000 NTD pump.
    private static WaterMatchResult AsIs(decimal flow = 100m, decimal? maxPrice = null) => WaterMatcher.Evaluate(
        Supply(1_000m, Lab(CodMgL, 10m)) with { Location = null },
        Demand(flow, Max(CodMgL, 20m)) with { MaxPriceNtdPerM3 = maxPrice },
        Context());

    [Fact]
    public void Evaluate_AsIs_SavingsInvestmentPaybackAndCarbonFollowTheFormulas()
    {
        var e = AsIs().Economics!;

        Assert.Equal(12m + 3m, e.BuyerSavingNtdPerM3); // tap price + marginal fee
        Assert.Equal(20m, e.SupplierSavingNtdPerM3); // discharge fee avoided
        Assert.Equal(15m * 100 * 30, e.BuyerMonthlyNtd);
        Assert.Equal(20m * 100 * 30, e.SupplierMonthlyNtd);
        Assert.Equal((1_000m, 50, 1_000_000m, 100_000m), (e.PipeLengthM, e.PipeDiameterMm, e.PipeNtd, e.PumpNtd));
        Assert.Equal((550_000m, 550_000m), (e.BuyerInvestmentNtd, e.SupplierInvestmentNtd));
        Assert.Equal(550_000m / 45_000m, e.BuyerPaybackMonths);
        Assert.Equal(550_000m / 60_000m, e.SupplierPaybackMonths);
        Assert.Equal(1_100_000m / 105_000m, e.PairPaybackMonths);
        Assert.Equal((105_000m * 12) - 110_000m, e.NetAnnualBenefitNtd);
        Assert.Equal(100m * 30 * 12, e.WaterM3PerYear);
        Assert.Equal(36_000m * 0.3m, e.Co2eAvoidedKgPerYear);
    }

    [Fact]
    public void Evaluate_FlowAboveTheSmallestPipe_TakesTheNextClass()
    {
        var e = AsIs(flow: 400m).Economics!;

        Assert.Equal((100, 1, 2_000_000m, 200_000m), (e.PipeDiameterMm, e.PipeLines, e.PipeNtd, e.PumpNtd));
    }

    [Fact]
    public void Evaluate_TreatmentEnergy_IsSubtractedFromTheCarbonAvoided()
    {
        var catalogue = Catalogue(Step("ro", 10m, kwh: 1m, capex: 1_000m, removal: [(ConductivityUsCm, 0.9m)]));

        var result = WaterMatcher.Evaluate(Supply(1_000m, Lab(ConductivityUsCm, 2_000m)) with { Location = null }, Demand(100m, Max(ConductivityUsCm, 1_000m)), Context(catalogue));

        var e = result.Economics!;
        Assert.Equal(36_000m * (0.3m - (1m * 0.5m)), e.Co2eAvoidedKgPerYear); // negative: the treatment emits more than the tap water did
        Assert.Equal(12m + 3m - 10m, e.BuyerSavingNtdPerM3);
        Assert.Equal(100_000m, e.TreatmentCapexNtd);
        Assert.Equal(550_000m + 100_000m, e.BuyerInvestmentNtd);
    }

    // Changed by the honest-economics issue: without a filed discharge fee the supplier saves nothing (it was a 15 NTD/m³
    // default), and without fee rules or the buyer's months no fee is counted (it was a flat 3 NTD/m³).
    [Fact]
    public void Evaluate_NoPricesGiven_CountsTheTapDefaultButNoFeeNorDischargeFee_AndSaysSo()
    {
        var supply = Supply(1_000m, Lab(CodMgL, 10m)) with { DischargeFeeNtdPerM3 = null };
        var demand = Demand(100m, Max(CodMgL, 20m)) with { CurrentWaterPriceNtdPerM3 = null, MarginalFeeNtdPerM3 = null };

        var result = WaterMatcher.Evaluate(supply, demand, Context());

        Assert.Equal((12m, 0m, 0m), (result.Economics!.WaterPriceNtdPerM3, result.Economics.MarginalFeeNtdPerM3, result.Economics.DischargeFeeNtdPerM3));
        foreach (var name in new[] { "waterPriceNtdPerM3", "marginalFeeNtdPerM3", "dischargeFeeNtdPerM3" })
        {
            Assert.Equal(InputSource.Default, result.Inputs.Single(i => i.Name == name).Source);
        }

        Assert.Contains(result.Reasons, r => r.Code == MatchCodes.DefaultUsed && r.Key == "waterPriceNtdPerM3");
        Assert.Contains(result.Reasons, r => r.Code == MatchCodes.DefaultUsed && r.Key == "marginalFeeNtdPerM3");
        Assert.Contains(result.Reasons, r => r.Code == MatchCodes.DischargeFeeNotFiled && r.Key == "dischargeFeeNtdPerM3");
    }

    [Fact]
    public void Evaluate_BuyersOwnMarginalFee_ReplacesTheParameter()
    {
        var result = WaterMatcher.Evaluate(Supply(1_000m, Lab(CodMgL, 10m)), Demand(100m, Max(CodMgL, 20m)) with { MarginalFeeNtdPerM3 = 1m }, Context());

        Assert.Equal(12m + 1m, result.Economics!.BuyerSavingNtdPerM3);
    }

    [Fact]
    public void Evaluate_BuyerCostAboveItsMaximumPrice_IsFlaggedButNotBlocked()
    {
        // The buyer's share of the investment, 550,000 NTD over 10 years of 36,000 m³: 1.53 NTD/m³.
        var over = AsIs(maxPrice: 1.5m);
        var under = AsIs(maxPrice: 1.6m);

        Assert.Equal(550_000m / 360_000m, over.Economics!.BuyerEffectiveCostNtdPerM3);
        Assert.Contains(over.Reasons, r => r.Code == MatchCodes.AboveMaxPrice && r.Kind == ReasonKind.Commercial);
        Assert.Equal(WaterMatchStatus.FeasibleAsIs, over.Status);
        Assert.DoesNotContain(MatchCodes.AboveMaxPrice, under.ReasonCodes);
    }

    [Theory]
    [InlineData(1_000.0, 100.0, 10.0)]
    [InlineData(0.0, 100.0, 0.0)]
    [InlineData(1_000.0, 0.0, null)]
    [InlineData(1_000.0, -5.0, null)]
    [InlineData(1_000_000.0, 0.000_01, null)] // a rounding residue is no saving
    public void PaybackMonths_IsInvestmentOverMonthlySaving_NullWithoutSaving(double investment, double monthly, double? months) =>
        Assert.Equal((decimal?)months, MatchMath.PaybackMonths((decimal)investment, (decimal)monthly));

    [Fact]
    public void Rank_OrdersByNetBenefitThenByHeadroom_PairsWithoutRouteLast()
    {
        var context = Context();
        var demand = Demand(100m, Max(CodMgL, 20m));
        var tight = WaterMatcher.Evaluate(Supply(1_000m, Lab(CodMgL, 19m)) with { Id = Guid.NewGuid() }, demand, context);
        var loose = WaterMatcher.Evaluate(Supply(1_000m, Lab(CodMgL, 5m)) with { Id = Guid.NewGuid() }, demand, context);
        var richer = WaterMatcher.Evaluate(Supply(1_000m, Lab(CodMgL, 19m)) with { Id = Guid.NewGuid(), DischargeFeeNtdPerM3 = 40m }, demand, context);
        var failing = WaterMatcher.Evaluate(Supply(1_000m, Lab(CodMgL, 50m)) with { Id = Guid.NewGuid(), DischargeFeeNtdPerM3 = 50m }, demand, context);

        var ranked = WaterMatcher.Rank([failing, tight, loose, richer]);

        Assert.Equal([richer, loose, tight, failing], ranked);
    }
}
