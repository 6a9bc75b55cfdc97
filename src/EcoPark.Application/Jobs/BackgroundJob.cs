namespace EcoPark.Application.Jobs;

public enum JobStatus
{
    Pending,
    Running,
    Succeeded,
    Failed,
}

/// <summary>
/// One unit of background work in the database-backed queue (<see cref="IJobQueue"/>): what to do (<see cref="Kind"/> and a
/// JSON <see cref="Payload"/>), and where it stands. A running job holds a lease (<see cref="LockedBy"/> until
/// <see cref="LockedUntil"/>); a lease that runs out (its instance died) lets another instance take the job again, until
/// <see cref="JobQueueLimits.MaxAttempts"/> attempts, after which it is failed rather than left running.
/// </summary>
public sealed class BackgroundJob
{
    public Guid Id { get; init; }

    public string Kind { get; init; } = string.Empty;

    public string Payload { get; init; } = "{}";

    public JobStatus Status { get; set; }

    public int Attempts { get; set; }

    public string? LockedBy { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? Error { get; set; }
}

public static class JobQueueLimits
{
    /// <summary>How long a taken job is an instance's before another may take it again.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    /// <summary>Attempts (a lease that ran out counts as one) before a job is failed.</summary>
    public const int MaxAttempts = 3;
}
