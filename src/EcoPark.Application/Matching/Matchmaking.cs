using EcoPark.Application.Abstractions;
using EcoPark.Application.Common;
using EcoPark.Application.Streams;
using EcoPark.Domain.Access;
using EcoPark.Domain.Matching;
using EcoPark.Domain.Streams;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Matching;

/// <summary>Filters of the staff workbench.</summary>
public sealed record CandidateFilter(string? Resource = null, string? Status = null, decimal? MinBenefitNtd = null, bool IncludeBlocked = false);

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

    /// <summary>Ranked candidates with at least one side in the park, for its staff and administrators.</summary>
    public async Task<IReadOnlyList<MatchExplanation>> ParkCandidatesAsync(Caller caller, Guid parkId, CandidateFilter filter, CancellationToken cancellationToken = default)
    {
        RequireStaff(caller, parkId);
        var world = await LoadAsync(cancellationToken);
        var resource = ParseResource(filter.Resource);
        return [.. world.Evaluate(caller, world.InPark(parkId), resource)
            .Select(e => MatchDisclosure.ForStaff(caller, world, e))
            .Where(e => filter.IncludeBlocked || e.Candidate.Status != "blocked")
            .Where(e => filter.Status is null || e.Candidate.Status == filter.Status)
            .Where(e => filter.MinBenefitNtd is null || e.Candidate.NetAnnualBenefitNtd >= filter.MinBenefitNtd)];
    }

    /// <summary>One pair with its whole explanation (blocked pairs too: staff ask why).</summary>
    public async Task<MatchExplanation> ExplainAsync(Caller caller, Guid supplyStreamId, Guid demandStreamId, CancellationToken cancellationToken = default)
    {
        var world = await LoadAsync(cancellationToken);
        if (!world.Streams.TryGetValue(supplyStreamId, out var supply) || !world.Streams.TryGetValue(demandStreamId, out _))
        {
            throw new NotFoundException(l["Stream.NotFound"]);
        }

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

    /// <summary>Candidates for one stream, for staff of its park.</summary>
    public async Task<IReadOnlyList<MatchExplanation>> StreamCandidatesAsync(Caller caller, Guid streamId, CancellationToken cancellationToken = default)
    {
        var world = await LoadAsync(cancellationToken);
        if (!world.Streams.TryGetValue(streamId, out var stream) || !IsStaff(caller, world.Factories[stream.FactoryId].ParkId))
        {
            throw new NotFoundException(l["Stream.NotFound"]);
        }

        return [.. world.Evaluate(caller, MatchingWorld.Touching(new HashSet<Guid> { streamId }), Resource(stream)).Where(e => e.Candidate.Status != "blocked")
            .Select(e => MatchDisclosure.ForStaff(caller, world, e))];
    }

    /// <summary>The engineer's own streams' workable candidates, anonymised as <see cref="OpportunityDto"/> describes.</summary>
    public async Task<IReadOnlyList<OpportunityDto>> OpportunitiesAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        var world = await LoadAsync(cancellationToken);
        var own = world.Streams.Values.Where(s => caller.FactoryIds.Contains(s.FactoryId)).Select(s => s.Id).ToHashSet();
        if (own.Count == 0)
        {
            return [];
        }

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
            match?.Id, match is null ? null : Keys.Of(match.State), match is not null && (ownSupply ? match.SupplierConsented : match.BuyerConsented),
            view.FactoryName, view.Contact);
    }

    private async Task<MatchingWorld> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await MatchingWorld.LoadAsync(db, rules, cancellationToken);
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
