using System.Numerics;
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
}

/// <summary>
/// A pair worth evaluating. <c>UpperBoundNtdPerMonth</c> bounds the pair's monthly saving from above:
/// min(free supply, demand) × (water price + marginal fee + discharge fee − a lower bound on treatment
/// cost) × days per month; investment is not counted. Indices point into the lists given to the screen.
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

/// <summary>The candidates, highest upper bound first (then demand, then supply index), and the counts.</summary>
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

    public static WaterScreeningResult Screen(IReadOnlyList<WaterSupplyInput> supplies, IReadOnlyList<WaterDemandInput> demands, WaterMatchContext context, WaterScreeningOptions? options = null)
    {
        options ??= new();
        var index = new Prepared(supplies, demands, context, options);
        var byPark = new Dictionary<Guid, List<int>>();
        var grid = new Dictionary<long, List<int>>();
        var reach = (double)context.Parameters.Water.MaxPipeDistanceM;
        var (cellLat, cellLon) = CellSize(supplies, demands, reach);
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

        var all = new List<WaterCandidate>();
        var mine = new List<WaterCandidate>();
        var blocked = 0;
        for (var d = 0; d < demands.Count; d++)
        {
            var demand = demands[d];
            if (index.DemandBlocked(d))
            {
                blocked++;
                continue;
            }

            mine.Clear();
            if (byPark.TryGetValue(demand.ParkId, out var sameParkSupplies))
            {
                foreach (var s in sameParkSupplies)
                {
                    index.TryPair(s, d, mine);
                }
            }

            if (demand.Location is { } here && reach > 0)
            {
                for (var dy = -1; dy <= 1; dy++)
                {
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        if (!grid.TryGetValue(CellKey(here, cellLat, cellLon, dy, dx), out var cell))
                        {
                            continue;
                        }

                        foreach (var s in cell)
                        {
                            if (supplies[s].ParkId != demand.ParkId)
                            {
                                index.TryPair(s, d, mine);
                            }
                        }
                    }
                }
            }

            Keep(mine, all, options);
        }

        return index.Result(all, committed, blocked);
    }

    /// <summary>The reference: every pair tried with the same per-pair test (for tests and the benchmark's comparison).</summary>
    public static WaterScreeningResult ScreenAllPairs(IReadOnlyList<WaterSupplyInput> supplies, IReadOnlyList<WaterDemandInput> demands, WaterMatchContext context, WaterScreeningOptions? options = null)
    {
        options ??= new();
        var index = new Prepared(supplies, demands, context, options);
        var all = new List<WaterCandidate>();
        var mine = new List<WaterCandidate>();
        for (var d = 0; d < demands.Count; d++)
        {
            mine.Clear();
            for (var s = 0; s < supplies.Count; s++)
            {
                if (!index.DemandBlocked(d) && supplies[s].FreeFlowM3PerDay > 0)
                {
                    index.TryPair(s, d, mine);
                }
            }

            Keep(mine, all, options);
        }

        return index.Result(all, supplies.Count(s => s.FreeFlowM3PerDay <= 0), Enumerable.Range(0, demands.Count).Count(index.DemandBlocked));
    }

    private static void Keep(List<WaterCandidate> mine, List<WaterCandidate> all, WaterScreeningOptions options)
    {
        if (options.MaxCandidatesPerDemand is { } most && mine.Count > most)
        {
            mine.Sort(Order);
            mine.RemoveRange(most, mine.Count - most);
        }

        all.AddRange(mine);
    }

    private static int Order(WaterCandidate a, WaterCandidate b)
    {
        var byBound = b.UpperBoundNtdPerMonth.CompareTo(a.UpperBoundNtdPerMonth);
        if (byBound != 0)
        {
            return byBound;
        }

        var byDemand = a.DemandIndex.CompareTo(b.DemandIndex);
        return byDemand != 0 ? byDemand : a.SupplyIndex.CompareTo(b.SupplyIndex);
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
    /// never more than one cell apart: a great-circle distance d bounds |Δlatitude| ≤ d / R and
    /// sin(|Δlongitude| / 2) ≤ sin(d / 2R) / cos(φmax), φmax the largest |latitude| present. Longitude
    /// wrap-around at ±180° is not handled (no park lies near it).
    /// </summary>
    private static (double Lat, double Lon) CellSize(IReadOnlyList<WaterSupplyInput> supplies, IReadOnlyList<WaterDemandInput> demands, double reach)
    {
        const double slack = 1 + 1e-6;
        var maxAbsLat = supplies.Select(s => s.Location).Concat(demands.Select(d => d.Location))
            .Where(p => p is not null).Select(p => Math.Abs(p!.Latitude)).DefaultIfEmpty(0).Max();
        var angle = reach / EarthRadiusMetres;
        var lat = angle * slack * 180 / Math.PI;
        var sinHalf = Math.Sin(angle / 2) / Math.Cos(maxAbsLat * Math.PI / 180);
        var lon = sinHalf >= 1 || maxAbsLat > 89 ? 360 : 2 * Math.Asin(sinHalf) * slack * 180 / Math.PI;
        return (Math.Max(lat, 1e-9), Math.Max(lon, 1e-9));
    }

    private static long CellKey(GeoPoint at, double cellLat, double cellLon, int dy, int dx)
    {
        var y = (long)Math.Floor(at.Latitude / cellLat) + dy;
        var x = (long)Math.Floor(at.Longitude / cellLon) + dx;
        return (y << 32) ^ (x & 0xFFFF_FFFF);
    }

    /// <summary>Per-stream arrays built once per screen, and the per-pair test both enumerations share.</summary>
    private sealed class Prepared
    {
        private static readonly IReadOnlyList<ParameterDefinition> Keys = WaterQuality.Parameters.All;
        private static readonly int PhIndex = IndexOf(WaterQuality.Ph);

        private readonly IReadOnlyList<WaterSupplyInput> supplies;
        private readonly IReadOnlyList<WaterDemandInput> demands;
        private readonly WaterMatchContext context;
        private readonly WaterScreeningOptions options;
        private readonly double[][] supplyValues;
        private readonly ulong[] supplyMeasured;
        private readonly decimal[] supplyDischarge;
        private readonly DemandLimits[] demandLimits;
        private long examined;
        private long outOfRange;
        private long qualityInfeasible;
        private long needingLabTest;
        private long notWorthIt;

        public Prepared(IReadOnlyList<WaterSupplyInput> supplies, IReadOnlyList<WaterDemandInput> demands, WaterMatchContext context, WaterScreeningOptions options)
        {
            this.supplies = supplies;
            this.demands = demands;
            this.context = context;
            this.options = options;
            var water = context.Parameters.Water;
            supplyValues = new double[supplies.Count][];
            supplyMeasured = new ulong[supplies.Count];
            supplyDischarge = new decimal[supplies.Count];
            for (var s = 0; s < supplies.Count; s++)
            {
                (supplyValues[s], supplyMeasured[s]) = Vector(supplies[s].Quality);
                supplyDischarge[s] = supplies[s].DischargeFeeNtdPerM3 ?? water.DefaultDischargeFeeNtdPerM3;
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
                demandLimits[d] = new DemandLimits(demands[d], context, reach, cheapest);
            }
        }

        public bool DemandBlocked(int d) => demandLimits[d].Blocked;

        public void TryPair(int s, int d, List<WaterCandidate> into)
        {
            examined++;
            var supply = supplies[s];
            var demand = demands[d];
            var p = context.Parameters;
            var samePark = supply.ParkId == demand.ParkId;
            var scope = MatchScope.Judge(supply.Location, demand.Location, samePark, p.Water.MaxPipeDistanceM, demand.MaxPipeDistanceM, p.InParkDistanceWhenUnknownM);
            if (!scope.InRange)
            {
                outOfRange++;
                return;
            }

            var limits = demandLimits[d];
            var measured = supplyMeasured[s];
            var unknown = BitOperations.PopCount(limits.Mask & ~measured);
            if (unknown > 0)
            {
                needingLabTest++;
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
                    treatmentFloor = Math.Max(treatmentFloor, limits.CheapestFix[j]);
                }
                else
                {
                    treatable = false;
                }

                blendable &= limits.CurrentPasses[j];
            }

            if (failing > 0 && !treatable && !blendable)
            {
                qualityInfeasible++;
                return;
            }

            var floor = failing == 0 || blendable ? 0 : treatmentFloor;
            var potential = Math.Min(supply.FreeFlowM3PerDay, demand.FlowM3PerDay);
            var bound = potential * (limits.BuyerNtdPerM3 + supplyDischarge[s] - floor) * p.DaysPerMonth;
            if (options.DropNonPositive && bound <= 0)
            {
                notWorthIt++;
                return;
            }

            into.Add(new WaterCandidate(s, d, samePark, scope.DistanceM, unknown, failing, bound));
        }

        public WaterScreeningResult Result(List<WaterCandidate> all, int committed, int blocked)
        {
            all.Sort(Order);
            return new WaterScreeningResult(all, new WaterScreeningStats(supplies.Count, demands.Count, committed, blocked,
                examined, outOfRange, qualityInfeasible, needingLabTest, notWorthIt, all.Count));
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
            public DemandLimits(WaterDemandInput demand, WaterMatchContext context, double[] reach, decimal[] cheapest)
            {
                var water = context.Parameters.Water;
                Blocked = WaterDemand.ReclaimedBarredByLaw(demand.Industry, demand.Use) || !demand.ReclaimedAllowed;
                BuyerNtdPerM3 = (demand.CurrentWaterPriceNtdPerM3 ?? water.DefaultTapPriceNtdPerM3) + (demand.MarginalFeeNtdPerM3 ?? water.MarginalFeeNtdPerM3);
                var limits = context.LimitsFor(demand);
                var (current, currentMask) = Vector(demand.CurrentWaterQuality);
                var n = limits.Count;
                KeyIndex = new int[n];
                Lo = new double[n];
                Hi = new double[n];
                FixLo = new double[n];
                FixHi = new double[n];
                CheapestFix = new decimal[n];
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
                        CheapestFix[j] = setters.Count > 0 ? setters.Min(s => s.UnitCostNtdPerM3) : 0;

                        // A blend never repairs a failing pH (it is not solved for, see Blending).
                        CurrentPasses[j] = false;
                    }
                    else
                    {
                        FixLo[j] = Lo[j];
                        FixHi[j] = reach[k] == 0 ? double.PositiveInfinity : Up(Hi[j] / reach[k]);
                        CheapestFix[j] = cheapest[k] == decimal.MaxValue ? 0 : cheapest[k];
                        CurrentPasses[j] = !double.IsNaN(current[k]) && current[k] <= Hi[j] && current[k] >= Lo[j];
                    }
                }

                BlendPossible = demand.BlendingAllowed && (Mask & ~currentMask) == 0;
            }

            public bool Blocked { get; }

            public decimal BuyerNtdPerM3 { get; }

            public ulong Mask { get; }

            public bool BlendPossible { get; }

            public int[] KeyIndex { get; }

            public double[] Lo { get; }

            public double[] Hi { get; }

            public double[] FixLo { get; }

            public double[] FixHi { get; }

            public decimal[] CheapestFix { get; }

            public bool[] CurrentPasses { get; }
        }
    }
}
