using EcoPark.Application.Abstractions;
using EcoPark.Application.Common;
using EcoPark.Application.Filings;
using EcoPark.Domain.Access;
using EcoPark.Domain.Common;
using EcoPark.Domain.Factories;
using EcoPark.Domain.Fees;
using EcoPark.Domain.Matching;
using EcoPark.Domain.Streams;
using Microsoft.EntityFrameworkCore;

namespace EcoPark.Application.Matching;

/// <summary>
/// A candidate pair as staff see it in a list: who, what, how much, and where it stands. A side staff may not
/// see in full (another park's, until its staff take part) is <see cref="Withheld"/>: no stream name, the quantity
/// as <see cref="QuantityLow"/>–<see cref="QuantityHigh"/> where it is confidential, and no money or CO₂e.
/// </summary>
public sealed record CandidateDto
{
    public required string Resource { get; init; }

    public required Guid SupplyStreamId { get; init; }

    public required string? SupplyName { get; init; }

    public required Guid SupplyFactoryId { get; init; }

    public required string SupplyFactory { get; init; }

    public required Guid DemandStreamId { get; init; }

    public required string? DemandName { get; init; }

    public required Guid DemandFactoryId { get; init; }

    public required string DemandFactory { get; init; }

    public required string Status { get; init; }

    public required bool Feasible { get; init; }

    public required bool FeasibleAsIs { get; init; }

    public required decimal? Quantity { get; init; }

    public required string Unit { get; init; }

    public required decimal? DistanceM { get; init; }

    public required decimal? NetAnnualBenefitNtd { get; init; }

    public required decimal? Co2eKgPerYear { get; init; }

    public required decimal? PaybackMonths { get; init; }

    public required decimal? TightestMargin { get; init; }

    public required IReadOnlyList<string> Reasons { get; init; }

    public required Guid? MatchId { get; init; }

    public required string? MatchState { get; init; }

    public decimal? QuantityLow { get; init; }

    public decimal? QuantityHigh { get; init; }

    public bool Withheld { get; init; }

    public int? DefaultMoneyInputs { get; init; }
}

/// <summary>A candidate with the engine's whole explanation for its resource.</summary>
public sealed record MatchExplanation(CandidateDto Candidate, WaterMatchResult? Water, HeatMatchResult? Heat, ByproductMatchResult? Byproduct);

/// <summary>
/// Everything filed that matching looks at, loaded once per request and mapped into the engine's inputs:
/// each stream with its factory's park, place and industry, and what agreed matches already take from
/// each supply. Only the pairs a request asks for are evaluated; more than <see cref="ScreenAbove"/> water
/// pairs go through the indexed screen first.
/// </summary>
public sealed class MatchingWorld
{
    public const int ScreenAbove = 40_000;

    private MatchingWorld()
    {
    }

    public required WaterMatchContext Context { get; init; }

    public required IReadOnlyDictionary<Guid, Factory> Factories { get; init; }

    public required IReadOnlyDictionary<Guid, FactoryStream> Streams { get; init; }

    public required IReadOnlyList<MatchCase> Cases { get; init; }

    /// <summary>Each water demand's factory's filed monthly intake in the fee year's collection window (empty: none filed).</summary>
    public required IReadOnlyDictionary<Guid, IReadOnlyList<MonthlyVolumes>> WindowMonths { get; init; }

    /// <summary>Everything: every factory and stream of every park (for a rebuild of the stored candidates, never per request).</summary>
    public static Task<MatchingWorld> LoadAsync(IEcoParkDbContext db, MatchingRules rules, CancellationToken cancellationToken) =>
        LoadAsync(db, rules, null, null, cancellationToken);

