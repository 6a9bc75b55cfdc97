using System.Numerics;
using System.Runtime.CompilerServices;
using EcoPark.Domain.Common;
using EcoPark.Domain.Streams;

namespace EcoPark.Domain.Matching;

/// <summary>What the screen keeps.</summary>
public sealed record WaterScreeningOptions
{
    /// <summary>Keep at most this many candidates per demand, the highest upper bound first; null keeps all.</summary>
    public int? MaxCandidatesPerDemand { get; init; }

    /// <summary>Keep pairs where a limited parameter was never measured (they need a lab test, not a verdict).</summary>
    public bool IncludeNeedsLabTest { get; init; } = true;

    /// <summary>Drop pairs whose upper bound on the monthly saving is zero or less: no route can pay.</summary>
    public bool DropNonPositive { get; init; } = true;

    /// <summary>Cores the screen may use; null: all.</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}

/// <summary>
/// A pair worth evaluating. <c>UpperBoundNtdPerMonth</c> bounds the pair's monthly saving from above:
/// min(free supply, demand) × (water price + marginal fee + discharge fee − a lower bound on treatment
/// cost) × days per month; investment is not counted. Indices point into the lists given to the screen.
/// <c>DistanceM</c> is the great-circle distance when the screen needed it (between parks, or when the
/// buyer states a maximum); null otherwise or when a coordinate is missing.
/// </summary>
public readonly record struct WaterCandidate(int SupplyIndex, int DemandIndex, bool SamePark, double? DistanceM, int UnknownCount, int FailingCount, decimal UpperBoundNtdPerMonth);

/// <summary>Counts from one screen (pairs the index never looked at are in none of the pair counts).</summary>
public sealed record WaterScreeningStats(
    int Supplies,
    int Demands,
    int SuppliesCommitted,
    int DemandsBlocked,
    long PairsExamined,
    long PairsOutOfRange,
    long PairsQualityInfeasible,
    long PairsNeedingLabTest,
    long PairsNotWorthIt,
    int Candidates);

/// <summary>
/// The candidates grouped by demand (in the order the demands were given), each demand's highest upper
/// bound first (then by supply index), and the counts. The evaluated results are ranked by <see cref="WaterMatcher.Rank"/>.
/// </summary>
public sealed record WaterScreeningResult(IReadOnlyList<WaterCandidate> Candidates, WaterScreeningStats Stats);

/// <summary>
/// Finds the supply–demand pairs worth a full evaluation among many, without trying all pairs:
/// demands that can take no reclaimed water and supplies with no free volume are dropped up front;
/// supplies are bucketed by park and by a latitude–longitude grid whose cells are at least the
/// between-park reach wide, so a demand only meets its own park and the 3 × 3 cells around it; every
/// supply's values sit in an array by parameter with a bit mask of what it measured, and every demand's
/// limits are pre-combined with the catalogue (the lowest value treatment can reach per parameter, the
/// cheapest step that acts on it, whether blending could help).
/// </summary>
/// <remarks>
/// The screen is conservative: it never drops a pair that <see cref="WaterMatcher.Evaluate"/> would find
/// in range, not blocked, with a route and a positive monthly saving. Its quality tests are necessary
/// conditions computed in floating point with a small tolerance in the pair's favour; the exact verdicts
/// come from the evaluation.
/// </remarks>
public static class WaterScreening
{
    private const double EarthRadiusMetres = 6_371_008.8;

    /// <summary>Demands per unit of parallel work.</summary>
    private const int ChunkSize = 128;

