using EcoPark.Domain.Matching;
using static EcoPark.Domain.Streams.WaterQuality;
using static EcoPark.Domain.Tests.Matching.TestMatching;

namespace EcoPark.Domain.Tests.Matching;

public sealed class TreatmentTests
{
    // COD 100 against 20 needs 80 % removal; conductivity 3,000 against 1,000 needs two thirds.
    private static readonly TreatmentCatalogue Several = Catalogue(
        Step("bio", 10m, removal: [(CodMgL, 0.85m)]),
        Step("carbon", 3m, removal: [(CodMgL, 0.5m)]),
        Step("ozone", 4m, removal: [(CodMgL, 0.6m)]),
        Step("edr", 8m, removal: [(ConductivityUsCm, 0.7m)]),
        Step("ro", 20m, removal: [(ConductivityUsCm, 0.9m), (CodMgL, 0.9m)]));

    [Fact]
    public void Plan_SeveralFeasibleTrains_ChoosesTheCheapest()
    {
        // Feasible: ro (20), bio + edr (18), bio + ro (30), carbon + ozone + edr (15: COD 100 × 0.5 × 0.4 = 20, exactly at the limit) …
        var result = WaterMatcher.Evaluate(Supply(1_000m, Lab(CodMgL, 100m), Lab(ConductivityUsCm, 3_000m)),
            Demand(100m, Max(CodMgL, 20m), Max(ConductivityUsCm, 1_000m)), Context(Several));

        var plan = result.Treatment!;
        Assert.True(plan.Feasible);
        Assert.Equal(["carbon", "ozone", "edr"], plan.Steps);
        Assert.Equal(15m, plan.OperatingCostNtdPerM3);
        Assert.Equal(20m, plan.After.Single(c => c.Key == CodMgL).Value);
        Assert.All(plan.After, c => Assert.Equal(Verdict.Pass, c.Verdict));
        Assert.Equal(WaterMatchStatus.FeasibleWithTreatment, result.Status);
        Assert.Equal(WaterRoute.Treatment, result.Route);
        Assert.Contains(MatchCodes.TreatmentNeeded, result.ReasonCodes);
    }

    [Fact]
    public void Plan_TrainCost_IsPerM3OfProductWithRecoveriesApplied()
    {
        // 1 m³ of product needs 1/0.5 = 2 m³ into the second step and 2/0.8 = 2.5 m³ into the first:
        // 10 × 2.5 + 20 × 2 = 65 NTD/m³; energy 1 × 2.5 + 2 × 2 = 6.5 kWh/m³; capex 100 × 2.5 + 0 = 250 per m³/day.
        var train = new[] { Step("first", 10m, recovery: 0.8m, capex: 100m, kwh: 1m), Step("second", 20m, recovery: 0.5m, kwh: 2m) };

        var cost = TreatmentPlanner.Cost(train, 3_600m);

        Assert.Equal(0.4m, cost.Recovery);
        Assert.Equal(65m, cost.Buyer);
        Assert.Equal(6.5m, cost.Kwh);
        Assert.Equal(250m, cost.BuyerCapex);
        Assert.Equal(65m + (250m / 3_600m), cost.Levelised);
    }

    [Theory]
    [InlineData(100.0, 100.0, 0.75, 75.0)] // supply-bound: 100 × 0.75
    [InlineData(100.0, 50.0, 0.75, 50.0)] // demand-bound
    [InlineData(100.0, 100.0, 1.0, 100.0)]
    public void Evaluate_TreatmentRecovery_LowersTheMatchedFlow(double free, double demand, double recovery, double matched)
    {
        var catalogue = Catalogue(Step("uf", 5m, recovery: (decimal)recovery, removal: [(SsMgL, 0.9m)]));

        var result = WaterMatcher.Evaluate(Supply((decimal)free, Lab(SsMgL, 50m)), Demand((decimal)demand, Max(SsMgL, 10m)), Context(catalogue));

        Assert.Equal((decimal)matched, result.MatchedFlowM3PerDay);
        Assert.Equal((decimal)matched / (decimal)recovery, result.Economics!.FeedM3PerDay);
        Assert.True(result.Economics.FeedM3PerDay <= (decimal)free);
    }