    /// <summary>
    /// Only the given factories (all when null) and their streams of one resource (all when null), the open matches on
    /// those streams, and the filed months of their water buyers: what a pair, a stream's partners or a park needs.
    /// </summary>
    public static async Task<MatchingWorld> LoadAsync(IEcoParkDbContext db, MatchingRules rules, IReadOnlyCollection<Guid>? factoryIds, ResourceKind? resource,
        CancellationToken cancellationToken, WaterMatchContext? context = null)
    {
        context ??= await rules.ContextAsync(db, cancellationToken);
        var factoryQuery = db.Factories.AsNoTracking();
        var factories = await (factoryIds is null ? factoryQuery : factoryQuery.Where(f => factoryIds.Contains(f.Id))).ToDictionaryAsync(f => f.Id, cancellationToken);
        var ids = factories.Keys.ToList();
        var all = factoryIds is null;
        var streams = new List<FactoryStream>();
        if (resource is null or ResourceKind.Water)
        {
            streams.AddRange(await db.EffluentStreams.AsNoTracking().Where(s => all || ids.Contains(s.FactoryId)).ToListAsync(cancellationToken));
            streams.AddRange(await db.WaterDemands.AsNoTracking().Where(s => all || ids.Contains(s.FactoryId)).ToListAsync(cancellationToken));
        }

        if (resource is null or ResourceKind.Heat)
        {
            streams.AddRange(await db.HeatStreams.AsNoTracking().Where(s => all || ids.Contains(s.FactoryId)).ToListAsync(cancellationToken));
        }

        if (resource is null or ResourceKind.Byproduct)
        {
            streams.AddRange(await db.ByproductStreams.AsNoTracking().Where(s => all || ids.Contains(s.FactoryId)).ToListAsync(cancellationToken));
        }

        var streamIds = streams.Select(s => s.Id).ToList();
        var cases = await db.MatchCases.AsNoTracking().Where(m => m.State != MatchState.Declined && m.State != MatchState.Ended)
            .Where(m => all || streamIds.Contains(m.SupplyStreamId) || streamIds.Contains(m.DemandStreamId)).ToListAsync(cancellationToken);
        var months = await WindowMonthsAsync(db, context, [.. streams.OfType<WaterDemand>().Select(d => d.FactoryId).Distinct()], cancellationToken);
        return new MatchingWorld { Context = context, Factories = factories, Streams = streams.ToDictionary(s => s.Id), Cases = cases, WindowMonths = months };
    }

    /// <summary>The two streams of a pair, their factories and the matches on their streams; null when either stream does not exist.</summary>
    public static async Task<MatchingWorld?> LoadPairAsync(IEcoParkDbContext db, MatchingRules rules, Guid supplyStreamId, Guid demandStreamId, CancellationToken cancellationToken)
    {
        var sides = await CandidateStore.StreamFactoriesAsync(db, [supplyStreamId, demandStreamId], cancellationToken);
        if (!sides.TryGetValue(supplyStreamId, out var supply) || !sides.TryGetValue(demandStreamId, out var demand))
        {
            return null;
        }

        return await LoadAsync(db, rules, [supply.FactoryId, demand.FactoryId], supply.Resource == demand.Resource ? supply.Resource : null, cancellationToken);
    }

    /// <summary>The streams and every stream of the factories in reach of theirs (for their resources); null when none of them exists.</summary>
    public static async Task<MatchingWorld?> LoadAroundAsync(IEcoParkDbContext db, MatchingRules rules, IReadOnlyCollection<Guid> streamIds, CancellationToken cancellationToken)
    {
        var anchors = await CandidateStore.StreamFactoriesAsync(db, streamIds, cancellationToken);
        if (anchors.Count == 0)
        {
            return null;
        }

        var context = await rules.ContextAsync(db, cancellationToken);
        var reach = new HashSet<Guid>();
        var resources = anchors.Values.Select(a => a.Resource).Distinct().ToList();
        foreach (var resource in resources)
        {
            reach.UnionWith(await InReachOfAsync(db, context.Parameters, [.. anchors.Values.Where(a => a.Resource == resource).Select(a => a.FactoryId).Distinct()], resource,
                cancellationToken));
        }

        return await LoadAsync(db, rules, reach, resources.Count == 1 ? resources[0] : null, cancellationToken, context);
    }

    /// <summary>
    /// Each buyer factory's filed months of the fee year's collection window, for the engine to work out the fee with and
    /// without the matched volume (once per buyer and fee year, in one query for all buyers); a factory without filed months
    /// gets the engine's documented assumption instead.
    /// </summary>
    private static async Task<Dictionary<Guid, IReadOnlyList<MonthlyVolumes>>> WindowMonthsAsync(IEcoParkDbContext db, WaterMatchContext context,
        IReadOnlyList<Guid> factoryIds, CancellationToken cancellationToken)
    {
        var months = new Dictionary<Guid, IReadOnlyList<MonthlyVolumes>>();
        if (context.FeeRules?.Regulation2023 is not { } rules || factoryIds.Count == 0)
        {
            return months;
        }

        var window = rules.WindowMonths(context.FeeYear);
        foreach (var (factoryId, filed) in await WaterBalanceFilings.MonthlyIntakeAsync(db, factoryIds, window[0], window[^1], cancellationToken))
        {
            months[factoryId] = filed;
        }

        return months;
    }

