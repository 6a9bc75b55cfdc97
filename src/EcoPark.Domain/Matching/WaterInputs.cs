using EcoPark.Domain.Common;
using EcoPark.Domain.Factories;
using EcoPark.Domain.Fees;
using EcoPark.Domain.Streams;

namespace EcoPark.Domain.Matching;

/// <summary>
/// One effluent on offer, as the engine sees it. Plain data, so that the stateless API and the filed
/// streams both map into it.
/// </summary>
public sealed record WaterSupplyInput
{
    public required Guid Id { get; init; }

    public required Guid ParkId { get; init; }

    /// <summary>Null when the outlet has no coordinates (flagged; in the same park a default distance is used).</summary>
    public GeoPoint? Location { get; init; }

    public required Industry Industry { get; init; }

    /// <summary>What the supply still has uncommitted, m³/day: its flow less what agreed matches take.</summary>
    public required decimal FreeFlowM3PerDay { get; init; }

    /// <summary>Where the flow figure comes from (filed average, or a meter).</summary>
    public InputSource FlowSource { get; init; } = InputSource.Filed;

    /// <summary>Measured or declared quality by canonical key, with basis and sample date.</summary>
    public IReadOnlyList<ParameterValue> Quality { get; init; } = [];

    /// <summary>The discharge or sewer fee the supplier pays per m³, as filed on the effluent; null: nothing is counted (flagged).</summary>
    public decimal? DischargeFeeNtdPerM3 { get; init; }

    /// <summary>Days a week the effluent flows.</summary>
    public int DaysPerWeek { get; init; } = 7;

    /// <summary>Hours a day the effluent flows; its m³/day arrive in these hours.</summary>
    public decimal HoursPerDay { get; init; } = 24;
}

/// <summary>One water need, as the engine sees it.</summary>
public sealed record WaterDemandInput
{
    public required Guid Id { get; init; }

    public required Guid ParkId { get; init; }

    public GeoPoint? Location { get; init; }

    public required Industry Industry { get; init; }

    public required WaterUse Use { get; init; }

    public required decimal FlowM3PerDay { get; init; }

    /// <summary>Whether the demand accepts reclaimed water at all.</summary>
    public required bool ReclaimedAllowed { get; init; }

    /// <summary>The demand's own limits; empty: the baseline limits for <see cref="Use"/> apply.</summary>
    public IReadOnlyList<ParameterLimit> Limits { get; init; } = [];

    /// <summary>Whether effluent may be blended with the water used today.</summary>
    public bool BlendingAllowed { get; init; }

    /// <summary>The quality of the water used today, for blending.</summary>
    public IReadOnlyList<ParameterValue> CurrentWaterQuality { get; init; } = [];

    /// <summary>The longest pipe the buyer will consider (great-circle metres); null: only the parameters limit.</summary>
    public decimal? MaxPipeDistanceM { get; init; }

    /// <summary>The most the buyer will pay per m³ delivered (price, its treatment and its investment share).</summary>
    public decimal? MaxPriceNtdPerM3 { get; init; }

    /// <summary>What the buyer pays for its water today, NTD/m³; null: the default tap price applies.</summary>
    public decimal? CurrentWaterPriceNtdPerM3 { get; init; }

    /// <summary>
    /// The fee the buyer saves per m³ matched, as the caller states it (NTD/m³, over the year); null: the fee engine works it
    /// out on <see cref="WindowMonths"/>.
    /// </summary>
    public decimal? MarginalFeeNtdPerM3 { get; init; }

    /// <summary>
    /// The buyer's own monthly intake by source in the collection window (filed, or stated by the caller); empty: the engine
    /// assumes the demand's flow is all the tap water the buyer draws (shown as <c>assumed</c>).
    /// </summary>
    public IReadOnlyList<MonthlyVolumes> WindowMonths { get; init; } = [];

    /// <summary>Where <see cref="WindowMonths"/> come from (filed water balances, or the caller's statement).</summary>
    public InputSource WindowMonthsSource { get; init; } = InputSource.Filed;

    /// <summary>Days a week the buyer takes the water; null: as the supply.</summary>
    public int? DaysPerWeek { get; init; }

    /// <summary>Hours a day the buyer takes the water; null: as the supply.</summary>
    public decimal? HoursPerDay { get; init; }
}

/// <summary>
/// Everything a water match is judged with besides the two streams: the parameter version, the
/// treatment catalogue, the baseline limits in effect and today's date (never read from the clock).
/// Both rule sets are checked once here.
/// </summary>
public sealed class WaterMatchContext
{
    private readonly Dictionary<WaterUse, IReadOnlyList<ParameterLimit>> baselineByUse;

    public WaterMatchContext(MatchingParameters parameters, TreatmentCatalogue treatments, BaselineLimitSet? baseline, DateOnly today,
        FeeRuleSet? feeRules = null, int? feeYear = null)
    {
        MatchingChecks.Check(parameters);
        MatchingChecks.Check(treatments);
        Parameters = parameters;
        Treatments = treatments;
        Baseline = baseline;
        Today = today;
        FeeRules = feeRules?.Regulation2023 is null ? null : feeRules;
        FeeYear = feeYear ?? today.Year;
        baselineByUse = Enum.GetValues<WaterUse>().ToDictionary(u => u, u => baseline?.For(u) ?? []);
    }

    public MatchingParameters Parameters { get; }

    public TreatmentCatalogue Treatments { get; }

    public BaselineLimitSet? Baseline { get; }

    public DateOnly Today { get; }

    /// <summary>The water-consumption fee rules (2023 regulation) a buyer's saving is worked out with; null: no fee is counted.</summary>
    public FeeRuleSet? FeeRules { get; }

    /// <summary>The fee year whose window the buyer's months belong to (the latest closed one).</summary>
    public int FeeYear { get; }

    /// <summary>The highest tap/surface rate of the fee rules, NTD/m³: no buyer saves more per m³ (a bound for the screen).</summary>
    public decimal MaxFeeNtdPerM3 => FeeRules?.Regulation2023?.TapSurfaceRates.Values.DefaultIfEmpty(0).Max() ?? 0;

    /// <summary>Whether a demand is judged against the baseline's reference values rather than limits of its own.</summary>
    public static bool OnReferenceValues(WaterDemandInput demand) => demand.Limits.Count == 0;

    /// <summary>The limits a demand is judged against: its own, or else the baseline for its use.</summary>
    public IReadOnlyList<ParameterLimit> LimitsFor(WaterDemandInput demand) =>
        demand.Limits.Count > 0 ? demand.Limits : baselineByUse[demand.Use];
}

/// <summary>
/// Figures staff recorded on a match from quotes, each replacing the engine's default: the pipe (line and pump, NTD), the
/// treatment capex (NTD), the treatment opex (NTD per m³ delivered) and the transfer price the buyer pays the supplier (NTD/m³).
/// A quoted total is split between the parties as the computed one was.
/// </summary>
public sealed record WaterQuotes(decimal? PipeNtd = null, decimal? TreatmentCapexNtd = null, decimal? TreatmentOpexNtdPerM3 = null, decimal? TransferPriceNtdPerM3 = null);
