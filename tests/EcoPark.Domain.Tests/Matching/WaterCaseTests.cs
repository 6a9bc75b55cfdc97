using EcoPark.Domain.Factories;
using EcoPark.Domain.Matching;
using EcoPark.Domain.Streams;
using static EcoPark.Domain.Streams.WaterQuality;
using static EcoPark.Domain.Tests.Matching.TestMatching;

namespace EcoPark.Domain.Tests.Matching;

/// <summary>The real cases of water-quality-and-reuse.md.</summary>
public sealed class WaterCaseTests
{
    [Fact]
    public void Evaluate_ParkWwtpToAluminiumCaster_IsFeasibleAsItStands()
    {
        // Supply: ~9,867 m³/day of park WWTP effluent, COD < 20, SS < 10, conductivity ≈ 2,500, monitored by the supplier.
        // The source gives no pH for the effluent; 7.2 stands in for a monitored value within the buyer's "pH < 8".
        var supply = Supply(9_867m,
            new ParameterValue(Ph, 7.2m, ValueBasis.Online, Today),
            new ParameterValue(CodMgL, 18m, ValueBasis.Online, Today),
            new ParameterValue(SsMgL, 8m, ValueBasis.Online, Today),
            new ParameterValue(ConductivityUsCm, 2_500m, ValueBasis.Online, Today));

        // Buyer: process contact cooling of aluminium billets; pH < 8, COD < 20, SS < 10, conductivity < 3,000; adjacent; 40 m³/day.
        var demand = Demand(40m, new ParameterLimit(Ph, null, 8m), Max(CodMgL, 20m), Max(SsMgL, 10m), Max(ConductivityUsCm, 3_000m)) with
        {
            Industry = Industry.Metals,
            Use = WaterUse.Cooling,
            Location = North(Here, 60),
        };

        var result = WaterMatcher.Evaluate(supply, demand, Context(MatchingDefaults.Treatments()));

        Assert.Equal(Industry.Wwtp, supply.Industry);
        Assert.True(result.FeasibleAsIs);
        Assert.Equal(WaterMatchStatus.FeasibleAsIs, result.Status);
        Assert.Equal(WaterRoute.AsIs, result.Route);
        Assert.All(result.Parameters, p => Assert.Equal(Verdict.Pass, p.Verdict));
        Assert.DoesNotContain(result.Reasons, r => r.Kind is ReasonKind.HardBlock or ReasonKind.Quality);
        Assert.Null(result.Treatment);
        Assert.Equal(40m, result.MatchedFlowM3PerDay);
        Assert.True(result.Economics!.PairMonthlyNtd > 0);
    }

    [Fact]
    public void Evaluate_TextileGreyWaterThroughEdr_ReachesTheSourcesFigures()
    {
        // ED/RO bring textile grey water from 4,000–5,000 µS/cm to ≈ 1,500 and colour from 250–300 to < 30.
        var supply = Supply(500m, Lab(ConductivityUsCm, 4_500m), Lab(ColourPtCo, 280m)) with { Industry = Industry.Textile };
        var demand = Demand(350m, Max(ConductivityUsCm, 1_600m), Max(ColourPtCo, 30m)) with { Industry = Industry.Dyeing, Use = WaterUse.Process };

        var result = WaterMatcher.Evaluate(supply, demand, Context(MatchingDefaults.Treatments(), MatchingDefaults.Parameters()));

        Assert.Equal(WaterMatchStatus.FeasibleWithTreatment, result.Status);
        Assert.Equal(["edr"], result.Treatment!.Steps);
        Assert.InRange(result.Treatment.After.Single(c => c.Key == ConductivityUsCm).Value!.Value, 1_400m, 1_600m);
        Assert.True(result.Treatment.After.Single(c => c.Key == ColourPtCo).Value < 30m);
    }
}