    /// <summary>A pair's reach for the stored candidates: the same park always, another park within the resource's between-park distance.</summary>
    public static bool InReach(MatchingParameters parameters, ResourceKind resource, Guid supplyPark, GeoPoint supplyAt, Guid demandPark, GeoPoint demandAt)
    {
        if (supplyPark == demandPark)
        {
            return true;
        }

        var reach = resource switch
        {
            ResourceKind.Water => parameters.Water.MaxPipeDistanceM,
            ResourceKind.Heat => parameters.Heat.MaxDistanceM,
            _ => parameters.Byproduct.MaxDistanceKm * 1000,
        };
        return supplyAt.DistanceMetresTo(demandAt) <= (double)reach;
    }

    /// <summary>The factories within reach of any of <paramref name="factoryIds"/> (themselves included) for the resource, from the factories' places alone.</summary>
    public static async Task<HashSet<Guid>> InReachOfAsync(IEcoParkDbContext db, MatchingParameters parameters, IReadOnlyCollection<Guid> factoryIds, ResourceKind resource,
        CancellationToken cancellationToken)
    {
        var places = await db.Factories.AsNoTracking().Select(f => new { f.Id, f.ParkId, f.Location }).ToListAsync(cancellationToken);
        var anchors = places.Where(p => factoryIds.Contains(p.Id)).ToList();
        return [.. places.Where(p => anchors.Any(a => InReach(parameters, resource, a.ParkId, a.Location, p.ParkId, p.Location))).Select(p => p.Id)];
    }

    /// <summary>
    /// The pairs the stored candidates hold: a supply and a demand of one resource, of two different factories in reach,
    /// with at least one side in <paramref name="anchors"/> (every pair when null), each evaluated on its own.
    /// </summary>
    public IEnumerable<MatchExplanation> StoredPairs(IReadOnlySet<Guid>? anchors, Func<FactoryStream, bool>? supplyFilter = null)
    {
        var byFactoryPair = new Dictionary<(Guid, Guid, ResourceKind), bool>();
        bool Reach(FactoryStream supply, FactoryStream demand, ResourceKind resource)
        {
            var key = (supply.FactoryId, demand.FactoryId, resource);
            if (!byFactoryPair.TryGetValue(key, out var inReach))
            {
                var (a, b) = (Factories[supply.FactoryId], Factories[demand.FactoryId]);
                byFactoryPair[key] = inReach = InReach(Context.Parameters, resource, a.ParkId, a.Location, b.ParkId, b.Location);
            }

            return inReach;
        }

        var sides = Streams.Values.GroupBy(s => (Resource: Matchmaking.Resource(s), Supply: s is EffluentStream || (s as HeatStream)?.Direction == StreamDirection.Supply
            || (s as ByproductStream)?.Direction == StreamDirection.Supply)).ToDictionary(g => g.Key, g => g.OrderBy(s => s.Id).ToList());
        foreach (var resource in new[] { ResourceKind.Water, ResourceKind.Heat, ResourceKind.Byproduct })
        {
            foreach (var supply in sides.GetValueOrDefault((resource, true)) ?? [])
            {
                if (supplyFilter is not null && !supplyFilter(supply))
                {
                    continue;
                }

                foreach (var demand in sides.GetValueOrDefault((resource, false)) ?? [])
                {
                    if (supply.FactoryId != demand.FactoryId && (anchors is null || anchors.Contains(supply.Id) || anchors.Contains(demand.Id))
                        && Reach(supply, demand, resource) && EvaluatePair(Everyone, supply, demand) is { } explanation)
                    {
                        yield return explanation;
                    }
                }
            }
        }
    }

    /// <summary>A reader who sees every side, for what is stored (who reads it is decided when it is read).</summary>
    private static readonly Caller Everyone = new(Guid.Empty, [Roles.Administrator], [], []);

