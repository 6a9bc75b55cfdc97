namespace EcoPark.Application.Allocation;

/// <summary>
/// Where an allocation run stands. API keys (camelCase): <c>queued</c>, <c>building</c>, <c>solving</c>, then one of the ends
/// <c>optimal</c>, <c>feasible</c>, <c>infeasible</c>, <c>timeLimit</c>, <c>failed</c>, <c>cancelled</c>.
/// </summary>
public enum AllocationRunStatus
{
    Queued,
    Building,
    Solving,
    Optimal,
    Feasible,
    Infeasible,
    TimeLimit,
    Failed,
    Cancelled,
}

/// <summary>
/// One park-wide allocation run (a scenario), kept as a record: the options asked for, the snapshot of what it was built on
/// (stream and rule-data versions), where it stands, and its result beside the greedy plan. It runs as a job on the
/// database queue; while it runs its <see cref="HeartbeatAt"/> moves, so that a run whose instance stopped is failed at the
/// next start and never left in progress. The JSON columns hold what the API returns for them. There is no row version: after
/// the claim one job writes the run, and the heartbeat and the cancel flag are single-column updates beside it.
/// </summary>
public sealed class AllocationRun
{
    public Guid Id { get; init; }

    public Guid ParkId { get; init; }

    public AllocationRunStatus Status { get; set; }

    /// <summary>The options as run (<see cref="AllocationRunOptions"/>), the default locks included.</summary>
    public string OptionsJson { get; set; } = "{}";

    /// <summary>What the run was built on (<see cref="AllocationRunSnapshot"/>); empty until it was built.</summary>
    public string? SnapshotJson { get; set; }

    /// <summary>Candidate paths of the model, known once it was built (the progress line's "N paths").</summary>
    public int? Paths { get; set; }

    public int? Variables { get; set; }

    public int? Constraints { get; set; }

    /// <summary>The chosen links (<see cref="AllocationLinkDto"/> list).</summary>
    public string? LinksJson { get; set; }

    /// <summary>The greedy plan's links.</summary>
    public string? GreedyLinksJson { get; set; }

    /// <summary>The shadow prices (<see cref="AllocationShadowPriceDto"/> list).</summary>
    public string? ShadowPricesJson { get; set; }

    public decimal? ObjectiveNtdPerYear { get; set; }

    public decimal? GreedyObjectiveNtdPerYear { get; set; }

    public decimal? BestBoundNtdPerYear { get; set; }

    public decimal? GapPercent { get; set; }

    public decimal? ReusedWaterM3PerDay { get; set; }

    public decimal? GreedyReusedWaterM3PerDay { get; set; }

    public double? SolveSeconds { get; set; }

    /// <summary>Whose plan the result is: the solver's, or the greedy one when it was at least as good.</summary>
    public string? PlanSource { get; set; }

    /// <summary>Why no plan honours the locks, naming each lock to blame; or why the run failed.</summary>
    public string? Message { get; set; }

    /// <summary>Staff asked to stop the run; the run checks it while it builds and solves.</summary>
    public bool CancelRequested { get; set; }

    public Guid RequestedBy { get; init; }

    public DateTimeOffset RequestedAt { get; init; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? HeartbeatAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public bool InProgress => Status is AllocationRunStatus.Queued or AllocationRunStatus.Building or AllocationRunStatus.Solving;
}