    [Fact]
    public void Evaluate_NoStepActsOnTheFailingParameter_TreatmentIsInfeasibleAndNamesIt()
    {
        var result = WaterMatcher.Evaluate(Supply(1_000m, Lab(ChlorideMgL, 300m), Lab(CodMgL, 50m)),
            Demand(100m, Max(ChlorideMgL, 20m), Max(CodMgL, 20m)), Context(Several));

        Assert.False(result.Treatment!.Feasible);
        Assert.Equal([ChlorideMgL], result.Treatment.Unfixable);
        Assert.Equal(WaterMatchStatus.Infeasible, result.Status);
        Assert.Equal(WaterRoute.None, result.Route);
        Assert.Null(result.Economics);
        Assert.Contains(MatchCodes.TreatmentInfeasible, result.ReasonCodes);
    }

    [Fact]
    public void Evaluate_EveryStepTogetherFallsShort_TreatmentIsInfeasible()
    {
        // 1,000 × 0.5 × 0.4 × 0.15 × 0.1 = 3 > 2.
        var result = WaterMatcher.Evaluate(Supply(1_000m, Lab(CodMgL, 1_000m)), Demand(100m, Max(CodMgL, 2m)), Context(Several));

        Assert.False(result.Treatment!.Feasible);
        Assert.Equal([CodMgL], result.Treatment.Unfixable);
    }

    [Fact]
    public void Plan_PhOutOfRange_IsFixedOnlyByAStepThatSetsPh()
    {
        var limits = new[] { new EcoPark.Domain.Streams.ParameterLimit(Ph, 6m, 8.5m) };
        var supply = Supply(1_000m, Lab(Ph, 9.5m));

        var without = WaterMatcher.Evaluate(supply, Demand(100m, limits), Context(Several));
        var with = WaterMatcher.Evaluate(supply, Demand(100m, limits), Context(Catalogue([.. Several.Steps, Step("dosing", 1m, phAfter: 7.5m)])));

        Assert.False(without.Treatment!.Feasible);
        Assert.Equal([Ph], without.Treatment.Unfixable);
        Assert.True(with.Treatment!.Feasible);
        Assert.Equal(["dosing"], with.Treatment.Steps);
        Assert.Equal(7.5m, with.Treatment.After.Single().Value);
    }

    [Fact]
    public void Plan_AStepThatSetsPhOutOfRange_IsNotChosenEvenIfCheapest()
    {
        var catalogue = Catalogue(Step("acid-wash", 1m, phAfter: 4m, removal: [(CodMgL, 0.9m)]), Step("carbon", 5m, removal: [(CodMgL, 0.9m)]));

        var result = WaterMatcher.Evaluate(Supply(1_000m, Lab(CodMgL, 100m), Lab(Ph, 7m)), Demand(100m, Max(CodMgL, 20m), new(Ph, 6m, 8.5m)), Context(catalogue));

        Assert.Equal(["carbon"], result.Treatment!.Steps);
    }

    [Fact]
    public void Evaluate_SupplierSideStep_LowersTheSupplierSavingNotTheBuyers()
    {
        var catalogue = Catalogue(Step("mbr", 19m, side: TreatmentSide.Supplier, removal: [(BodMgL, 0.95m)]));

        var result = WaterMatcher.Evaluate(Supply(1_000m, Lab(BodMgL, 100m)), Demand(100m, Max(BodMgL, 10m)), Context(catalogue));

        var economics = result.Economics!;
        Assert.Equal(0m, economics.BuyerTreatmentNtdPerM3);
        Assert.Equal(19m, economics.SupplierTreatmentNtdPerM3);
        Assert.Equal(12m + 3m, economics.BuyerSavingNtdPerM3);
        Assert.Equal(20m - 19m, economics.SupplierSavingNtdPerM3);
    }
}
