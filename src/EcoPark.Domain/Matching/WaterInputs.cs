using EcoPark.Domain.Common;
using EcoPark.Domain.Factories;
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

    /// <summary>The discharge or sewer fee the supplier pays today, NTD/m³; null: the default applies.</summary>
    public decimal? DischargeFeeNtdPerM3 { get; init; }
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

    /// <summary>The buyer's marginal water-consumption fee from the fee engine, NTD/m³; null: the parameter applies.</summary>
    public decimal? MarginalFeeNtdPerM3 { get; init; }
}

/// <summary>
/// Everything a water match is judged with besides the two streams: the parameter version, the
/// treatment catalogue, the baseline limits in effect and today's date (never read from the clock).
/// Both rule sets are checked once here.
/// </summary>
public sealed class WaterMatchContext
{
    private readonly Dictionary<WaterUse, IReadOnlyList<ParameterLimit>> baselineByUse;

    public WaterMatchContext(MatchingParameters parameters, TreatmentCatalogue treatments, BaselineLimitSet? baseline, DateOnly today)
    {
        MatchingChecks.Check(parameters);
        MatchingChecks.Check(treatments);
        Parameters = parameters;
        Treatments = treatments;
        Baseline = baseline;
        Today = today;
        baselineByUse = Enum.GetValues<WaterUse>().ToDictionary(u => u, u => baseline?.For(u) ?? []);
    }

    public MatchingParameters Parameters { get; }

    public TreatmentCatalogue Treatments { get; }

    public BaselineLimitSet? Baseline { get; }

    public DateOnly Today { get; }

    /// <summary>The limits a demand is judged against: its own, or else the baseline for its use.</summary>
    public IReadOnlyList<ParameterLimit> LimitsFor(WaterDemandInput demand) =>
        demand.Limits.Count > 0 ? demand.Limits : baselineByUse[demand.Use];
}
