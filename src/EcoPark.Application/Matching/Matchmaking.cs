using System.Linq.Expressions;
using EcoPark.Application.Abstractions;
using EcoPark.Application.Common;
using EcoPark.Domain.Access;
using EcoPark.Domain.Common;
using EcoPark.Domain.Matching;
using EcoPark.Domain.Streams;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Matching;

/// <summary>Filters of the staff workbench (<paramref name="FeasibleOnly"/>: any feasible status).</summary>
public sealed record CandidateFilter(string? Resource = null, string? Status = null, decimal? MinBenefitNtd = null, bool IncludeBlocked = false, bool FeasibleOnly = false);

/// <summary>
/// One page of a candidate list: 1-based <see cref="Page"/>, at most <see cref="MaxPageSize"/> rows, and a sort key of
/// <see cref="Sorts"/> (<c>rank</c>, the default: feasible first, then by net annual benefit, then by margin; a leading
/// <c>-</c> sorts a column from the highest).
/// </summary>
public sealed record CandidatePaging(int Page = 1, int PageSize = CandidatePaging.DefaultPageSize, string Sort = "rank")
{
    public const int DefaultPageSize = 50;

    /// <summary>
    /// How many rows a page counts at most: beyond it the total says "more than" (<see cref="CandidatePage.TotalIsLowerBound"/>),
    /// as counting a park of a hundred thousand pairs exactly costs more than the page itself, and nobody pages that far.
    /// </summary>
    public int CountLimit { get; init; } = 1_000;

    public const int MaxPageSize = 200;

    public static readonly IReadOnlyList<string> Sorts = ["rank", "quantity", "-quantity", "distance", "-distance", "benefit", "-benefit", "co2e", "-co2e", "payback", "-payback"];

    /// <summary>The query's text as a paging, or a 400 naming the field that is not one.</summary>
    public static CandidatePaging Parse(string? page, string? pageSize, string? sort, IStringLocalizer<Messages> l)
    {
        var (number, size) = PageQuery.Parse(page, pageSize, DefaultPageSize, MaxPageSize, l);
        if (sort is not null && !Sorts.Contains(sort, StringComparer.Ordinal))
        {
            throw DomainGuard.Invalid("sort", l["Key.Unknown", sort, string.Join(", ", Sorts)]);
        }

        return new CandidatePaging(number, size, sort ?? "rank");
    }
}

/// <summary>
/// A page of candidates and how many match the filter in all, counted up to <see cref="CandidatePaging.CountLimit"/>:
/// when more match, <see cref="Total"/> is that limit and <see cref="TotalIsLowerBound"/> is set.
/// </summary>
public sealed record CandidatePage(IReadOnlyList<CandidateDto> Items, int Total, bool TotalIsLowerBound = false);

/// <summary>
/// What an engineer sees of a candidate for one of the factory's own streams: the other side by industry,
/// distance and (where it keeps volumes confidential) a volume band (<see cref="MatchDisclosure.OtherParty"/>);
/// never its name and never money of either side (a saving or a price would let one party work out the
/// other's figures). The name comes once staff introduced both parties with their consent.
/// </summary>
public sealed record OpportunityDto(
    string Resource,
    Guid OwnStreamId,
    string OwnStreamName,
    string OwnSide,
    string OtherIndustry,
    decimal? DistanceKm,
    decimal? Quantity,
    decimal? QuantityLow,
    decimal? QuantityHigh,
    string Unit,
    string Status,
    bool FeasibleAsIs,
    IReadOnlyList<string> Reasons,
    Guid? MatchId,
    string? MatchState,
    bool OwnConsent,
    string? OtherFactoryName,
    string? OtherContact);

