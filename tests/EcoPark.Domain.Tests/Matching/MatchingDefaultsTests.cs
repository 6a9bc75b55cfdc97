using EcoPark.Domain.Common;
using EcoPark.Domain.Matching;
using EcoPark.Domain.Streams;
using static EcoPark.Domain.Streams.WaterQuality;

namespace EcoPark.Domain.Tests.Matching;

/// <summary>The seeded defaults carry the source figures and pass the same checks as an administrator's edit.</summary>
public sealed class MatchingDefaultsTests
{
    [Fact]
    public void Defaults_AreTheDatedFirstVersionAndPassTheChecks()
    {
        var parameters = MatchingDefaults.Parameters();
        var treatments = MatchingDefaults.Treatments();

        MatchingChecks.Check(parameters);
        MatchingChecks.Check(treatments);
        Assert.Equal(("defaults-2026-12", new DateOnly(2026, 12, 1)), (parameters.Version, parameters.EffectiveFrom));
        Assert.Equal(("defaults-2026-12", new DateOnly(2026, 12, 1)), (treatments.Version, treatments.EffectiveFrom));
    }

    [Fact]
    public void Defaults_CarryTheSourceFigures()
    {
        var p = MatchingDefaults.Parameters();

        Assert.Equal(0.495m, p.GridKgCo2ePerKwh);
        Assert.Equal(0.299m, p.Water.TapKgCo2ePerM3);
        Assert.Equal(5_000m, p.Water.MaxPipeDistanceM);
        Assert.Null(p.Water.DefaultDischargeFeeNtdPerM3); // a supplier saves only the fee filed on its effluent
        Assert.Null(p.Water.MarginalFeeNtdPerM3); // the buyer's fee comes from the fee engine, never a flat rate
        Assert.Equal(120m, p.PaybackCeilingMonths);
        Assert.Equal(10m, p.Heat.DeltaTMin.Single(d => d.Supply == HeatMedium.HotWater && d.Demand == HeatMedium.HotWater).Kelvin);
        Assert.All(p.Heat.DeltaTMin.Where(d => d.Supply == HeatMedium.FlueGas ^ d.Demand == HeatMedium.FlueGas), d => Assert.InRange(d.Kelvin, 20m, 30m));
        Assert.Equal(20_000m, p.Heat.MaxDistanceM);
    }

    // The added cost of each step on an effluent (defaults-2026-12): softening is no longer the 12 NTD/m³ price of the soft water
    // reuse replaces, tubular membranes no longer count their amortisation twice, MBR + UV no longer a whole in-plant treatment.
    [Theory]
    [InlineData("softening", 3.0)]
    [InlineData("ozone", 8.0)]
    [InlineData("ultrafiltration", 10.8)]
    [InlineData("mbr-uv", 8.0)]
    [InlineData("reverse-osmosis", 12.0)]
    public void Treatments_UnitCostsAreTheAddedCostOfEachStep(string code, double cost) =>
        Assert.Equal((decimal)cost, MatchingDefaults.Treatments().Steps.Single(s => s.Code == code).UnitCostNtdPerM3);

    [Fact]
    public void Treatments_HoldTheEightNamedStepsAndOnlyDosingSetsPh()
    {
        var steps = MatchingDefaults.Treatments().Steps;

        Assert.Subset(steps.Select(s => s.Code).ToHashSet(),
            new HashSet<string> { "multimedia-filtration", "softening", "ultrafiltration", "reverse-osmosis", "edr", "activated-carbon", "ozone", "mbr-uv" });
        Assert.Equal(["ph-adjustment"], steps.Where(s => s.PhAfter is not null).Select(s => s.Code));
        Assert.Equal(TreatmentSide.Supplier, steps.Single(s => s.Code == "mbr-uv").Side);
        Assert.All(steps, s => Assert.False(string.IsNullOrWhiteSpace(s.Basis)));
    }

    [Theory]
    [InlineData(4_000.0, 1_400.0, 1_600.0)]
    [InlineData(5_000.0, 1_500.0, 1_800.0)]
    public void Edr_BringsTextileGreyWaterToAboutFifteenHundred(double before, double low, double high)
    {
        var edr = MatchingDefaults.Treatments().Steps.Single(s => s.Code == "edr");

        Assert.InRange(TreatmentPlanner.Apply(ConductivityUsCm, (decimal)before, edr), (decimal)low, (decimal)high);
        Assert.True(TreatmentPlanner.Apply(ColourPtCo, 300m, edr) < 30m);
    }

    [Fact]
    public void EffectiveOn_PicksTheLatestVersionStartedByTheDate()
    {
        var first = MatchingDefaults.Parameters();
        var second = first with { Version = "2027", EffectiveFrom = new DateOnly(2027, 1, 1) };

        Assert.Equal(first, MatchingParameters.EffectiveOn([first, second], new DateOnly(2026, 12, 31)));
        Assert.Equal(second, MatchingParameters.EffectiveOn([first, second], new DateOnly(2027, 1, 1)));
        Assert.Null(MatchingParameters.EffectiveOn([first, second], new DateOnly(2025, 1, 1)));
    }

    public static TheoryData<string, Func<MatchingParameters, MatchingParameters>> BadParameters() => new()
    {
        { "daysPerMonth", p => p with { DaysPerMonth = 0 } },
        { "pipeRoutingFactor", p => p with { PipeRoutingFactor = 0.9m } },
        { "water.supplierShareOfPipeInvestment", p => p with { Water = p.Water with { SupplierShareOfPipeInvestment = 1.5m } } },
        { "water.pipeClasses[1].maxFlowM3PerDay", p => p with { Water = p.Water with { PipeClasses = [new(400m, 80, 1m, 1m), new(150m, 50, 1m, 1m)] } } },
        { "heat.deltaTMin", p => p with { Heat = p.Heat with { DeltaTMin = p.Heat.DeltaTMin.Skip(1).ToList() } } },
        { "heat.fuels", p => p with { Heat = p.Heat with { Fuels = p.Heat.Fuels.Skip(1).ToList() } } },
        { "heat.heatPump.cop", p => p with { Heat = p.Heat with { HeatPump = new HeatPumpParameters(1m, 50m, 120m, 1m) } } },
    };

    [Theory]
    [MemberData(nameof(BadParameters))]
    public void Check_RefusesABadParameterVersion(string field, Func<MatchingParameters, MatchingParameters> edit)
    {
        var error = Assert.Throws<DomainException>(() => MatchingChecks.Check(edit(MatchingDefaults.Parameters())));

        Assert.Equal(field, error.Field);
    }

    [Theory]
    [InlineData(0.0, "bod", "steps[0].recovery")]
    [InlineData(0.9, "nonsense", "steps[0].removal")]
    [InlineData(0.9, "ph", "steps[0].removal")]
    public void Check_RefusesABadTreatmentStep(double recovery, string key, string field)
    {
        var step = new TreatmentStep("x", "x", TreatmentSide.Buyer, new Dictionary<string, decimal> { [key == "bod" ? BodMgL : key] = 0.5m },
            1m, (decimal)recovery, 0m, 0m, null, "test");

        var error = Assert.Throws<DomainException>(() => MatchingChecks.Check(new TreatmentCatalogue("bad", new DateOnly(2026, 1, 1), [step])));

        Assert.Equal(field, error.Field);
    }
}
