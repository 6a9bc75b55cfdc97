using System.Text.Json;
using EcoPark.Application.Jobs;
using EcoPark.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EcoPark.Infrastructure.Jobs;

/// <summary>
/// <see cref="IJobQueue"/> on PostgreSQL: a job is taken by one UPDATE whose inner SELECT locks the row with
/// <c>FOR UPDATE SKIP LOCKED</c>, so concurrent takers on any instance pass over each other's rows and no job is taken
/// twice. A taken job carries a lease; a job whose lease ran out is taken again, and failed after
/// <see cref="JobQueueLimits.MaxAttempts"/> attempts, so that none stays "running" after a crash.
/// </summary>
internal sealed class DatabaseJobQueue(IDbContextFactory<EcoParkDbContext> contexts, TimeProvider clock) : IJobQueue
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Guid?> EnqueueAsync(string kind, object payload, bool unlessPending = false, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var json = JsonSerializer.Serialize(payload, Json);
        var id = Guid.NewGuid();
        var now = clock.GetUtcNow();
        var pending = nameof(JobStatus.Pending);
        // One statement, so that two instances enqueueing the same work at once still add it at most once per check.
        var added = unlessPending
            ? await db.Database.ExecuteSqlAsync($"""
                INSERT INTO background_jobs (id, kind, payload, status, attempts, created_at)
                SELECT {id}, {kind}, {json}::jsonb, {pending}, 0, {now}
                WHERE NOT EXISTS (SELECT 1 FROM background_jobs WHERE kind = {kind} AND status = {pending} AND payload = {json}::jsonb)
                """, cancellationToken)
            : await db.Database.ExecuteSqlAsync($"""
                INSERT INTO background_jobs (id, kind, payload, status, attempts, created_at)
                VALUES ({id}, {kind}, {json}::jsonb, {pending}, 0, {now})
                """, cancellationToken);
        return added == 1 ? id : null;
    }

    public async Task<BackgroundJob?> TakeAsync(string worker, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var until = now + JobQueueLimits.Lease;
        var (pending, running, failed) = (nameof(JobStatus.Pending), nameof(JobStatus.Running), nameof(JobStatus.Failed));
        // Jobs whose lease ran out too often are failed first: they are never taken again, nor left running.
        await db.Database.ExecuteSqlAsync($"""
            UPDATE background_jobs SET status = {failed}, finished_at = {now}, locked_by = NULL, locked_until = NULL,
                error = 'The job''s lease ran out on its last attempt (its instance stopped or it ran too long).'
            WHERE status = {running} AND locked_until < {now} AND attempts >= {JobQueueLimits.MaxAttempts}
            """, cancellationToken);
        var taken = await db.BackgroundJobs.FromSql($"""
            UPDATE background_jobs SET status = {running}, attempts = attempts + 1, locked_by = {worker}, locked_until = {until},
                started_at = {now}, error = NULL
            WHERE id = (
                SELECT id FROM background_jobs
                WHERE status = {pending} OR (status = {running} AND locked_until < {now})
                ORDER BY created_at
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING *
            """).AsNoTracking().ToListAsync(cancellationToken);
        return taken.SingleOrDefault();
    }

    public async Task FinishAsync(Guid jobId, string worker, string? error, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var status = error is null ? JobStatus.Succeeded : JobStatus.Failed;
        var now = clock.GetUtcNow();
        var trimmed = error is { Length: > 4000 } ? error[..4000] : error;
        // Only the lease holder finishes a job: one whose lease ran out and was taken again is the new taker's.
        await db.BackgroundJobs.Where(j => j.Id == jobId && j.LockedBy == worker && j.Status == JobStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, status).SetProperty(j => j.FinishedAt, now).SetProperty(j => j.Error, trimmed)
                .SetProperty(j => j.LockedBy, (string?)null).SetProperty(j => j.LockedUntil, (DateTimeOffset?)null), cancellationToken);
    }

    public async Task<JobProgress?> ProgressAsync(string kindPrefix, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var family = db.BackgroundJobs.AsNoTracking().Where(j => j.Kind.StartsWith(kindPrefix));
        var oldestOpen = await family.Where(j => j.Status == JobStatus.Pending || j.Status == JobStatus.Running)
            .OrderBy(j => j.CreatedAt).Select(j => (DateTimeOffset?)j.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (oldestOpen is not { } since)
        {
            return null;
        }

        var counts = await family.Where(j => j.CreatedAt >= since).GroupBy(j => j.Status == JobStatus.Succeeded || j.Status == JobStatus.Failed)
            .Select(g => new { Done = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var done = counts.Where(c => c.Done).Sum(c => c.Count);
        return new JobProgress(done, counts.Sum(c => c.Count));
    }
}
