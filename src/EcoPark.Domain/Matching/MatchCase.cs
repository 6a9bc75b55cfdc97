using EcoPark.Domain.Common;
using EcoPark.Domain.Fees;

namespace EcoPark.Domain.Matching;

public enum ResourceKind
{
    Water,
    Heat,
    Byproduct,
}

/// <summary>
/// Where a match stands. <see cref="Permits"/> covers the effluent use plan (park WWTP to a factory) or
/// both factories' water-pollution-permit amendments (factory to factory).
/// </summary>
public enum MatchState
{
    Candidate,
    Proposed,
    Contacted,
    Negotiating,
    Agreed,
    Permits,
    Built,
    Operating,
    Ended,
    Declined,
}

/// <summary>
/// Who is credited with which share of a match's savings, in percent for the supplier (the buyer has the
/// rest), so that park totals count each saving once.
/// </summary>
public sealed record CreditSplit
{
    /// <summary>Each share is a percentage from 0 to 100; anything else is refused here, so no split can hold one.</summary>
    public CreditSplit(decimal supplierWaterPercent, decimal supplierEnergyPercent, decimal supplierCo2ePercent)
    {
        SupplierWaterPercent = Share("supplierWaterPercent", supplierWaterPercent);
        SupplierEnergyPercent = Share("supplierEnergyPercent", supplierEnergyPercent);
        SupplierCo2ePercent = Share("supplierCo2ePercent", supplierCo2ePercent);
    }

    public decimal SupplierWaterPercent { get; private init; }

    public decimal SupplierEnergyPercent { get; private init; }

    public decimal SupplierCo2ePercent { get; private init; }

    private static decimal Share(string field, decimal value) =>
        value is < 0 or > 100 ? throw new DomainException(field, "out-of-range", "A share is a percentage from 0 to 100.") : value;

    /// <summary>The supplier's share of a benefit of a match of <paramref name="resource"/> (water by the water share, heat and by-products by the energy share); the buyer has the rest.</summary>
    public decimal SupplierBenefit(ResourceKind resource, decimal benefit) =>
        benefit * (resource == ResourceKind.Water ? SupplierWaterPercent : SupplierEnergyPercent) / 100;

    /// <summary>The supplier's share of a match's CO₂e; the buyer has the rest.</summary>
    public decimal SupplierCo2e(decimal co2e) => co2e * SupplierCo2ePercent / 100;
}

/// <summary>
/// What a match starts from: the two streams and their factories, and what the engine predicted. The
/// evaluation (as JSON) is kept as the basis of what was proposed. <see cref="PartnerParkId"/> is the other
/// side's park when the two streams lie in different parks (the match is then introduced by both parks' staff).
/// </summary>
public sealed record MatchProposal(
    Guid ParkId,
    ResourceKind Resource,
    Guid SupplyStreamId,
    Guid DemandStreamId,
    Guid SupplyFactoryId,
    Guid DemandFactoryId,
    decimal PredictedQuantity,
    string Unit,
    decimal PredictedAnnualBenefitNtd,
    decimal PredictedCo2eKgPerYear,
    string EvaluationJson,
    Guid? PartnerParkId = null);

/// <summary>One step of a match's history: the state it entered, the date it happened, who recorded it, and why.</summary>
public sealed record MatchStep(MatchState State, DateOnly EventDate, string? Note, Guid By, DateTimeOffset At);

/// <summary>
/// One side's consent to be introduced: given by the factory's own engineer, or recorded by park staff on the factory's
/// behalf from a letter signed by <see cref="SignedBy"/> on <see cref="SignedOn"/>, kept with the match as
/// <see cref="LetterId"/> (a <see cref="MatchDocument"/>).
/// </summary>
public sealed record MatchConsent(bool Supplier, Guid RecordedBy, DateTimeOffset RecordedAt, string? SignedBy = null, DateOnly? SignedOn = null, Guid? LetterId = null)
{
    public bool OnBehalf => LetterId is not null;
}

/// <summary>
/// What a quote on a match prices. Which kinds a match takes depends on its resource (<see cref="QuoteKinds.For"/>):
/// water the pipe, treatment capex and opex and a price per m³; heat the pipe pair, the heat exchangers (with any heat pump),
/// the running cost a year and a price per kWh delivered; by-products the transport and handling per t, the pretreatment
/// capex and opex and a price per t.
/// </summary>
public enum QuoteKind
{
    /// <summary>The pipe with its pump (water) or the pipe pair (heat), NTD.</summary>
    Pipe,