    public static WaterScreeningResult Screen(IReadOnlyList<WaterSupplyInput> supplies, IReadOnlyList<WaterDemandInput> demands, WaterMatchContext context, WaterScreeningOptions? options = null)
    {
        options ??= new();
        var index = new Prepared(supplies, demands, context, options);
        var byPark = new Dictionary<Guid, List<int>>();
        var grid = new Dictionary<long, List<int>>();
        var reach = (double)context.Parameters.Water.MaxPipeDistanceM;
        var (cellLat, cellLon, cosMaxLat) = CellSize(supplies, demands, reach);
        var committed = 0;
        for (var s = 0; s < supplies.Count; s++)
        {
            var supply = supplies[s];
            if (supply.FreeFlowM3PerDay <= 0)
            {
                committed++;
                continue;
            }

            Bucket(byPark, supply.ParkId, s);
            if (supply.Location is { } at && reach > 0)
            {
                Bucket(grid, CellKey(at, cellLat, cellLon, 0, 0), s);
            }
        }

        // Demands are screened in chunks on all cores; each chunk keeps its own list and counts, joined in demand order.
        var chunkCount = (demands.Count + ChunkSize - 1) / ChunkSize;
        var chunks = new Chunk[chunkCount];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? -1 };
        Parallel.For(0, chunkCount, parallel, c =>
        {
            var chunk = chunks[c] = new Chunk();
            var mine = new List<WaterCandidate>();
            for (var d = c * ChunkSize; d < Math.Min(demands.Count, (c + 1) * ChunkSize); d++)
            {
                var demand = demands[d];
                if (index.DemandBlocked(d))
                {
                    chunk.Blocked++;
                    continue;
                }

                mine.Clear();
                if (byPark.TryGetValue(demand.ParkId, out var sameParkSupplies))
                {
                    foreach (var s in sameParkSupplies)
                    {
                        index.TryPair(s, d, mine, chunk);
                    }
                }

                if (demand.Location is { } here && reach > 0)
                {
                    for (var dy = -1; dy <= 1; dy++)
                    {
                        for (var dx = -1; dx <= 1; dx++)
                        {
                            if (!CellMayReach(here, cellLat, cellLon, dy, dx, reach, cosMaxLat)
                                || !grid.TryGetValue(CellKey(here, cellLat, cellLon, dy, dx), out var cell))
                            {
                                continue;
                            }

                            foreach (var s in cell)
                            {
                                if (supplies[s].ParkId != demand.ParkId)
                                {
                                    index.TryPair(s, d, mine, chunk);
                                }
                            }
                        }
                    }
                }

                Keep(mine, chunk.Candidates, options);
            }
        });

        return index.Result(chunks, committed, chunks.Sum(c => c.Blocked));
    }

    /// <summary>The reference: every pair tried in turn with the same per-pair test (for tests and the benchmark's comparison).</summary>
    public static WaterScreeningResult ScreenAllPairs(IReadOnlyList<WaterSupplyInput> supplies, IReadOnlyList<WaterDemandInput> demands, WaterMatchContext context, WaterScreeningOptions? options = null)
    {
        options ??= new();
        var index = new Prepared(supplies, demands, context, options);
        var chunk = new Chunk();
        var mine = new List<WaterCandidate>();
        for (var d = 0; d < demands.Count; d++)
        {
            mine.Clear();
            for (var s = 0; s < supplies.Count; s++)
            {
                if (!index.DemandBlocked(d) && supplies[s].FreeFlowM3PerDay > 0)
                {
                    index.TryPair(s, d, mine, chunk);
                }
            }

            Keep(mine, chunk.Candidates, options);
        }

        return index.Result([chunk], supplies.Count(s => s.FreeFlowM3PerDay <= 0), Enumerable.Range(0, demands.Count).Count(index.DemandBlocked));
    }

    /// <summary>One demand's candidates, best bound first, cut to the options' maximum.</summary>
    private static void Keep(List<WaterCandidate> mine, List<WaterCandidate> all, WaterScreeningOptions options)
    {
        mine.Sort(Order);
        var count = options.MaxCandidatesPerDemand is { } most ? Math.Min(most, mine.Count) : mine.Count;
        for (var i = 0; i < count; i++)
        {
            all.Add(mine[i]);
        }
    }

