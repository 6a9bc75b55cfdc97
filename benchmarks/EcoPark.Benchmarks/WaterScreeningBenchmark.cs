using BenchmarkDotNet.Attributes;
using EcoPark.Domain.Matching;

namespace EcoPark.Benchmarks;

/// <summary>
/// Screening 10,000 effluents against 10,000 water demands across 60 parks with 14 parameters
/// (<see cref="SyntheticWater"/>), with the seeded default parameters, catalogue and baseline.
/// Target: under 2 s. The all-pairs loop runs the same per-pair test on a tenth of the demands
/// (10⁷ pairs); its full time is that ×10 (every demand costs the same: 10,000 pairs).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class WaterScreeningBenchmark
{
    public const int Supplies = 10_000;
    public const int Demands = 10_000;
    public const int NaiveDemands = 1_000;

    private List<WaterSupplyInput> supplies = [];
    private List<WaterDemandInput> demands = [];
    private List<WaterDemandInput> someDemands = [];
    private WaterMatchContext context = default!;
    private WaterCandidate[] sample = [];

    [GlobalSetup]
    public void Setup()
    {
        (supplies, demands) = SyntheticWater.World(Supplies, Demands);
        someDemands = demands.Take(NaiveDemands).ToList();
        context = SyntheticWater.Context();
        var screen = WaterScreening.Screen(supplies, demands, context);
        sample = [.. screen.Candidates.Where((_, i) => i % 997 == 0).Take(1_000)];
    }

    /// <summary>The grid-indexed screen over every pair, all candidates kept.</summary>
    [Benchmark(Baseline = true)]
    public int Screen() => WaterScreening.Screen(supplies, demands, context).Candidates.Count;

    /// <summary>The same on one core, to compare with the single-threaded all-pairs loop like for like.</summary>
    [Benchmark]
    public int ScreenOneCore() => WaterScreening.Screen(supplies, demands, context, new WaterScreeningOptions { MaxDegreeOfParallelism = 1 }).Candidates.Count;

    /// <summary>The same, keeping the 20 best upper bounds per demand.</summary>
    [Benchmark]
    public int ScreenTop20() => WaterScreening.Screen(supplies, demands, context, new WaterScreeningOptions { MaxCandidatesPerDemand = 20 }).Candidates.Count;

    /// <summary>The all-pairs loop over a tenth of the demands (10⁷ pairs).</summary>
    [Benchmark]
    public int AllPairsTenth() => WaterScreening.ScreenAllPairs(supplies, someDemands, context).Candidates.Count;

    /// <summary>The full evaluation (treatment search, blend, economics, explanations) of 1,000 screened candidates.</summary>
    [Benchmark]
    public int Evaluate1000Candidates()
    {
        var routes = 0;
        foreach (var candidate in sample)
        {
            routes += WaterMatcher.Evaluate(supplies[candidate.SupplyIndex], demands[candidate.DemandIndex], context).Route == WaterRoute.None ? 0 : 1;
        }

        return routes;
    }
}