    /// <summary>The treatment train's investment (water) or the pretreatment's (by-product), NTD.</summary>
    TreatmentCapex,

    /// <summary>The treatment train's running cost, NTD per m³ delivered (water), or the pretreatment's, NTD per t (by-product).</summary>
    TreatmentOpex,

    /// <summary>The price agreed between the parties that the buyer pays the supplier: NTD per m³ (water), per kWh delivered (heat) or per t (by-product).</summary>
    TransferPrice,

    /// <summary>The source and sink heat exchangers with any heat pump, NTD (heat).</summary>
    ExchangerCapex,

    /// <summary>The running cost of a heat link (pumping and heat-pump electricity), NTD per year (heat).</summary>
    OperatingCost,

    /// <summary>Transport and handling, NTD per t (by-product).</summary>
    Transport,
}

/// <summary>The quote kinds that price something the engine computes for a resource.</summary>
public static class QuoteKinds
{
    private static readonly IReadOnlyDictionary<ResourceKind, QuoteKind[]> ByResource = new Dictionary<ResourceKind, QuoteKind[]>
    {
        [ResourceKind.Water] = [QuoteKind.Pipe, QuoteKind.TreatmentCapex, QuoteKind.TreatmentOpex, QuoteKind.TransferPrice],
        [ResourceKind.Heat] = [QuoteKind.Pipe, QuoteKind.ExchangerCapex, QuoteKind.OperatingCost, QuoteKind.TransferPrice],
        [ResourceKind.Byproduct] = [QuoteKind.Transport, QuoteKind.TreatmentCapex, QuoteKind.TreatmentOpex, QuoteKind.TransferPrice],
    };

    public static IReadOnlyList<QuoteKind> For(ResourceKind resource) => ByResource[resource];

    public static bool Applies(ResourceKind resource, QuoteKind kind) => ByResource[resource].Contains(kind);
}

/// <summary>A quote staff recorded on a match: what it prices, the amount, where it came from and its date, and who recorded it when.</summary>
public sealed record MatchQuote(QuoteKind Kind, decimal Amount, string Source, DateOnly QuotedOn, Guid By, DateTimeOffset At);

/// <summary>One month of an operating match: what flowed against what was predicted.</summary>
public sealed record MatchMonth(string Month, decimal MeasuredQuantity, decimal PredictedQuantity, Guid By, DateTimeOffset At);

/// <summary>
/// A match between a supply stream and a demand stream, followed by park staff from candidate to operation.
/// Each step moves one state forward (or declines with a reason); an agreement records the quantity and the
/// credit split; an operating match records measured months. The parties learn each other's names only once
/// both consented and staff introduced them.
/// </summary>
public sealed class MatchCase
{
    private static readonly MatchState[] Forward =
    [
        MatchState.Candidate, MatchState.Proposed, MatchState.Contacted, MatchState.Negotiating, MatchState.Agreed,
        MatchState.Permits, MatchState.Built, MatchState.Operating, MatchState.Ended,
    ];

    private readonly List<MatchStep> steps = [];
    private readonly List<MatchMonth> months = [];
    private readonly List<MatchQuote> quotes = [];

    private readonly List<MatchConsent> consents = [];

    private MatchCase()
    {
        Unit = null!;
        EvaluationJson = null!;
    }

    public MatchCase(Guid id, MatchProposal proposal, DateOnly eventDate, Guid by, DateTimeOffset at)
        : this()
    {
        if (proposal.SupplyFactoryId == proposal.DemandFactoryId)
        {
            throw new DomainException("demandStreamId", "same-factory", "A match joins two different factories.");
        }

        Id = id;
        ParkId = proposal.ParkId;
        Resource = proposal.Resource;
        SupplyStreamId = proposal.SupplyStreamId;
        DemandStreamId = proposal.DemandStreamId;
        SupplyFactoryId = proposal.SupplyFactoryId;
        DemandFactoryId = proposal.DemandFactoryId;
        PredictedQuantity = proposal.PredictedQuantity;
        Unit = proposal.Unit;
        PredictedAnnualBenefitNtd = proposal.PredictedAnnualBenefitNtd;
        PredictedCo2eKgPerYear = proposal.PredictedCo2eKgPerYear;
        EvaluationJson = proposal.EvaluationJson;
        PartnerParkId = proposal.PartnerParkId == proposal.ParkId ? null : proposal.PartnerParkId;
        steps.Add(new MatchStep(MatchState.Candidate, eventDate, null, by, at));
    }

