namespace EcoPark.Domain.Allocation;

/// <summary>How a run ended. API keys: <c>optimal</c>, <c>feasible</c>, <c>infeasible</c>, <c>timeLimit</c>, <c>failed</c>.</summary>
public enum AllocationStatus
{
    /// <summary>The solver proved its plan optimal (within the relative gap asked for).</summary>
    Optimal,

    /// <summary>The time ran out with a plan from the solver; the gap to the best bound is reported.</summary>
    Feasible,

    /// <summary>No plan honours the locks (named in the outcome).</summary>
    Infeasible,

    /// <summary>The time ran out before the solver found a plan: the greedy plan stands.</summary>
    TimeLimit,

    /// <summary>The solver failed (an error or an unusable answer): the greedy plan stands.</summary>
    Failed,
}

/// <summary>Which plan the outcome returns: the solver's, or the greedy one when it was at least as good.</summary>
public enum AllocationPlanSource
{
    Solver,
    Greedy,
}

/// <summary>
/// What one more unit at a stream is worth with the chosen connections fixed: NTD a year per extra m³/day, kW or t/month of
/// free supply, or of demand size (the dual of its row in the LP with the build decisions fixed).
/// </summary>
public sealed record AllocationShadowPrice(Guid StreamId, AllocationResource Resource, bool Supply, decimal NtdPerYearPerUnit);

/// <summary>
/// The result of a run: the plan (never worse than the greedy one), the greedy plan beside it, both plans' net annual benefit,
/// the solver's best bound on it and the gap, the time, the shadow prices and, when infeasible, the locks to blame. With the
/// reused-water objective the bound is that of the benefit with the reuse held (the second stage).
/// </summary>
public sealed record AllocationOutcome(
    AllocationStatus Status,
    AllocationPlanSource Source,
    AllocationPlan Plan,
    AllocationPlan GreedyPlan,
    decimal ObjectiveNtdPerYear,
    decimal GreedyObjectiveNtdPerYear,
    decimal? BestBoundNtdPerYear,
    decimal? GapPercent,
    TimeSpan SolveTime,
    IReadOnlyList<AllocationShadowPrice> ShadowPrices,
    IReadOnlyList<AllocationLockProblem> InfeasibleLocks)
{
    /// <summary>Variables and rows of the mixed-integer model (0 when it was not built).</summary>
    public int Variables { get; init; }

    public int Constraints { get; init; }
}