    private static int Order(WaterCandidate a, WaterCandidate b)
    {
        var byBound = b.UpperBoundNtdPerMonth.CompareTo(a.UpperBoundNtdPerMonth);
        return byBound != 0 ? byBound : a.SupplyIndex.CompareTo(b.SupplyIndex);
    }

    private static void Bucket<TKey>(Dictionary<TKey, List<int>> buckets, TKey key, int item)
        where TKey : notnull
    {
        if (!buckets.TryGetValue(key, out var list))
        {
            buckets[key] = list = [];
        }

        list.Add(item);
    }

    /// <summary>
    /// Cell sizes in degrees such that two points within <paramref name="reach"/> metres (great circle) are
    /// never more than one cell apart. By the haversine formula, with φmax the largest |latitude| present,
    /// hav(d / R) = hav(Δφ) + cos φ₁ cos φ₂ hav(Δλ) ≥ hav(Δφ) + cos² φmax hav(Δλ), so a distance d bounds
    /// |Δφ| ≤ d / R and sin(|Δλ| / 2) ≤ sin(d / 2R) / cos φmax. Longitude wrap-around at ±180° is not
    /// handled (no park lies near it).
    /// </summary>
    private static (double Lat, double Lon, double CosMaxLat) CellSize(IReadOnlyList<WaterSupplyInput> supplies, IReadOnlyList<WaterDemandInput> demands, double reach)
    {
        const double slack = 1 + 1e-6;
        var maxAbsLat = supplies.Select(s => s.Location).Concat(demands.Select(d => d.Location))
            .Where(p => p is not null).Select(p => Math.Abs(p!.Latitude)).DefaultIfEmpty(0).Max();
        var cos = Math.Cos(maxAbsLat * Math.PI / 180);
        var angle = reach / EarthRadiusMetres;
        var lat = angle * slack * 180 / Math.PI;
        var sinHalf = Math.Sin(angle / 2) / cos;
        var lon = sinHalf >= 1 || maxAbsLat > 89 ? 360 : 2 * Math.Asin(sinHalf) * slack * 180 / Math.PI;
        return (Math.Max(lat, 1e-9), Math.Max(lon, 1e-9), cos);
    }