    public Guid Id { get; private set; }

    /// <summary>The park whose staff took the match up and lead it.</summary>
    public Guid ParkId { get; private set; }

    /// <summary>For a match across a park boundary: the other side's park, whose staff must take part before the parties are introduced.</summary>
    public Guid? PartnerParkId { get; private set; }

    /// <summary>When the partner park's staff took part in the match (null until they do, and for a match within one park).</summary>
    public DateTimeOffset? PartnerJoinedAt { get; private set; }

    public Guid? PartnerJoinedBy { get; private set; }

    /// <summary>The parks whose staff take part: the leading park, and the partner park once its staff joined.</summary>
    public IReadOnlyList<Guid> ParticipatingParkIds => PartnerParkId is { } partner && PartnerJoinedAt is not null ? [ParkId, partner] : [ParkId];

    public ResourceKind Resource { get; private set; }

    public Guid SupplyStreamId { get; private set; }

    public Guid DemandStreamId { get; private set; }

    public Guid SupplyFactoryId { get; private set; }

    public Guid DemandFactoryId { get; private set; }

    public MatchState State { get; private set; }

    /// <summary>m³/day for water, kW for heat, t/month for by-products.</summary>
    public decimal PredictedQuantity { get; private set; }

    public string Unit { get; private set; }

    public decimal PredictedAnnualBenefitNtd { get; private set; }

    public decimal PredictedCo2eKgPerYear { get; private set; }

    public string EvaluationJson { get; private set; }

    public string? DeclineReason { get; private set; }

    public bool SupplierConsented { get; private set; }

    public bool BuyerConsented { get; private set; }

    public DateTimeOffset? IntroducedAt { get; private set; }

    public decimal? AgreedQuantity { get; private set; }

    public CreditSplit? Split { get; private set; }

    public IReadOnlyList<MatchStep> Steps => steps;

    public IReadOnlyList<MatchMonth> Months => months;

    /// <summary>Who consented for each side, how and when.</summary>
    public IReadOnlyList<MatchConsent> Consents => consents;

    /// <summary>Every quote recorded, in order; the latest of each kind is the one in force (the earlier ones stay as history).</summary>
    public IReadOnlyList<MatchQuote> Quotes => quotes;

    /// <summary>The latest quote of each kind, as the water engine takes them.</summary>
    public WaterQuotes CurrentQuotes() =>
        new(Latest(QuoteKind.Pipe), Latest(QuoteKind.TreatmentCapex), Latest(QuoteKind.TreatmentOpex), Latest(QuoteKind.TransferPrice));

    /// <summary>The latest quote of each kind, as the heat engine takes them.</summary>
    public HeatQuotes CurrentHeatQuotes() =>
        new(Latest(QuoteKind.Pipe), Latest(QuoteKind.ExchangerCapex), Latest(QuoteKind.OperatingCost), Latest(QuoteKind.TransferPrice));

    /// <summary>The latest quote of each kind, as the by-product engine takes them.</summary>
    public ByproductQuotes CurrentByproductQuotes() =>
        new(Latest(QuoteKind.Transport), Latest(QuoteKind.TreatmentCapex), Latest(QuoteKind.TreatmentOpex), Latest(QuoteKind.TransferPrice));

    private decimal? Latest(QuoteKind kind) => quotes.LastOrDefault(q => q.Kind == kind)?.Amount;

    /// <summary>
    /// Records a quote that overrides the engine's default for its figure; only the kinds that price something the engine
    /// computes for the match's resource (<see cref="QuoteKinds"/>). An open match only; the quote's date may not lie in the future.
    /// </summary>
    public void RecordQuote(QuoteKind kind, decimal amount, string source, DateOnly quotedOn, DateOnly today, Guid by, DateTimeOffset at)
    {
        if (IsClosed)
        {
            throw new DomainException("state", "closed", "A declined or ended match takes no quotes.");
        }

        if (!QuoteKinds.Applies(Resource, kind))
        {
            throw new DomainException("kind", "not-for-resource", $"A {Resource} match takes quotes for {string.Join(", ", QuoteKinds.For(Resource))}, not {kind}.");
        }

        if (amount < 0)
        {
            throw new DomainException("amount", "negative", "A quote is 0 or more.");
        }

        if (string.IsNullOrWhiteSpace(source))
        {
            throw new DomainException("source", "required", "Say where the quote comes from.");
        }

        if (quotedOn > today)
        {
            throw new DomainException("quotedOn", "future-date", "A quote's date cannot lie in the future.");
        }

        quotes.Add(new MatchQuote(kind, amount, source.Trim(), quotedOn, by, at));
    }

