namespace EcoPark.Domain.Matching;

/// <summary>Who runs (and pays for) a treatment step: the buyer before its use, or the supplier before sending.</summary>
public enum TreatmentSide
{
    Buyer,
    Supplier,
}

/// <summary>
/// One treatment step that can be put into a train. Costs, energy and capex are per m³ of the water
/// fed to this step; the engine converts them to per m³ of product water through the recoveries of the
/// steps after it (docs/decisions/0005-matching-model.md).
/// </summary>
/// <remarks>
/// <para><c>Removal</c>: per canonical water-quality key, the fraction removed: value after = value × (1 − fraction).
/// Keys it does not list pass through unchanged. pH and temperature are never listed here.</para>
/// <para><c>Recovery</c>: product ÷ feed, in (0, 1]; the rest is reject (backwash, concentrate).</para>
/// <para><c>PhAfter</c>: the pH the step sets (dosing); null leaves pH as it was.</para>
/// <para><c>Basis</c>: where the figures come from (source document, or "our estimate").</para>
/// </remarks>
public sealed record TreatmentStep(
    string Code,
    string Name,
    TreatmentSide Side,
    IReadOnlyDictionary<string, decimal> Removal,
    decimal UnitCostNtdPerM3,
    decimal Recovery,
    decimal CapexNtdPerM3PerDay,
    decimal KwhPerM3,
    decimal? PhAfter,
    string Basis);

/// <summary>
/// An administered, effective-dated catalogue of treatment steps. The order of <c>Steps</c> is the
/// process order: a train is an ordered subset and always runs in catalogue order.
/// </summary>
public sealed record TreatmentCatalogue(string Version, DateOnly EffectiveFrom, IReadOnlyList<TreatmentStep> Steps)
{
    /// <summary>The version in effect on a date: the latest that started on or before it.</summary>
    public static TreatmentCatalogue? EffectiveOn(IEnumerable<TreatmentCatalogue> versions, DateOnly date) =>
        versions.Where(v => v.EffectiveFrom <= date).MaxBy(v => v.EffectiveFrom);
}
