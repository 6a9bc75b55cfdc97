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
/// <para><c>CostDistanceM</c>: the distance priced (the great-circle distance, or the in-park default).</para>
/// </remarks>
public readonly record struct MatchScope(bool InRange, double? DistanceM, decimal CostDistanceM, bool NoCoordinates, string? Why)
{
    public static MatchScope Judge(GeoPoint? a, GeoPoint? b, bool samePark, decimal maxBetweenParksM, decimal? ownMaxM, decimal inParkWhenUnknownM)
    {
        if (a is null || b is null)
        {
            return samePark
                ? new(true, null, inParkWhenUnknownM, true, null)
                : new(false, null, 0, true, "A coordinate is missing, so the distance between the two parks is unknown.");
        }

        var distance = a.DistanceMetresTo(b);
        if (!samePark && distance > (double)maxBetweenParksM)
        {
            return new(false, distance, (decimal)distance, false, $"{distance:F0} m apart, beyond the {maxBetweenParksM:0.#} m reach between parks.");
        }

        if (ownMaxM is { } own && distance > (double)own)
        {
            return new(false, distance, (decimal)distance, false, $"{distance:F0} m apart, beyond the buyer's own {own:0.#} m.");
        }

        return new(true, distance, (decimal)distance, false, null);
    }

    internal void AddReasons(List<MatchReason> reasons, List<MatchInput> inputs)
    {
        if (!InRange)
        {
            reasons.Add(new(MatchCodes.OutOfRange, ReasonKind.HardBlock, Why!));
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
}