    /// <summary>One pair evaluated on its own (null when the two are not a supply and a demand of one resource).</summary>
    public MatchExplanation? EvaluatePair(Caller caller, FactoryStream supply, FactoryStream demand)
    {
        switch (supply, demand)
        {
            case (EffluentStream s, WaterDemand d):
                var water = WaterMatcher.Evaluate(WaterSupply(s), WaterDemandInput(d), Context, QuotesFor(s.Id, d.Id));
                return new MatchExplanation(Candidate(caller, water), water, null, null);
            case (HeatStream { Direction: StreamDirection.Supply } s, HeatStream { Direction: StreamDirection.Demand } d):
                var heat = HeatMatcher.Evaluate(HeatSupply(s), HeatDemand(d), Context.Parameters, CaseFor(s.Id, d.Id, ResourceKind.Heat)?.CurrentHeatQuotes());
                return new MatchExplanation(Candidate(caller, heat), null, heat, null);
            case (ByproductStream { Direction: StreamDirection.Supply } s, ByproductStream { Direction: StreamDirection.Demand } d):
                var material = ByproductMatcher.Evaluate(ByproductSupply(s), ByproductDemand(d), Context.Parameters, Context.Today, CaseFor(s.Id, d.Id, ResourceKind.Byproduct)?.CurrentByproductQuotes());
                return new MatchExplanation(Candidate(caller, material), null, null, material);
            default:
                return null;
        }
    }

    /// <summary>The stored row of an explanation computed for <see cref="Everyone"/>.</summary>
    public MatchCandidate Row(MatchExplanation explanation, DateTimeOffset at)
    {
        var c = explanation.Candidate;
        var supply = Streams[c.SupplyStreamId];
        var demand = Streams[c.DemandStreamId];
        var supplyBand = Disclosure.ToOtherParty(supply.Confidential).Band(c.Quantity ?? 0);
        var demandBand = Disclosure.ToOtherParty(demand.Confidential).Band(c.Quantity ?? 0);
        return new MatchCandidate
        {
            SupplyStreamId = c.SupplyStreamId,
            DemandStreamId = c.DemandStreamId,
            Resource = Matchmaking.Resource(supply),
            SupplyFactoryId = c.SupplyFactoryId,
            DemandFactoryId = c.DemandFactoryId,
            SupplyParkId = Factories[c.SupplyFactoryId].ParkId,
            DemandParkId = Factories[c.DemandFactoryId].ParkId,
            CrossPark = Factories[c.SupplyFactoryId].ParkId != Factories[c.DemandFactoryId].ParkId, // as the database keeps it
            SupplyName = supply.Name,
            DemandName = demand.Name,
            Status = c.Status,
            Feasible = c.Feasible,
            FeasibleAsIs = c.FeasibleAsIs,
            Quantity = c.Quantity ?? 0,
            Unit = c.Unit,
            DistanceM = c.DistanceM,
            NetAnnualBenefitNtd = c.NetAnnualBenefitNtd ?? 0,
            Co2eKgPerYear = c.Co2eKgPerYear ?? 0,
            PaybackMonths = c.PaybackMonths,
            DefaultMoneyInputs = c.DefaultMoneyInputs ?? 0,
            TightestMargin = c.TightestMargin,
            Reasons = [.. c.Reasons],
            PartyReasons = [.. MatchDisclosure.PartyReasons(explanation)],
            SupplyBandLow = supplyBand?.Low,
            SupplyBandHigh = supplyBand?.High,
            DemandBandLow = demandBand?.Low,
            DemandBandHigh = demandBand?.High,
            ParametersVersion = Context.Parameters.Version,
            CatalogueVersion = Context.Treatments.Version,
            FeeYear = Context.FeeYear,
            SupplyVersion = supply.RowVersion,
            DemandVersion = demand.RowVersion,
            ComputedAt = at,
        };
    }

