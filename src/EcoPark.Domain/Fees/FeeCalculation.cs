namespace EcoPark.Domain.Fees;

/// <summary>One month's water by source, in m³.</summary>
public sealed record MonthlyVolumes(YearMonth Month, decimal TapM3, decimal SurfaceM3, decimal GroundwaterM3, decimal OtherSupplierM3)
{
    /// <summary>What the tap/surface charge counts: tap, surface and contract water (art. 3 II).</summary>
    public decimal TapSurfaceOtherM3 => TapM3 + SurfaceM3 + OtherSupplierM3;

    /// <summary>What the scope test counts: every source (art. 3 I).</summary>
    public decimal TotalM3 => TapSurfaceOtherM3 + GroundwaterM3;

    /// <summary>
    /// The month with <paramref name="m3"/> of other water (reclaimed, or a neighbour's effluent) in place of
    /// fee-bearing water: tap first, then contract, then surface; groundwater stays. Also how much was replaced.
    /// </summary>
    public (MonthlyVolumes Month, decimal ReplacedM3) Replacing(decimal m3)
    {
        var tap = Math.Min(TapM3, m3);
        var other = Math.Min(OtherSupplierM3, m3 - tap);
        var surface = Math.Min(SurfaceM3, m3 - tap - other);
        return (this with { TapM3 = TapM3 - tap, OtherSupplierM3 = OtherSupplierM3 - other, SurfaceM3 = SurfaceM3 - surface }, tap + other + surface);
    }
}

/// <summary>Reductions and offsets the payer claims (only accepted claims reach the engine in a fee case).</summary>
public sealed record FeeClaims
{
    public static FeeClaims None { get; } = new();

    /// <summary>Reclaimed + desalinated water used from 1 Jul of the previous year to 30 Jun.</summary>
    public decimal ReclaimedAndDesalinatedM3 { get; init; }

    /// <summary>The amount committed in the approved water-use plan (0: no commitment).</summary>
    public decimal CommittedReclaimedM3 { get; init; }

    /// <summary>This year's offset for approved investment (see <see cref="InvestmentApproval"/>).</summary>
    public decimal InvestmentOffsetNtd { get; init; }

    /// <summary>Water-pollution control fee paid on time from 1 Jul to 30 Jun.</summary>
    public decimal PollutionFeePaidNtd { get; init; }

    /// <summary>Art. 8: source-protection and drought cost already in the tap-water bill.</summary>
    public decimal TapPriceConservationNtd { get; init; }

    /// <summary>The 2019 draft's reduction, in percent.</summary>
    public decimal DraftReductionPercent { get; init; }
}

public sealed record FeeRequest(
    int FeeYear,
    PayerCategory Payer,
    IReadOnlyList<MonthlyVolumes> Months,
    RecyclingRateStatus RecyclingRate,
    FeeClaims Claims,
    bool? HalfRate = null,
    DraftPeriod DraftPeriod = DraftPeriod.Month);

/// <summary>
/// One line of the calculation. <see cref="Code"/> and <see cref="Args"/> let a screen say it in the
/// reader's language; <see cref="Label"/> is the English wording.
/// </summary>
public sealed record FeeLine(string Code, string Label, decimal AmountNtd, IReadOnlyList<decimal>? Args = null);

/// <summary>A warning with a stable code, its figures, and an English text.</summary>
public sealed record FeeWarning(string Code, string Message, IReadOnlyList<decimal>? Args = null);

public sealed record FeeResult(
    bool InScope,
    string ScopeReason,
    IReadOnlyList<FeeLine> Steps,
    decimal GrossFeeNtd,
    decimal ReductionNtd,
    decimal NetFeeNtd,
    bool HalfRateApplied,
    string RuleSetCode,
    int RuleSetVersion,
    IReadOnlyList<FeeStepKind> StepOrder,
    IReadOnlyList<FeeWarning> Warnings,
    IReadOnlyList<YearMonth>? MissingMonths = null,
    IReadOnlyList<FeeClaimEffect>? ClaimEffects = null);

/// <summary>
/// What one kind of claim changed: the amount claimed (m³ for reclaimed water, NTD otherwise), the NTD it took off the
/// fee (after the 60 % cap, shared in proportion), and, when it took off nothing, why (a stable code).
/// </summary>
public sealed record FeeClaimEffect(FeeClaimKind Kind, decimal Claimed, decimal EffectNtd, string? NoEffectReason);

/// <summary>An approved investment: ½ of its cost (per the rule set) offset over at most N years.</summary>
public sealed record InvestmentApproval(decimal ApprovedCostNtd, int FirstFeeYear, int Years, decimal OffsetUsedBeforeNtd)
{
    /// <summary>This fee year's offset: an equal share per year, never beyond what is left of the cap.</summary>
    public decimal OffsetFor(int feeYear, Regulation2023Rules rules)
    {
        var years = Math.Clamp(Years, 1, rules.InvestmentOffsetMaxYears);
        if (feeYear < FirstFeeYear || feeYear >= FirstFeeYear + years)
        {
            return 0;
        }

        var total = ApprovedCostNtd * rules.InvestmentOffsetShareOfCost;
        return Math.Max(0, Math.Min(total / years, total - OffsetUsedBeforeNtd));
    }
}
