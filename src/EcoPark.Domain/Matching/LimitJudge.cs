using EcoPark.Domain.Streams;

namespace EcoPark.Domain.Matching;

/// <summary>The judgement of one limited parameter (quality-parameters.md).</summary>
public enum Verdict
{
    /// <summary>The value is within the limit; a value exactly at a bound passes.</summary>
    Pass,

    /// <summary>The value is outside the limit.</summary>
    Fail,

    /// <summary>The demand limits a parameter the supply never measured: a lab test is needed. Never a pass.</summary>
    Unknown,
}

/// <summary>
/// One row of the per-parameter table: the value and where it came from, the limit, the verdict, and by
/// how much. <c>Headroom</c> is the signed distance to the nearest bound in the parameter's unit (positive:
/// inside the limit; negative: how far beyond it). <c>Margin</c> is that headroom relative to the bound
/// (headroom ÷ |bound|, so −0.25 means 25 % beyond a maximum); for a range the tighter side counts; for a
/// bound of 0 it is 0 at or inside the bound and −1 beyond it. Both are null when the value is unknown.
/// </summary>
public sealed record ParameterCheck(
    string Key,
    decimal? Value,
    decimal? Min,
    decimal? Max,
    Verdict Verdict,
    decimal? Headroom,
    decimal? Margin,
    InputSource? Source,
    DateOnly? SampleDate,
    bool Stale);

/// <summary>Judges values against limits: pass, fail or unknown, never guessing a missing value.</summary>
public static class LimitJudge
{
    /// <summary>One check per limit, in the order of the limits.</summary>
    public static IReadOnlyList<ParameterCheck> Judge(IReadOnlyList<ParameterValue> values, IReadOnlyList<ParameterLimit> limits, DateOnly today, int staleAfterDays)
    {
        var checks = new ParameterCheck[limits.Count];
        for (var i = 0; i < limits.Count; i++)
        {
            checks[i] = Judge(limits[i], Find(values, limits[i].Key), today, staleAfterDays);
        }

        return checks;
    }

    public static ParameterCheck Judge(ParameterLimit limit, ParameterValue? value, DateOnly today, int staleAfterDays)
    {
        if (value is null)
        {
            return new ParameterCheck(limit.Key, null, limit.Min, limit.Max, Verdict.Unknown, null, null, null, null, false);
        }

        var (verdict, headroom, margin) = Compare(value.Value, limit.Min, limit.Max);
        return new ParameterCheck(limit.Key, value.Value, limit.Min, limit.Max, verdict, headroom, margin,
            SourceOf(value.Basis), value.SampleDate, value.IsStale(today, staleAfterDays));
    }

    /// <summary>Whether a known value is within its bounds (a value exactly at a bound passes).</summary>
    public static bool Passes(decimal value, decimal? min, decimal? max) => (min is null || value >= min) && (max is null || value <= max);

    /// <summary>A known value against a bound or two; a value exactly at a bound passes.</summary>
    public static (Verdict Verdict, decimal Headroom, decimal Margin) Compare(decimal value, decimal? min, decimal? max)
    {
        decimal? headroom = null;
        decimal? margin = null;
        if (max is { } upper)
        {
            headroom = upper - value;
            margin = Relative(upper - value, upper);
        }

        if (min is { } lower)
        {
            var lowMargin = Relative(value - lower, lower);
            if (margin is null || lowMargin < margin)
            {
                headroom = value - lower;
                margin = lowMargin;
            }
        }

        return (Passes(value, min, max) ? Verdict.Pass : Verdict.Fail, headroom ?? 0, margin ?? 0);
    }

    public static ParameterValue? Find(IReadOnlyList<ParameterValue> values, string key)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i].Key == key)
            {
                return values[i];
            }
        }

        return null;
    }

    /// <summary>Lab → lab, online monitor → metered, declared → estimated.</summary>
    public static InputSource SourceOf(ValueBasis basis) => basis switch
    {
        ValueBasis.Lab => InputSource.Lab,
        ValueBasis.Online => InputSource.Metered,
        _ => InputSource.Estimated,
    };

    /// <summary>Stale, declared and unknown values as data-quality reasons ("lab-test-needed" for every unknown).</summary>
    internal static void AddDataQuality(IReadOnlyList<ParameterCheck> checks, IReadOnlyList<ParameterValue> values, List<MatchReason> reasons, int staleAfterDays)
    {
        foreach (var check in checks)
        {
            if (check.Verdict == Verdict.Unknown)
            {
                reasons.Add(new(MatchCodes.LabTestNeeded, ReasonKind.DataQuality, $"{check.Key} is limited but was never measured: a lab test is needed.", check.Key));
                continue;
            }

            if (check.Stale)
            {
                reasons.Add(new(MatchCodes.StaleValue, ReasonKind.DataQuality,
                    $"{check.Key} was sampled {check.SampleDate?.ToString("yyyy-MM-dd") ?? "on no stated date"}, more than {staleAfterDays} days ago.", check.Key));
            }

            if (Find(values, check.Key)?.Basis == ValueBasis.Declared)
            {
                reasons.Add(new(MatchCodes.DeclaredValue, ReasonKind.DataQuality, $"{check.Key} is declared (an estimate), not measured.", check.Key));
            }
        }
    }

    /// <summary>Bounds nearer zero than this count as zero (a numerical floor that keeps the division finite).</summary>
    private const decimal Tiny = 0.000_000_000_001m;

    private static decimal Relative(decimal headroom, decimal bound) =>
        Math.Abs(bound) >= Tiny ? headroom / Math.Abs(bound) : headroom >= 0 ? 0 : -1;
}