    /// <summary>
    /// The pairs (supply, demand) that <paramref name="include"/> accepts (every pair of two different
    /// factories when null), evaluated and ranked; only those pairs are evaluated.
    /// </summary>
    public IReadOnlyList<MatchExplanation> Evaluate(Caller caller, Func<FactoryStream, FactoryStream, bool>? include, ResourceKind? resource = null)
    {
        bool Wanted(FactoryStream supply, FactoryStream demand) => supply.FactoryId != demand.FactoryId && (include?.Invoke(supply, demand) ?? true);

        var results = new List<MatchExplanation>();
        if (resource is null or ResourceKind.Water)
        {
            var supplies = Streams.Values.OfType<EffluentStream>().ToList();
            var demands = Streams.Values.OfType<WaterDemand>().ToList();
            var supplyInputs = supplies.Select(WaterSupply).ToList();
            var demandInputs = demands.Select(WaterDemandInput).ToList();
            var pairs = supplyInputs.SelectMany(s => demandInputs.Select(d => (s, d))).Where(p => Wanted(Streams[p.s.Id], Streams[p.d.Id]));
            // Few wanted pairs are evaluated one by one; many go through the indexed screen first.
            IEnumerable<WaterMatchResult> water = pairs.Take(ScreenAbove + 1).Count() > ScreenAbove
                ? WaterMatcher.FindMatches(supplyInputs, demandInputs, Context)
                : pairs.Select(p => WaterMatcher.Evaluate(p.s, p.d, Context, QuotesFor(p.s.Id, p.d.Id)));
            results.AddRange(water.Where(r => Wanted(Streams[r.SupplyId], Streams[r.DemandId])).Select(r => new MatchExplanation(Candidate(caller, r), r, null, null)));
        }

        if (resource is null or ResourceKind.Heat)
        {
            var heat = Streams.Values.OfType<HeatStream>().ToList();
            foreach (var supply in heat.Where(h => h.Direction == StreamDirection.Supply))
            {
                foreach (var demand in heat.Where(h => h.Direction == StreamDirection.Demand && Wanted(supply, h)))
                {
                    var result = HeatMatcher.Evaluate(HeatSupply(supply), HeatDemand(demand), Context.Parameters, CaseFor(supply.Id, demand.Id, ResourceKind.Heat)?.CurrentHeatQuotes());
                    results.Add(new MatchExplanation(Candidate(caller, result), null, result, null));
                }
            }
        }

        if (resource is null or ResourceKind.Byproduct)
        {
            var materials = Streams.Values.OfType<ByproductStream>().ToList();
            foreach (var supply in materials.Where(b => b.Direction == StreamDirection.Supply))
            {
                foreach (var demand in materials.Where(b => b.Direction == StreamDirection.Demand && Wanted(supply, b)))
                {
                    var result = ByproductMatcher.Evaluate(ByproductSupply(supply), ByproductDemand(demand), Context.Parameters, Context.Today, CaseFor(supply.Id, demand.Id, ResourceKind.Byproduct)?.CurrentByproductQuotes());
                    results.Add(new MatchExplanation(Candidate(caller, result), null, null, result));
                }
            }
        }

        return [.. results.OrderByDescending(r => r.Candidate.Feasible).ThenByDescending(r => r.Candidate.NetAnnualBenefitNtd)
            .ThenByDescending(r => r.Candidate.TightestMargin ?? decimal.MinValue)];
    }

    /// <summary>
    /// The pairs <paramref name="include"/> accepts of two different factories in reach, of the resources, each as the engine
    /// evaluates it on its own (with the quotes in force on its open match): the park-wide allocation model's inputs. Streams
    /// are taken in id order, so the same world gives the same list.
    /// </summary>
    public (List<Allocation.WaterPairEvaluation> Water, List<Allocation.HeatPairEvaluation> Heat, List<Allocation.ByproductPairEvaluation> Byproducts)
        AllocationPairs(Func<FactoryStream, FactoryStream, bool> include, IReadOnlySet<ResourceKind> resources)
    {
        var (water, heat, byproducts) = (new List<Allocation.WaterPairEvaluation>(), new List<Allocation.HeatPairEvaluation>(), new List<Allocation.ByproductPairEvaluation>());
        var streams = Streams.Values.OrderBy(s => s.Id).ToList();
        bool Wanted(FactoryStream supply, FactoryStream demand, ResourceKind resource)
        {
            var (a, b) = (Factories[supply.FactoryId], Factories[demand.FactoryId]);
            return resources.Contains(resource) && supply.FactoryId != demand.FactoryId && include(supply, demand)
                && InReach(Context.Parameters, resource, a.ParkId, a.Location, b.ParkId, b.Location);
        }

        foreach (var s in streams.OfType<EffluentStream>())
        {
            foreach (var d in streams.OfType<WaterDemand>().Where(d => Wanted(s, d, ResourceKind.Water)))
            {
                var (supply, demand) = (WaterSupply(s), WaterDemandInput(d));
                water.Add(new(supply, demand, WaterMatcher.Evaluate(supply, demand, Context, QuotesFor(s.Id, d.Id))));
            }
        }

        var heatStreams = streams.OfType<HeatStream>().ToList();
        foreach (var s in heatStreams.Where(h => h.Direction == StreamDirection.Supply))
        {
            foreach (var d in heatStreams.Where(h => h.Direction == StreamDirection.Demand && Wanted(s, h, ResourceKind.Heat)))
            {
                var (supply, demand) = (HeatSupply(s), HeatDemand(d));
                heat.Add(new(supply, demand, HeatMatcher.Evaluate(supply, demand, Context.Parameters, CaseFor(s.Id, d.Id, ResourceKind.Heat)?.CurrentHeatQuotes())));
            }
        }

        var materials = streams.OfType<ByproductStream>().ToList();
        foreach (var s in materials.Where(b => b.Direction == StreamDirection.Supply))
        {
            foreach (var d in materials.Where(b => b.Direction == StreamDirection.Demand && Wanted(s, b, ResourceKind.Byproduct)))
            {
                var (supply, demand) = (ByproductSupply(s), ByproductDemand(d));
                byproducts.Add(new(supply, demand, ByproductMatcher.Evaluate(supply, demand, Context.Parameters, Context.Today, CaseFor(s.Id, d.Id, ResourceKind.Byproduct)?.CurrentByproductQuotes())));
            }
        }

        return (water, heat, byproducts);
    }