    /// <summary>
    /// Whether any point of a neighbouring cell can lie within reach: the same bound as above, applied to
    /// the smallest latitude and longitude gaps between the point and the cell (with a little slack).
    /// </summary>
    private static bool CellMayReach(GeoPoint at, double cellLat, double cellLon, int dy, int dx, double reach, double cosMaxLat)
    {
        static double Gap(double value, double size, int step)
        {
            var index = Math.Floor(value / size);
            return step == 0 ? 0 : step > 0 ? ((index + 1) * size) - value : value - (index * size);
        }

        const double toRadians = Math.PI / 180;
        var sinLat = Math.Sin(Gap(at.Latitude, cellLat, dy) * toRadians / 2);
        var sinLon = Math.Sin(Gap(at.Longitude, cellLon, dx) * toRadians / 2);
        var least = 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt((sinLat * sinLat) + (cosMaxLat * cosMaxLat * sinLon * sinLon))));
        return least <= reach * (1 + 1e-6);
    }

    private static long CellKey(GeoPoint at, double cellLat, double cellLon, int dy, int dx)
    {
        var y = (long)Math.Floor(at.Latitude / cellLat) + dy;
        var x = (long)Math.Floor(at.Longitude / cellLon) + dx;
        return (y << 32) ^ (x & 0xFFFF_FFFF);
    }

    /// <summary>One unit of parallel work: its candidates and counts.</summary>
    private sealed class Chunk
    {
        public List<WaterCandidate> Candidates { get; } = [];

        public int Blocked { get; set; }

        public long Examined { get; set; }

        public long OutOfRange { get; set; }

        public long QualityInfeasible { get; set; }

        public long NeedingLabTest { get; set; }

        public long NotWorthIt { get; set; }
    }

    /// <summary>Per-stream arrays built once per screen, and the per-pair test both enumerations share.</summary>
    private sealed class Prepared
    {
        private static readonly IReadOnlyList<ParameterDefinition> Keys = WaterQuality.Parameters.All;
        private static readonly int PhIndex = IndexOf(WaterQuality.Ph);

        private readonly IReadOnlyList<WaterSupplyInput> supplies;
        private readonly IReadOnlyList<WaterDemandInput> demands;
        private readonly WaterScreeningOptions options;
        private readonly double reachM;
        private readonly double[][] supplyValues;
        private readonly ulong[] supplyMeasured;
        private readonly int[] supplyPark;
        private readonly GeoPoint?[] supplyAt;
        private readonly decimal[] supplyFree;
        private readonly decimal[] supplyDischargePerMonth;
        private readonly DemandLimits[] demandLimits;

        public Prepared(IReadOnlyList<WaterSupplyInput> supplies, IReadOnlyList<WaterDemandInput> demands, WaterMatchContext context, WaterScreeningOptions options)
        {
            this.supplies = supplies;
            this.demands = demands;
            this.options = options;
            var water = context.Parameters.Water;
            var days = context.Parameters.DaysPerMonth;
            reachM = (double)water.MaxPipeDistanceM;
            var parks = new Dictionary<Guid, int>();
            int Park(Guid id) => parks.TryGetValue(id, out var i) ? i : parks[id] = parks.Count;
            supplyValues = new double[supplies.Count][];
            supplyMeasured = new ulong[supplies.Count];
            supplyPark = new int[supplies.Count];
            supplyAt = new GeoPoint?[supplies.Count];
            supplyFree = new decimal[supplies.Count];
            supplyDischargePerMonth = new decimal[supplies.Count];
            for (var s = 0; s < supplies.Count; s++)
            {
                var supply = supplies[s];
                (supplyValues[s], supplyMeasured[s]) = Vector(supply.Quality);
                supplyPark[s] = Park(supply.ParkId);
                supplyAt[s] = supply.Location;
                supplyFree[s] = supply.FreeFlowM3PerDay;
                supplyDischargePerMonth[s] = (supply.DischargeFeeNtdPerM3 ?? 0) * days;
            }

            // Per parameter: the factor all steps that act on it leave (the lowest value treatment reaches), and the cheapest such step.
            var steps = context.Treatments.Steps;
            var reach = new double[Keys.Count];
            var cheapest = new decimal[Keys.Count];
            for (var k = 0; k < Keys.Count; k++)
            {
                var factor = 1m;
                var cost = decimal.MaxValue;
                foreach (var step in steps)
                {
                    if (step.Removal.TryGetValue(Keys[k].Key, out var fraction) && fraction > 0)
                    {
                        factor *= 1 - fraction;
                        cost = Math.Min(cost, step.UnitCostNtdPerM3);
                    }
                }

                reach[k] = (double)factor;
                cheapest[k] = cost;
            }

            demandLimits = new DemandLimits[demands.Count];
            for (var d = 0; d < demands.Count; d++)
            {
                demandLimits[d] = new DemandLimits(demands[d], Park(demands[d].ParkId), context, reach, cheapest);
            }
        }

        public bool DemandBlocked(int d) => demandLimits[d].Blocked;

        /// <summary>
        /// The per-pair test. Reach is decided exactly as <see cref="MatchScope.Judge"/> decides it (same
        /// distance function, same conversions); in the same park the distance is only computed when the
        /// buyer states a maximum, so a candidate's distance is null when it was not needed.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void TryPair(int s, int d, List<WaterCandidate> into, Chunk counts)
        {
            counts.Examined++;
            var limits = demandLimits[d];
            var samePark = supplyPark[s] == limits.Park;
            double? distance = null;
            var from = supplyAt[s];
            if (from is null || limits.At is null)
            {
                if (!samePark)
                {
                    counts.OutOfRange++;
                    return;
                }
            }
            else if (!samePark || limits.OwnMaxM < double.PositiveInfinity)
            {
                var metres = from.DistanceMetresTo(limits.At);
                if ((!samePark && metres > reachM) || metres > limits.OwnMaxM)
                {
                    counts.OutOfRange++;
                    return;
                }

                distance = metres;
            }

            var unknown = BitOperations.PopCount(limits.Mask & ~supplyMeasured[s]);
            if (unknown > 0)
            {
                counts.NeedingLabTest++;
                if (!options.IncludeNeedsLabTest)
                {
                    return;
                }
            }

            var values = supplyValues[s];
            var failing = 0;
            var treatable = true;
            var blendable = limits.BlendPossible && unknown == 0;
            var treatmentFloor = 0m;
            for (var j = 0; j < limits.KeyIndex.Length; j++)
            {
                var v = values[limits.KeyIndex[j]];
                if (double.IsNaN(v) || (v <= limits.Hi[j] && v >= limits.Lo[j]))
                {
                    continue;
                }

                failing++;
                if (v <= limits.FixHi[j] && v >= limits.FixLo[j])
                {
                    treatmentFloor = Math.Max(treatmentFloor, limits.CheapestFixPerMonth[j]);
                }
                else
                {
                    treatable = false;
                }

                blendable &= limits.CurrentPasses[j];
            }

            if (failing > 0 && !treatable && !blendable)
            {
                counts.QualityInfeasible++;
                return;
            }

            // flow × (price + fee + discharge − treatment floor) × days, with the per-m³ terms already × days.
            var floor = failing == 0 || blendable ? 0 : treatmentFloor;
            var potential = Math.Min(supplyFree[s], limits.FlowM3PerDay);
            var bound = potential * (limits.BuyerPerMonth + supplyDischargePerMonth[s] - floor);
            if (options.DropNonPositive && bound <= 0)
            {
                counts.NotWorthIt++;
                return;
            }

            into.Add(new WaterCandidate(s, d, samePark, distance, unknown, failing, bound));
        }

        /// <summary>Joins the chunks in demand order.</summary>
        public WaterScreeningResult Result(Chunk[] chunks, int committed, int blocked)
        {
            var all = new List<WaterCandidate>(chunks.Sum(c => c.Candidates.Count));
            foreach (var chunk in chunks)
            {
                all.AddRange(chunk.Candidates);
            }

            return new WaterScreeningResult(all, new WaterScreeningStats(supplies.Count, demands.Count, committed, blocked,
                chunks.Sum(c => c.Examined), chunks.Sum(c => c.OutOfRange), chunks.Sum(c => c.QualityInfeasible),
                chunks.Sum(c => c.NeedingLabTest), chunks.Sum(c => c.NotWorthIt), all.Count));
        }

        private static int IndexOf(string key)
        {
            for (var k = 0; k < Keys.Count; k++)
            {
                if (Keys[k].Key == key)
                {
                    return k;
                }
            }

            return -1;
        }

        private static (double[] Values, ulong Mask) Vector(IReadOnlyList<ParameterValue> quality)
        {
            var values = new double[Keys.Count];
            Array.Fill(values, double.NaN);
            var mask = 0UL;
            foreach (var value in quality)
            {
                var k = IndexOf(value.Key);
                if (k >= 0)
                {
                    values[k] = (double)value.Value;
                    mask |= 1UL << k;
                }
            }

            return (values, mask);
        }

        /// <summary>A tolerance in the pair's favour for comparing converted decimals.</summary>
        private static double Up(double bound) => double.IsInfinity(bound) ? bound : bound + (1e-9 * Math.Max(1, Math.Abs(bound)));

        private static double Down(double bound) => double.IsInfinity(bound) ? bound : bound - (1e-9 * Math.Max(1, Math.Abs(bound)));

        private sealed class DemandLimits
        {
            public DemandLimits(WaterDemandInput demand, int park, WaterMatchContext context, double[] reach, decimal[] cheapest)
            {
                var water = context.Parameters.Water;
                var days = context.Parameters.DaysPerMonth;
                Park = park;
                At = demand.Location;
                OwnMaxM = demand.MaxPipeDistanceM is { } own ? (double)own : double.PositiveInfinity;
                FlowM3PerDay = demand.FlowM3PerDay;
                Blocked = WaterDemand.ReclaimedBarredByLaw(demand.Industry, demand.Use) || !demand.ReclaimedAllowed;
                BuyerPerMonth = ((demand.CurrentWaterPriceNtdPerM3 ?? water.DefaultTapPriceNtdPerM3) + (demand.MarginalFeeNtdPerM3 ?? context.MaxFeeNtdPerM3)) * days;
                var limits = context.LimitsFor(demand);
                var (current, currentMask) = Vector(demand.CurrentWaterQuality);
                var n = limits.Count;
                KeyIndex = new int[n];
                Lo = new double[n];
                Hi = new double[n];
                FixLo = new double[n];
                FixHi = new double[n];
                CheapestFixPerMonth = new decimal[n];
                CurrentPasses = new bool[n];
                for (var j = 0; j < n; j++)
                {
                    var limit = limits[j];
                    var k = IndexOf(limit.Key);
                    KeyIndex[j] = k;
                    Mask |= 1UL << k;
                    Lo[j] = Down(limit.Min is { } min ? (double)min : double.NegativeInfinity);
                    Hi[j] = Up(limit.Max is { } max ? (double)max : double.PositiveInfinity);
                    if (k == PhIndex)
                    {
                        // pH is fixed only by a step that sets it within the range.
                        var setters = context.Treatments.Steps.Where(s => s.PhAfter is { } ph && LimitJudge.Compare(ph, limit.Min, limit.Max).Verdict == Verdict.Pass).ToList();
                        FixLo[j] = setters.Count > 0 ? double.NegativeInfinity : Lo[j];
                        FixHi[j] = setters.Count > 0 ? double.PositiveInfinity : Hi[j];
                        CheapestFixPerMonth[j] = setters.Count > 0 ? setters.Min(s => s.UnitCostNtdPerM3) * days : 0;

                        // A blend never repairs a failing pH (it is not solved for, see Blending).
                        CurrentPasses[j] = false;
                    }
                    else
                    {
                        FixLo[j] = Lo[j];
                        FixHi[j] = reach[k] == 0 ? double.PositiveInfinity : Up(Hi[j] / reach[k]);
                        CheapestFixPerMonth[j] = cheapest[k] == decimal.MaxValue ? 0 : cheapest[k] * days;
                        CurrentPasses[j] = !double.IsNaN(current[k]) && current[k] <= Hi[j] && current[k] >= Lo[j];
                    }
                }

                BlendPossible = demand.BlendingAllowed && (Mask & ~currentMask) == 0;
            }

            public int Park { get; }

            public GeoPoint? At { get; }

            public double OwnMaxM { get; }

            public decimal FlowM3PerDay { get; }

            public bool Blocked { get; }

            /// <summary>Water price + marginal fee, × days per month.</summary>
            public decimal BuyerPerMonth { get; }

            public ulong Mask { get; }

            public bool BlendPossible { get; }

            public int[] KeyIndex { get; }

            public double[] Lo { get; }

            public double[] Hi { get; }

            public double[] FixLo { get; }

            public double[] FixHi { get; }

            /// <summary>Per limit: the cheapest step that can act on it, × days per month (a floor on any train's cost).</summary>
            public decimal[] CheapestFixPerMonth { get; }

            public bool[] CurrentPasses { get; }
        }
    }
}
