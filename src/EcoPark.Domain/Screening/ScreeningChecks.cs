using EcoPark.Domain.Common;

namespace EcoPark.Domain.Screening;

/// <summary>What a rule-set version must satisfy before it is stored, so a bad version cannot break later screens.</summary>
public static class ScreeningChecks
{
    private static readonly ScreeningFactor[] NumericFactors =
    [
        ScreeningFactor.LeasableLand, ScreeningFactor.WaterPerFactoryArea, ScreeningFactor.HighWaterUse, ScreeningFactor.ExpectedIncrease,
        ScreeningFactor.WwtpSpareCapacity, ScreeningFactor.EasyMatchShare,
    ];

    public static void Check(ScreeningRuleSet rules)
    {
        if (string.IsNullOrWhiteSpace(rules.Code) || rules.Version < 1)
        {
            throw new DomainException("version", "screening-version", "A rule set needs a code and a version number of 1 or more.");
        }

        var factors = rules.Numeric.Select(r => r.Factor).Order().ToArray();
        if (!factors.SequenceEqual(NumericFactors.Order()))
        {
            throw new DomainException("numeric", "screening-factors", "Factors 1–5 and 8 must each have exactly one rule.");
        }

        foreach (var rule in rules.Numeric)
        {
            CheckBands(rule);
        }

        if (new[] { rules.CountyWeight, rules.LowToleranceWeight }.Concat(rules.Numeric.Select(r => r.Weight)).Any(w => w is < 0 or > 100)
            || rules.CountyScores.Any(c => c.Score is < 0 or > ScreeningRuleSet.MaxScore) || rules.LowToleranceScore is < 0 or > ScreeningRuleSet.MaxScore)
        {
            throw new DomainException("weights", "screening-weights", "Weights lie between 0 and 100, scores between 0 and 5.");
        }

        if (rules.CountyScores.SelectMany(c => c.Counties).GroupBy(c => c).Any(g => g.Count() > 1))
        {
            throw new DomainException("countyScores", "screening-county-twice", "A county may appear in one score group only.");
        }

        var second = rules.SecondScreen;
        if (second.TopParks < 1 || second.DesalinationAboveUsCm <= 0 || second.MinExpansionLandHa < 0 || second.MinEffluentM3PerDay < 0)
        {
            throw new DomainException("secondScreen", "screening-second", "The second screen needs at least one park and thresholds that are not negative.");
        }
    }

    /// <summary>The bands, read from the bottom up, cover the whole number line once: no gap, no overlap, each edge in exactly one band.</summary>
    private static void CheckBands(NumericFactorRule rule)
    {
        var bands = rule.Bands.OrderBy(b => b.Min ?? decimal.MinValue).ToList();
        var ok = bands.Count > 0 && bands[0].Min is null && bands[^1].Max is null && bands.All(b => b.Score is >= 0 and <= ScreeningRuleSet.MaxScore);
        for (var i = 0; ok && i < bands.Count - 1; i++)
        {
            ok = bands[i].Max is { } max && bands[i + 1].Min == max && bands[i].MaxInclusive != bands[i + 1].MinInclusive
                && (bands[i].Min is not { } min || min < max);
        }

        if (!ok)
        {
            throw new DomainException("bands", "screening-bands", $"The bands of factor {(int)rule.Factor} must cover every value exactly once.");
        }
    }
}