/// <summary>
/// The matching queries: the stateless water evaluation, the staff workbench's ranked candidates with
/// their explanations, and an engineer's anonymised opportunities.
/// </summary>
public sealed class Matchmaking(
    IEcoParkDbContextFactory dbFactory,
    MatchingRules rules,
    CandidateStore store,
    IValidator<EvaluateWaterRequest> evaluateValidator,
    IValidator<EvaluateHeatRequest> heatValidator,
    IValidator<EvaluateByproductRequest> byproductValidator,
    IStringLocalizer<Messages> l)
{
    public async Task<WaterEvaluationDto> EvaluateWaterAsync(EvaluateWaterRequest request, CancellationToken cancellationToken = default)
    {
        await evaluateValidator.ValidateAndThrowAsync(request, cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var context = await rules.ContextAsync(db, cancellationToken);
        var (supply, demand) = request.ToEngine();
        demand = demand with { WindowMonths = request.WindowMonths(context) };
        return WaterEvaluationDto.From(WaterMatcher.Evaluate(supply, demand, context));
    }

    /// <summary>The stateless heat evaluation: one supply against one demand, nothing stored.</summary>
    public async Task<HeatEvaluationDto> EvaluateHeatAsync(EvaluateHeatRequest request, CancellationToken cancellationToken = default)
    {
        await heatValidator.ValidateAndThrowAsync(request, cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var context = await rules.ContextAsync(db, cancellationToken);
        var (supply, demand) = request.ToEngine();
        return HeatEvaluationDto.From(HeatMatcher.Evaluate(supply, demand, context.Parameters));
    }

    /// <summary>The stateless by-product evaluation: one material on offer against one need, nothing stored.</summary>
    public async Task<ByproductEvaluationDto> EvaluateByproductAsync(EvaluateByproductRequest request, CancellationToken cancellationToken = default)
    {
        await byproductValidator.ValidateAndThrowAsync(request, cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var context = await rules.ContextAsync(db, cancellationToken);
        var (supply, demand) = request.ToEngine();
        return ByproductEvaluationDto.From(ByproductMatcher.Evaluate(supply, demand, context.Parameters, context.Today));
    }

    /// <summary>
    /// One page of the stored candidates with at least one side in the park, for its staff and administrators: filtered,
    /// sorted and paged in the database, each row then disclosed as <see cref="MatchDisclosure"/> decides for the caller.
    /// </summary>
    public async Task<CandidatePage> ParkCandidatesAsync(Caller caller, Guid parkId, CandidateFilter filter, CandidatePaging paging, CancellationToken cancellationToken = default)
    {
        RequireStaff(caller, parkId);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        // The park's rows are those with the supply in it plus those with only the demand in it. Each side is read in the
        // order asked for from its own index, up to the end of the page, and only those rows are merged and paged: a filter
        // of "supply or demand in the park" would make the database sort every row of the park for each page.
        var supplySide = Filtered(db, caller, db.MatchCandidates.AsNoTracking().Where(c => c.SupplyParkId == parkId), filter);
        var demandSide = Filtered(db, caller, db.MatchCandidates.AsNoTracking().Where(c => c.DemandParkId == parkId && c.CrossPark), filter);
        var counted = await supplySide.Concat(demandSide).Take(paging.CountLimit + 1).CountAsync(cancellationToken);
        var skip = (int)Math.Min((long)(paging.Page - 1) * paging.PageSize, int.MaxValue);
        var end = (int)Math.Min((long)skip + paging.PageSize, int.MaxValue);
        var upToPage = Sorted(db, caller, supplySide, paging.Sort).Take(end).Concat(Sorted(db, caller, demandSide, paging.Sort).Take(end));
        var rows = await Sorted(db, caller, upToPage, paging.Sort).Skip(skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return new CandidatePage(await DisclosedAsync(db, caller, rows, cancellationToken), Math.Min(counted, paging.CountLimit), counted > paging.CountLimit);
    }

    /// <summary>Candidate jobs still running or waiting (rule or factory changes being worked in), for the workbench; null when none.</summary>
    public Task<Jobs.JobProgress?> RecomputingAsync(CancellationToken cancellationToken = default) => store.ProgressAsync(cancellationToken);

    /// <summary>
    /// One pair with its whole explanation (blocked pairs too: staff ask why), computed on demand from the two streams, their
    /// factories, the matches on them, the rule data and the buyer's filed months only.
    /// </summary>
    public async Task<MatchExplanation> ExplainAsync(Caller caller, Guid supplyStreamId, Guid demandStreamId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var world = await MatchingWorld.LoadPairAsync(db, rules, supplyStreamId, demandStreamId, cancellationToken)
            ?? throw new NotFoundException(l["Stream.NotFound"]);
        var supply = world.Streams[supplyStreamId];
        var parkId = world.Factories[supply.FactoryId].ParkId;
        var demandPark = world.Factories[world.Streams[demandStreamId].FactoryId].ParkId;
        if (!IsStaff(caller, parkId) && !IsStaff(caller, demandPark))
        {
            throw new NotFoundException(l["Stream.NotFound"]);
        }

        var explanation = world.Evaluate(caller, MatchingWorld.Pair(supplyStreamId, demandStreamId), Resource(supply)).FirstOrDefault()
            ?? throw new NotFoundException(l["Stream.NotFound"]);
        return MatchDisclosure.ForStaff(caller, world, explanation);
    }

    /// <summary>
    /// Candidates for one stream, for staff of its park, each with its explanation: the stream against the streams of the
    /// factories in reach of its own (the stored candidates' pairs), nothing else loaded.
    /// </summary>
    public async Task<IReadOnlyList<MatchExplanation>> StreamCandidatesAsync(Caller caller, Guid streamId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var world = await MatchingWorld.LoadAroundAsync(db, rules, [streamId], cancellationToken);
        if (world is null || !world.Streams.TryGetValue(streamId, out var stream) || !IsStaff(caller, world.Factories[stream.FactoryId].ParkId))
        {
            throw new NotFoundException(l["Stream.NotFound"]);
        }

        return [.. world.Evaluate(caller, MatchingWorld.Touching(new HashSet<Guid> { streamId }), Resource(stream)).Where(e => e.Candidate.Status != "blocked")
            .Select(e => MatchDisclosure.ForStaff(caller, world, e))];
    }

    private static IQueryable<MatchCandidate> Filtered(IEcoParkDbContext db, Caller caller, IQueryable<MatchCandidate> query, CandidateFilter filter)
    {
        if (ParseResource(filter.Resource) is { } resource)
        {
            query = query.Where(c => c.Resource == resource);
        }

        if (!filter.IncludeBlocked)
        {
            query = query.Where(c => c.Status != "blocked");
        }

        if (filter.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }

        if (filter.FeasibleOnly)
        {
            query = query.Where(c => c.Feasible);
        }

        if (filter.MinBenefitNtd is { } minimum)
        {
            // A withheld row shows no benefit, so it meets no minimum (as the list always answered).
            query = Visible(db, caller, query.Where(c => c.NetAnnualBenefitNtd >= minimum));
        }

        return query;
    }

    /// <summary>The rows whose both sides the caller reads in full (<see cref="MatchDisclosure.SeesSide"/>, in SQL).</summary>
    private static IQueryable<MatchCandidate> Visible(IEcoParkDbContext db, Caller caller, IQueryable<MatchCandidate> query) =>
        caller.SeesEverything ? query : query.Where(SeesBothSides(db, caller));

    private static Expression<Func<MatchCandidate, bool>> SeesBothSides(IEcoParkDbContext db, Caller caller)
    {
        var parks = caller.ParkIds.ToList();
        var open = db.MatchCases.Where(m => m.State != MatchState.Declined && m.State != MatchState.Ended)
            .Where(m => parks.Contains(m.ParkId) || (m.PartnerParkId != null && parks.Contains(m.PartnerParkId.Value)));
        return c =>
            (parks.Contains(c.SupplyParkId) || open.Any(m => m.SupplyStreamId == c.SupplyStreamId && m.DemandStreamId == c.DemandStreamId
                && (m.ParkId == c.SupplyParkId || (m.PartnerParkId == c.SupplyParkId && m.PartnerJoinedAt != null))))
            && (parks.Contains(c.DemandParkId) || open.Any(m => m.SupplyStreamId == c.SupplyStreamId && m.DemandStreamId == c.DemandStreamId
                && (m.ParkId == c.DemandParkId || (m.PartnerParkId == c.DemandParkId && m.PartnerJoinedAt != null))));
    }

    /// <summary>
    /// The rows in the order asked for, then by pair (so that pages never overlap). A column that a withheld row does not
    /// show (money, CO₂e) sorts the rows the caller reads in full first, so that the order never hints at a hidden figure.
    /// </summary>
    private static IOrderedQueryable<MatchCandidate> Sorted(IEcoParkDbContext db, Caller caller, IQueryable<MatchCandidate> query, string sort)
    {
        IOrderedQueryable<MatchCandidate> Shown<TKey>(Expression<Func<MatchCandidate, TKey>> key, bool descending)
        {
            if (caller.SeesEverything)
            {
                return descending ? query.OrderByDescending(key) : query.OrderBy(key);
            }

            var visibleFirst = query.OrderByDescending(SeesBothSides(db, caller));
            return descending ? visibleFirst.ThenByDescending(key) : visibleFirst.ThenBy(key);
        }

        var ordered = sort switch
        {
            "quantity" => query.OrderBy(c => c.Quantity),
            "-quantity" => query.OrderByDescending(c => c.Quantity),
            "distance" => query.OrderBy(c => c.DistanceM),
            "-distance" => query.OrderByDescending(c => c.DistanceM),
            "benefit" => Shown(c => c.NetAnnualBenefitNtd, descending: false),
            "-benefit" => Shown(c => c.NetAnnualBenefitNtd, descending: true),
            "co2e" => Shown(c => c.Co2eKgPerYear, descending: false),
            "-co2e" => Shown(c => c.Co2eKgPerYear, descending: true),
            "payback" => Shown(c => c.PaybackMonths, descending: false),
            "-payback" => Shown(c => c.PaybackMonths, descending: true),
            _ => query.OrderByDescending(c => c.Feasible).ThenByDescending(c => c.NetAnnualBenefitNtd).ThenByDescending(c => c.TightestMargin != null)
                .ThenByDescending(c => c.TightestMargin),
        };
        return ordered.ThenBy(c => c.SupplyStreamId).ThenBy(c => c.DemandStreamId);
    }

    /// <summary>The rows as the caller may read them, with the open match of each pair.</summary>
    private static async Task<IReadOnlyList<CandidateDto>> DisclosedAsync(IEcoParkDbContext db, Caller caller, IReadOnlyList<MatchCandidate> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var factoryIds = rows.SelectMany(r => new[] { r.SupplyFactoryId, r.DemandFactoryId }).Distinct().ToList();
        var factories = await db.Factories.AsNoTracking().Where(f => factoryIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
        var supplies = rows.Select(r => r.SupplyStreamId).Distinct().ToList();
        var cases = await db.MatchCases.AsNoTracking().Where(m => m.State != MatchState.Declined && m.State != MatchState.Ended && supplies.Contains(m.SupplyStreamId))
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => MatchDisclosure.ForStaff(caller, r, factories[r.SupplyFactoryId], factories[r.DemandFactoryId],
            cases.FirstOrDefault(m => m.SupplyStreamId == r.SupplyStreamId && m.DemandStreamId == r.DemandStreamId)))];
    }

    /// <summary>The engineer's own streams' workable candidates, anonymised as <see cref="OpportunityDto"/> describes.</summary>
    public async Task<IReadOnlyList<OpportunityDto>> OpportunitiesAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var mine = await CandidateStore.StreamIdsAsync(db, [.. caller.FactoryIds], cancellationToken);
        // The own streams and the factories in reach of theirs: pairs beyond reach are blocked and never an opportunity.
        var world = mine.Count == 0 ? null : await MatchingWorld.LoadAroundAsync(db, rules, mine, cancellationToken);
        if (world is null)
        {
            return [];
        }

        var own = mine.ToHashSet();

        return [.. world.Evaluate(caller, MatchingWorld.Touching(own))
            .Where(e => e.Candidate.Feasible || e.Candidate.Status == "needs-lab-test")
            .Select(e => Anonymise(world, e, ownSupply: own.Contains(e.Candidate.SupplyStreamId)))];
    }

    private static OpportunityDto Anonymise(MatchingWorld world, MatchExplanation e, bool ownSupply)
    {
        var c = e.Candidate;
        var other = world.Streams[ownSupply ? c.DemandStreamId : c.SupplyStreamId];
        var match = c.MatchId is { } id ? world.Cases.Single(m => m.Id == id) : null;
        var view = MatchDisclosure.OtherParty(other, world.Factories[other.FactoryId], c.Quantity.GetValueOrDefault(), match);
        return new OpportunityDto(c.Resource, ownSupply ? c.SupplyStreamId : c.DemandStreamId, (ownSupply ? c.SupplyName : c.DemandName) ?? string.Empty,
            ownSupply ? "supply" : "demand", view.Industry, c.DistanceM is { } d ? Math.Round(d / 1000, 1) : null,
            view.Quantity, view.QuantityLow, view.QuantityHigh, c.Unit, c.Status, c.FeasibleAsIs, MatchDisclosure.PartyReasons(e),
            match?.Id, match is null ? null : match.State.Key(), match is not null && (ownSupply ? match.SupplierConsented : match.BuyerConsented),
            view.FactoryName, view.Contact);
    }

    public static bool IsStaff(Caller caller, Guid parkId) => caller.IsAdministrator || caller.ParkIds.Contains(parkId);

    private void RequireStaff(Caller caller, Guid parkId)
    {
        if (!IsStaff(caller, parkId))
        {
            throw new NotFoundException(l["Park.NotFound"]);
        }
    }

    public static ResourceKind Resource(FactoryStream stream) => stream switch
    {
        EffluentStream or WaterDemand => ResourceKind.Water,
        HeatStream => ResourceKind.Heat,
        _ => ResourceKind.Byproduct,
    };

    private static ResourceKind? ParseResource(string? key) =>
        string.IsNullOrWhiteSpace(key) ? null : Enum.TryParse<ResourceKind>(key, ignoreCase: true, out var kind) ? kind : null;
}
