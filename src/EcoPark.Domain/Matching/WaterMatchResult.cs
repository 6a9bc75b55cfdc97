using EcoPark.Domain.Common;

namespace EcoPark.Domain.Matching;

/// <summary>Where a pair stands. API keys: the names in kebab case (e.g. <c>feasible-with-treatment</c>).</summary>
[KeyCase(KeyCase.Kebab)]
public enum WaterMatchStatus
{
    /// <summary>A hard block: law, the buyer's refusal, no free volume, or out of range.</summary>
    Blocked,

    /// <summary>A parameter fails and neither treatment nor blending brings it within the limit.</summary>
    Infeasible,

    /// <summary>No known value fails beyond repair, but a limited parameter was never measured: a lab test first.</summary>
    NeedsLabTest,

    /// <summary>Physically feasible, but the route's net annual benefit is 0 or less, or it pays back later than the ceiling.</summary>
    Uneconomic,

    FeasibleAsIs,

    FeasibleWithTreatment,

    FeasibleWithBlending,
}

/// <summary>How the effluent would reach the buyer's use.</summary>
public enum WaterRoute
{
    None,
    AsIs,
    Treatment,
    Blending,
}

/// <summary>
/// The judgement of one supply against one demand, with everything behind it.
/// </summary>
/// <remarks>
/// <para><c>FeasibleAsIs</c>: no hard block and every limited parameter passes (unknown is not a pass).</para>
/// <para><c>Reasons</c>: hard blocks, quality, commercial and data-quality reason codes.</para>
/// <para><c>Parameters</c>: the per-parameter table of the effluent as it is, against the limits in <c>LimitsSource</c>.</para>
/// <para><c>LimitsSource</c>: "demand", or "baseline:{version}" when the demand stated no limits of its own.</para>
/// <para><c>DistanceM</c>: great-circle distance; null when a coordinate is missing.</para>
/// <para><c>MatchedFlowM3PerDay</c>: effluent delivered to the use on the chosen route; 0 without a route.</para>
/// <para><c>Treatment</c>: the cheapest train when a parameter fails (null when none fails or the pair is blocked).</para>
/// <para><c>Blend</c>: the blend analysis when the demand allows blending (null otherwise, or when blocked).</para>
/// <para><c>Economics</c>: for the chosen route; null without one.</para>
/// <para><c>TightestMargin</c>: the smallest parameter margin of the water as delivered (more headroom ranks first).</para>
/// <para><c>Inputs</c>: every input behind the figures, with its source.</para>
/// </remarks>
public sealed record WaterMatchResult(
    Guid SupplyId,
    Guid DemandId,
    WaterMatchStatus Status,
    bool FeasibleAsIs,
    WaterRoute Route,
    IReadOnlyList<MatchReason> Reasons,
    IReadOnlyList<ParameterCheck> Parameters,
    string LimitsSource,
    bool SamePark,
    decimal? DistanceM,
    decimal MatchedFlowM3PerDay,
    TreatmentPlan? Treatment,
    BlendResult? Blend,
    WaterEconomics? Economics,
    decimal? TightestMargin,
    IReadOnlyList<MatchInput> Inputs,
    string ParametersVersion,
    string CatalogueVersion)
{
    public bool IsBlocked => Status == WaterMatchStatus.Blocked;

    /// <summary>Whether the pair has a route that pays (as is, with treatment or with blending).</summary>
    public bool Feasible => Status is WaterMatchStatus.FeasibleAsIs or WaterMatchStatus.FeasibleWithTreatment or WaterMatchStatus.FeasibleWithBlending;

    /// <summary>
    /// When the effluent fails only the baseline's reference values (the demand stated no limits of its own): the second route,
    /// as is, if the buyer accepts the water as it is; null otherwise. The parameters still say <c>fail</c>.
    /// </summary>
    public WaterEconomics? IfReferenceAccepted { get; init; }

    /// <summary>Whether <see cref="IfReferenceAccepted"/> pays (net annual benefit above 0 and payback within the ceiling).</summary>
    public bool IfReferenceAcceptedEconomic { get; init; }

    public IEnumerable<string> ReasonCodes => Reasons.Select(r => r.Code).Distinct();
}

/// <summary>
/// The money and carbon of a water match on its route (economics-and-carbon.md). Per m³ figures are per
/// m³ delivered to the use; a year has <c>OperatingDaysPerYear</c> days of operation (the fewer of the two streams'), a month a twelfth of it.
/// </summary>
/// <remarks>
/// <para>Buyer saving per m³ = water price + the fee saving per m³ over the year (fee engine) − buyer-side treatment − transfer price.</para>
/// <para>Supplier saving per m³ = the discharge fee filed on the effluent (else 0) + transfer price − supplier-side treatment.</para>
/// <para>Investment = pipe (length × cost per m of its class) + pump + treatment capex; the supplier carries its share of pipe and pump and its own treatment.</para>
/// <para>Payback (months) = investment ÷ net monthly saving; null when the saving is zero or less.</para>
/// <para>Net annual benefit = (buyer + supplier) monthly saving × 12 − investment ÷ investment life.</para>
/// <para>Buyer effective cost per m³ = transfer price + buyer-side treatment + its investment spread over the life and the m³ delivered in it.</para>
/// <para>CO₂e avoided per year = m³/yr × (tap factor − treatment kWh/m³ × grid factor), in kg.</para>
/// </remarks>
public sealed record WaterEconomics
{
    public required decimal FlowM3PerDay { get; init; }

    public required decimal FeedM3PerDay { get; init; }

    public required decimal OperatingDaysPerYear { get; init; }

    public required decimal WaterPriceNtdPerM3 { get; init; }

    public required decimal MarginalFeeNtdPerM3 { get; init; }

    public required decimal TransferPriceNtdPerM3 { get; init; }

    public required decimal BuyerTreatmentNtdPerM3 { get; init; }

    public required decimal BuyerSavingNtdPerM3 { get; init; }

    public required decimal DischargeFeeNtdPerM3 { get; init; }

    public required decimal SupplierTreatmentNtdPerM3 { get; init; }

    public required decimal SupplierSavingNtdPerM3 { get; init; }

    public required decimal BuyerMonthlyNtd { get; init; }

    public required decimal SupplierMonthlyNtd { get; init; }

    public required decimal PipeLengthM { get; init; }

    public required int PipeDiameterMm { get; init; }

    public required int PipeLines { get; init; }

    public required decimal PipeNtd { get; init; }

    public required decimal PumpNtd { get; init; }

    public required decimal TreatmentCapexNtd { get; init; }

    public required decimal BuyerInvestmentNtd { get; init; }

    public required decimal SupplierInvestmentNtd { get; init; }

    public required decimal? BuyerPaybackMonths { get; init; }

    public required decimal? SupplierPaybackMonths { get; init; }

    public required decimal? PairPaybackMonths { get; init; }

    public required decimal NetAnnualBenefitNtd { get; init; }

    public required decimal BuyerEffectiveCostNtdPerM3 { get; init; }

    public required decimal WaterM3PerYear { get; init; }

    public required decimal TreatmentKwhPerM3 { get; init; }

    public required decimal Co2eAvoidedKgPerYear { get; init; }

    public decimal PairMonthlyNtd => BuyerMonthlyNtd + SupplierMonthlyNtd;

    public decimal InvestmentNtd => BuyerInvestmentNtd + SupplierInvestmentNtd;
}
