using System.Text.Json;

namespace EcoPark.Application.Jobs;

/// <summary>How far one family of jobs (kinds with a common prefix) has come: <see cref="Done"/> of <see cref="Total"/> since the oldest unfinished one.</summary>
public sealed record JobProgress(int Done, int Total);

/// <summary>
/// The database-backed job queue: any instance enqueues, any instance's worker takes a job, none takes one twice
/// (the database hands each job to one taker). Handlers are registered by kind (<see cref="IJobHandler"/>).
/// </summary>
public interface IJobQueue
{
    /// <summary>
    /// Adds a job. With <paramref name="unlessPending"/>, nothing is added when a job of the same kind and payload is
    /// still waiting (it will do the same work); the answer is then null.
    /// </summary>
    Task<Guid?> EnqueueAsync(string kind, object payload, bool unlessPending = false, CancellationToken cancellationToken = default);

    /// <summary>Takes the oldest waiting job (or one whose lease ran out) for <paramref name="worker"/>; null when there is none.</summary>
    Task<BackgroundJob?> TakeAsync(string worker, CancellationToken cancellationToken = default);

    /// <summary>Marks a taken job done (<paramref name="error"/> null) or failed.</summary>
    Task FinishAsync(Guid jobId, string worker, string? error, CancellationToken cancellationToken = default);

    /// <summary>Unfinished jobs whose kind starts with <paramref name="kindPrefix"/> and how many of their batch are done; null when none is unfinished.</summary>
    Task<JobProgress?> ProgressAsync(string kindPrefix, CancellationToken cancellationToken = default);
}

/// <summary>Does the work of one kind of job. Registered as a singleton; the worker passes the job's payload.</summary>
public interface IJobHandler
{
    string Kind { get; }

    Task RunAsync(JsonElement payload, CancellationToken cancellationToken);
}
