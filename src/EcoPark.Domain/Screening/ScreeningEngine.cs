using EcoPark.Domain.Common;

namespace EcoPark.Domain.Screening;

/// <summary>Where a factor's value came from.</summary>
public enum FactorSource
{
    /// <summary>Entered in the park's screening figures (an override wins over what is derived).</summary>
    Entered,

    /// <summary>Taken from the platform's own data: filings, matching, the park record or the rule set's list.</summary>
    Derived,

    /// <summary>Unknown: no score, and weight × 5 points are reported as unknown.</summary>
    Missing,
}

/// <summary>A figure the platform derives, with what it rests on (e.g. 3 of 4 high-water-use firms filed).</summary>
public sealed record DerivedFigure(decimal? Value, int Count, int Of);

/// <summary>Everything the screen knows about one park.</summary>
public sealed record ParkScreeningCase
{
    public required Guid ParkId { get; init; }

    public required string NameZh { get; init; }

    public required string NameEn { get; init; }

    /// <summary>The park record's county, used when the figures do not override it.</summary>
    public required string ParkCounty { get; init; }

    /// <summary>The park record's spare WWTP capacity, used when the figures do not override it.</summary>
    public required decimal ParkWwtpSpareM3PerDay { get; init; }

    /// <summary>The version of the park's figures in use on the screening date, if any.</summary>
    public ParkScreeningInput? Inputs { get; init; }

    /// <summary>Factor 3 from filings; null when the platform cannot say.</summary>
    public DerivedFigure? HighWaterUse { get; init; }

    /// <summary>Factor 8 from matching; null when the platform cannot say.</summary>
    public DerivedFigure? EasyMatchShare { get; init; }
}

/// <summary>One factor of one park: its value and where it came from, the band it falls in, its score and points.</summary>
public sealed record FactorResult(
    ScreeningFactor Factor,
    decimal? Number,
    string? Text,
    bool? Flag,
    string? Band,
    int? Score,
    int Weight,
    int? Points,
    FactorSource Source,
    string Origin,
    decimal? DerivedNumber,
    int? BasisCount,
    int? BasisOf)
{
    public bool IsMissing => Source == FactorSource.Missing;
}

[KeyCase(KeyCase.Kebab)]
public enum SecondScreenVerdict
{
    Priority,
    NeedsDesalination,
    NoLand,
    LowFlow,

    /// <summary>No failure found, but a figure the screen needs is unknown.</summary>
    Incomplete,

    /// <summary>Outside the top parks the second screen looks at.</summary>
    NotScreened,
}

public sealed record SecondScreenResult(SecondScreenVerdict Verdict, IReadOnlyList<string> Reasons, decimal? EffluentM3PerDay, decimal? ConductivityUsCm, decimal? ExpansionLandHa);

public sealed record ParkScreeningResult(
    Guid ParkId,
    string NameZh,
    string NameEn,
    int Rank,
    int TotalPoints,
    int UnknownPoints,
    int MaxPoints,
    IReadOnlyList<FactorResult> Factors,
    SecondScreenResult SecondScreen,
    int? InputVersion,
    DateOnly? InputAsOf,
    string? InputSource);

/// <summary>
/// The 8-factor water-shortage risk screen and its second stage on WWTP effluent. Pure: a rule-set version
/// and each park's facts in, the ranked parks out. Each factor is scored 0–5 by its bands and multiplied by
/// its weight; a missing factor scores nothing and its weight × 5 is reported as unknown points, never 0.
/// </summary>
public static class ScreeningEngine
{
    public static IReadOnlyList<ParkScreeningResult> Rank(IEnumerable<ParkScreeningCase> parks, ScreeningRuleSet rules)
    {
        var scored = parks.Select(p => (Park: p, Factors: Factors(p, rules))).Select(x => (x.Park, x.Factors,
                Total: x.Factors.Sum(f => f.Points ?? 0),
                Unknown: x.Factors.Where(f => f.IsMissing).Sum(f => f.Weight * ScreeningRuleSet.MaxScore)))
            .OrderByDescending(x => x.Total).ThenBy(x => x.Unknown).ThenBy(x => x.Park.NameZh, StringComparer.Ordinal)
            .ToList();
        return [.. scored.Select((x, i) => new ParkScreeningResult(x.Park.ParkId, x.Park.NameZh, x.Park.NameEn, i + 1, x.Total, x.Unknown, rules.MaxTotal,
            x.Factors, i < rules.SecondScreen.TopParks ? SecondScreen(x.Park.Inputs?.Values, rules.SecondScreen) : NotScreened(x.Park.Inputs?.Values),
            x.Park.Inputs?.Version, x.Park.Inputs?.AsOf, x.Park.Inputs?.Source))];
    }