    /// <summary>The engine's figures again, after quotes changed them (the evaluation JSON is replaced; the quotes stay as the history).</summary>
    public void Reevaluate(decimal predictedQuantity, decimal predictedAnnualBenefitNtd, decimal predictedCo2eKgPerYear, string evaluationJson)
    {
        PredictedQuantity = predictedQuantity;
        PredictedAnnualBenefitNtd = predictedAnnualBenefitNtd;
        PredictedCo2eKgPerYear = predictedCo2eKgPerYear;
        EvaluationJson = evaluationJson;
    }

    public uint RowVersion { get; private set; }

    /// <summary>Whether the match still holds the supplier's volume (agreed and later, until it ends).</summary>
    public bool Commits => State is MatchState.Agreed or MatchState.Permits or MatchState.Built or MatchState.Operating;

    /// <summary>The quantity the match is about: the agreed one once agreed, else the engine's prediction.</summary>
    public decimal ExpectedQuantity => AgreedQuantity ?? PredictedQuantity;

    /// <summary>What the match takes from its supply's flow, load or tonnage: <see cref="ExpectedQuantity"/> while it commits, else nothing.</summary>
    public decimal TakenFromSupply => Commits ? ExpectedQuantity : 0;

    public bool IsClosed => State is MatchState.Ended or MatchState.Declined;

    /// <summary>The next state forward, or null once operating has ended or the match was declined.</summary>
    public MatchState? Next => IsClosed ? null : Forward[Array.IndexOf(Forward, State) + 1];

    /// <summary>Moves one state forward. Agreeing needs the quantity and credit split, so it goes through <see cref="Agree"/>.</summary>
    public void Advance(MatchState to, DateOnly eventDate, string? note, Guid by, DateTimeOffset at)
    {
        if (to != Next)
        {
            throw new DomainException("state", "invalid-transition", $"A {State} match cannot move to {to}.");
        }

        if (to == MatchState.Agreed)
        {
            throw new DomainException("agreement", "agreement-required", "Agreeing records the agreed quantity and the credit split.");
        }

        Enter(to, eventDate, note, by, at);
    }

    public void Agree(decimal quantity, CreditSplit split, DateOnly eventDate, string? note, Guid by, DateTimeOffset at)
    {
        if (State != MatchState.Negotiating)
        {
            throw new DomainException("state", "invalid-transition", $"A {State} match cannot be agreed; it must be negotiating.");
        }

        if (quantity <= 0)
        {
            throw new DomainException("quantity", "zero-quantity", "The agreed quantity must be above zero.");
        }

        AgreedQuantity = quantity;
        Split = split;
        Enter(MatchState.Agreed, eventDate, note, by, at);
    }

    /// <summary>Any match not yet operating may be declined, with a reason.</summary>
    public void Decline(string reason, DateOnly eventDate, Guid by, DateTimeOffset at)
    {
        if (State is MatchState.Operating || IsClosed)
        {
            throw new DomainException("state", "invalid-transition", $"A {State} match cannot be declined; an operating match is ended.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("reason", "reason-required", "Declining needs a reason.");
        }

        DeclineReason = reason.Trim();
        Enter(MatchState.Declined, eventDate, DeclineReason, by, at);
    }

    /// <summary>A note on the current step, with the date it refers to.</summary>
    public void AddNote(string note, DateOnly eventDate, Guid by, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new DomainException("note", "note-required", "A note needs text.");
        }

        steps.Add(new MatchStep(State, eventDate, note.Trim(), by, at));
    }

    /// <summary>The factory's own engineer consents for its side (again: nothing changes).</summary>
    public void Consent(bool supplier, Guid by, DateTimeOffset at)
    {
        if (IsClosed)
        {
            throw new DomainException("state", "closed", "This match is closed.");
        }

        if (!HasConsented(supplier))
        {
            Record(new MatchConsent(supplier, by, at));
        }
    }

