using System.Diagnostics;
using EcoPark.Domain.Matching;

namespace EcoPark.Benchmarks;

/// <summary>
/// One timed pass of each screen over the full synthetic world, for the record (not a BenchmarkDotNet
/// measurement): the first (cold) indexed screen, three warm ones, the all-pairs loop over every pair
/// once, and the full evaluation of 1,000 candidates.
/// </summary>
internal static class WaterScreeningQuick
{
    public static void Run()
    {
        var (supplies, demands) = SyntheticWater.World(WaterScreeningBenchmark.Supplies, WaterScreeningBenchmark.Demands);
        var context = SyntheticWater.Context();

        var before = GC.GetTotalAllocatedBytes(true);
        var watch = Stopwatch.StartNew();
        var indexed = WaterScreening.Screen(supplies, demands, context);
        var cold = watch.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes(true) - before;
        var s = indexed.Stats;
        Console.WriteLine($"indexed, first call: {cold.TotalMilliseconds:F0} ms, {allocated / 1_048_576.0:F0} MB allocated, {s.Candidates:N0} candidates " +
            $"({indexed.Candidates.Count(c => c.SamePark):N0} in the same park, {indexed.Candidates.Count(c => !c.SamePark):N0} between parks)");
        Console.WriteLine($"  supplies committed {s.SuppliesCommitted:N0}, demands blocked {s.DemandsBlocked:N0}, pairs examined {s.PairsExamined:N0}, " +
            $"out of range {s.PairsOutOfRange:N0}, quality infeasible {s.PairsQualityInfeasible:N0}, needing a lab test {s.PairsNeedingLabTest:N0}, not worth it {s.PairsNotWorthIt:N0}");
        var warm = TimeSpan.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            watch.Restart();
            WaterScreening.Screen(supplies, demands, context);
            warm = watch.Elapsed < warm ? watch.Elapsed : warm;
        }

        Console.WriteLine($"indexed, best of three warm calls: {warm.TotalMilliseconds:F0} ms");
        watch.Restart();
        WaterScreening.Screen(supplies, demands, context, new WaterScreeningOptions { MaxDegreeOfParallelism = 1 });
        Console.WriteLine($"indexed, one core: {watch.Elapsed.TotalMilliseconds:F0} ms");

        watch.Restart();
        var naive = WaterScreening.ScreenAllPairs(supplies, demands, context);
        var naiveTime = watch.Elapsed;
        Console.WriteLine($"all pairs: {naiveTime.TotalMilliseconds:F0} ms, {naive.Stats.PairsExamined:N0} pairs examined, {naive.Candidates.Count:N0} candidates, " +
            $"same result: {naive.Candidates.SequenceEqual(indexed.Candidates)}, speed-up over the warm indexed screen ×{naiveTime / warm:F0}");

        var sample = indexed.Candidates.Where((_, i) => i % 997 == 0).Take(1_000).ToList();
        foreach (var c in sample)
        {
            WaterMatcher.Evaluate(supplies[c.SupplyIndex], demands[c.DemandIndex], context);
        }

        watch.Restart();
        foreach (var c in sample)
        {
            WaterMatcher.Evaluate(supplies[c.SupplyIndex], demands[c.DemandIndex], context);
        }

        Console.WriteLine($"full evaluation, one core: {watch.Elapsed.TotalMicroseconds / sample.Count:F0} µs per pair over {sample.Count} candidates");
    }
}
