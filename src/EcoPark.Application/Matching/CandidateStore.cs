using System.Text.Json;
using EcoPark.Application.Abstractions;
using EcoPark.Application.Jobs;
using EcoPark.Domain.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EcoPark.Application.Matching;

/// <summary>
/// Keeps <see cref="MatchCandidate"/> rows current. A stream's create, change or delete recomputes its pairs only, in the
/// request that made it (<see cref="RefreshStreamsAsync"/>): its partners are the streams of the factories in reach of its
/// own (<see cref="MatchingWorld.InReachOfAsync"/>). A factory's change and a new rule version are queued
/// (<see cref="RecomputeFactoryJob"/>, <see cref="RebuildParkJob"/>), and a rebuild from scratch (<see cref="RebuildJob"/>)
/// runs at start and on an administrator's request. Every write holds one database lock and reads the streams under it,
/// so two recomputations never interleave.
/// </summary>
public sealed class CandidateStore(IEcoParkDbContextFactory dbFactory, MatchingRules rules, IJobQueue jobs, TimeProvider clock, ILogger<CandidateStore> logger)
{
    /// <summary>The prefix of every candidate job, for the workbench's progress line.</summary>
    public const string JobPrefix = "matching.candidates.";

    public const string RecomputeFactoryJob = JobPrefix + "factory";

    public const string RebuildParkJob = JobPrefix + "park";

    public const string RebuildJob = JobPrefix + "rebuild";

    /// <summary>Rows written per save in a rebuild.</summary>
    private const int Batch = 2_000;

    /// <summary>Recomputes every pair with one of the streams as a side (a deleted stream's rows simply go).</summary>
    public async Task RefreshStreamsAsync(IReadOnlyCollection<Guid> streamIds, CancellationToken cancellationToken = default)
    {
        if (streamIds.Count == 0)
        {
            return;
        }

        var ids = streamIds.Distinct().ToList();
        await WriteAsync(
            db => db.MatchCandidates.Where(c => ids.Contains(c.SupplyStreamId) || ids.Contains(c.DemandStreamId)),
            db => ComputeAroundAsync(db, ids, cancellationToken),
            cancellationToken);
    }

    /// <summary>Recomputes every pair with one of the factory's streams as a side (its place, park or industry changed).</summary>
    public async Task RefreshFactoryAsync(Guid factoryId, CancellationToken cancellationToken = default)
    {
        await WriteAsync(
            db => db.MatchCandidates.Where(c => c.SupplyFactoryId == factoryId || c.DemandFactoryId == factoryId),
            async db => await ComputeAroundAsync(db, [.. (await StreamFactoriesAsync(db, factoryId, cancellationToken)).Keys], cancellationToken),
            cancellationToken);
    }

    /// <summary>Recomputes the pairs of the factory's water demands (its filed months, and so its marginal fee, changed).</summary>
    public async Task RefreshBuyerAsync(Guid factoryId, CancellationToken cancellationToken = default)
    {
        List<Guid> demands;
        await using (var db = await dbFactory.CreateAsync(cancellationToken))
        {
            demands = await db.WaterDemands.AsNoTracking().Where(d => d.FactoryId == factoryId).Select(d => d.Id).ToListAsync(cancellationToken);
        }

        await RefreshStreamsAsync(demands, cancellationToken);
    }

    /// <summary>Recomputes every pair whose supply is in the park (a rule version changed: one such job per park).</summary>
    public async Task RebuildParkAsync(Guid parkId, CancellationToken cancellationToken = default)
    {
        await WriteAsync(
            db => db.MatchCandidates.Where(c => c.SupplyParkId == parkId),
            async db =>
            {
                var parkFactories = await db.Factories.AsNoTracking().Where(f => f.ParkId == parkId).Select(f => f.Id).ToListAsync(cancellationToken);
                var context = await rules.ContextAsync(db, cancellationToken);
                var rows = new List<MatchCandidate>();
                foreach (var resource in Enum.GetValues<ResourceKind>())
                {
                    var reach = await MatchingWorld.InReachOfAsync(db, context.Parameters, parkFactories, resource, cancellationToken);
                    var world = await MatchingWorld.LoadAsync(db, rules, reach, resource, cancellationToken);
                    var now = clock.GetUtcNow();
                    rows.AddRange(world.StoredPairs(null, s => world.Factories[s.FactoryId].ParkId == parkId).Select(e => world.Row(e, now)));
                }

                return rows;
            },
            cancellationToken);
    }

