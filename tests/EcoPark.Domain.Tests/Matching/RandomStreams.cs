using EcoPark.Domain.Common;
using EcoPark.Domain.Factories;
using EcoPark.Domain.Matching;
using EcoPark.Domain.Streams;
using static EcoPark.Domain.Streams.WaterQuality;

namespace EcoPark.Domain.Tests.Matching;

/// <summary>Seeded random streams and catalogues for the property tests (a failure reproduces from its seed).</summary>
internal static class RandomStreams
{
    /// <summary>Keys with a typical effluent range (low, high) and a typical limit range.</summary>
    private static readonly (string Key, decimal Low, decimal High)[] Ranges =
    [
        (TurbidityNtu, 0.5m, 20m), (ColourPtCo, 5m, 300m), (CodMgL, 5m, 150m), (BodMgL, 2m, 60m), (SsMgL, 1m, 50m),
        (TocMgL, 1m, 40m), (TdsMgL, 100m, 5_000m), (ConductivityUsCm, 150m, 8_000m), (HardnessMgLCaCO3, 20m, 600m),
        (ChlorideMgL, 5m, 1_500m), (SulfateMgL, 10m, 800m), (AmmoniaNMgL, 0.2m, 30m), (NitrateNMgL, 0.5m, 40m), (SilicaMgL, 2m, 60m),
    ];

    private static readonly Guid[] Parks = [.. Enumerable.Range(1, 8).Select(i => new Guid(i, 0, 0, new byte[8]))];

    /// <summary>Park centres: pairs 2 km apart (so between-park pairs exist) and the rest far apart.</summary>
    private static readonly GeoPoint[] Centres =
    [
        new(24.00, 120.50), new(24.018, 120.50), new(24.30, 120.70), new(24.30, 120.72),
        new(22.70, 120.30), new(23.10, 120.20), new(25.00, 121.30), new(25.05, 121.40),
    ];

    public static decimal Value(Random random, decimal low, decimal high) => Math.Round(low + ((high - low) * (decimal)random.NextDouble()), 2);

    public static WaterSupplyInput Supply(Random random, int parks = 8)
    {
        var park = random.Next(parks);
        return new WaterSupplyInput
        {
            Id = Guid.NewGuid(),
            ParkId = Parks[park],
            Location = random.Next(20) == 0 ? null : Near(random, Centres[park]),
            Industry = (Industry)random.Next(Enum.GetValues<Industry>().Length),
            FreeFlowM3PerDay = random.Next(15) == 0 ? 0 : Value(random, 10m, 3_000m),
            Quality = Quality(random, 0.85),
            DischargeFeeNtdPerM3 = random.Next(3) == 0 ? null : Value(random, 15m, 50m),
        };
    }

    public static WaterDemandInput Demand(Random random, int parks = 8)
    {
        var park = random.Next(parks);
        var ownLimits = random.Next(3) > 0;
        var blending = random.Next(3) == 0;
        return new WaterDemandInput
        {
            Id = Guid.NewGuid(),
            ParkId = Parks[park],
            Location = random.Next(20) == 0 ? null : Near(random, Centres[park]),
            Industry = (Industry)random.Next(Enum.GetValues<Industry>().Length),
            Use = (WaterUse)random.Next(4),
            FlowM3PerDay = Value(random, 10m, 2_000m),
            ReclaimedAllowed = random.Next(8) > 0,
            Limits = ownLimits ? Limits(random) : [],
            BlendingAllowed = blending,
            CurrentWaterQuality = blending ? Quality(random, 0.9, 0.05m) : [],
            MaxPipeDistanceM = random.Next(4) == 0 ? Value(random, 300m, 6_000m) : null,
            MaxPriceNtdPerM3 = random.Next(4) == 0 ? Value(random, 5m, 40m) : null,
            CurrentWaterPriceNtdPerM3 = random.Next(2) == 0 ? null : Value(random, 10m, 20m),
        };
    }

    public static IReadOnlyList<ParameterLimit> Limits(Random random)
    {
        var limits = Ranges.Where(_ => random.Next(3) == 0).Select(r => new ParameterLimit(r.Key, null, Value(random, r.Low, r.High / 2))).ToList();
        if (random.Next(3) == 0)
        {
            limits.Add(new ParameterLimit(Ph, Value(random, 5.5m, 7m), Value(random, 7.5m, 9m)));
        }

        return limits;
    }

    public static IReadOnlyList<ParameterValue> Quality(Random random, double measuredShare, decimal scale = 1m)
    {
        var values = Ranges.Where(_ => random.NextDouble() < measuredShare)
            .Select(r => new ParameterValue(r.Key, Value(random, r.Low * scale, r.High * scale), (ValueBasis)random.Next(3), TestMatching.Today.AddDays(-random.Next(600))))
            .ToList();
        if (random.NextDouble() < measuredShare)
        {
            values.Add(new ParameterValue(Ph, Value(random, 5m, 10m), ValueBasis.Online, TestMatching.Today));
        }

        return values;
    }

    public static TreatmentCatalogue Catalogue(Random random, int maxSteps = 9)
    {
        var steps = new List<TreatmentStep>();
        var count = random.Next(1, maxSteps + 1);
        for (var i = 0; i < count; i++)
        {
            var removal = Ranges.Where(_ => random.Next(4) == 0).ToDictionary(r => r.Key, _ => Value(random, 0.1m, 0.98m));
            var phAfter = random.Next(6) == 0 ? Value(random, 5m, 9m) : (decimal?)null;
            steps.Add(new TreatmentStep($"step-{i}", $"Step {i}", random.Next(5) == 0 ? TreatmentSide.Supplier : TreatmentSide.Buyer, removal,
                Value(random, 0m, 25m), Value(random, 0.6m, 1m), Value(random, 0m, 30_000m), Value(random, 0m, 2m), phAfter, "random"));
        }

        return new TreatmentCatalogue("random", new DateOnly(2026, 1, 1), steps);
    }

    private static GeoPoint Near(Random random, GeoPoint centre) =>
        new(centre.Latitude + ((random.NextDouble() - 0.5) * 0.03), centre.Longitude + ((random.NextDouble() - 0.5) * 0.03));
}