    /// <summary>
    /// Staff record a side's consent on the factory's behalf, from a signed letter already kept with the match: only a
    /// named signer, a date not after <paramref name="today"/>, and a side that has not consented yet.
    /// </summary>
    public void RecordConsentOnBehalf(bool supplier, string signedBy, DateOnly signedOn, Guid letterId, DateOnly today, Guid by, DateTimeOffset at)
    {
        if (IsClosed)
        {
            throw new DomainException("state", "closed", "This match is closed.");
        }

        if (string.IsNullOrWhiteSpace(signedBy))
        {
            throw new DomainException("signedBy", "signer-required", "Name the person who signed the letter.");
        }

        if (signedOn > today)
        {
            throw new DomainException("signedOn", "signed-after-today", "The letter cannot be signed after today.");
        }

        if (HasConsented(supplier))
        {
            throw new DomainException("side", "already-consented", "This side has already consented.");
        }

        Record(new MatchConsent(supplier, by, at, signedBy.Trim(), signedOn, letterId));
    }

    private bool HasConsented(bool supplier) => supplier ? SupplierConsented : BuyerConsented;

    private void Record(MatchConsent consent)
    {
        consents.Add(consent);
        if (consent.Supplier)
        {
            SupplierConsented = true;
        }
        else
        {
            BuyerConsented = true;
        }
    }

    /// <summary>The partner park's staff take part in a match across the park boundary (once; an open match only).</summary>
    public void JoinAsPartner(Guid parkId, Guid by, DateTimeOffset at)
    {
        if (PartnerParkId != parkId)
        {
            throw new DomainException("parkId", "not-partner", "Only the staff of the other side's park join a match across a park boundary.");
        }

        if (IsClosed)
        {
            throw new DomainException("state", "closed", "This match is closed.");
        }

        if (PartnerJoinedAt is null)
        {
            PartnerJoinedAt = at;
            PartnerJoinedBy = by;
        }
    }

    /// <summary>Staff introduce the parties by name, once both factories consented and, across a park boundary, both parks' staff take part.</summary>
    public void Introduce(DateTimeOffset at)
    {
        if (!SupplierConsented || !BuyerConsented)
        {
            throw new DomainException("consent", "consent-required", "Both factories must consent before staff introduce them.");
        }

        if (PartnerParkId is not null && PartnerJoinedAt is null)
        {
            throw new DomainException("partnerPark", "partner-park-required", "The other park's staff must take part before the parties are introduced.");
        }

        IntroducedAt ??= at;
    }

    /// <summary>Records (or corrects) one month's measured quantity of an operating match.</summary>
    public void RecordMonth(YearMonth month, decimal measured, Guid by, DateTimeOffset at)
    {
        if (State != MatchState.Operating)
        {
            throw new DomainException("state", "not-operating", "Measured months belong to an operating match.");
        }

        if (measured < 0)
        {
            throw new DomainException("measuredQuantity", "negative", "A measured quantity cannot be negative.");
        }

        months.RemoveAll(m => m.Month == month.ToString());
        months.Add(new MatchMonth(month.ToString(), measured, ExpectedQuantity, by, at));
    }

    private void Enter(MatchState to, DateOnly eventDate, string? note, Guid by, DateTimeOffset at)
    {
        State = to;
        steps.Add(new MatchStep(to, eventDate, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), by, at));
    }
}

/// <summary>What a park's committed matches save, credited to each side by its split, each saving counted once.</summary>
public sealed record ParkCredit(Guid FactoryId, decimal BenefitNtdPerYear, decimal Co2eKgPerYear);

public static class ParkCredits
{
    /// <summary>
    /// Splits each committed match's benefit and CO₂e between its two factories by the agreed shares;
    /// the credits of a match add up to exactly the match's figure, so the park total counts it once.
    /// </summary>
    public static IReadOnlyList<ParkCredit> Of(IEnumerable<MatchCase> matches)
    {
        var credits = new Dictionary<Guid, (decimal Benefit, decimal Co2e)>();
        void Add(Guid factory, decimal benefit, decimal co2e)
        {
            var (b, c) = credits.GetValueOrDefault(factory);
            credits[factory] = (b + benefit, c + co2e);
        }

        foreach (var match in matches.Where(m => m.Commits && m.Split is not null))
        {
            var supplierBenefit = match.Split!.SupplierBenefit(match.Resource, match.PredictedAnnualBenefitNtd);
            var supplierCo2e = match.Split.SupplierCo2e(match.PredictedCo2eKgPerYear);
            Add(match.SupplyFactoryId, supplierBenefit, supplierCo2e);
            Add(match.DemandFactoryId, match.PredictedAnnualBenefitNtd - supplierBenefit, match.PredictedCo2eKgPerYear - supplierCo2e);
        }

        return [.. credits.Select(c => new ParkCredit(c.Key, c.Value.Benefit, c.Value.Co2e))];
    }
}
