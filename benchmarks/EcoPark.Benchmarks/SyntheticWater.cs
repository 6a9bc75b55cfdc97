using EcoPark.Domain.Common;
using EcoPark.Domain.Factories;
using EcoPark.Domain.Matching;
using EcoPark.Domain.Streams;
using static EcoPark.Domain.Streams.WaterQuality;

namespace EcoPark.Benchmarks;

/// <summary>
/// A synthetic island of 60 parks along western Taiwan (some clustered within a few km of each other, as
/// around Kaohsiung and Taoyuan), with effluents and water demands scattered within 1.5 km of each park
/// centre and 14 quality parameters. Fixed seed, so every run sees the same world.
/// </summary>
internal static class SyntheticWater
{
    public const int Parks = 60;

    /// <summary>The 14 parameters of the synthetic world with a typical effluent range.</summary>
    private static readonly (string Key, decimal Low, decimal High)[] Ranges =
    [
        (Ph, 6m, 9.5m), (TurbidityNtu, 0.5m, 20m), (ColourPtCo, 5m, 300m), (CodMgL, 5m, 150m), (SsMgL, 1m, 50m),
        (TocMgL, 1m, 40m), (TdsMgL, 100m, 5_000m), (ConductivityUsCm, 150m, 8_000m), (HardnessMgLCaCO3, 20m, 600m),
        (ChlorideMgL, 5m, 1_500m), (SulfateMgL, 10m, 800m), (AmmoniaNMgL, 0.2m, 30m), (NitrateNMgL, 0.5m, 40m), (SilicaMgL, 2m, 60m),
    ];

    public static WaterMatchContext Context() =>
        new(MatchingDefaults.Parameters(), MatchingDefaults.Treatments(), MatchingDefaults.Baseline(), new DateOnly(2026, 11, 22));

    /// <summary>The world; <paramref name="parkCount"/> spreads the streams over fewer (or more) parks along the same coast.</summary>
    public static (List<WaterSupplyInput> Supplies, List<WaterDemandInput> Demands) World(int supplies, int demands, int seed = 2026, int parkCount = Parks)
    {
        var random = new Random(seed);
        var parks = Enumerable.Range(0, parkCount).Select(i => (Id: new Guid(i + 1, 0, 0, new byte[8]), Centre: Centre(random, i, parkCount))).ToArray();
        var today = new DateOnly(2026, 11, 22);
        var supplyList = Enumerable.Range(0, supplies).Select(_ =>
        {
            var park = parks[random.Next(parkCount)];
            return new WaterSupplyInput
            {
                Id = Guid.NewGuid(),
                ParkId = park.Id,
                Location = random.Next(50) == 0 ? null : Near(random, park.Centre),
                Industry = (Industry)random.Next(13),
                FreeFlowM3PerDay = random.Next(20) == 0 ? 0 : Value(random, 10m, 3_000m),
                Quality = [.. Ranges.Where(_ => random.Next(7) > 0).Select(r => new ParameterValue(r.Key, Value(random, r.Low, r.High), (ValueBasis)random.Next(3), today.AddDays(-random.Next(700))))],
                DischargeFeeNtdPerM3 = random.Next(3) == 0 ? null : Value(random, 15m, 50m),
            };
        }).ToList();
        var demandList = Enumerable.Range(0, demands).Select(_ =>
        {
            var park = parks[random.Next(parkCount)];
            var own = random.Next(5) >= 2;
            var blending = random.Next(4) == 0;
            return new WaterDemandInput
            {
                Id = Guid.NewGuid(),
                ParkId = park.Id,
                Location = random.Next(50) == 0 ? null : Near(random, park.Centre),
                Industry = (Industry)random.Next(13),
                Use = (WaterUse)random.Next(4),
                FlowM3PerDay = Value(random, 10m, 2_000m),
                ReclaimedAllowed = random.Next(7) > 0,
                Limits = own ? [.. Ranges.Where(_ => random.Next(3) == 0).Select(r => r.Key == Ph
                    ? new ParameterLimit(Ph, Value(random, 5.5m, 7m), Value(random, 7.5m, 9m))
                    : new ParameterLimit(r.Key, null, Value(random, r.Low, r.High / 2)))] : [],
                BlendingAllowed = blending,
                CurrentWaterQuality = blending ? [.. Ranges.Select(r => new ParameterValue(r.Key, r.Key == Ph ? 7.2m : Value(random, r.Low / 20, r.High / 20), ValueBasis.Lab, today.AddDays(-30)))] : [],
                MaxPipeDistanceM = random.Next(4) == 0 ? Value(random, 300m, 6_000m) : null,
                MaxPriceNtdPerM3 = random.Next(4) == 0 ? Value(random, 5m, 40m) : null,
                CurrentWaterPriceNtdPerM3 = random.Next(2) == 0 ? null : Value(random, 10m, 20m),
            };
        }).ToList();
        return (supplyList, demandList);
    }

    /// <summary>Park centres between 22.5° and 25.2° N along the west coast; every fourth park sits 2–4 km from the previous one.</summary>
    private static GeoPoint Centre(Random random, int index, int parkCount)
    {
        var latitude = 22.5 + (2.7 * index / parkCount);
        var longitude = 120.1 + (0.3 * (latitude - 22.5)) + (random.NextDouble() * 0.3);
        if (index % 4 == 3)
        {
            latitude = 22.5 + (2.7 * (index - 1) / parkCount) + 0.02 + (random.NextDouble() * 0.015);
        }

        return new GeoPoint(latitude, longitude);
    }

    private static GeoPoint Near(Random random, GeoPoint centre)
    {
        var radius = 1_500 * Math.Sqrt(random.NextDouble()) / 111_195;
        var angle = random.NextDouble() * 2 * Math.PI;
        return new GeoPoint(centre.Latitude + (radius * Math.Sin(angle)), centre.Longitude + (radius * Math.Cos(angle) / Math.Cos(centre.Latitude * Math.PI / 180)));
    }

    private static decimal Value(Random random, decimal low, decimal high) => Math.Round(low + ((high - low) * (decimal)random.NextDouble()), 2);
}
