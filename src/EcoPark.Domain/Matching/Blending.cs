using EcoPark.Domain.Streams;

namespace EcoPark.Domain.Matching;

/// <summary>
/// One limited parameter in the blend: both waters' values and the largest effluent share this parameter
/// alone allows (null when either value is unknown, or no share meets the limit).
/// </summary>
public sealed record BlendCheck(string Key, decimal? EffluentValue, decimal? CurrentValue, decimal? Min, decimal? Max, decimal? MaxShare);

/// <summary>
/// The largest effluent share s ∈ [0, 1] such that s × effluent + (1 − s) × current water meets every
/// limit. <c>Share</c> is null when a limited value is unknown in either water (see <c>UnknownKeys</c>) or
/// when no share meets every limit. <c>AtShare</c> judges the blend at that share.
/// </summary>
public sealed record BlendResult(decimal? Share, IReadOnlyList<BlendCheck> Parameters, IReadOnlyList<string> UnknownKeys, IReadOnlyList<ParameterCheck> AtShare);

/// <summary>
/// Blending by linear mixing per parameter (concentrations and temperature mix by volume). pH does not
/// mix linearly (it is a logarithm); the blend's pH lies between the two waters' pH, so pH is not solved
/// for: a blend that uses the effluent at all needs the effluent's pH within the range, and a blend that
/// uses current water needs its pH within the range.
/// </summary>
public static class Blending
{
    /// <summary>Steps taken below a share when decimal rounding left the blend a hair beyond a limit.</summary>
    private const decimal Nudge = 0.000_000_000_000_000_000_1m;

    public static BlendResult Solve(IReadOnlyList<ParameterLimit> limits, IReadOnlyList<ParameterValue> effluent, IReadOnlyList<ParameterValue> current, DateOnly today, int staleAfterDays)
    {
        decimal low = 0, high = 1;
        var rows = new List<BlendCheck>(limits.Count);
        var unknown = new List<string>();
        foreach (var limit in limits)
        {
            var e = LimitJudge.Find(effluent, limit.Key)?.Value;
            var c = LimitJudge.Find(current, limit.Key)?.Value;
            if (e is null || c is null)
            {
                unknown.Add(limit.Key);
                rows.Add(new BlendCheck(limit.Key, e, c, limit.Min, limit.Max, null));
                continue;
            }

            var (lo, hi) = Interval(limit, e.Value, c.Value);
            low = Math.Max(low, lo);
            high = Math.Min(high, hi);
            rows.Add(new BlendCheck(limit.Key, e, c, limit.Min, limit.Max, lo <= hi ? hi : null));
        }

        if (unknown.Count > 0 || low > high)
        {
            return new BlendResult(null, rows, unknown, []);
        }

        // The share is exact up to decimal division (28 digits); if rounding put a limit a hair out of reach, step down.
        var share = high;
        var atShare = Judge(limits, effluent, current, share, today, staleAfterDays);
        while (atShare.Any(c => c.Verdict != Verdict.Pass) && share - Nudge >= low)
        {
            share -= Nudge;
            atShare = Judge(limits, effluent, current, share, today, staleAfterDays);
        }

        return atShare.All(c => c.Verdict == Verdict.Pass)
            ? new BlendResult(share, rows, [], atShare)
            : new BlendResult(null, rows, [], atShare);
    }

    /// <summary>The blended value of one parameter at an effluent share.</summary>
    public static decimal Mix(decimal effluent, decimal current, decimal share) => current + (share * (effluent - current));

    /// <summary>The shares [lo, hi] ∩ [0, 1] for which one parameter's blend meets its limit (lo &gt; hi: none).</summary>
    private static (decimal Lo, decimal Hi) Interval(ParameterLimit limit, decimal e, decimal c)
    {
        if (limit.Key == WaterQuality.Ph)
        {
            var effluentOk = LimitJudge.Compare(e, limit.Min, limit.Max).Verdict == Verdict.Pass;
            var currentOk = LimitJudge.Compare(c, limit.Min, limit.Max).Verdict == Verdict.Pass;
            return (effluentOk, currentOk) switch
            {
                (true, true) => (0, 1),
                (true, false) => (1, 1),
                (false, true) => (0, 0),
                _ => (1, 0),
            };
        }

        decimal lo = 0, hi = 1;
        var d = e - c;
        foreach (var (bound, upper) in new[] { (limit.Max, true), (limit.Min, false) })
        {
            if (bound is not { } b)
            {
                continue;
            }

            // c + s·d ≤ b (upper) or ≥ b (lower).
            if (d == 0)
            {
                if (upper ? c > b : c < b)
                {
                    return (1, 0);
                }

                continue;
            }

            var s = Crossing(b - c, d);
            if (upper == d > 0)
            {
                hi = Math.Min(hi, s);
            }
            else
            {
                lo = Math.Max(lo, s);
            }
        }

        return (lo, hi);
    }

    /// <summary>
    /// gap ÷ d, the share at which the blend reaches a bound. Only a share in [−1, 1] matters to the
    /// interval; beyond that ±2 stands in, so that the division never overflows.
    /// </summary>
    private static decimal Crossing(decimal gap, decimal d)
    {
        if (Math.Abs(gap) < Math.Abs(d))
        {
            return gap / d;
        }

        var sign = gap > 0 == d > 0 ? 1 : -1;
        return Math.Abs(gap) == Math.Abs(d) ? sign : 2 * sign;
    }

    private static List<ParameterCheck> Judge(IReadOnlyList<ParameterLimit> limits, IReadOnlyList<ParameterValue> effluent, IReadOnlyList<ParameterValue> current, decimal share, DateOnly today, int staleAfterDays)
    {
        var checks = new List<ParameterCheck>(limits.Count);
        foreach (var limit in limits)
        {
            var e = LimitJudge.Find(effluent, limit.Key)!;
            var c = LimitJudge.Find(current, limit.Key)!;
            var value = limit.Key == WaterQuality.Ph
                ? share == 0 ? c.Value : share == 1 ? e.Value : PhOfBlend(limit, e.Value, c.Value)
                : Mix(e.Value, c.Value, share);
            var judged = LimitJudge.Judge(limit, new ParameterValue(limit.Key, value, e.Basis, e.SampleDate), today, staleAfterDays);
            checks.Add(judged);
        }

        return checks;
    }

    /// <summary>Between the two pH values; reported as the one nearer a bound (the conservative end).</summary>
    private static decimal PhOfBlend(ParameterLimit limit, decimal e, decimal c)
    {
        var a = LimitJudge.Compare(e, limit.Min, limit.Max).Margin;
        var b = LimitJudge.Compare(c, limit.Min, limit.Max).Margin;
        return a <= b ? e : c;
    }
}