    public static IReadOnlyList<FactorResult> Factors(ParkScreeningCase park, ScreeningRuleSet rules)
    {
        var v = park.Inputs?.Values ?? new ParkScreeningValues();
        decimal? waterPerArea = v is { TapHeadroomM3PerDay: { } tap, ExtraSupplyM3PerDay: { } extra, LeasableFactoryAreaHa: { } area and > 0 }
            ? (tap + extra) / area
            : null;
        var county = v.County ?? TaiwanCounties.Normalise(park.ParkCounty);
        var listed = rules.LowToleranceParks.Contains(TaiwanCounties.Normalise(park.NameZh));
        return
        [
            Numeric(rules, ScreeningFactor.LeasableLand, v.LeasableLandHa, FactorSource.Entered, "inputs"),
            Numeric(rules, ScreeningFactor.WaterPerFactoryArea, waterPerArea, FactorSource.Entered, "inputs"),
            Overridable(rules, ScreeningFactor.HighWaterUse, v.HighWaterUseAnnual10kM3, park.HighWaterUse, "filings"),
            Numeric(rules, ScreeningFactor.ExpectedIncrease, v.ExpectedIncrease10kM3PerYear, FactorSource.Entered, "inputs"),
            v.WwtpSpareCapacityM3PerDay is { } spare
                ? Numeric(rules, ScreeningFactor.WwtpSpareCapacity, spare, FactorSource.Entered, "inputs")
                : Numeric(rules, ScreeningFactor.WwtpSpareCapacity, park.ParkWwtpSpareM3PerDay, FactorSource.Derived, "park-record"),
            County(rules, county, v.County is null ? FactorSource.Derived : FactorSource.Entered),
            LowTolerance(rules, v.LowTolerance ?? listed, v.LowTolerance is null ? FactorSource.Derived : FactorSource.Entered),
            Overridable(rules, ScreeningFactor.EasyMatchShare, v.EasyMatchSharePercent, park.EasyMatchShare, "matching"),
        ];
    }

    /// <summary>Judges one WWTP's effluent: conductivity, then land, then flow; any unknown figure leaves the verdict incomplete unless another already fails.</summary>
    public static SecondScreenResult SecondScreen(ParkScreeningValues? values, SecondScreenRules rules)
    {
        var v = values ?? new ParkScreeningValues();
        var reasons = new List<string>();
        var failures = new List<SecondScreenVerdict>();
        var unknown = false;

        void Judge(decimal? value, Func<decimal, bool> fails, SecondScreenVerdict verdict, string failCode, string passCode, string unknownCode)
        {
            if (value is not { } x)
            {
                unknown = true;
                reasons.Add(unknownCode);
            }
            else if (fails(x))
            {
                failures.Add(verdict);
                reasons.Add(failCode);
            }
            else
            {
                reasons.Add(passCode);
            }
        }

        Judge(v.WwtpConductivityUsCm, c => c > rules.DesalinationAboveUsCm, SecondScreenVerdict.NeedsDesalination, "conductivity-above-threshold", "conductivity-within",
            "conductivity-unknown");
        Judge(v.WwtpExpansionLandHa, l => l < rules.MinExpansionLandHa, SecondScreenVerdict.NoLand, "land-below-minimum", "land-enough", "land-unknown");
        Judge(v.WwtpEffluentM3PerDay, q => q < rules.MinEffluentM3PerDay, SecondScreenVerdict.LowFlow, "effluent-below-minimum", "effluent-enough", "effluent-unknown");
        var verdict = failures.Count > 0 ? failures[0] : unknown ? SecondScreenVerdict.Incomplete : SecondScreenVerdict.Priority;
        return new SecondScreenResult(verdict, reasons, v.WwtpEffluentM3PerDay, v.WwtpConductivityUsCm, v.WwtpExpansionLandHa);
    }

    private static SecondScreenResult NotScreened(ParkScreeningValues? v) =>
        new(SecondScreenVerdict.NotScreened, [], v?.WwtpEffluentM3PerDay, v?.WwtpConductivityUsCm, v?.WwtpExpansionLandHa);

    private static FactorResult Overridable(ScreeningRuleSet rules, ScreeningFactor factor, decimal? entered, DerivedFigure? derived, string origin)
    {
        var result = entered is { } e
            ? Numeric(rules, factor, e, FactorSource.Entered, "inputs")
            : Numeric(rules, factor, derived?.Value, FactorSource.Derived, origin);
        return result with { DerivedNumber = derived?.Value, BasisCount = derived?.Count, BasisOf = derived?.Of };
    }

    private static FactorResult Numeric(ScreeningRuleSet rules, ScreeningFactor factor, decimal? value, FactorSource source, string origin)
    {
        var rule = rules.Rule(factor);
        if (value is not { } x)
        {
            return new FactorResult(factor, null, null, null, null, null, rule.Weight, null, FactorSource.Missing, "none", null, null, null);
        }

        var band = rule.BandOf(x) ?? throw new InvalidOperationException($"No band of factor {(int)factor} holds {x}; the rule set was not checked.");
        return new FactorResult(factor, x, null, null, band.Label(), band.Score, rule.Weight, band.Score * rule.Weight, source, origin, null, null, null);
    }

    private static FactorResult County(ScreeningRuleSet rules, string? county, FactorSource source)
    {
        if (county is null)
        {
            return new FactorResult(ScreeningFactor.ShortageCounty, null, null, null, null, null, rules.CountyWeight, null, FactorSource.Missing, "none", null, null, null);
        }

        var group = rules.CountyScores.FirstOrDefault(g => g.Counties.Contains(county));
        var score = group?.Score ?? 0;
        return new FactorResult(ScreeningFactor.ShortageCounty, null, county, null, group?.Label ?? "elsewhere", score, rules.CountyWeight, score * rules.CountyWeight,
            source, source == FactorSource.Entered ? "inputs" : "park-record", null, null, null);
    }

    private static FactorResult LowTolerance(ScreeningRuleSet rules, bool listed, FactorSource source)
    {
        var score = listed ? rules.LowToleranceScore : 0;
        return new FactorResult(ScreeningFactor.LowTolerance, null, null, listed, listed ? "listed" : "others", score, rules.LowToleranceWeight,
            score * rules.LowToleranceWeight, source, source == FactorSource.Entered ? "inputs" : "rule-list", null, null, null);
    }
}
