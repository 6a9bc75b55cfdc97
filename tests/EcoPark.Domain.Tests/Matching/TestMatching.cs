using EcoPark.Domain.Common;
using EcoPark.Domain.Factories;
using EcoPark.Domain.Matching;
using EcoPark.Domain.Streams;

namespace EcoPark.Domain.Tests.Matching;

/// <summary>
/// Round, explicit rule data for the matching tests, so that they do not move when the seeded defaults
/// change; and builders for streams.
/// </summary>
internal static class TestMatching
{
    public static readonly DateOnly Today = new(2026, 11, 22);
    public static readonly Guid ParkA = new("aaaaaaaa-0000-0000-0000-000000000001");
    public static readonly Guid ParkB = new("bbbbbbbb-0000-0000-0000-000000000002");
    public static readonly GeoPoint Here = new(24.0, 120.5);

    public static MatchingParameters Parameters { get; } = new()
    {
        Version = "test-1",
        EffectiveFrom = new DateOnly(2026, 1, 1),
        StaleAfterDays = 365,
        GridKgCo2ePerKwh = 0.5m,
        ElectricityNtdPerKwh = 4m,
        DaysPerMonth = 30m,
        InvestmentLifeYears = 10m,
        PipeRoutingFactor = 1m,
        MinimumPipeLengthM = 0m,
        InParkDistanceWhenUnknownM = 1_000m,
        Water = new WaterMatchingParameters
        {
            MaxPipeDistanceM = 5_000m,
            DefaultTapPriceNtdPerM3 = 12m,
            MarginalFeeNtdPerM3 = 3m,
            DefaultDischargeFeeNtdPerM3 = 15m,
            TransferPriceNtdPerM3 = 0m,
            TapKgCo2ePerM3 = 0.3m,
            SupplierShareOfPipeInvestment = 0.5m,
            PipeClasses = [new(100m, 50, 1_000m, 100_000m), new(1_000m, 100, 2_000m, 200_000m)],
        },
        Heat = new HeatMatchingParameters
        {
            MaxDistanceM = 20_000m,
            DeltaTMin = [.. Enum.GetValues<HeatMedium>().SelectMany(s => Enum.GetValues<HeatMedium>().Select(d =>
                new DeltaTMin(s, d, s == HeatMedium.FlueGas || d == HeatMedium.FlueGas ? 25m : 10m)))],
            TransportLossPerKm = 0.01m,
            PumpingKwhPerKwhPerKm = 0m,
            PipeClasses = [new(1_000m, 5_000m), new(10_000m, 10_000m)],
            SourceExchangerNtdPerKw = 500m,
            SinkExchangerSmallNtdPerKw = 9_000m,
            SinkExchangerSmallUpToKw = 1_000m,
            SinkExchangerLargeNtdPerKw = 3_500m,
            HeatPump = new HeatPumpParameters(3m, 50m, 120m, 20_000m),
            Fuels = [.. Enum.GetValues<Fuel>().Select(f => new FuelFactors(f, 0.9m, 1.8m, 0.2m))],
            DefaultFuel = Fuel.NaturalGas,
        },
        Byproduct = new ByproductMatchingParameters
        {
            MaxDistanceKm = 150m,
            RoadFactor = 1m,
            TruckNtdPerTonneKm = 5m,
            TruckKgCo2ePerTonneKm = 0.1m,
            DefaultDisposalCostNtdPerTonne = 3_000m,
        },
    };

    public static TreatmentCatalogue NoTreatment { get; } = new("none", new DateOnly(2026, 1, 1), []);

    public static TreatmentCatalogue Catalogue(params TreatmentStep[] steps) => new("test-catalogue", new DateOnly(2026, 1, 1), steps);

    public static TreatmentStep Step(string code, decimal cost, decimal recovery = 1m, decimal capex = 0m, decimal kwh = 0m, decimal? phAfter = null,
        TreatmentSide side = TreatmentSide.Buyer, params (string Key, decimal Fraction)[] removal) =>
        new(code, code, side, removal.ToDictionary(r => r.Key, r => r.Fraction), cost, recovery, capex, kwh, phAfter, "test");

    public static WaterMatchContext Context(TreatmentCatalogue? catalogue = null, MatchingParameters? parameters = null, BaselineLimitSet? baseline = null) =>
        new(parameters ?? Parameters, catalogue ?? NoTreatment, baseline ?? TestBaseline.Set, Today);

    public static ParameterValue Lab(string key, decimal value, int daysAgo = 30) => new(key, value, ValueBasis.Lab, Today.AddDays(-daysAgo));

