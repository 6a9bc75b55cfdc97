namespace EcoPark.Domain.Streams;

/// <summary>The uses of a water balance; process, boiler and cooling have baseline limits for reclaimed water.</summary>
public enum WaterUse
{
    Process,
    Boiler,
    Cooling,
    Scrubber,
    Domestic,
    Other,
}

/// <summary>One row of a baseline table: the recommended limit on one parameter for one use.</summary>
public sealed record BaselineLimit(WaterUse Use, string Key, decimal? Min, decimal? Max);

/// <summary>
/// A version of the baseline recommended maxima for reclaimed water in industrial use
/// (water-quality-and-reuse.md). Rule data, not code: each version is a row with the date it takes effect,
/// and a demand that states no limit of its own takes the one in effect.
/// </summary>
public sealed class BaselineLimitSet
{
    private readonly List<BaselineLimit> limits = [];

    private BaselineLimitSet()
    {
        Version = null!;
        Source = null!;
    }

    public BaselineLimitSet(string version, DateOnly effectiveFrom, string source, IEnumerable<BaselineLimit> rows)
        : this()
    {
        Version = version;
        EffectiveFrom = effectiveFrom;
        Source = source;
        foreach (var row in rows)
        {
            ParameterRules.CheckLimits(WaterQuality.Parameters, [new ParameterLimit(row.Key, row.Min, row.Max)], "limits");
            if (limits.Any(l => l.Use == row.Use && l.Key == row.Key))
            {
                throw new Common.DomainException("limits", "duplicate-key", $"{row.Use}/{row.Key} is given twice.");
            }

            limits.Add(row);
        }
    }

    public string Version { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    /// <summary>Where the figures come from, for the screen and the explanation of a match.</summary>
    public string Source { get; private set; }

    public IReadOnlyList<BaselineLimit> Limits => limits;

    /// <summary>The baseline limits for a use; empty where the table has none (scrubber, domestic, other).</summary>
    public IReadOnlyList<ParameterLimit> For(WaterUse use) =>
        [.. limits.Where(l => l.Use == use).Select(l => new ParameterLimit(l.Key, l.Min, l.Max))];

    /// <summary>The version in effect on a date: the latest that started on or before it.</summary>
    public static BaselineLimitSet? EffectiveOn(IEnumerable<BaselineLimitSet> sets, DateOnly date) =>
        sets.Where(s => s.EffectiveFrom <= date).MaxBy(s => s.EffectiveFrom);
}
