using EcoPark.Domain.Water;

namespace EcoPark.Application.Filings;

/// <summary>A filing as its readers see it: the current figures, what they yield, and the checks.</summary>
public sealed record WaterBalanceDto(
    Guid Id,
    Guid FactoryId,
    string Period,
    string Status,
    int Version,
    decimal TotalIntakeM3,
    decimal TotalUseM3,
    decimal R1Percent,
    decimal R2Percent,
    decimal ClosureGapPercent,
    decimal UseGapPercent,
    decimal IntakeM3PerDay,
    decimal WaterUseM3PerDay,
    decimal TolerancePercent,
    bool Closes,
    IReadOnlyList<string> Warnings,
    string? Justification,
    WaterBalanceRequest Balance,
    uint RowVersion);

/// <summary>One changed field between two versions.</summary>
public sealed record FieldChange(string Field, decimal Before, decimal After);

public sealed record WaterBalanceVersionDto(int Version, string? Reason, string? Justification, Guid ChangedBy, string? ChangedByEmail, DateTimeOffset ChangedAt,
    IReadOnlyList<FieldChange> Changes);

public sealed record WaterBalanceHistoryDto(WaterBalanceDto Filing, IReadOnlyList<WaterBalanceVersionDto> Versions);

/// <summary>A park's filings for staff: every filing's status, and who has not filed the last closed month.</summary>
public sealed record ParkFilingOverviewDto(string LastClosedPeriod, IReadOnlyList<ParkFilingRow> Filings, IReadOnlyList<OverdueFactory> Overdue);

public sealed record ParkFilingRow(Guid FilingId, Guid FactoryId, string FactoryNameZh, string FactoryNameEn, string Period, string Status, int Version,
    decimal R2Percent, bool Closes, DateTimeOffset ChangedAt);

public sealed record OverdueFactory(Guid FactoryId, string NameZh, string NameEn);

/// <summary>The API's names for the balance's fields, in the order screens list them.</summary>
public static class WaterBalanceFields
{
    public static IReadOnlyList<(string Path, Func<WaterBalance, decimal> Get)> All { get; } =
    [
        ("intake.tapM3", b => b.TapM3), ("intake.surfaceM3", b => b.SurfaceM3), ("intake.groundwaterM3", b => b.GroundwaterM3),
        ("intake.otherSupplierM3", b => b.OtherSupplierM3), ("intake.reclaimedSystemM3", b => b.ReclaimedSystemM3),
        ("intake.reclaimedNonSystemM3", b => b.ReclaimedNonSystemM3), ("intake.desalinatedM3", b => b.DesalinatedM3),
        ("rainwaterM3", b => b.RainwaterM3), ("condensateM3", b => b.CondensateM3),
        ("uses.coolingM3", b => b.CoolingM3), ("uses.processM3", b => b.ProcessM3), ("uses.boilerM3", b => b.BoilerM3),
        ("uses.scrubberM3", b => b.ScrubberM3), ("uses.domesticM3", b => b.DomesticM3), ("uses.otherM3", b => b.OtherUseM3),
        ("circulationM3", b => b.CirculationM3), ("coolingTowerCirculationM3", b => b.CoolingTowerCirculationM3), ("reuseM3", b => b.ReuseM3),
        ("outflows.sewerM3", b => b.SewerM3), ("outflows.waterBodyM3", b => b.WaterBodyM3),
        ("outflows.evaporationLossM3", b => b.EvaporationLossM3), ("outflows.inProductM3", b => b.InProductM3),
    ];

    public static IReadOnlyList<FieldChange> Diff(WaterBalance before, WaterBalance after) =>
        [.. All.Where(f => f.Get(before) != f.Get(after)).Select(f => new FieldChange(f.Path, f.Get(before), f.Get(after)))];
}
