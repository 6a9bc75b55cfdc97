using EcoPark.Domain.Common;
using EcoPark.Domain.Factories;
using EcoPark.Domain.Matching;
using EcoPark.Domain.Streams;
using EcoPark.Domain.Tests.Fees;
using Xunit.Abstractions;
using static EcoPark.Domain.Streams.WaterQuality;

namespace EcoPark.Domain.Tests.Matching;

/// <summary>
/// The 2019 briefing's three reported factory-to-factory matches (economics-and-carbon.md), rebuilt on the seeded defaults
/// and the 2023 fee rules: the predicted net saving per m³ and the payback must lie within a factor of 1.5 of the reported
/// ones. The briefing gives only the link, the flow, the saving, the investment and the payback; the qualities, limits and
/// distances below are our plausible choices (docs/decisions/0005-matching-model.md, "Calibration").
/// </summary>
public sealed class SeedCaseCalibrationTests(ITestOutputHelper output)
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly DateOnly Sampled = new(2026, 11, 1);
    private static readonly GeoPoint PlantA = new(23.77, 120.20);

    public static TheoryData<string> Cases => ["yunlin", "linyuan", "fangyuan"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void SeedCase_NetSavingPerM3AndPayback_AreWithinAFactorOf1Point5OfTheReported(string name)
    {
        var seed = Seed(name);

        var result = WaterMatcher.Evaluate(seed.Supply, seed.Demand, Context());

        Assert.True(result.Feasible, $"{name}: {result.Status.Key()} ({string.Join(", ", result.ReasonCodes)})");
        var e = result.Economics!;
        var predictedPerM3 = e.PairMonthlyNtd * 12 / e.WaterM3PerYear;
        var reportedPerM3 = seed.SavingNtdPerMonth / (seed.M3PerDay * 30); // the briefing's own ratio: a month of 30 days
        output.WriteLine($"{name}: {result.Status.Key()} {result.Route}; {predictedPerM3:0.00} NTD/m³ (reported {reportedPerM3:0.00}); " +
            $"investment {e.InvestmentNtd:N0}; payback {e.PairPaybackMonths:0.0} months (reported {seed.PaybackMonths}); net {e.NetAnnualBenefitNtd:N0} NTD/yr");
        AssertWithinFactor(reportedPerM3, predictedPerM3, $"{name} saving per m³");
        AssertWithinFactor(seed.PaybackMonths, e.PairPaybackMonths!.Value, $"{name} payback");
    }

    [Fact]
    public void SeedCase_LinyuanCoolingMakeUp_FailsOnlyAReferenceValue_AndAlsoShowsTheAsIsRoute()
    {
        var seed = Seed("linyuan");

        var result = WaterMatcher.Evaluate(seed.Supply, seed.Demand, Context());

        Assert.Equal(WaterRoute.Treatment, result.Route);
        Assert.Contains(MatchCodes.ReferenceValueFails, result.ReasonCodes);
        Assert.Equal(Verdict.Fail, result.Parameters.Single(p => p.Key == TurbidityNtu).Verdict);
        Assert.NotNull(result.IfReferenceAccepted);
        Assert.True(result.IfReferenceAccepted!.InvestmentNtd < result.Economics!.InvestmentNtd);
    }

    private static void AssertWithinFactor(decimal reported, decimal predicted, string what) =>
        Assert.True(predicted >= reported / 1.5m && predicted <= reported * 1.5m, $"{what}: predicted {predicted:0.00}, reported {reported:0.00}");

    private static WaterMatchContext Context() =>
        new(MatchingDefaults.Parameters(), MatchingDefaults.Treatments(), MatchingDefaults.Baseline(), Today, TestRules.Regulation2023(), 2026);

    private static ParameterValue Lab(string key, decimal value) => new(key, value, ValueBasis.Lab, Sampled);

    /// <summary>A point <paramref name="metres"/> north of plant A.</summary>
    private static GeoPoint North(decimal metres) => new(PlantA.Latitude + (double)(metres / 111_195m), PlantA.Longitude);

    private static SeedCase Seed(string name)
    {
        var park = Guid.NewGuid();
        WaterSupplyInput Supply(decimal flow, params ParameterValue[] quality) => new()
        {
            Id = Guid.NewGuid(),
            ParkId = park,
            Location = PlantA,
            Industry = Industry.Other,
            FreeFlowM3PerDay = flow,
            Quality = quality,
        };
        WaterDemandInput Demand(decimal metres, Industry industry, WaterUse use, decimal flow, params ParameterLimit[] limits) => new()
        {
            Id = Guid.NewGuid(),
            ParkId = park,
            Location = North(metres),
            Industry = industry,
            Use = use,
            FlowM3PerDay = flow,
            ReclaimedAllowed = true,
            Limits = limits,
        };

        return name switch
        {
            // Yunlin offshore: cooling-tower blowdown (concentrated, hard, salty) as flue-gas desulphurisation scrubber water, 300 m apart.
            // The scrubber has no baseline column: its own limits only (pH 6–9, SS ≤ 50 mg/L, chloride ≤ 1,000 mg/L).
            "yunlin" => new(
                Supply(2_705m, Lab(Ph, 8.2m), Lab(SsMgL, 15), Lab(ConductivityUsCm, 2_500), Lab(ChlorideMgL, 400), Lab(HardnessMgLCaCO3, 600)),
                Demand(300m, Industry.Other, WaterUse.Scrubber, 2_705m, new(Ph, 6, 9), new(SsMgL, null, 50), new(ChlorideMgL, null, 1_000)),
                2_705m, 946_000m, 6.5m),

            // Linyuan: plant A's treated wastewater as plant B's cooling-tower make-up, 250 m apart, on the baseline's cooling column:
            // only turbidity (8 NTU against 4) fails, so the route is filtration.
            "linyuan" => new(
                Supply(2_200m, Lab(Ph, 7.6m), Lab(TurbidityNtu, 8), Lab(SsMgL, 12), Lab(ConductivityUsCm, 700), Lab(TdsMgL, 450), Lab(HardnessMgLCaCO3, 180),
                    Lab(TocMgL, 8), Lab(AmmoniaNMgL, 3), Lab(SulfateMgL, 120), Lab(SilicaMgL, 15)),
                Demand(250m, Industry.Other, WaterUse.Cooling, 2_000m),
                2_000m, 750_000m, 9m),

            // Fangyuan: plant A's effluent, filtered, as plant B's process cleaning water, 200 m apart; the buyer's own limits
            // (SS ≤ 10 mg/L, turbidity ≤ 5 NTU, COD ≤ 30 mg/L, conductivity ≤ 1,200 µS/cm).
            _ => new(
                Supply(450m, Lab(Ph, 7.4m), Lab(SsMgL, 18), Lab(TurbidityNtu, 7), Lab(CodMgL, 25), Lab(ConductivityUsCm, 900)),
                Demand(200m, Industry.Textile, WaterUse.Process, 400m, new(SsMgL, null, 10), new(TurbidityNtu, null, 5), new(CodMgL, null, 30),
                    new(ConductivityUsCm, null, 1_200)),
                400m, 130_000m, 17m),
        };
    }

    private sealed record SeedCase(WaterSupplyInput Supply, WaterDemandInput Demand, decimal M3PerDay, decimal SavingNtdPerMonth, decimal PaybackMonths);
}