    /// <summary>
    /// One pair of a match evaluated with the quotes in force on that match: its quantity (m³/day, kW or t/month), net annual
    /// benefit, CO₂e a year and the result as stored; null when the streams are not a supply and a demand of the match's resource.
    /// </summary>
    public (decimal Quantity, decimal NetAnnualBenefitNtd, decimal Co2eKgPerYear, object Result)? EvaluateWithQuotes(MatchCase match)
    {
        var (supply, demand) = (Streams.GetValueOrDefault(match.SupplyStreamId), Streams.GetValueOrDefault(match.DemandStreamId));
        switch (match.Resource, supply, demand)
        {
            case (ResourceKind.Water, EffluentStream s, WaterDemand d):
                var water = WaterMatcher.Evaluate(WaterSupply(s), WaterDemandInput(d), Context, match.CurrentQuotes());
                return (water.MatchedFlowM3PerDay, water.Economics?.NetAnnualBenefitNtd ?? 0, water.Economics?.Co2eAvoidedKgPerYear ?? 0, water);
            case (ResourceKind.Heat, HeatStream { Direction: StreamDirection.Supply } s, HeatStream { Direction: StreamDirection.Demand } d):
                var heat = HeatMatcher.Evaluate(HeatSupply(s), HeatDemand(d), Context.Parameters, match.CurrentHeatQuotes());
                return (heat.DeliveredKw, heat.Economics?.NetAnnualBenefitNtd ?? 0, heat.Economics?.Co2eAvoidedKgPerYear ?? 0, heat);
            case (ResourceKind.Byproduct, ByproductStream { Direction: StreamDirection.Supply } s, ByproductStream { Direction: StreamDirection.Demand } d):
                var material = ByproductMatcher.Evaluate(ByproductSupply(s), ByproductDemand(d), Context.Parameters, Context.Today, match.CurrentByproductQuotes());
                return (material.TonnesPerMonth, material.Economics?.NetAnnualBenefitNtd ?? 0, material.Economics?.Co2eAvoidedKgPerYear ?? 0, material);
            default:
                return null;
        }
    }

    /// <summary>The quotes in force on the open water match of a pair, if any.</summary>
    private WaterQuotes? QuotesFor(Guid supplyId, Guid demandId) => CaseFor(supplyId, demandId, ResourceKind.Water)?.CurrentQuotes();

    /// <summary>The open match of a pair, whose quotes are in force on it, if any.</summary>
    private MatchCase? CaseFor(Guid supplyId, Guid demandId, ResourceKind resource) =>
        Cases.FirstOrDefault(c => c.SupplyStreamId == supplyId && c.DemandStreamId == demandId && c.Resource == resource);

    /// <summary>Pairs with at least one side in the park.</summary>
    public Func<FactoryStream, FactoryStream, bool> InPark(Guid parkId) =>
        (supply, demand) => Factories[supply.FactoryId].ParkId == parkId || Factories[demand.FactoryId].ParkId == parkId;

    /// <summary>Pairs with at least one of the streams.</summary>
    public static Func<FactoryStream, FactoryStream, bool> Touching(IReadOnlySet<Guid> streamIds) =>
        (supply, demand) => streamIds.Contains(supply.Id) || streamIds.Contains(demand.Id);

    /// <summary>Exactly one pair.</summary>
    public static Func<FactoryStream, FactoryStream, bool> Pair(Guid supplyId, Guid demandId) =>
        (supply, demand) => supply.Id == supplyId && demand.Id == demandId;

