using EcoPark.Domain.Factories;

namespace EcoPark.Domain.Screening;

/// <summary>The eight factors of the 2019 water-shortage risk screening, numbered as in the source.</summary>
public enum ScreeningFactor
{
    /// <summary>1. Leasable land still available (ha).</summary>
    LeasableLand = 1,

    /// <summary>2. Water available per unit of leasable factory area (m³/day per ha).</summary>
    WaterPerFactoryArea = 2,

    /// <summary>3. Annual water use of high-water-use industries (10⁴ m³/yr).</summary>
    HighWaterUse = 3,

    /// <summary>4. Water-use increase expected over the next three years (10⁴ m³/yr).</summary>
    ExpectedIncrease = 4,

    /// <summary>5. Spare capacity of the park WWTP (m³/day).</summary>
    WwtpSpareCapacity = 5,

    /// <summary>6. Located in a county where supply is expected to fall short.</summary>
    ShortageCounty = 6,

    /// <summary>7. On the list of parks whose industries tolerate a shortage badly.</summary>
    LowTolerance = 7,

    /// <summary>8. Share of easy-to-match firms among all firms (%).</summary>
    EasyMatchShare = 8,
}

/// <summary>
/// One score band on a number line. A null bound is open-ended; each bound says whether a value exactly on
/// it belongs to this band (docs/decisions: inclusive band edges).
/// </summary>
public sealed record ScoreBand(int Score, decimal? Min, bool MinInclusive, decimal? Max, bool MaxInclusive)
{
    public bool Contains(decimal value) =>
        (Min is not { } min || (MinInclusive ? value >= min : value > min))
        && (Max is not { } max || (MaxInclusive ? value <= max : value < max));

    /// <summary>Interval notation, e.g. <c>(50, 100]</c> or <c>&gt; 100</c>.</summary>
    public string Label() => (Min, Max) switch
    {
        (null, null) => "all",
        (null, { } max) => (MaxInclusive ? "≤ " : "< ") + Number(max),
        ({ } min, null) => (MinInclusive ? "≥ " : "> ") + Number(min),
        ({ } min, { } max) => (MinInclusive ? "[" : "(") + Number(min) + ", " + Number(max) + (MaxInclusive ? "]" : ")"),
    };

    private static string Number(decimal value) => value.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A numeric factor's weight and bands.</summary>
public sealed record NumericFactorRule(ScreeningFactor Factor, int Weight, IReadOnlyList<ScoreBand> Bands)
{
    public ScoreBand? BandOf(decimal value) => Bands.FirstOrDefault(b => b.Contains(value));
}

/// <summary>Counties (in Chinese, as the park record spells them) that score a given number of points on factor 6.</summary>
public sealed record CountyScore(int Score, string Label, IReadOnlyList<string> Counties);

/// <summary>
/// The thresholds of the second screen on each top park's WWTP effluent: conductivity above
/// <see cref="DesalinationAboveUsCm"/> needs desalination (the source's reason for putting Guanyin last);
/// land to expand below <see cref="MinExpansionLandHa"/> means no land; effluent below
/// <see cref="MinEffluentM3PerDay"/> is too little to be worth a reclaimed-water plant.
/// </summary>
public sealed record SecondScreenRules(int TopParks, decimal DesalinationAboveUsCm, decimal MinExpansionLandHa, decimal MinEffluentM3PerDay);

/// <summary>
/// One effective-dated version of the screening rules: weights, bands and scores of every factor, the
/// county list of factor 6, the park list of factor 7, the industries that count as high-water-use for
/// factor 3, and the second screen's thresholds. Rule data, never literals in the engine: versions are
/// added, never edited.
/// </summary>
public sealed record ScreeningRuleSet
{
    /// <summary>The highest score a factor can take; a missing factor puts weight × this many points in doubt.</summary>
    public const int MaxScore = 5;

    public required string Code { get; init; }

    public required int Version { get; init; }

    public required DateOnly EffectiveFrom { get; init; }

    /// <summary>Factors 1–5 and 8.</summary>
    public required IReadOnlyList<NumericFactorRule> Numeric { get; init; }

    public required int CountyWeight { get; init; }

    /// <summary>Counties scoring above zero on factor 6; every other county scores 0.</summary>
    public required IReadOnlyList<CountyScore> CountyScores { get; init; }

    public required int LowToleranceWeight { get; init; }

    /// <summary>The score of a listed park on factor 7; others score 0.</summary>
    public required int LowToleranceScore { get; init; }

    /// <summary>The parks of factor 7's list (Chinese names); a park's own entry overrides the list.</summary>
    public required IReadOnlyList<string> LowToleranceParks { get; init; }

    /// <summary>The industries whose filed intake counts toward factor 3 (docs/industries.md).</summary>
    public required IReadOnlyList<Industry> HighWaterUseIndustries { get; init; }

    public required SecondScreenRules SecondScreen { get; init; }

    public int WeightOf(ScreeningFactor factor) => factor switch
    {
        ScreeningFactor.ShortageCounty => CountyWeight,
        ScreeningFactor.LowTolerance => LowToleranceWeight,
        _ => Rule(factor).Weight,
    };

    public NumericFactorRule Rule(ScreeningFactor factor) => Numeric.Single(r => r.Factor == factor);

    /// <summary>The highest total a park can reach under this version.</summary>
    public int MaxTotal => Enum.GetValues<ScreeningFactor>().Sum(f => WeightOf(f) * MaxScore);

    /// <summary>The version in effect on a date: the latest start on or before it, then the highest version number.</summary>
    public static ScreeningRuleSet? EffectiveOn(IEnumerable<ScreeningRuleSet> versions, DateOnly date) =>
        versions.Where(v => v.EffectiveFrom <= date).OrderByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.Version).FirstOrDefault();
}
