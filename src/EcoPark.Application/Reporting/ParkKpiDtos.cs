using EcoPark.Domain.Reporting;

namespace EcoPark.Application.Reporting;

/// <summary>One KPI: key, value (rounded for display), unit, basis (measured, predicted or filed) and the number of contributing factories.</summary>
public sealed record KpiFigureDto(string Key, decimal Value, string Unit, string Basis, int Contributors);

public sealed record LinkageCountDto(string Resource, string State, int Count);

public sealed record FactoryRefDto(Guid Id, string NameZh, string NameEn);

public sealed record FactoryCreditDto(Guid FactoryId, string NameZh, string NameEn, decimal NetBenefitNtd, decimal Co2eKg);

/// <summary>An open match and how long it has stood at its current step.</summary>
public sealed record WaitingMatchDto(Guid MatchId, string Resource, string State, DateOnly Since, int Days, string SupplyFactory, string DemandFactory);

/// <summary>An operating or agreed link for the map: the two factories' coordinates and the resource.</summary>
public sealed record LinkageLineDto(Guid MatchId, string Resource, string State, double FromLat, double FromLon, double ToLat, double ToLon);

/// <summary>A factory on the park map: its names and coordinates, nothing of its filings.</summary>
public sealed record MapFactoryDto(Guid Id, string NameZh, string NameEn, double Latitude, double Longitude);

/// <summary>An agreed-or-later match on the park map: its two factories, resource and state. No volumes or prices.</summary>
public sealed record MapMatchDto(Guid MatchId, Guid SupplyFactoryId, Guid DemandFactoryId, string Resource, string State);

/// <summary>The park map: the park's factories (and any factory of another park one of its matches reaches) and its committed matches.</summary>
public sealed record ParkMapDto(IReadOnlyList<MapFactoryDto> Factories, IReadOnlyList<MapMatchDto> Matches);

/// <summary>One link of the park's water balance Sankey (m³ in the period, from the filed balances).</summary>
public sealed record SankeyLinkDto(string Source, string Target, decimal M3);

/// <summary>
/// A park's KPIs for a period (or all parks together when <see cref="ParkId"/> is null), with the previous period's change, the
/// 24-month trend, the credits by factory, filing completeness, the matches waiting longest, the map's links and the Sankey.
/// <see cref="DataVersion"/> names the state of the records the figures were built from.
/// </summary>
public sealed record ParkKpisDto(
    Guid? ParkId,
    string ParkNameZh,
    string ParkNameEn,
    string Period,
    string DataVersion,
    IReadOnlyList<KpiFigureDto> Figures,
    IReadOnlyList<LinkageCountDto> Linkages,
    IReadOnlyList<KpiChange> Growth,
    IReadOnlyList<KpiTrendPoint> Trend,
    IReadOnlyList<FactoryCreditDto> Credits,
    string LastClosedMonth,
    IReadOnlyList<FactoryRefDto> Overdue,
    IReadOnlyList<WaitingMatchDto> Waiting,
    IReadOnlyList<LinkageLineDto> Lines,
    IReadOnlyList<SankeyLinkDto> Sankey,
    IReadOnlyList<string> RuleSetVersions)
{
    public decimal Value(string key) => Figures.FirstOrDefault(f => f.Key == key)?.Value ?? 0;
}
