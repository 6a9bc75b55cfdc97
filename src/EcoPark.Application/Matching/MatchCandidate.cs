using EcoPark.Domain.Matching;

namespace EcoPark.Application.Matching;

/// <summary>
/// One stored candidate: a supply and a demand of one resource, of two factories in reach of each other, as the engine
/// judged it when either stream, its factory or the rule data last changed (<see cref="CandidateStore"/> keeps it current).
/// Only what lists filter, sort and show is kept; the whole explanation is computed again on demand. The figures are the
/// engine's, unrounded by nobody but the engine's DTO rules; who may read which side is decided when the row is read
/// (<see cref="MatchDisclosure.ForStaff(Domain.Access.Caller, MatchCandidate, Domain.Factories.Factory, Domain.Factories.Factory, MatchCase?)"/>).
/// </summary>
public sealed record MatchCandidate
{
    public Guid SupplyStreamId { get; init; }

    public Guid DemandStreamId { get; init; }

    public ResourceKind Resource { get; init; }

    public Guid SupplyFactoryId { get; init; }

    public Guid DemandFactoryId { get; init; }

    public Guid SupplyParkId { get; init; }

    public Guid DemandParkId { get; init; }

    /// <summary>
    /// Whether the two sides are in different parks: kept by the database from the two park columns, so that a park's list
    /// reads its supply side and the few pairs whose supply is elsewhere each from an index in rank order.
    /// </summary>
    public bool CrossPark { get; init; }

    public string SupplyName { get; init; } = string.Empty;

    public string DemandName { get; init; } = string.Empty;

    public string Status { get; init; } = string.Empty;

    public bool Feasible { get; init; }

    public bool FeasibleAsIs { get; init; }

    public decimal Quantity { get; init; }

    public string Unit { get; init; } = string.Empty;

    public decimal? DistanceM { get; init; }

    public decimal NetAnnualBenefitNtd { get; init; }

    public decimal Co2eKgPerYear { get; init; }

    public decimal? PaybackMonths { get; init; }

    /// <summary>How many money inputs of the net benefit rest on a default (<see cref="MoneyBasis.Defaults"/>): the workbench marks the figure.</summary>
    public int DefaultMoneyInputs { get; init; }

    public decimal? TightestMargin { get; init; }

    /// <summary>Every reason code, for readers who see both sides.</summary>
    public List<string> Reasons { get; init; } = [];

    /// <summary>The reason codes either party may read (<see cref="MatchDisclosure.PartyReasons"/>), for a side withheld.</summary>
    public List<string> PartyReasons { get; init; } = [];

    /// <summary>The quantity's band when the supply side is withheld and keeps volumes confidential; null: shown exactly.</summary>
    public decimal? SupplyBandLow { get; init; }

    public decimal? SupplyBandHigh { get; init; }

    /// <summary>The quantity's band when the demand side is withheld and keeps volumes confidential; null: shown exactly.</summary>
    public decimal? DemandBandLow { get; init; }

    public decimal? DemandBandHigh { get; init; }

    /// <summary>The matching parameter version the row was computed with.</summary>
    public string ParametersVersion { get; init; } = string.Empty;

    /// <summary>The treatment catalogue version the row was computed with.</summary>
    public string CatalogueVersion { get; init; } = string.Empty;

    /// <summary>The fee year whose rules and filed months gave the buyer's marginal fee.</summary>
    public int FeeYear { get; init; }

    /// <summary>The supply stream's row version when computed.</summary>
    public long SupplyVersion { get; init; }

    /// <summary>The demand stream's row version when computed.</summary>
    public long DemandVersion { get; init; }

    public DateTimeOffset ComputedAt { get; init; }
}