    /// <summary>What agreed matches already take from a supply, in its unit.</summary>
    public decimal Committed(Guid supplyStreamId) =>
        Cases.Where(c => c.SupplyStreamId == supplyStreamId).Sum(c => c.TakenFromSupply);

    public string FactoryName(Caller caller, Guid factoryId) => FactoryLabel(caller, Factories[factoryId]);

    /// <summary>A factory's name for a reader who may read the factory, its industry in brackets otherwise.</summary>
    public static string FactoryLabel(Caller caller, Factory factory) =>
        caller.CanReadFactory(factory.Id, factory.ParkId) ? factory.Name.Display() : MessageTexts.AnonymousParty(factory.Industry);

    private CandidateDto Candidate(Caller caller, WaterMatchResult r) => Dto(caller, ResourceKind.Water, r.SupplyId, r.DemandId, r.Status.Key(),
        feasible: r.Feasible, asIs: r.FeasibleAsIs, quantity: r.MatchedFlowM3PerDay, unit: "m³/day", distance: r.DistanceM,
        benefit: r.Economics?.NetAnnualBenefitNtd ?? 0, co2e: r.Economics?.Co2eAvoidedKgPerYear ?? 0, payback: r.Economics?.PairPaybackMonths,
        margin: r.TightestMargin, reasons: r.ReasonCodes, inputs: r.Inputs);

    private CandidateDto Candidate(Caller caller, HeatMatchResult r) => Dto(caller, ResourceKind.Heat, r.SupplyId, r.DemandId, r.Status.Key(),
        feasible: r.Feasible, asIs: r.Status == HeatMatchStatus.FeasibleDirect, quantity: r.DeliveredKw, unit: "kW", distance: r.DistanceM,
        benefit: r.Economics?.NetAnnualBenefitNtd ?? 0, co2e: r.Economics?.Co2eAvoidedKgPerYear ?? 0, payback: r.Economics?.PairPaybackMonths,
        margin: null, reasons: r.Reasons.Select(x => x.Code).Distinct(), inputs: r.Inputs);

    private CandidateDto Candidate(Caller caller, ByproductMatchResult r) => Dto(caller, ResourceKind.Byproduct, r.SupplyId, r.DemandId, r.Status.Key(),
        feasible: r.Status == ByproductMatchStatus.Feasible, asIs: r.Status == ByproductMatchStatus.Feasible, quantity: r.TonnesPerMonth, unit: "t/month",
        distance: r.DistanceM, benefit: r.Economics?.NetAnnualBenefitNtd ?? 0, co2e: r.Economics?.Co2eAvoidedKgPerYear ?? 0, payback: null,
        margin: r.Properties.Min(p => p.Margin), reasons: r.Reasons.Select(x => x.Code).Distinct(), inputs: r.Inputs);

    private CandidateDto Dto(Caller caller, ResourceKind resource, Guid supplyId, Guid demandId, string status, bool feasible, bool asIs, decimal quantity, string unit,
        decimal? distance, decimal benefit, decimal co2e, decimal? payback, decimal? margin, IEnumerable<string> reasons, IReadOnlyList<MatchInput> inputs)
    {
        var supply = Streams[supplyId];
        var demand = Streams[demandId];
        var match = Cases.FirstOrDefault(c => c.SupplyStreamId == supplyId && c.DemandStreamId == demandId);
        return new CandidateDto
        {
            Resource = resource.Key(),
            SupplyStreamId = supplyId,
            SupplyName = supply.Name,
            SupplyFactoryId = supply.FactoryId,
            SupplyFactory = FactoryName(caller, supply.FactoryId),
            DemandStreamId = demandId,
            DemandName = demand.Name,
            DemandFactoryId = demand.FactoryId,
            DemandFactory = FactoryName(caller, demand.FactoryId),
            Status = status,
            Feasible = feasible,
            FeasibleAsIs = asIs,
            Quantity = Math.Round(quantity, 1),
            Unit = unit,
            DistanceM = distance is { } d ? Math.Round(d) : null,
            NetAnnualBenefitNtd = Math.Round(benefit),
            Co2eKgPerYear = Math.Round(co2e),
            PaybackMonths = payback is { } p ? Math.Round(p, 1) : null,
            TightestMargin = margin is { } m ? Math.Round(m, 3) : null,
            Reasons = [.. reasons],
            MatchId = match?.Id,
            MatchState = match is null ? null : match.State.Key(),
            DefaultMoneyInputs = MoneyBasis.Defaults(inputs),
        };
    }

