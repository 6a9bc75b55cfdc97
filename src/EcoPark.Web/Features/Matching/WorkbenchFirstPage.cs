using EcoPark.Application.Matching;
using EcoPark.Application.Parks;

namespace EcoPark.Web.Features.Matching;

/// <summary>
/// A candidate as its workbench row shows it, and nothing more: the columns of the row (as disclosed to the caller, so a
/// withheld side has no name, a banded quantity and no money or CO₂e) and the two stream ids that open its explanation.
/// The reasons, payback, margin and factory ids of <see cref="CandidateDto"/> are not kept: the table holds the visible
/// page in this form, and the prerendered page is handed to the browser in it.
/// </summary>
public sealed record CandidateRow(
    string Resource,
    Guid SupplyStreamId,
    string? SupplyName,
    string SupplyFactory,
    Guid DemandStreamId,
    string? DemandName,
    string DemandFactory,
    string Status,
    bool Feasible,
    bool FeasibleAsIs,
    decimal? Quantity,
    decimal? QuantityLow,
    decimal? QuantityHigh,
    string Unit,
    decimal? DistanceM,
    decimal? NetAnnualBenefitNtd,
    decimal? Co2eKgPerYear,
    string? MatchState,
    int? DefaultMoneyInputs = null)
{
    public static CandidateRow Of(CandidateDto c) =>
        new(c.Resource, c.SupplyStreamId, c.SupplyName, c.SupplyFactory, c.DemandStreamId, c.DemandName, c.DemandFactory, c.Status, c.Feasible,
            c.FeasibleAsIs, c.Quantity, c.QuantityLow, c.QuantityHigh, c.Unit, c.DistanceM, c.NetAnnualBenefitNtd, c.Co2eKgPerYear, c.MatchState,
            c.DefaultMoneyInputs);
}

/// <summary>A park in the workbench's park picker: its id and its names, nothing else of <see cref="ParkDto"/>.</summary>
public sealed record ParkOption(Guid Id, string NameZh, string NameEn)
{
    public static ParkOption Of(ParkDto park) => new(park.Id, park.NameZh, park.NameEn);
}

/// <summary>
/// The workbench's first page as the prerendering read it: the parks to pick from, the park shown, the query of the
/// table's first load and its rows. It goes into the HTML as persisted component state, so that the interactive circuit
/// starts with the same park and rows instead of reading them again; only what the page renders is in it.
/// </summary>
public sealed record WorkbenchFirstPage(
    IReadOnlyList<ParkOption> Parks,
    Guid? ParkId,
    CandidateFilter Filter,
    CandidatePaging Paging,
    IReadOnlyList<CandidateRow> Rows,
    int Total,
    bool TotalIsLowerBound)
{
    /// <summary>The key of the page in the persisted component state.</summary>
    public const string StateKey = "matching-workbench-first-page";

    /// <summary>Whether these rows are the answer to the table's load of <paramref name="paging"/> of the park and filter.</summary>
    public bool Answers(Guid? parkId, CandidateFilter filter, CandidatePaging paging) => ParkId == parkId && Filter == filter && Paging == paging;
}
