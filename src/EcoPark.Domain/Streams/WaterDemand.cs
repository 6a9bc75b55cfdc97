using EcoPark.Domain.Common;
using EcoPark.Domain.Factories;

namespace EcoPark.Domain.Streams;

/// <summary>The editable description of a water need.</summary>
public sealed record WaterDemandDetails(
    string Name,
    WaterUse Use,
    decimal FlowM3PerDay,
    IReadOnlyList<ParameterLimit> Limits,
    bool ReclaimedAllowed,
    bool BlendingAllowed,
    IReadOnlyList<ParameterValue> CurrentWaterQuality,
    decimal? MaxPipeDistanceM,
    decimal? MaxPriceNtdPerM3,
    decimal? CurrentWaterPriceNtdPerM3,
    ConfidentialFields Confidential,
    string? Notes,
    int? DaysPerWeek = null,
    decimal? HoursPerDay = null);

/// <summary>
/// A factory's need for water of a given quality for one use. Limits left empty mean "the baseline
/// limits for the use". Food and medical makers may not use reclaimed water in their process (law), so
/// such a demand can never accept it.
/// </summary>
public sealed class WaterDemand : FactoryStream
{
    private List<ParameterLimit> limits = [];
    private List<ParameterValue> currentWaterQuality = [];

    private WaterDemand()
    {
    }

    public WaterDemand(Guid id, Guid factoryId, Industry industry, WaterDemandDetails details, DateOnly today, Guid by, DateTimeOffset at)
        : base(id, factoryId) => Update(industry, details, today, by, at);

    public WaterUse Use { get; private set; }

    public decimal FlowM3PerDay { get; private set; }

    /// <summary>The demand's own limits; empty means the baseline limits for <see cref="Use"/> apply.</summary>
    public IReadOnlyList<ParameterLimit> Limits => limits;

    public bool ReclaimedAllowed { get; private set; }

    /// <summary>Whether effluent may be blended with the water the factory uses today.</summary>
    public bool BlendingAllowed { get; private set; }

    /// <summary>The quality of the water used today, for blending.</summary>
    public IReadOnlyList<ParameterValue> CurrentWaterQuality => currentWaterQuality;

    public decimal? MaxPipeDistanceM { get; private set; }

    public decimal? MaxPriceNtdPerM3 { get; private set; }

    /// <summary>What the factory pays for its water today (tap price), when it says.</summary>
    public decimal? CurrentWaterPriceNtdPerM3 { get; private set; }

    /// <summary>The days a week the water is used; null when not filed (matching then takes the supply's schedule).</summary>
    public int? DaysPerWeek { get; private set; }

    /// <summary>The hours a day the water is used; null when not filed (matching then takes the supply's schedule).</summary>
    public decimal? HoursPerDay { get; private set; }

    /// <summary>Food and medical-product makers may not use recycled or reclaimed water in their process.</summary>
    public static bool ReclaimedBarredByLaw(Industry industry, WaterUse use) =>
        use == WaterUse.Process && industry is Industry.Food or Industry.Medical;

    public void Update(Industry industry, WaterDemandDetails details, DateOnly today, Guid by, DateTimeOffset at)
    {
        if (details.FlowM3PerDay <= 0)
        {
            throw new DomainException("flowM3PerDay", "zero-flow", "The flow needed must be above zero.");
        }

        if (details.ReclaimedAllowed && ReclaimedBarredByLaw(industry, details.Use))
        {
            throw new DomainException("reclaimedAllowed", "reclaimed-not-allowed",
                "Food and medical-product makers may not use reclaimed water in their process (law).");
        }

        if (details.DaysPerWeek is { } days)
        {
            Within("daysPerWeek", days, 1, 7);
        }

        if (details.HoursPerDay is { } hours)
        {
            Within("hoursPerDay", hours, 0.5m, 24);
        }

        var checkedLimits = ParameterRules.CheckLimits(WaterQuality.Parameters, details.Limits, "limits");
        var current = ParameterRules.CheckValues(WaterQuality.Parameters, details.CurrentWaterQuality, today, "currentWaterQuality");
        Stamp(details.Name, details.Notes, details.Confidential, by, at);
        Use = details.Use;
        FlowM3PerDay = details.FlowM3PerDay;
        limits = [.. checkedLimits];
        ReclaimedAllowed = details.ReclaimedAllowed;
        BlendingAllowed = details.BlendingAllowed;
        currentWaterQuality = [.. current];
        MaxPipeDistanceM = NonNegative("maxPipeDistanceM", details.MaxPipeDistanceM);
        MaxPriceNtdPerM3 = NonNegative("maxPriceNtdPerM3", details.MaxPriceNtdPerM3);
        CurrentWaterPriceNtdPerM3 = NonNegative("currentWaterPriceNtdPerM3", details.CurrentWaterPriceNtdPerM3);
        DaysPerWeek = details.DaysPerWeek;
        HoursPerDay = details.HoursPerDay;
    }

    /// <summary>The limits a match is judged against: the demand's own, or else the baseline for its use.</summary>
    public IReadOnlyList<ParameterLimit> EffectiveLimits(BaselineLimitSet? baseline) =>
        limits.Count > 0 ? limits : baseline?.For(Use) ?? [];
}
