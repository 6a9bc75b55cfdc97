using EcoPark.Domain.Common;

namespace EcoPark.Domain.Water;

/// <summary>
/// A factory's water balance for one period, in m³ per period, as the water-use plan format asks for it:
/// intake by source, recovered rainwater and condensate, make-up water by use, circulation and reuse, and
/// outflows.
/// </summary>
public sealed record WaterBalance
{
    public decimal TapM3 { get; init; }

    public decimal SurfaceM3 { get; init; }

    public decimal GroundwaterM3 { get; init; }

    /// <summary>Irrigation associations and other suppliers (contract water).</summary>
    public decimal OtherSupplierM3 { get; init; }

    /// <summary>Reclaimed water from the sewer system (系統再生水).</summary>
    public decimal ReclaimedSystemM3 { get; init; }

    /// <summary>Reclaimed water from elsewhere, e.g. another factory's effluent (非系統再生水).</summary>
    public decimal ReclaimedNonSystemM3 { get; init; }

    public decimal DesalinatedM3 { get; init; }

    public decimal RainwaterM3 { get; init; }

    public decimal CondensateM3 { get; init; }

    public decimal CoolingM3 { get; init; }

    public decimal ProcessM3 { get; init; }

    public decimal BoilerM3 { get; init; }

    public decimal ScrubberM3 { get; init; }

    public decimal DomesticM3 { get; init; }

    public decimal OtherUseM3 { get; init; }

    /// <summary>Total circulation, cooling-tower internal circulation included.</summary>
    public decimal CirculationM3 { get; init; }

    public decimal CoolingTowerCirculationM3 { get; init; }

    public decimal ReuseM3 { get; init; }

    public decimal SewerM3 { get; init; }

    public decimal WaterBodyM3 { get; init; }

    public decimal EvaporationLossM3 { get; init; }

    public decimal InProductM3 { get; init; }

    public decimal TotalSourcesM3 => TapM3 + SurfaceM3 + GroundwaterM3 + OtherSupplierM3 + ReclaimedSystemM3 + ReclaimedNonSystemM3 + DesalinatedM3;

    /// <summary>All sources plus rainwater and condensate.</summary>
    public decimal TotalIntakeM3 => TotalSourcesM3 + RainwaterM3 + CondensateM3;

    public decimal TotalUsesM3 => CoolingM3 + ProcessM3 + BoilerM3 + ScrubberM3 + DomesticM3 + OtherUseM3;

    public decimal TotalOutflowsM3 => SewerM3 + WaterBodyM3 + EvaporationLossM3 + InProductM3;

    /// <summary>Total water use = total intake + total circulation + total reuse.</summary>
    public decimal TotalWaterUseM3 => TotalIntakeM3 + CirculationM3 + ReuseM3;

    /// <summary>The figures derived from this balance, or the first rule it breaks.</summary>
    public WaterBalanceFigures Derive(int periodDays)
    {
        var negative = Volumes().FirstOrDefault(v => v.Value < 0);
        if (negative.Name is not null)
        {
            throw new DomainException(negative.Name, "negative", $"{negative.Name} cannot be negative.");
        }

        if (TotalIntakeM3 == 0)
        {
            throw new DomainException("intake", "zero-intake", "A balance needs some intake: rates are shares of it.");
        }

        if (CoolingTowerCirculationM3 > CirculationM3)
        {
            throw new DomainException("coolingTowerCirculationM3", "above-total-circulation", "Cooling-tower circulation is part of total circulation, so it cannot exceed it.");
        }

        var recycled = CirculationM3 + ReuseM3 + RainwaterM3 + CondensateM3;
        var r1 = recycled / TotalWaterUseM3 * 100;
        var r2Denominator = TotalWaterUseM3 - CoolingTowerCirculationM3;
        var r2 = r2Denominator == 0 ? 0 : (recycled - CoolingTowerCirculationM3) / r2Denominator * 100;
        return new WaterBalanceFigures(
            TotalIntakeM3,
            TotalWaterUseM3,
            r1,
            r2,
            Math.Abs(TotalIntakeM3 - TotalOutflowsM3) / TotalIntakeM3 * 100,
            Math.Abs(TotalIntakeM3 - TotalUsesM3) / TotalIntakeM3 * 100,
            TotalIntakeM3 / periodDays,
            TotalWaterUseM3 / periodDays);
    }

    private IEnumerable<(string Name, decimal Value)> Volumes() =>
    [
        ("tapM3", TapM3), ("surfaceM3", SurfaceM3), ("groundwaterM3", GroundwaterM3), ("otherSupplierM3", OtherSupplierM3),
        ("reclaimedSystemM3", ReclaimedSystemM3), ("reclaimedNonSystemM3", ReclaimedNonSystemM3), ("desalinatedM3", DesalinatedM3),
        ("rainwaterM3", RainwaterM3), ("condensateM3", CondensateM3), ("coolingM3", CoolingM3), ("processM3", ProcessM3), ("boilerM3", BoilerM3),
        ("scrubberM3", ScrubberM3), ("domesticM3", DomesticM3), ("otherM3", OtherUseM3), ("circulationM3", CirculationM3),
        ("coolingTowerCirculationM3", CoolingTowerCirculationM3), ("reuseM3", ReuseM3), ("sewerM3", SewerM3), ("waterBodyM3", WaterBodyM3),
        ("evaporationLossM3", EvaporationLossM3), ("inProductM3", InProductM3),
    ];
}

/// <summary>
/// What a balance yields. R1 = (circulation + reuse + rainwater + condensate) ÷ total water use × 100;
/// R2 takes cooling-tower internal circulation out of both. The closure gap compares intake with
/// outflows, the use gap intake with make-up water by use, both as a percentage of intake.
/// </summary>
public sealed record WaterBalanceFigures(
    decimal TotalIntakeM3,
    decimal TotalWaterUseM3,
    decimal R1Percent,
    decimal R2Percent,
    decimal ClosureGapPercent,
    decimal UseGapPercent,
    decimal IntakeM3PerDay,
    decimal WaterUseM3PerDay)
{
    /// <summary>Both gaps within the park's tolerance (in percent).</summary>
    public bool Closes(decimal tolerancePercent) => ClosureGapPercent <= tolerancePercent && UseGapPercent <= tolerancePercent;
}