    private WaterSupplyInput WaterSupply(EffluentStream s) => new()
    {
        Id = s.Id,
        ParkId = Factories[s.FactoryId].ParkId,
        Location = Factories[s.FactoryId].Location,
        Industry = Factories[s.FactoryId].Industry,
        FreeFlowM3PerDay = Math.Max(0, s.AvgM3PerDay - Committed(s.Id)),
        Quality = s.Quality,
        DischargeFeeNtdPerM3 = s.DischargeFeeNtdPerM3,
        DaysPerWeek = s.DaysPerWeek,
        HoursPerDay = s.HoursPerDay,
    };

    private WaterDemandInput WaterDemandInput(WaterDemand d) => new()
    {
        Id = d.Id,
        ParkId = Factories[d.FactoryId].ParkId,
        Location = Factories[d.FactoryId].Location,
        Industry = Factories[d.FactoryId].Industry,
        Use = d.Use,
        FlowM3PerDay = d.FlowM3PerDay,
        ReclaimedAllowed = d.ReclaimedAllowed,
        Limits = d.Limits,
        BlendingAllowed = d.BlendingAllowed,
        CurrentWaterQuality = d.CurrentWaterQuality,
        MaxPipeDistanceM = d.MaxPipeDistanceM,
        MaxPriceNtdPerM3 = d.MaxPriceNtdPerM3,
        CurrentWaterPriceNtdPerM3 = d.CurrentWaterPriceNtdPerM3,
        DaysPerWeek = d.DaysPerWeek,
        HoursPerDay = d.HoursPerDay,
        WindowMonths = WindowMonths.GetValueOrDefault(d.FactoryId) ?? [],
        WindowMonthsSource = InputSource.Filed,
    };

    private HeatSupplyInput HeatSupply(HeatStream h) => new()
    {
        Id = h.Id,
        ParkId = Factories[h.FactoryId].ParkId,
        Location = Factories[h.FactoryId].Location,
        Medium = h.Medium,
        SupplyTemperatureC = h.SupplyTemperatureC,
        CooledToC = h.ReturnTemperatureC,
        LoadKw = Math.Max(0, h.LoadKw - Committed(h.Id)),
        HoursPerDay = h.HoursPerDay,
        DaysPerYear = h.DaysPerYear,
        StartHour = h.StartHour,
        DisposalCostNtdPerKwh = h.CostNtdPerKwh,
        CondensingAllowed = h.CondensingAllowed,
        SaturationTemperatureC = h.SteamPressureBarG is { } barG ? SteamProperties.SaturationTemperatureC(barG) : null,
    };

    private HeatDemandInput HeatDemand(HeatStream h) => new()
    {
        Id = h.Id,
        ParkId = Factories[h.FactoryId].ParkId,
        Location = Factories[h.FactoryId].Location,
        Medium = h.Medium,
        RequiredTemperatureC = h.SupplyTemperatureC,
        ReturnTemperatureC = h.ReturnTemperatureC,
        LoadKw = h.LoadKw,
        HoursPerDay = h.HoursPerDay,
        DaysPerYear = h.DaysPerYear,
        StartHour = h.StartHour,
        CurrentFuel = h.CurrentFuel,
        CurrentCostNtdPerKwh = h.CostNtdPerKwh,
    };

    private ByproductSupplyInput ByproductSupply(ByproductStream b) => new()
    {
        Id = b.Id,
        ParkId = Factories[b.FactoryId].ParkId,
        Location = Factories[b.FactoryId].Location,
        Category = b.Category,
        WasteCode = b.WasteCode ?? string.Empty,
        TonnesPerMonth = Math.Max(0, b.TonnesPerMonth - Committed(b.Id)),
        Properties = b.Properties,
        DisposalCostNtdPerTonne = b.CostNtdPerTonne,
        Permit = b.Permit,
    };

    private ByproductDemandInput ByproductDemand(ByproductStream b) => new()
    {
        Id = b.Id,
        ParkId = Factories[b.FactoryId].ParkId,
        Location = Factories[b.FactoryId].Location,
        Category = b.Category,
        AcceptedCodes = b.AcceptedCodes,
        PropertyLimits = b.PropertyLimits,
        TonnesPerMonth = b.TonnesPerMonth,
        VirginPriceNtdPerTonne = b.CostNtdPerTonne,
        VirginFactorKgCo2ePerTonne = b.VirginFactorKgCo2ePerTonne,
    };
}
