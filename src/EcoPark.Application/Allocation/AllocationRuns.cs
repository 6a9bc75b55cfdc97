using System.Text.Json;
using EcoPark.Application.Abstractions;
using EcoPark.Application.Common;
using EcoPark.Application.Jobs;
using EcoPark.Application.Matching;
using EcoPark.Domain.Access;
using EcoPark.Domain.Allocation;
using EcoPark.Domain.Common;
using EcoPark.Domain.Matching;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace EcoPark.Application.Allocation;

/// <summary>
/// Park-wide allocation runs (docs/decisions/0015-allocation-runs.md): staff of the park and administrators start one, which
/// is stored as queued and handed to the database job queue; the job claims it (one conditional update, so that it is never
/// run twice), builds the model from the engine's pair evaluations, solves it and stores the result beside the greedy plan.
/// While it runs it beats a heartbeat, reads its cancel flag and holds the run's lock; a run whose lock is free or whose
/// heartbeat stopped (its instance stopped) is failed at the next start.
/// </summary>
public sealed class AllocationRuns(IEcoParkDbContextFactory dbFactory, MatchingRules rules, IAllocationSolver solver, IJobQueue jobs,
    IValidator<StartAllocationInput> validator, TimeProvider clock, IStringLocalizer<Messages> l, ILogger<AllocationRuns> logger)
{
    public const string JobKind = "allocation.run";

    public const int DefaultPageSize = 20;

    public const int MaxPageSize = 100;

    /// <summary>How often a running run says it is alive and reads its cancel flag.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(2);

    /// <summary>A run in progress whose heartbeat is older than this was left behind by a stopped instance.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(1);

    public const string InterruptedKey = "Allocation.Interrupted";

    public const string StoppedKey = "Allocation.Stopped";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The list's query text as a page number and size, or a 400 naming the field that is not one.</summary>
    public static (int Page, int PageSize) ParsePaging(string? page, string? pageSize, IStringLocalizer<Messages> l) =>
        PageQuery.Parse(page, pageSize, DefaultPageSize, MaxPageSize, l);

    public static bool MayRun(Caller caller, Guid parkId) => Matchmaking.IsStaff(caller, parkId);

    public async Task<AllocationRunStarted> StartAsync(Caller caller, Guid parkId, StartAllocationInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await RequireParkAsync(db, caller, parkId, cancellationToken);
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        var cases = await db.MatchCases.AsNoTracking().Where(m => m.ParkId == parkId || m.PartnerParkId == parkId).ToListAsync(cancellationToken);
        static List<AllocationPairKey> Keys(IEnumerable<AllocationPairKey?>? keys) => [.. (keys ?? []).OfType<AllocationPairKey>().Distinct()];
        var options = new AllocationRunOptions
        {
            Resources = [.. StartAllocationInputValidator.ResourceKeys.Where(k => input.Resources!.Contains(k))],
            Objective = input.Objective!,
            BudgetNtd = input.BudgetNtd,
            MaxPaybackMonths = input.MaxPaybackMonths,
            LockIn = Keys(input.LockIn),
            LockOut = Keys(input.LockOut),
            KeptMatches = [.. cases.Where(m => m.Commits).OrderBy(m => m.SupplyStreamId).ThenBy(m => m.DemandStreamId).Select(m => new AllocationPairKey(m.SupplyStreamId, m.DemandStreamId)).Distinct()],
            DeclinedMatches = [.. cases.Where(m => m.State == MatchState.Declined).OrderBy(m => m.SupplyStreamId).ThenBy(m => m.DemandStreamId).Select(m => new AllocationPairKey(m.SupplyStreamId, m.DemandStreamId)).Distinct()],
            TimeLimitSeconds = input.TimeLimitSeconds,
        };
        var run = new AllocationRun
        {
            Id = Guid.NewGuid(),
            ParkId = parkId,
            Status = AllocationRunStatus.Queued,
            OptionsJson = JsonSerializer.Serialize(options, Json),
            RequestedBy = caller.UserId,
            RequestedAt = clock.GetUtcNow(),
        };
        db.AllocationRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        await jobs.EnqueueAsync(JobKind, new RunPayload(run.Id), cancellationToken: cancellationToken);
        return new AllocationRunStarted(run.Id, run.Status.Key());
    }

    public async Task<AllocationRunDto> GetAsync(Caller caller, Guid parkId, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await RequireParkAsync(db, caller, parkId, cancellationToken);
        var run = await db.AllocationRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.ParkId == parkId, cancellationToken)
            ?? throw new NotFoundException(l["Allocation.NotFound"]);
        var open = await OpenMatchesAsync(db, run, cancellationToken);
        return ToDto(caller, run, open);
    }

    /// <summary>The park's runs, newest first, a page at a time.</summary>
    public async Task<AllocationRunPage> ListAsync(Caller caller, Guid parkId, int page = 1, int pageSize = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        if (page < 1)
        {
            throw DomainGuard.Invalid("page", l["Value.Range", 1, int.MaxValue]);
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            throw DomainGuard.Invalid("pageSize", l["Value.Range", 1, MaxPageSize]);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await RequireParkAsync(db, caller, parkId, cancellationToken);
        var query = db.AllocationRuns.AsNoTracking().Where(r => r.ParkId == parkId);
        var total = await query.CountAsync(cancellationToken);
        var runs = await query.OrderByDescending(r => r.RequestedAt).ThenBy(r => r.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new AllocationRunPage([.. runs.Select(Summary)], total);
    }

    /// <summary>A queued run is cancelled at once; a running one is asked to stop (it stops within a heartbeat); a finished one cannot be.</summary>
    public async Task<AllocationRunDto> CancelAsync(Caller caller, Guid parkId, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await RequireParkAsync(db, caller, parkId, cancellationToken);
        var run = await db.AllocationRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.ParkId == parkId, cancellationToken)
            ?? throw new NotFoundException(l["Allocation.NotFound"]);
        if (!run.InProgress)
        {
            throw new ConflictException(l["Allocation.Finished"]);
        }

        var now = clock.GetUtcNow();
        await db.AllocationRuns.Where(r => r.Id == id && r.Status == AllocationRunStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, AllocationRunStatus.Cancelled).SetProperty(r => r.CancelRequested, true).SetProperty(r => r.FinishedAt, now),
                cancellationToken);
        await db.AllocationRuns.Where(r => r.Id == id && (r.Status == AllocationRunStatus.Building || r.Status == AllocationRunStatus.Solving))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CancelRequested, true), cancellationToken);
        return await GetAsync(caller, parkId, id, cancellationToken);
    }

    /// <summary>
    /// Fails every run left in progress by an instance that stopped: one whose lock no session holds (its instance crashed or
    /// stopped, and the database released the lock with its session; a live instance holds the lock of each run it runs from
    /// before the claim until after the last write), or whose heartbeat is older than <see cref="StaleAfter"/> (an instance
    /// whose session the database has not yet given up). Safe with any number of instances and at any time: a live run's lock
    /// is held. Called at start and by a job that finds its run taken. Answers how many.
    /// </summary>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var stale = now - StaleAfter;
        var failed = await InProgress(db).Where(r => r.HeartbeatAt == null || r.HeartbeatAt < stale).ExecuteUpdateAsync(Interrupted(now), cancellationToken);
        var running = await InProgress(db).Select(r => r.Id).ToListAsync(cancellationToken);
        foreach (var id in running)
        {
            if (!await db.TryHoldRunAsync(id, cancellationToken))
            {
                continue; // a live instance runs it
            }

            try
            {
                failed += await InProgress(db).Where(r => r.Id == id).ExecuteUpdateAsync(Interrupted(clock.GetUtcNow()), cancellationToken);
            }
            finally
            {
                await db.ReleaseRunAsync(id, CancellationToken.None);
            }
        }

        if (failed > 0)
        {
            logger.LogWarning("{Runs} allocation runs were left in progress by a stopped instance and are failed", failed);
        }

        return failed;
    }

    private static IQueryable<AllocationRun> InProgress(IEcoParkDbContext db) =>
        db.AllocationRuns.Where(r => r.Status == AllocationRunStatus.Building || r.Status == AllocationRunStatus.Solving);

    private static Action<UpdateSettersBuilder<AllocationRun>> Interrupted(DateTimeOffset now) => s => s
        .SetProperty(r => r.Status, AllocationRunStatus.Failed).SetProperty(r => r.FinishedAt, now).SetProperty(r => r.Message, InterruptedKey);

    /// <summary>
    /// The job: takes the run's lock, claims the run (only a queued one, once), builds and solves it, stores the outcome and
    /// releases the lock; false when it was not this taker's to run. The lock, on a session of its own, is what tells other
    /// instances that the run is alive (see <see cref="RecoverAsync"/>).
    /// </summary>
    public async Task<bool> ExecuteAsync(Guid runId, CancellationToken stoppingToken)
    {
        await using var holder = await dbFactory.CreateAsync(stoppingToken);
        if (!await holder.TryHoldRunAsync(runId, stoppingToken))
        {
            return false; // another taker holds it: a job taken again while its first taker still runs it
        }

        try
        {
            return await ClaimAndRunAsync(runId, stoppingToken);
        }
        finally
        {
            try
            {
                await holder.ReleaseRunAsync(runId, CancellationToken.None);
            }
            catch (Exception e)
            {
                // The session is lost, and the lock with it.
                logger.LogWarning(e, "Could not release the lock of allocation run {RunId}", runId);
            }
        }
    }

    private async Task<bool> ClaimAndRunAsync(Guid runId, CancellationToken stoppingToken)
    {
        var now = clock.GetUtcNow();
        AllocationRun run;
        await using (var db = await dbFactory.CreateAsync(stoppingToken))
        {
            var claimed = await db.AllocationRuns.Where(r => r.Id == runId && r.Status == AllocationRunStatus.Queued && !r.CancelRequested)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, AllocationRunStatus.Building).SetProperty(r => r.StartedAt, now).SetProperty(r => r.HeartbeatAt, now),
                    stoppingToken);
            if (claimed == 0)
            {
                // Cancelled while queued, run already, or a job taken again after its lease ran out.
                await RecoverAsync(stoppingToken);
                return false;
            }

            run = await db.AllocationRuns.AsNoTracking().SingleAsync(r => r.Id == runId, stoppingToken);
        }

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var stopBeat = new CancellationTokenSource();
        var beat = BeatAsync(runId, cancel, stopBeat.Token);
        try
        {
            var options = JsonSerializer.Deserialize<AllocationRunOptions>(run.OptionsJson, Json)!;
            var built = await BuildAsync(run.ParkId, options, cancel.Token);
            // Still building (the greedy plan and the solver's model), now with the number of paths known.
            await UpdateAsync(runId, r =>
            {
                r.Paths = built.Model.Paths.Count;
                r.SnapshotJson = JsonSerializer.Serialize(built.Snapshot, Json);
            }, CancellationToken.None);
            var domainOptions = options.ToDomain();
            // The solver calls back on its own thread as the search starts. The run is marked as solving without holding the search
            // up (the update only moves a run that is still building, so it cannot undo a finished one), and awaited after it.
            Task? marking = null;
            var outcome = await Task.Run(() => solver.Solve(built.Model, domainOptions, cancel.Token, () => marking = MarkSolvingAsync(runId)),
                CancellationToken.None);
            if (marking is not null)
            {
                await marking;
            }
            // Interrupted by the app stopping, the solve's answer is no run's result: the run fails below.
            stoppingToken.ThrowIfCancellationRequested();
            var cancelled = cancel.IsCancellationRequested && !stoppingToken.IsCancellationRequested;
            await UpdateAsync(runId, r => Store(r, built, outcome, cancelled), CancellationToken.None);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await FailAsync(runId, StoppedKey);
            throw;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await UpdateAsync(runId, r =>
            {
                r.Status = AllocationRunStatus.Cancelled;
                r.FinishedAt = clock.GetUtcNow();
            }, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Allocation run {RunId} failed", runId);
            await FailAsync(runId, e.Message);
            throw;
        }
        finally
        {
            await stopBeat.CancelAsync();
            await beat;
        }

        return true;
    }

    private async Task MarkSolvingAsync(Guid runId)
    {
        try
        {
            await using var db = await dbFactory.CreateAsync();
            var now = clock.GetUtcNow();
            await db.AllocationRuns.Where(r => r.Id == runId && r.Status == AllocationRunStatus.Building)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, AllocationRunStatus.Solving).SetProperty(r => r.HeartbeatAt, now));
        }
        catch (Exception e)
        {
            // Only the progress shown is late; the run goes on.
            logger.LogWarning(e, "Could not mark allocation run {RunId} as solving", runId);
        }
    }

    /// <summary>The model of a park for the options: the engine's pairs with a side in the park, with what kept matches already give each demand held aside.</summary>
    public async Task<BuiltModel> BuildAsync(Guid parkId, AllocationRunOptions options, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var context = await rules.ContextAsync(db, cancellationToken);
        var resources = options.Resources.Select(EnumKeys.Parse<ResourceKind>).ToHashSet();
        var parkFactories = await db.Factories.AsNoTracking().Where(f => f.ParkId == parkId).Select(f => f.Id).ToListAsync(cancellationToken);
        var reach = new HashSet<Guid>();
        foreach (var resource in resources)
        {
            reach.UnionWith(await MatchingWorld.InReachOfAsync(db, context.Parameters, parkFactories, resource, cancellationToken));
        }

        var world = await MatchingWorld.LoadAsync(db, rules, reach, resources.Count == 1 ? resources.Single() : null, cancellationToken, context);
        cancellationToken.ThrowIfCancellationRequested();
        var (water, heat, byproducts) = world.AllocationPairs(world.InPark(parkId), resources);
        var model = HoldKeptMatches(AllocationModelMapper.Build(context, water, heat, byproducts), world, options);
        var streamIds = model.Supplies.Select(s => s.Id).Concat(model.Demands.Select(d => d.Id)).Distinct().Order().ToList();
        var snapshot = new AllocationRunSnapshot(context.Parameters.Version, context.Treatments.Version, context.FeeYear, context.Today,
            [.. streamIds.Select(id => new AllocationStreamVersion(id, world.Streams[id].RowVersion))],
            [.. world.Cases.OrderBy(c => c.Id).Select(c => new AllocationMatchVersion(c.Id, c.State.Key(), c.RowVersion))],
            model.Pairs.Count);
        return new BuiltModel(model, snapshot, world);
    }

    /// <summary>
    /// The engine's supplies are already net of what agreed and operating matches take; their demands are not. A kept match's
    /// quantity is taken off its demand too, so that the plan never serves a demand twice.
    /// </summary>
    private static AllocationModel HoldKeptMatches(AllocationModel model, MatchingWorld world, AllocationRunOptions options)
    {
        var kept = options.KeptMatches.ToHashSet();
        var given = world.Cases.Where(c => c.Commits && kept.Contains(new AllocationPairKey(c.SupplyStreamId, c.DemandStreamId)))
            .GroupBy(c => c.DemandStreamId).ToDictionary(g => g.Key, g => g.Sum(c => c.TakenFromSupply));
        if (given.Count == 0 || !model.Demands.Any(d => given.ContainsKey(d.Id)))
        {
            return model;
        }

        var demands = model.Demands.Select(d => given.TryGetValue(d.Id, out var taken) ? d with { Size = Math.Max(0, d.Size - taken) } : d).ToList();
        var size = demands.ToDictionary(d => d.Id, d => d.Size);
        var paths = model.Paths.Select(p => p with { MaxQuantity = Math.Min(p.MaxQuantity, size[p.DemandId]) });
        return new AllocationModel(model.Supplies, demands, model.Pairs, paths, model.InvestmentLifeYears);
    }

    private void Store(AllocationRun run, BuiltModel built, AllocationOutcome outcome, bool cancelled)
    {
        var model = built.Model;
        run.Status = cancelled ? AllocationRunStatus.Cancelled : outcome.Status switch
        {
            AllocationStatus.Optimal => AllocationRunStatus.Optimal,
            AllocationStatus.Feasible => AllocationRunStatus.Feasible,
            AllocationStatus.Infeasible => AllocationRunStatus.Infeasible,
            AllocationStatus.TimeLimit => AllocationRunStatus.TimeLimit,
            _ => AllocationRunStatus.Failed,
        };
        run.PlanSource = outcome.Source.Key();
        run.Variables = outcome.Variables;
        run.Constraints = outcome.Constraints;
        run.ObjectiveNtdPerYear = Math.Round(outcome.ObjectiveNtdPerYear, 0);
        run.GreedyObjectiveNtdPerYear = Math.Round(outcome.GreedyObjectiveNtdPerYear, 0);
        run.BestBoundNtdPerYear = outcome.BestBoundNtdPerYear is { } bound ? Math.Round(bound, 0) : null;
        run.GapPercent = outcome.GapPercent is { } gap ? Math.Round(gap, 4) : null;
        run.SolveSeconds = Math.Round(outcome.SolveTime.TotalSeconds, 3);
        var infeasible = outcome.Status == AllocationStatus.Infeasible;
        run.ReusedWaterM3PerDay = infeasible ? null : Math.Round(outcome.Plan.ReusedWaterM3PerDay(model), 3);
        run.GreedyReusedWaterM3PerDay = Math.Round(outcome.GreedyPlan.ReusedWaterM3PerDay(model), 3);
        run.LinksJson = JsonSerializer.Serialize(infeasible ? [] : Links(built, outcome.Plan), Json);
        run.GreedyLinksJson = JsonSerializer.Serialize(Links(built, outcome.GreedyPlan), Json);
        run.ShadowPricesJson = JsonSerializer.Serialize(outcome.ShadowPrices.Select(p => ShadowPrice(built.World, p)).ToList(), Json);
        run.Message = infeasible ? JsonSerializer.Serialize(outcome.InfeasibleLocks.Select(p => new LockProblem(
            p.Lock.SupplyId, Name(built.World, p.Lock.SupplyId), p.Lock.DemandId, Name(built.World, p.Lock.DemandId), p.Reason.Key())).ToList(), Json) : null;
        run.FinishedAt = clock.GetUtcNow();
    }

    private static List<AllocationLinkDto> Links(BuiltModel built, AllocationPlan plan) =>
        [.. plan.Links(built.Model).Select(link =>
        {
            var world = built.World;
            var (supply, demand) = (world.Streams[link.SupplyId], world.Streams[link.DemandId]);
            var (sf, df) = (world.Factories[supply.FactoryId], world.Factories[demand.FactoryId]);
            return new AllocationLinkDto(link.Resource.Key(), link.SupplyId, supply.Name, sf.Name.Zh, link.DemandId, demand.Name, df.Name.Zh,
                Math.Round(link.Quantity, 3), Unit(link.Resource), [.. link.Paths.SelectMany(p => p.Treatment).Distinct()], Math.Round(link.NetAnnualBenefitNtd, 0),
                Math.Round(link.InvestmentNtd, 0))
            {
                SupplyFactoryId = sf.Id,
                DemandFactoryId = df.Id,
                SupplyParkId = sf.ParkId,
                DemandParkId = df.ParkId,
                SupplyIndustry = sf.Industry.Key(),
                DemandIndustry = df.Industry.Key(),
            };
        })];

    private static AllocationShadowPriceDto ShadowPrice(MatchingWorld world, AllocationShadowPrice price)
    {
        var stream = world.Streams[price.StreamId];
        var factory = world.Factories[stream.FactoryId];
        return new AllocationShadowPriceDto(price.StreamId, stream.Name, price.Resource.Key(), price.Supply ? "supply" : "demand", Unit(price.Resource),
            Math.Round(price.NtdPerYearPerUnit, 0))
        {
            FactoryId = factory.Id,
            ParkId = factory.ParkId,
        };
    }

    private static string Name(MatchingWorld world, Guid streamId) => world.Streams.TryGetValue(streamId, out var s) ? s.Name : streamId.ToString();

    public static string Unit(AllocationResource resource) => resource switch
    {
        AllocationResource.Water => "m³/day",
        AllocationResource.Heat => "kW",
        _ => "t/month",
    };

    private AllocationRunDto ToDto(Caller caller, AllocationRun run, IReadOnlyDictionary<(Guid, Guid), Guid> open)
    {
        AllocationLinkDto Show(AllocationLinkDto link)
        {
            var (s, d) = (caller.CanReadFactory(link.SupplyFactoryId, link.SupplyParkId), caller.CanReadFactory(link.DemandFactoryId, link.DemandParkId));
            return link with
            {
                SupplyName = s ? link.SupplyName : null,
                SupplyFactory = s ? link.SupplyFactory : $"({link.SupplyIndustry})",
                DemandName = d ? link.DemandName : null,
                DemandFactory = d ? link.DemandFactory : $"({link.DemandIndustry})",
                MatchId = open.TryGetValue((link.SupplyStreamId, link.DemandStreamId), out var m) ? m : null,
            };
        }

        List<T> Read<T>(string? json) => json is null ? [] : JsonSerializer.Deserialize<List<T>>(json, Json) ?? [];
        var prices = Read<AllocationShadowPriceDto>(run.ShadowPricesJson).Select(p => caller.CanReadFactory(p.FactoryId, p.ParkId) ? p : p with { StreamName = null }).ToList();
        return new AllocationRunDto
        {
            Id = run.Id,
            ParkId = run.ParkId,
            Status = run.Status.Key(),
            Options = JsonSerializer.Deserialize<AllocationRunOptions>(run.OptionsJson, Json)!,
            Paths = run.Paths,
            ObjectiveNtdPerYear = run.ObjectiveNtdPerYear,
            GreedyObjectiveNtdPerYear = run.GreedyObjectiveNtdPerYear,
            BestBoundNtdPerYear = run.BestBoundNtdPerYear,
            GapPercent = run.GapPercent,
            ReusedWaterM3PerDay = run.ReusedWaterM3PerDay,
            GreedyReusedWaterM3PerDay = run.GreedyReusedWaterM3PerDay,
            SolveSeconds = run.SolveSeconds,
            PlanSource = run.PlanSource,
            Links = [.. Read<AllocationLinkDto>(run.LinksJson).Select(Show)],
            GreedyLinks = [.. Read<AllocationLinkDto>(run.GreedyLinksJson).Select(Show)],
            ShadowPrices = prices,
            Message = Message(run),
            CancelRequested = run.CancelRequested,
            RequestedBy = run.RequestedBy,
            RequestedAt = run.RequestedAt,
            StartedAt = run.StartedAt,
            FinishedAt = run.FinishedAt,
            Snapshot = run.SnapshotJson is null ? null : JsonSerializer.Deserialize<AllocationRunSnapshot>(run.SnapshotJson, Json),
        };
    }

    /// <summary>The run's message in the reader's language: each lock to blame, by its streams, or why the run stopped.</summary>
    private string? Message(AllocationRun run)
    {
        if (run.Message is null)
        {
            return null;
        }

        if (run.Status == AllocationRunStatus.Infeasible)
        {
            var problems = JsonSerializer.Deserialize<List<LockProblem>>(run.Message, Json) ?? [];
            return string.Join(" ", problems.Select(p => l["Allocation.Lock." + p.Reason, p.SupplyName, p.DemandName].Value));
        }

        var known = l[run.Message];
        return known.ResourceNotFound ? run.Message : known.Value;
    }

    private static AllocationRunSummaryDto Summary(AllocationRun run)
    {
        var options = JsonSerializer.Deserialize<AllocationRunOptions>(run.OptionsJson, Json)!;
        var links = run.LinksJson is null ? 0 : JsonSerializer.Deserialize<List<JsonElement>>(run.LinksJson, Json)?.Count ?? 0;
        return new AllocationRunSummaryDto(run.Id, run.Status.Key(), options.Objective, options.Resources, options.BudgetNtd, run.ObjectiveNtdPerYear,
            run.GreedyObjectiveNtdPerYear, run.ReusedWaterM3PerDay, links, run.RequestedAt, run.FinishedAt);
    }

    private static async Task<Dictionary<(Guid, Guid), Guid>> OpenMatchesAsync(IEcoParkDbContext db, AllocationRun run, CancellationToken cancellationToken)
    {
        if (run.LinksJson is null)
        {
            return [];
        }

        var links = JsonSerializer.Deserialize<List<AllocationLinkDto>>(run.LinksJson, Json) ?? [];
        var supplies = links.Select(k => k.SupplyStreamId).Distinct().ToList();
        var open = await db.MatchCases.AsNoTracking().Where(m => supplies.Contains(m.SupplyStreamId) && m.State != MatchState.Declined && m.State != MatchState.Ended)
            .Select(m => new { m.SupplyStreamId, m.DemandStreamId, m.Id }).ToListAsync(cancellationToken);
        return open.GroupBy(m => (m.SupplyStreamId, m.DemandStreamId)).ToDictionary(g => g.Key, g => g.First().Id);
    }

    private async Task RequireParkAsync(IEcoParkDbContext db, Caller caller, Guid parkId, CancellationToken cancellationToken)
    {
        if (!MayRun(caller, parkId))
        {
            throw new NotFoundException(l["Park.NotFound"]);
        }

        if (!await db.Parks.AsNoTracking().AnyAsync(p => p.Id == parkId, cancellationToken))
        {
            throw new NotFoundException(l["Park.NotFound"]);
        }
    }

    private async Task BeatAsync(Guid runId, CancellationTokenSource cancel, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(HeartbeatInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                await using var db = await dbFactory.CreateAsync(stop);
                var now = clock.GetUtcNow();
                await db.AllocationRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.HeartbeatAt, now), stop);
                if (await db.AllocationRuns.AsNoTracking().AnyAsync(r => r.Id == runId && r.CancelRequested, stop))
                {
                    await cancel.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run ended.
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "The heartbeat of allocation run {RunId} stopped", runId);
        }
    }

    private async Task UpdateAsync(Guid runId, Action<AllocationRun> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var run = await db.AllocationRuns.SingleAsync(r => r.Id == runId, cancellationToken);
        if (!run.InProgress)
        {
            return; // failed meanwhile by another instance (this one lost its lock or its heartbeat): that end stands
        }

        change(run);
        run.HeartbeatAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    private Task FailAsync(Guid runId, string message) => UpdateAsync(runId, r =>
    {
        r.Status = AllocationRunStatus.Failed;
        r.Message = message.Length > 2000 ? message[..2000] : message;
        r.FinishedAt = clock.GetUtcNow();
    }, CancellationToken.None);

    public sealed record RunPayload(Guid RunId);

    /// <summary>A model with what it was built on and the world it came from (for the streams' names).</summary>
    public sealed record BuiltModel(AllocationModel Model, AllocationRunSnapshot Snapshot, MatchingWorld World);

    private sealed record LockProblem(Guid SupplyStreamId, string SupplyName, Guid DemandStreamId, string DemandName, string Reason);
}

/// <summary>Runs the queued allocation runs.</summary>
public sealed class AllocationRunJobs(AllocationRuns runs) : IJobHandler
{
    public string Kind => AllocationRuns.JobKind;

    public Task RunAsync(JsonElement payload, CancellationToken cancellationToken) => runs.ExecuteAsync(payload.GetProperty("runId").GetGuid(), cancellationToken);
}
