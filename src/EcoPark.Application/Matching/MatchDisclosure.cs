using EcoPark.Application.Common;
using EcoPark.Domain.Access;
using EcoPark.Domain.Common;
using EcoPark.Domain.Factories;
using EcoPark.Domain.Matching;
using EcoPark.Domain.Streams;

namespace EcoPark.Application.Matching;

/// <summary>One step of a match as a party sees it: the state and the day, without staff notes or who recorded it.</summary>
public sealed record MatchPartyStepDto(string State, DateOnly EventDate);

/// <summary>
/// A match as an engineer of one of its factories sees it: the own side in full; the other side by industry and,
/// where it keeps volumes confidential, a volume band; its name and contact only once staff introduced the
/// parties; neither side's money, staff notes or staff e-mails, ever.
/// </summary>
public sealed record MatchPartyDto(
    Guid Id,
    string Resource,
    string State,
    string OwnSide,
    Guid OwnStreamId,
    bool OwnConsent,
    string OtherIndustry,
    decimal? Quantity,
    decimal? QuantityLow,
    decimal? QuantityHigh,
    string Unit,
    DateTimeOffset? IntroducedAt,
    string? OtherFactoryName,
    string? OtherContact,
    IReadOnlyList<MatchPartyStepDto> Steps);

/// <summary>What one party may learn of the other: industry, the quantity or its band, and after the introduction the name and contact.</summary>
public sealed record OtherPartyView(string Industry, decimal? Quantity, decimal? QuantityLow, decimal? QuantityHigh, string? FactoryName, string? Contact);

/// <summary>
/// The one place that decides what of a match's two sides reaches a reader, so that no endpoint builds its own:
/// <list type="bullet">
/// <item>An engineer (the other party of a match) gets <see cref="OtherParty"/> and <see cref="ForEngineer"/>, built from the other
/// stream's confidentiality marks; the staff view is never built for them.</item>
/// <item>Staff see their own park's sides; a side in another park only once that park's staff take part in the match
/// (<see cref="MatchCase.ParticipatingParkIds"/>). Until then <c>ForStaff</c> shows that side as it shows the other party:
/// industry, band, distance and non-commercial reason codes, with no name, money, quality values or detailed explanation.</item>
/// <item>Administrators and auditors see everything.</item>
/// </list>
/// </summary>
public static class MatchDisclosure
{
    /// <summary>Whether the caller reads the staff view of a match: administrators, auditors, and the staff of either of its parks.</summary>
    public static bool ReadsStaffView(Caller caller, MatchCase match) =>
        caller.SeesEverything || caller.ParkIds.Contains(match.ParkId) || (match.PartnerParkId is { } partner && caller.ParkIds.Contains(partner));

    /// <summary>Whether a staff reader sees one side (its factory in <paramref name="sideParkId"/>) of a pair or match in full.</summary>
    public static bool SeesSide(Caller caller, Guid sideParkId, MatchCase? match) =>
        caller.SeesEverything || caller.ParkIds.Contains(sideParkId)
        || (match is not null && ReadsStaffView(caller, match) && match.ParticipatingParkIds.Contains(sideParkId));

    /// <summary>The reason codes either party may read: quality and hard blocks (commercial codes would hint at the other side's money).</summary>
    public static IReadOnlyList<string> PartyReasons(MatchExplanation e) =>
        [.. (e.Water?.Reasons ?? e.Heat?.Reasons ?? e.Byproduct?.Reasons ?? []).Where(r => r.Kind is ReasonKind.Quality or ReasonKind.HardBlock).Select(r => r.Code).Distinct()];

    /// <summary>The other party as a party sees it (the quantity banded where the other stream keeps volumes confidential).</summary>
    public static OtherPartyView OtherParty(FactoryStream other, Factory otherFactory, decimal quantity, MatchCase? match)
    {
        var band = Disclosure.ToOtherParty(other.Confidential).Band(quantity);
        var introduced = match?.IntroducedAt is not null;
        return new OtherPartyView(otherFactory.Industry.Key(), band is null ? quantity : null, band?.Low, band?.High,
            introduced ? otherFactory.Name.Display() : null, introduced ? $"{otherFactory.Contact.Name} {otherFactory.Contact.Phone}" : null);
    }

    /// <summary>A match as the engineer of <paramref name="own"/>'s factory sees it.</summary>
    public static MatchPartyDto ForEngineer(MatchCase match, FactoryStream own, FactoryStream other, Factory otherFactory)
    {
        var supplier = own.Id == match.SupplyStreamId;
        var view = OtherParty(other, otherFactory, match.ExpectedQuantity, match);
        return new MatchPartyDto(match.Id, match.Resource.Key(), match.State.Key(), supplier ? "supply" : "demand", own.Id,
            supplier ? match.SupplierConsented : match.BuyerConsented, view.Industry, view.Quantity, view.QuantityLow, view.QuantityHigh, match.Unit,
            match.IntroducedAt, view.FactoryName, view.Contact, [.. match.Steps.Select(s => new MatchPartyStepDto(s.State.Key(), s.EventDate))]);
    }

