using EcoPark.Domain.Allocation;

namespace EcoPark.Domain.Tests.Allocation;

public sealed class GreedyAllocationTests
{
    private static readonly Guid Clean = Id(1), Second = Id(2), Cooling = Id(3), Process = Id(4);

    /// <summary>
    /// The blocked plan: the clean effluent (500) is worth most to the cooling demand (500); the process demand (300) can
    /// take only the clean effluent; the second effluent (500) could serve cooling, at a lower margin.
    /// </summary>
    private static AllocationModel BlockedPlan() => new(
        [new(Clean, AllocationResource.Water, 500), new(Second, AllocationResource.Water, 500)],
        [new(Cooling, AllocationResource.Water, 500), new(Process, AllocationResource.Water, 300)],
        [new(Clean, Cooling, AllocationResource.Water, 0), new(Clean, Process, AllocationResource.Water, 0), new(Second, Cooling, AllocationResource.Water, 0)],
        [Path(Clean, Cooling, 500, 10), Path(Clean, Process, 300, 10), Path(Second, Cooling, 500, 9)],
        10);

    [Fact]
    public void Best_pair_first_gives_the_clean_effluent_to_cooling_and_leaves_the_process_demand_dry()
    {
        var model = BlockedPlan();

        var greedy = GreedyAllocation.Plan(model, new AllocationOptions());

        Assert.True(greedy.Feasible);
        Assert.Equal([(Clean, Cooling)], greedy.Plan.Links(model).Select(l => (l.SupplyId, l.DemandId)));
        Assert.Equal(5_000, greedy.Plan.NetBenefitNtd(model));
        Assert.Empty(greedy.Plan.Violations(model, new AllocationOptions()));
    }

    [Fact]
    public void A_locked_in_pair_is_placed_first_and_the_rest_takes_what_is_left()
    {
        var model = BlockedPlan();
        var options = new AllocationOptions { LockIn = [new PairLock(Clean, Process)] };

        var greedy = GreedyAllocation.Plan(model, options);

        var links = greedy.Plan.Links(model).ToDictionary(l => (l.SupplyId, l.DemandId), l => l.Quantity);
        Assert.Equal(300, links[(Clean, Process)]);
        Assert.Equal(200, links[(Clean, Cooling)]);
        Assert.Equal(300, links[(Second, Cooling)]);
        Assert.Empty(greedy.Plan.Violations(model, options));
    }

    [Fact]
    public void A_pair_whose_pipe_the_budget_cannot_pay_is_skipped_and_a_lock_it_cannot_place_is_reported()
    {
        var model = new AllocationModel([new(Clean, AllocationResource.Water, 100)], [new(Cooling, AllocationResource.Water, 100)],
            [new(Clean, Cooling, AllocationResource.Water, 2_000_000)], [Path(Clean, Cooling, 100, 50_000)], 10);

        Assert.Empty(GreedyAllocation.Plan(model, new AllocationOptions { BudgetNtd = 1_000_000 }).Plan.Links(model));
        var locked = GreedyAllocation.Plan(model, new AllocationOptions { BudgetNtd = 1_000_000, LockIn = [new PairLock(Clean, Cooling)] });
        Assert.False(locked.Feasible);
        Assert.Equal([new PairLock(Clean, Cooling)], locked.UnplacedLocks);
    }

    [Fact]
    public void At_a_blending_demand_a_pair_takes_only_what_the_mix_with_the_current_water_allows()
    {
        // COD limit 50, current water 20, effluent 80: at most half the demand of 200 can be effluent.
        var model = new AllocationModel([new(Clean, AllocationResource.Water, 500)],
            [new(Cooling, AllocationResource.Water, 200) { MixLimits = [new MixLimit("codMgL", null, 50, 20)] }],
            [new(Clean, Cooling, AllocationResource.Water, 0)],
            [Path(Clean, Cooling, 200, 10) with { Outlet = new Dictionary<string, decimal> { ["codMgL"] = 80 } }], 10);

        var greedy = GreedyAllocation.Plan(model, new AllocationOptions());

        Assert.Equal(100, greedy.Plan.Quantities[0]);
    }

    private static AllocationPath Path(Guid supply, Guid demand, decimal max, decimal saving) =>
        new() { SupplyId = supply, DemandId = demand, MaxQuantity = max, SavingNtdPerYearPerUnit = saving };

    private static Guid Id(int i) => new(i, 0, 0, new byte[8]);
}
