using EcoPark.Domain.Allocation;
using EcoPark.Infrastructure.Allocation;

namespace EcoPark.Allocation.Tests;

public sealed class RandomParkTests
{
    private const int Samples = 200;
    private readonly OrToolsAllocationSolver solver = new();

    [Fact]
    public void The_optimum_equals_the_brute_force_best_on_every_random_park_of_up_to_four_by_four_with_blending()
    {
        var misses = new List<string>();
        var blending = 0;
        var positive = 0;
        for (var seed = 1; seed <= Samples; seed++)
        {
            var (model, options) = RandomParks.Sample(seed, maxPairs: 9);
            blending += model.Demands.Count(d => d.MixLimits.Count > 0);
            var outcome = solver.Solve(model, options);
            var best = BruteForce.Best(model, options);
            positive += best > 0 ? 1 : 0;
            Assert.Equal(AllocationStatus.Optimal, outcome.Status);
            if (Math.Abs(outcome.ObjectiveNtdPerYear - best) > 0.00001m * Math.Max(1, Math.Abs(best)) + 0.01m)
            {
                misses.Add($"seed {seed}: solver {outcome.ObjectiveNtdPerYear:0.##}, brute force {best:0.##}");
            }
        }

        Assert.True(blending > Samples / 2, "The samples should exercise blending demands.");
        Assert.True(positive > Samples * 3 / 4, $"Only {positive} of {Samples} samples have a plan worth anything.");
        Assert.Empty(misses);
    }

    [Fact]
    public void The_result_is_feasible_and_at_least_the_greedy_plan_on_every_random_park()
    {
        var beaten = 0;
        for (var seed = 1000; seed < 1000 + Samples; seed++)
        {
            var (model, options) = RandomParks.Sample(seed, maxSupplies: 8, maxDemands: 8);
            var outcome = solver.Solve(model, options);
            Assert.Empty(outcome.GreedyPlan.Violations(model, options));
            Assert.Empty(outcome.Plan.Violations(model, options));
            Assert.Equal(outcome.Plan.NetBenefitNtd(model), outcome.ObjectiveNtdPerYear);
            Assert.Equal(outcome.GreedyPlan.NetBenefitNtd(model), outcome.GreedyObjectiveNtdPerYear);
            Assert.True(outcome.ObjectiveNtdPerYear >= outcome.GreedyObjectiveNtdPerYear, $"seed {seed}: {outcome.ObjectiveNtdPerYear} below greedy {outcome.GreedyObjectiveNtdPerYear}");
            beaten += outcome.ObjectiveNtdPerYear > outcome.GreedyObjectiveNtdPerYear * 1.001m + 1 ? 1 : 0;
        }

        // Not a tautology: on random parks the optimum often beats pair-by-pair picking.
        Assert.True(beaten > Samples / 10, $"The optimum beat greedy on only {beaten} of {Samples} parks.");
    }

    [Fact]
    public void The_same_park_gives_the_same_plan_twice()
    {
        var (model, options) = RandomParks.Sample(77, maxSupplies: 8, maxDemands: 8);
        var first = solver.Solve(model, options);
        var second = solver.Solve(model, options);
        Assert.Equal(first.Plan.Quantities, second.Plan.Quantities);
        Assert.Equal(first.Plan.Built, second.Plan.Built);
        Assert.Equal(first.ObjectiveNtdPerYear, second.ObjectiveNtdPerYear);
    }
}