    public static ParameterLimit Max(string key, decimal max) => new(key, null, max);

    public static WaterSupplyInput Supply(decimal freeFlow = 1_000m, params ParameterValue[] quality) => new()
    {
        Id = new Guid("00000000-0000-0000-0000-00000000000a"),
        ParkId = ParkA,
        Location = Here,
        Industry = Industry.Wwtp,
        FreeFlowM3PerDay = freeFlow,
        Quality = quality,
        DischargeFeeNtdPerM3 = 20m,
    };

    public static WaterDemandInput Demand(decimal flow = 100m, params ParameterLimit[] limits) => new()
    {
        Id = new Guid("00000000-0000-0000-0000-00000000000b"),
        ParkId = ParkA,
        Location = Here,
        Industry = Industry.Metals,
        Use = WaterUse.Cooling,
        FlowM3PerDay = flow,
        ReclaimedAllowed = true,
        Limits = limits,
        CurrentWaterPriceNtdPerM3 = 12m,
        MarginalFeeNtdPerM3 = 3m,
    };

    /// <summary>A point <paramref name="metres"/> north of <paramref name="from"/> along the meridian.</summary>
    public static GeoPoint North(GeoPoint from, double metres) => new(from.Latitude + (metres / 6_371_008.8 * 180 / Math.PI), from.Longitude);
}

/// <summary>The baseline table of water-quality-and-reuse.md, typed in by hand for the tests.</summary>
internal static class TestBaseline
{
    /// <summary>Every non-blank cell of the table: use, key, min, max.</summary>
    public static readonly (WaterUse Use, string Key, decimal? Min, decimal? Max)[] Rows =
    [
        (WaterUse.Process, WaterQuality.Ph, 6.0m, 8.5m), (WaterUse.Boiler, WaterQuality.Ph, 7.0m, 9.0m), (WaterUse.Cooling, WaterQuality.Ph, 6.0m, 8.5m),
        (WaterUse.Process, WaterQuality.TurbidityNtu, null, 2m), (WaterUse.Boiler, WaterQuality.TurbidityNtu, null, 2m), (WaterUse.Cooling, WaterQuality.TurbidityNtu, null, 4m),
        (WaterUse.Process, WaterQuality.TocMgL, null, 5m), (WaterUse.Boiler, WaterQuality.TocMgL, null, 5m), (WaterUse.Cooling, WaterQuality.TocMgL, null, 10m),
        (WaterUse.Process, WaterQuality.TdsMgL, null, 150m), (WaterUse.Boiler, WaterQuality.TdsMgL, null, 150m), (WaterUse.Cooling, WaterQuality.TdsMgL, null, 500m),
        (WaterUse.Process, WaterQuality.ConductivityUsCm, null, 250m), (WaterUse.Boiler, WaterQuality.ConductivityUsCm, null, 250m), (WaterUse.Cooling, WaterQuality.ConductivityUsCm, null, 800m),
        (WaterUse.Process, WaterQuality.HardnessMgLCaCO3, null, 50m), (WaterUse.Boiler, WaterQuality.HardnessMgLCaCO3, null, 50m), (WaterUse.Cooling, WaterQuality.HardnessMgLCaCO3, null, 400m),
        (WaterUse.Process, WaterQuality.ChlorideMgL, null, 20m), (WaterUse.Boiler, WaterQuality.ChlorideMgL, null, 20m),
        (WaterUse.Process, WaterQuality.SulfateMgL, null, 50m), (WaterUse.Boiler, WaterQuality.SulfateMgL, null, 50m), (WaterUse.Cooling, WaterQuality.SulfateMgL, null, 250m),
        (WaterUse.Process, WaterQuality.AmmoniaNMgL, null, 2m), (WaterUse.Boiler, WaterQuality.AmmoniaNMgL, null, 2m), (WaterUse.Cooling, WaterQuality.AmmoniaNMgL, null, 10m),
        (WaterUse.Process, WaterQuality.NitrateNMgL, null, 10m), (WaterUse.Boiler, WaterQuality.NitrateNMgL, null, 10m),
        (WaterUse.Cooling, WaterQuality.SilicaMgL, null, 25m),
    ];

    public static BaselineLimitSet Set { get; } = new("baseline-test", new DateOnly(2019, 1, 1), "water-quality-and-reuse.md, typed in for the tests",
        Rows.Select(r => new BaselineLimit(r.Use, r.Key, r.Min, r.Max)));
}
