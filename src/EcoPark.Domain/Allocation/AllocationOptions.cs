namespace EcoPark.Domain.Allocation;

/// <summary>
/// A pair named by its streams. Locked in, the connection is built and carries at least <see cref="MinQuantity"/> (in its
/// resource's unit); locked out, it is not built.
/// </summary>
public sealed record PairLock(Guid SupplyId, Guid DemandId)
{
    /// <summary>Below this a path carries nothing (a numerical floor, as in pair matching).</summary>
    public const decimal Smallest = 0.001m;

    public decimal MinQuantity { get; init; } = Smallest;

    public override string ToString() => $"{SupplyId} → {DemandId}";
}

/// <summary>The options of one allocation run.</summary>
public sealed record AllocationOptions
{
    public AllocationObjective Objective { get; init; } = AllocationObjective.NetBenefit;

    /// <summary>The most the plan may invest in all, NTD; null: no budget.</summary>
    public decimal? BudgetNtd { get; init; }

    /// <summary>The longest payback any connection built may have, months; null: none.</summary>
    public decimal? MaxPaybackMonths { get; init; }

    public IReadOnlyList<PairLock> LockIn { get; init; } = [];

    public IReadOnlyList<PairLock> LockOut { get; init; } = [];

    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The solver stops once its plan is proven within this share of the best bound (1 % = 0.01).</summary>
    public double RelativeGap { get; init; } = 1e-6;

    /// <summary>
    /// With <see cref="AllocationObjective.ReusedWater"/>: how far below the most reuse found the benefit stage may go, as a
    /// share of it. A numerical tolerance (the solver's own is about 10⁻⁶), not a trade: reuse comes first, benefit only
    /// breaks ties.
    /// </summary>
    public const decimal ReuseTolerance = 0.000_001m;
}

public enum AllocationLockReason
{
    /// <summary>The pair has no candidate path (out of reach, blocked, failing, or unknown to the model).</summary>
    NotACandidate,

    /// <summary>The pair is both locked in and out.</summary>
    LockedInAndOut,

    /// <summary>The lock cannot hold with the supplies, demands, budget or payback as they are.</summary>
    Infeasible,

    /// <summary>Each lock holds alone, but not all of them together.</summary>
    InfeasibleTogether,
}

/// <summary>A lock the plan cannot honour, and why.</summary>
public sealed record AllocationLockProblem(PairLock Lock, AllocationLockReason Reason);
