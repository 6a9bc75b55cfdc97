using EcoPark.Application.Allocation;
using EcoPark.Domain.Allocation;
using EcoPark.Domain.Common;
using EcoPark.Domain.Factories;
using EcoPark.Domain.Matching;
using EcoPark.Domain.Streams;
using EcoPark.Infrastructure.Allocation;
using static EcoPark.Domain.Streams.WaterQuality;

namespace EcoPark.Allocation.Tests;

/// <summary>The two cases the issue names, from streams through the matching engine and the mapper to the solver.</summary>
public sealed class EnginePlanTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);
    private static readonly Guid Park = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private readonly OrToolsAllocationSolver solver = new();
    private readonly WaterMatchContext context = new(MatchingDefaults.Parameters(), MatchingDefaults.Treatments(), MatchingDefaults.Baseline(), Today);

    [Fact]
    public void Greedy_gives_the_clean_effluent_to_the_cooling_demand_and_leaves_the_process_demand_dry_while_the_optimum_serves_both()
    {
        // The clean effluent sits between both demands; the process demand takes no pipe longer than 400 m, so only it can serve
        // that demand. The second effluent is good enough for cooling, but farther away.
        var clean = Supply("clean", 500, 121.002, (CodMgL, 10));
        var second = Supply("second", 500, 120.994, (CodMgL, 30));
        var cooling = Demand("cooling", WaterUse.Cooling, 500, 121.000, [(CodMgL, 60)]);
        var process = Demand("process", WaterUse.Process, 300, 121.004, [(CodMgL, 60)]) with { MaxPipeDistanceM = 400 };
        var evaluations = Evaluate([clean, second], [cooling, process]);
        Assert.True(evaluations.Single(e => e.Supply == second && e.Demand == process).Result.IsBlocked);

        var outcome = solver.Solve(AllocationModelMapper.Build(context, evaluations), new AllocationOptions());
        var model = AllocationModelMapper.Build(context, evaluations);

        var greedyLinks = outcome.GreedyPlan.Links(model);
        Assert.Equal([(clean.Id, cooling.Id)], greedyLinks.Select(l => (l.SupplyId, l.DemandId)));
        var links = outcome.Plan.Links(model);
        Assert.Equal(300, links.Single(l => l.DemandId == process.Id).Quantity, 3);
        Assert.Equal(clean.Id, links.Single(l => l.DemandId == process.Id).SupplyId);
        Assert.Equal(500, links.Where(l => l.DemandId == cooling.Id).Sum(l => l.Quantity), 3);
        Assert.Equal(AllocationStatus.Optimal, outcome.Status);
        Assert.Equal(AllocationPlanSource.Solver, outcome.Source);
        Assert.Equal(800, outcome.Plan.ReusedWaterM3PerDay(model), 3);
        Assert.Equal(500, outcome.GreedyPlan.ReusedWaterM3PerDay(model), 3);
        Assert.True(outcome.ObjectiveNtdPerYear > outcome.GreedyObjectiveNtdPerYear);
    }

    [Fact]
    public void Two_effluents_that_each_fail_a_limit_serve_a_blending_demand_in_full_when_mixed()
    {
        // The current water is at both limits, so neither effluent can be blended into it alone; mixed half and half they pass.
        var organic = Supply("organic", 100, 121.001, (CodMgL, 70), (ChlorideMgL, 50));
        var salty = Supply("salty", 100, 120.999, (CodMgL, 20), (ChlorideMgL, 300));
        var demand = Demand("blend", WaterUse.Cooling, 200, 121.000, [(CodMgL, 50), (ChlorideMgL, 200)]) with
        {
            BlendingAllowed = true,
            CurrentWaterQuality = [new(CodMgL, 50, ValueBasis.Lab, Today), new(ChlorideMgL, 200, ValueBasis.Lab, Today)],
        };
        var evaluations = Evaluate([organic, salty], [demand]);
        Assert.All(evaluations, e => Assert.NotEqual(WaterRoute.AsIs, e.Result.Route));
        Assert.All(evaluations, e => Assert.NotEqual(WaterRoute.Blending, e.Result.Route));

        var model = AllocationModelMapper.Build(context, evaluations);
        var outcome = solver.Solve(model, new AllocationOptions());

        var links = outcome.Plan.Links(model);
        Assert.Equal(2, links.Count);
        Assert.All(links, l => Assert.Equal(100, l.Paths.Single(p => p.Option == AllocationPath.AsIs).Quantity, 3));
        Assert.Equal(AllocationStatus.Optimal, outcome.Status);
        Assert.True(outcome.ObjectiveNtdPerYear > outcome.GreedyObjectiveNtdPerYear);
        // Pair by pair, the first effluent taken alone has to be treated (as it is, it breaks a limit of the mix); the
        // second may then use the headroom the treated water left.
        Assert.Contains(outcome.GreedyPlan.Links(model), l => l.Paths.Any(p => p.Option != AllocationPath.AsIs));
        // The mix meets both limits: COD 45, chloride 175 mg/L.
        Assert.Empty(outcome.Plan.Violations(model, new AllocationOptions()));
    }

    private List<WaterPairEvaluation> Evaluate(IReadOnlyList<WaterSupplyInput> supplies, IReadOnlyList<WaterDemandInput> demands) =>
        [.. supplies.SelectMany(s => demands.Select(d => new WaterPairEvaluation(s, d, WaterMatcher.Evaluate(s, d, context))))];

    private static WaterSupplyInput Supply(string name, decimal flow, double longitude, params (string Key, decimal Value)[] quality) => new()
    {
        Id = Id(name),
        ParkId = Park,
        Location = new GeoPoint(25.0, longitude),
        Industry = Industry.Electronics,
        FreeFlowM3PerDay = flow,
        Quality = [.. quality.Select(q => new ParameterValue(q.Key, q.Value, ValueBasis.Lab, Today.AddDays(-10)))],
        DischargeFeeNtdPerM3 = 20,
    };

    private static WaterDemandInput Demand(string name, WaterUse use, decimal flow, double longitude, (string Key, decimal Max)[] limits) => new()
    {
        Id = Id(name),
        ParkId = Park,
        Location = new GeoPoint(25.0, longitude),
        Industry = Industry.Textile,
        Use = use,
        FlowM3PerDay = flow,
        ReclaimedAllowed = true,
        Limits = [.. limits.Select(l => new ParameterLimit(l.Key, null, l.Max))],
    };

    private static Guid Id(string name) => new(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(name)));
}