    /// <summary>
    /// A pair's explanation for a staff reader: whole when they see both sides, otherwise with the hidden side anonymised
    /// (no stream name, the quantity banded where confidential, no money, CO₂e, margin or detailed explanation).
    /// </summary>
    public static MatchExplanation ForStaff(Caller caller, MatchingWorld world, MatchExplanation explanation)
    {
        var c = explanation.Candidate;
        var match = c.MatchId is { } id ? world.Cases.FirstOrDefault(m => m.Id == id) : null;
        var supplyShown = SeesSide(caller, world.Factories[c.SupplyFactoryId].ParkId, match);
        var demandShown = SeesSide(caller, world.Factories[c.DemandFactoryId].ParkId, match);
        if (supplyShown && demandShown)
        {
            // Staff of a park that takes part in a cross-park match read the other factory's name too.
            return explanation with
            {
                Candidate = c with { SupplyFactory = world.Factories[c.SupplyFactoryId].Name.Display(), DemandFactory = world.Factories[c.DemandFactoryId].Name.Display() },
            };
        }

        var hidden = world.Streams[supplyShown ? c.DemandStreamId : c.SupplyStreamId];
        var band = Disclosure.ToOtherParty(hidden.Confidential).Band(c.Quantity ?? 0);
        var candidate = c with
        {
            SupplyName = supplyShown ? c.SupplyName : null,
            DemandName = demandShown ? c.DemandName : null,
            Quantity = band is null ? c.Quantity : null,
            QuantityLow = band?.Low,
            QuantityHigh = band?.High,
            NetAnnualBenefitNtd = null,
            Co2eKgPerYear = null,
            PaybackMonths = null,
            TightestMargin = null,
            DefaultMoneyInputs = null,
            Reasons = PartyReasons(explanation),
            Withheld = true,
        };
        return new MatchExplanation(candidate, null, null, null);
    }

    /// <summary>
    /// A stored candidate for a staff reader, by the same rule as <see cref="ForStaff(Caller, MatchingWorld, MatchExplanation)"/>: whole when they
    /// see both sides, otherwise the hidden side anonymised, the quantity in the band the hidden stream's marks call for.
    /// </summary>
    public static CandidateDto ForStaff(Caller caller, MatchCandidate row, Factory supplyFactory, Factory demandFactory, MatchCase? match)
    {
        var supplyShown = SeesSide(caller, supplyFactory.ParkId, match);
        var demandShown = SeesSide(caller, demandFactory.ParkId, match);
        var c = new CandidateDto
        {
            Resource = row.Resource.Key(),
            SupplyStreamId = row.SupplyStreamId,
            SupplyName = row.SupplyName,
            SupplyFactoryId = row.SupplyFactoryId,
            SupplyFactory = MatchingWorld.FactoryLabel(caller, supplyFactory),
            DemandStreamId = row.DemandStreamId,
            DemandName = row.DemandName,
            DemandFactoryId = row.DemandFactoryId,
            DemandFactory = MatchingWorld.FactoryLabel(caller, demandFactory),
            Status = row.Status,
            Feasible = row.Feasible,
            FeasibleAsIs = row.FeasibleAsIs,
            Quantity = row.Quantity,
            Unit = row.Unit,
            DistanceM = row.DistanceM,
            NetAnnualBenefitNtd = row.NetAnnualBenefitNtd,
            Co2eKgPerYear = row.Co2eKgPerYear,
            PaybackMonths = row.PaybackMonths,
            TightestMargin = row.TightestMargin,
            Reasons = row.Reasons,
            MatchId = match?.Id,
            MatchState = match is null ? null : match.State.Key(),
            DefaultMoneyInputs = row.DefaultMoneyInputs,
        };
        if (supplyShown && demandShown)
        {
            return c with { SupplyFactory = supplyFactory.Name.Display(), DemandFactory = demandFactory.Name.Display() };
        }

        var (low, high) = supplyShown ? (row.DemandBandLow, row.DemandBandHigh) : (row.SupplyBandLow, row.SupplyBandHigh);
        var banded = low is not null && high is not null;
        return c with
        {
            SupplyName = supplyShown ? c.SupplyName : null,
            DemandName = demandShown ? c.DemandName : null,
            Quantity = banded ? null : c.Quantity,
            QuantityLow = banded ? low : null,
            QuantityHigh = banded ? high : null,
            NetAnnualBenefitNtd = null,
            Co2eKgPerYear = null,
            PaybackMonths = null,
            TightestMargin = null,
            DefaultMoneyInputs = null,
            Reasons = row.PartyReasons,
            Withheld = true,
        };
    }
}
