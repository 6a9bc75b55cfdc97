using EcoPark.Domain.Common;

namespace EcoPark.Domain.Matching;

/// <summary>
/// Whether two sites are within reach: the same park always is (unless the buyer's own maximum is
/// exceeded), another park only within the parameter distance and the buyer's own maximum. Distances are
/// great-circle metres between the coordinates; within a park a missing coordinate means the default
/// in-park distance, between parks it means the pair cannot be shown to be in range.
/// </summary>
/// <remarks>
/// <para><c>DistanceM</c>: the great-circle distance, null when a coordinate is missing.</para>
/// <para><c>BeyondM</c>: when out of range with a known distance, the reach it exceeds.</para>
/// <para><c>CostDistanceM</c>: the distance priced (the great-circle distance, or the in-park default).</para>
/// </remarks>
public readonly record struct MatchScope(bool InRange, double? DistanceM, decimal? BeyondM, bool SamePark, decimal InParkWhenUnknownM)
{
    public bool NoCoordinates => DistanceM is null;

    public decimal CostDistanceM => DistanceM is { } d ? (decimal)d : InParkWhenUnknownM;

    public static MatchScope Judge(GeoPoint? a, GeoPoint? b, bool samePark, decimal maxBetweenParksM, decimal? ownMaxM, decimal inParkWhenUnknownM)
    {
        if (a is null || b is null)
        {
            return new(samePark, null, null, samePark, inParkWhenUnknownM);
        }

        var distance = a.DistanceMetresTo(b);
        if (!samePark && distance > (double)maxBetweenParksM)
        {
            return new(false, distance, maxBetweenParksM, samePark, inParkWhenUnknownM);
        }

        if (ownMaxM is { } own && distance > (double)own)
        {
            return new(false, distance, own, samePark, inParkWhenUnknownM);
        }

        return new(true, distance, null, samePark, inParkWhenUnknownM);
    }

    internal void AddReasons(List<MatchReason> reasons, List<MatchInput> inputs)
    {
        if (!InRange)
        {
            reasons.Add(new(MatchCodes.OutOfRange, ReasonKind.HardBlock, DistanceM is { } d
                ? $"{d:F0} m apart, beyond the reach of {BeyondM:0.#} m."
                : "A coordinate is missing, so the distance between the two parks is unknown."));
        }

        if (NoCoordinates)
        {
            reasons.Add(new(MatchCodes.NoCoordinates, ReasonKind.DataQuality,
                InRange ? $"A coordinate is missing: {CostDistanceM:0.#} m within the park is assumed." : "A coordinate is missing."));
        }

        inputs.Add(new("distanceM", CostDistanceM, "m", DistanceM is null ? InputSource.Default : InputSource.Estimated));
    }
}

/// <summary>Small formulas shared by the matchers.</summary>
public static class MatchMath
{
    /// <summary>
    /// Investment ÷ net monthly saving; null when the saving is zero or less. A saving is counted to
    /// 0.0001 NTD a month, so that a rounding residue of a zero saving cannot give an absurd (or overflowing) payback.
    /// </summary>
    public static decimal? PaybackMonths(decimal investmentNtd, decimal monthlySavingNtd)
    {
        var saving = Math.Round(monthlySavingNtd, 4, MidpointRounding.AwayFromZero);
        return saving > 0 ? investmentNtd / saving : null;
    }

    /// <summary>A quoted figure when there is one (named as a quote, with the computed one in its reason), else the engine's own (a default).</summary>
    public static decimal Quoted(decimal? quote, decimal computed, string name, string unit, List<MatchInput> inputs, List<MatchReason> reasons)
    {
        inputs.Add(new(name, quote ?? computed, unit, quote is null ? InputSource.Default : InputSource.Quote));
        if (quote is { } q)
        {
            reasons.Add(new(MatchCodes.QuoteUsed, ReasonKind.DataQuality, $"{name} is quoted: {q:0.##} {unit} instead of the computed {computed:0.##} {unit}.", name));
        }

        return quote ?? computed;
    }

    /// <summary>
    /// Why a physically feasible route is <c>uneconomic</c>: its net annual benefit is 0 or less, or its payback is
    /// above the ceiling of the parameter version (null: no ceiling). Empty when the route pays.
    /// </summary>
    public static IReadOnlyList<MatchReason> UneconomicReasons(decimal netAnnualBenefitNtd, decimal? paybackMonths, decimal? ceilingMonths)
    {
        var reasons = new List<MatchReason>();
        if (netAnnualBenefitNtd <= 0)
        {
            reasons.Add(new(MatchCodes.NoNetBenefit, ReasonKind.Commercial,
                $"The net annual benefit is {netAnnualBenefitNtd:N0} NTD: the route costs more than it saves over the investment's life."));
        }
        else if (ceilingMonths is { } ceiling && (paybackMonths is null || paybackMonths > ceiling))
        {
            reasons.Add(new(MatchCodes.PaybackAboveCeiling, ReasonKind.Commercial,
                $"The payback of {paybackMonths:0.#} months is above the ceiling of {ceiling:0.#} months."));
        }

        return reasons;
    }
}