    /// <summary>Replaces the whole table with a computation from scratch; answers how many rows differed from it before.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        var differing = 0;
        await WriteAsync(
            db => db.MatchCandidates,
            async db =>
            {
                var rows = await ComputeAllAsync(db, cancellationToken);
                var stored = await db.MatchCandidates.AsNoTracking().ToListAsync(cancellationToken);
                differing = Differences(stored, rows).Count;
                return rows;
            },
            cancellationToken);
        if (differing > 0)
        {
            logger.LogWarning("The stored candidates differed from a rebuild in {Rows} rows; they were replaced", differing);
        }

        return differing;
    }

    /// <summary>Every stored row as a rebuild would write it (nothing is written), for the consistency check.</summary>
    public async Task<IReadOnlyList<MatchCandidate>> ComputeAllAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await ComputeAllAsync(db, cancellationToken);
    }

    /// <summary>The rows of two lists that differ, by pair: present in one only, or with any stored value other (the time computed aside).</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyList<MatchCandidate> left, IReadOnlyList<MatchCandidate> right)
    {
        static string Key(MatchCandidate c) => $"{c.SupplyStreamId}/{c.DemandStreamId}";
        static string Text(MatchCandidate c) => JsonSerializer.Serialize(c with { ComputedAt = default }, Canonical);
        var a = left.ToDictionary(Key, Text);
        var b = right.ToDictionary(Key, Text);
        return [.. a.Keys.Union(b.Keys).Where(k => a.GetValueOrDefault(k) != b.GetValueOrDefault(k)).Order(StringComparer.Ordinal)];
    }

    /// <summary>Decimals without trailing zeros, so that 12.0 read back from a column equals 12 computed.</summary>
    private static readonly JsonSerializerOptions Canonical = new() { Converters = { new PlainDecimal() } };

    private sealed class PlainDecimal : System.Text.Json.Serialization.JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.ToString("0.############################", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Queues the recomputation of a factory's pairs.</summary>
    public Task EnqueueFactoryAsync(Guid factoryId, CancellationToken cancellationToken = default) =>
        jobs.EnqueueAsync(RecomputeFactoryJob, new FactoryPayload(factoryId), unlessPending: true, cancellationToken);

    /// <summary>Queues one recomputation per park (a rule version was added).</summary>
    public static async Task EnqueueAllParksAsync(IEcoParkDbContext db, IJobQueue jobs, CancellationToken cancellationToken = default)
    {
        foreach (var parkId in await db.Parks.AsNoTracking().Select(p => p.Id).ToListAsync(cancellationToken))
        {
            await jobs.EnqueueAsync(RebuildParkJob, new ParkPayload(parkId), unlessPending: true, cancellationToken);
        }
    }

    /// <summary>Queues a rebuild from scratch (at start, or asked by an administrator); null when one is already waiting.</summary>
    public Task<Guid?> EnqueueRebuildAsync(CancellationToken cancellationToken = default) =>
        jobs.EnqueueAsync(RebuildJob, new { }, unlessPending: true, cancellationToken);

    /// <summary>Candidate jobs still to run and how many of their batch are done; null when none is waiting.</summary>
    public Task<JobProgress?> ProgressAsync(CancellationToken cancellationToken = default) => jobs.ProgressAsync(JobPrefix, cancellationToken);

    public sealed record FactoryPayload(Guid FactoryId);

    public sealed record ParkPayload(Guid ParkId);

    private async Task WriteAsync(Func<IEcoParkDbContext, IQueryable<MatchCandidate>> replaced, Func<IEcoParkDbContext, Task<List<MatchCandidate>>> compute,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockCandidatesAsync(cancellationToken);
        var rows = await compute(db);
        await replaced(db).ExecuteDeleteAsync(cancellationToken);
        foreach (var chunk in rows.Chunk(Batch))
        {
            db.MatchCandidates.AddRange(chunk);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<List<MatchCandidate>> ComputeAllAsync(IEcoParkDbContext db, CancellationToken cancellationToken)
    {
        var world = await MatchingWorld.LoadAsync(db, rules, cancellationToken);
        var now = clock.GetUtcNow();
        return [.. world.StoredPairs(null).Select(e => world.Row(e, now))];
    }

    /// <summary>The rows of every pair with one of the (existing) streams as a side, from the factories in reach of theirs only.</summary>
    private async Task<List<MatchCandidate>> ComputeAroundAsync(IEcoParkDbContext db, IReadOnlyCollection<Guid> streamIds, CancellationToken cancellationToken)
    {
        var world = await MatchingWorld.LoadAroundAsync(db, rules, streamIds, cancellationToken);
        var now = clock.GetUtcNow();
        return world is null ? [] : [.. world.StoredPairs(streamIds.ToHashSet()).Select(e => world.Row(e, now))];
    }

    /// <summary>Each existing stream among the ids with its factory and resource.</summary>
    public static async Task<Dictionary<Guid, (Guid FactoryId, ResourceKind Resource)>> StreamFactoriesAsync(IEcoParkDbContext db, IReadOnlyCollection<Guid> ids,
        CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, (Guid, ResourceKind)>();
        void Add(IEnumerable<(Guid Id, Guid FactoryId)> rows, ResourceKind resource)
        {
            foreach (var (id, factoryId) in rows)
            {
                found[id] = (factoryId, resource);
            }
        }

        Add((await db.EffluentStreams.AsNoTracking().Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.FactoryId }).ToListAsync(cancellationToken)).Select(s => (s.Id, s.FactoryId)), ResourceKind.Water);
        Add((await db.WaterDemands.AsNoTracking().Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.FactoryId }).ToListAsync(cancellationToken)).Select(s => (s.Id, s.FactoryId)), ResourceKind.Water);
        Add((await db.HeatStreams.AsNoTracking().Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.FactoryId }).ToListAsync(cancellationToken)).Select(s => (s.Id, s.FactoryId)), ResourceKind.Heat);
        Add((await db.ByproductStreams.AsNoTracking().Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.FactoryId }).ToListAsync(cancellationToken)).Select(s => (s.Id, s.FactoryId)), ResourceKind.Byproduct);
        return found;
    }

    /// <summary>The ids of every stream of the factories.</summary>
    public static async Task<List<Guid>> StreamIdsAsync(IEcoParkDbContext db, IReadOnlyCollection<Guid> factoryIds, CancellationToken cancellationToken)
    {
        var ids = new List<Guid>();
        ids.AddRange(await db.EffluentStreams.AsNoTracking().Where(s => factoryIds.Contains(s.FactoryId)).Select(s => s.Id).ToListAsync(cancellationToken));
        ids.AddRange(await db.WaterDemands.AsNoTracking().Where(s => factoryIds.Contains(s.FactoryId)).Select(s => s.Id).ToListAsync(cancellationToken));
        ids.AddRange(await db.HeatStreams.AsNoTracking().Where(s => factoryIds.Contains(s.FactoryId)).Select(s => s.Id).ToListAsync(cancellationToken));
        ids.AddRange(await db.ByproductStreams.AsNoTracking().Where(s => factoryIds.Contains(s.FactoryId)).Select(s => s.Id).ToListAsync(cancellationToken));
        return ids;
    }

    private static async Task<Dictionary<Guid, (Guid FactoryId, ResourceKind Resource)>> StreamFactoriesAsync(IEcoParkDbContext db, Guid factoryId, CancellationToken cancellationToken) =>
        await StreamFactoriesAsync(db, await StreamIdsAsync(db, [factoryId], cancellationToken), cancellationToken);
}

/// <summary>Runs the queued candidate jobs.</summary>
public sealed class CandidateJobs(CandidateStore store, string kind) : IJobHandler
{
    public string Kind => kind;

    public static readonly IReadOnlyList<string> Kinds = [CandidateStore.RecomputeFactoryJob, CandidateStore.RebuildParkJob, CandidateStore.RebuildJob];

    public Task RunAsync(JsonElement payload, CancellationToken cancellationToken) => kind switch
    {
        CandidateStore.RecomputeFactoryJob => store.RefreshFactoryAsync(payload.GetProperty("factoryId").GetGuid(), cancellationToken),
        CandidateStore.RebuildParkJob => store.RebuildParkAsync(payload.GetProperty("parkId").GetGuid(), cancellationToken),
        _ => store.RebuildAsync(cancellationToken),
    };
}
