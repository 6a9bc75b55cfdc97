using System.Diagnostics;
using System.Globalization;
using EcoPark.Application.Allocation;
using EcoPark.Benchmarks;
using EcoPark.Domain.Allocation;
using EcoPark.Domain.Common;
using EcoPark.Domain.Matching;
using EcoPark.Infrastructure.Allocation;

// `dotnet run -c Release --project benchmarks/EcoPark.AllocationBenchmark` builds synthetic parks of 50 × 50, 100 × 100,
// 300 × 300 and 1,000 × 1,000 water streams, screens and evaluates every pair in reach with the matching engine, maps the
// evaluations into the allocation model and solves it (one solver thread), printing one markdown row per size.
// `-- 20` (sizes as arguments) runs other sizes, e.g. a small smoke run.
var sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [50, 100, 300, 1_000];
var targets = new Dictionary<int, (TimeSpan Limit, double Gap, string Target)>
{
    [50] = (TimeSpan.FromSeconds(30), 1e-6, "—"),
    [100] = (TimeSpan.FromSeconds(30), 1e-6, "optimal < 5 s"),
    [300] = (TimeSpan.FromSeconds(60), 0.01, "within 1 % < 30 s"),
    [1_000] = (TimeSpan.FromSeconds(120), 0.01, "≥ greedy within 120 s"),
};

var context = SyntheticWater.Context();
var solver = new OrToolsAllocationSolver();
Console.WriteLine("| streams | parks | pairs in reach | paths | variables (binary) | rows | model s | status | solve s | gap % | greedy NTD/yr | optimum NTD/yr | gain NTD/yr | greedy m³/day | optimum m³/day | gain m³/day | target |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
foreach (var n in sizes)
{
    var (limit, gap, target) = targets.GetValueOrDefault(n, (TimeSpan.FromSeconds(30), 1e-6, "—"));
    // About twelve effluents and twelve demands a park, as in the demo's 14-factory park; parks 2–4 km apart at the closest.
    var parks = Math.Max(1, n / 12);
    var (supplies, demands) = SyntheticWater.World(n, n, seed: 2026 + n, parkCount: parks);
    var watch = Stopwatch.StartNew();
    var candidates = WaterScreening.Screen(supplies, demands, context).Candidates;
    var evaluations = candidates.Select(c => new WaterPairEvaluation(supplies[c.SupplyIndex], demands[c.DemandIndex],
        WaterMatcher.Evaluate(supplies[c.SupplyIndex], demands[c.DemandIndex], context))).ToList();
    var model = AllocationModelMapper.Build(context, evaluations);
    var modelSeconds = watch.Elapsed.TotalSeconds;
    var outcome = solver.Solve(model, new AllocationOptions { TimeLimit = limit, RelativeGap = gap });
    var greedyWater = outcome.GreedyPlan.ReusedWaterM3PerDay(model);
    var water = outcome.Plan.ReusedWaterM3PerDay(model);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {n} × {n} | {parks} | {candidates.Count:N0} | {model.Paths.Count:N0} | {outcome.Variables:N0} ({model.Pairs.Count:N0}) | {outcome.Constraints:N0} | {modelSeconds:0.0} | {outcome.Status.Key()} ({outcome.Source.ToString().ToLowerInvariant()}) | {outcome.SolveTime.TotalSeconds:0.0} | {outcome.GapPercent:0.###} | {outcome.GreedyObjectiveNtdPerYear:N0} | {outcome.ObjectiveNtdPerYear:N0} | {outcome.ObjectiveNtdPerYear - outcome.GreedyObjectiveNtdPerYear:N0} ({Percent(outcome.ObjectiveNtdPerYear, outcome.GreedyObjectiveNtdPerYear)}) | {greedyWater:N0} | {water:N0} | {water - greedyWater:N0} | {target} |"));
}

static string Percent(decimal value, decimal floor) => floor > 0 ? string.Create(CultureInfo.InvariantCulture, $"+{(value - floor) / floor * 100:0.#} %") : "—";
