using System.Collections.Concurrent;
using EcoPark.Application.Jobs;
using EcoPark.IntegrationTests.Infrastructure;
using EcoPark.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EcoPark.IntegrationTests.Jobs;

/// <summary>
/// The database-backed job queue itself, on an app of its own whose worker is off (so that only the test takes jobs) and
/// whose clock the test moves: each job goes to one taker however many ask at once, a lease that runs out hands the job
/// on, the old taker can no longer finish it, and a job that keeps losing its lease is failed rather than left running.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class JobQueueTests(ServerFixture server) : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>? app;

    private IJobQueue Queue => app!.Services.GetRequiredService<IJobQueue>();

    public async Task InitializeAsync()
    {
        app = new EcoParkFactory(server.Server.ConnectionString(PostgresServer.NewDatabaseName()))
            .WithWebHostBuilder(b => b
                .UseSetting("EcoPark:JobWorker", "false")
                .ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        using var client = app.CreateClient(); // starts the app, which migrates its database
        (await client.GetAsync("/health/live")).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task ManyTakersAtOnce_EachJobIsTakenOnce()
    {
        var enqueued = new List<Guid>();
        for (var i = 0; i < 40; i++)
        {
            enqueued.Add((await Queue.EnqueueAsync("test.concurrent", new { i }))!.Value);
        }

        var taken = new ConcurrentBag<(string Worker, Guid Job)>();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            while (await Queue.TakeAsync($"worker-{w}") is { } job)
            {
                taken.Add(($"worker-{w}", job.Id));
                await Queue.FinishAsync(job.Id, $"worker-{w}", null);
            }
        })));

        Assert.Equal(enqueued.Order(), taken.Select(t => t.Job).Order());
        Assert.True(taken.Select(t => t.Worker).Distinct().Count() > 1, "more than one taker got work");
        Assert.Null(await Queue.ProgressAsync("test.concurrent"));
    }

    [Fact]
    public async Task ALeaseThatRunsOut_HandsTheJobOn_AndOnlyTheNewTakerFinishesIt()
    {
        var id = (await Queue.EnqueueAsync("test.lease", new { n = 1 }))!.Value;
        var first = await Queue.TakeAsync("first");
        Assert.Equal(id, first?.Id);
        Assert.Null(await Queue.TakeAsync("second")); // leased

        clock.Advance(JobQueueLimits.Lease + TimeSpan.FromSeconds(1));
        var second = await Queue.TakeAsync("second");
        Assert.Equal((id, 2), (second?.Id, second?.Attempts));
        await Queue.FinishAsync(id, "first", "late"); // no longer the lease holder: ignored
        Assert.Equal(new JobProgress(0, 1), await Queue.ProgressAsync("test.lease"));

        await Queue.FinishAsync(id, "second", null);

        Assert.Null(await Queue.ProgressAsync("test.lease"));
        Assert.Null(await Queue.TakeAsync("third"));
    }

    [Fact]
    public async Task AJobThatKeepsLosingItsLease_IsFailed_NotLeftRunning()
    {
        var id = (await Queue.EnqueueAsync("test.crash", new { n = 2 }))!.Value;
        for (var attempt = 1; attempt <= JobQueueLimits.MaxAttempts; attempt++)
        {
            Assert.Equal(id, (await Queue.TakeAsync($"instance-{attempt}"))?.Id);
            clock.Advance(JobQueueLimits.Lease + TimeSpan.FromSeconds(1)); // the instance stops without finishing
        }

        Assert.Null(await Queue.TakeAsync("after")); // failed, not taken a fourth time
        Assert.Null(await Queue.ProgressAsync("test.crash"));
    }

    [Fact]
    public async Task UnlessPending_AddsTheSameWorkOnce_UntilItIsTaken()
    {
        var first = await Queue.EnqueueAsync("test.once", new { park = "p" }, unlessPending: true);
        var again = await Queue.EnqueueAsync("test.once", new { park = "p" }, unlessPending: true);
        var other = await Queue.EnqueueAsync("test.once", new { park = "q" }, unlessPending: true);
        Assert.NotNull(first);
        Assert.Null(again);
        Assert.NotNull(other);

        Assert.Equal(first, (await Queue.TakeAsync("w"))?.Id);

        // Taken work may already have read the data: a new change queues the work again.
        Assert.NotNull(await Queue.EnqueueAsync("test.once", new { park = "p" }, unlessPending: true));
    }
}
