using EcoPark.Domain.Factories;

namespace EcoPark.Domain.Screening;

/// <summary>
/// The first rule-set version, <c>screening-2019</c>, from the 2019 integration briefing's table
/// (shared domain note park-screening.md). Band edges follow ADR 0010: a value on an edge between two
/// written ranges takes the lower score; the strict "&lt;" and "&gt;" the source writes on its end bands are
/// kept as written. The industry list, the second screen's thresholds and the county spellings are our
/// choices where the source is silent, documented in the same record.
/// </summary>
public static class ScreeningDefaults
{
    public const string Code = "screening-2019";

    public static readonly DateOnly EffectiveFrom = new(2019, 1, 1);

    public static ScreeningRuleSet Screening2019() => new()
    {
        Code = Code,
        Version = 1,
        EffectiveFrom = EffectiveFrom,
        Numeric =
        [
            Rising(ScreeningFactor.LeasableLand, 2, [1, 10, 30, 50, 100], lowestOpen: false),
            Falling(ScreeningFactor.WaterPerFactoryArea, 3, [50, 100, 500, 1_000, 2_000]),
            Rising(ScreeningFactor.HighWaterUse, 3, [100, 200, 500, 1_000, 5_000], lowestOpen: true),
            Rising(ScreeningFactor.ExpectedIncrease, 4, [0, 10, 50, 100, 300], lowestOpen: true),
            Rising(ScreeningFactor.WwtpSpareCapacity, 3, [0, 1_000, 5_000, 10_000, 20_000], lowestOpen: true),
            Rising(ScreeningFactor.EasyMatchShare, 1, [5, 15, 25, 35, 45], lowestOpen: true),
        ],
        CountyWeight = 1,
        CountyScores =
        [
            new CountyScore(3, "新竹、臺南、高雄", ["新竹縣", "新竹市", "臺南市", "高雄市"]),
            new CountyScore(1, "苗栗、嘉義、屏東", ["苗栗縣", "嘉義縣", "嘉義市", "屏東縣"]),
        ],
        LowToleranceWeight = 1,
        LowToleranceScore = 1,
        LowToleranceParks =
        [
            "龍德工業區", "利澤工業區", "中壢工業區", "大園工業區", "觀音工業區", "林口工業區", "彰濱工業區", "雲林科技工業區", "臺南科技工業區",
            "仁武工業區", "大發工業區", "林園工業區",
        ],
        HighWaterUseIndustries = [Industry.Electronics, Industry.Chemicals, Industry.Petrochemicals, Industry.Metals, Industry.Paper, Industry.Dyeing],
        SecondScreen = new SecondScreenRules(TopParks: 6, DesalinationAboveUsCm: 7_500, MinExpansionLandHa: 0.5m, MinEffluentM3PerDay: 1_000),
    };

    /// <summary>
    /// Scores 0–5 rising with the value over five edges. Interior edges belong to the lower band. The top band
    /// is "&gt; last edge"; the bottom band is "&lt; first edge" where the source writes it so (the first edge then
    /// opens band 1), or "≤ first edge" where the source writes a range such as 0–1.
    /// </summary>
    private static NumericFactorRule Rising(ScreeningFactor factor, int weight, decimal[] edges, bool lowestOpen)
    {
        var bands = new List<ScoreBand> { new(0, null, false, edges[0], !lowestOpen) };
        bands.Add(new ScoreBand(1, edges[0], lowestOpen, edges[1], true));
        for (var score = 2; score <= 4; score++)
        {
            bands.Add(new ScoreBand(score, edges[score - 1], false, edges[score], true));
        }

        bands.Add(new ScoreBand(5, edges[4], false, null, false));
        return new NumericFactorRule(factor, weight, bands);
    }

    /// <summary>
    /// Scores 5–0 falling as the value rises (factor 2: less water per hectare is more risk). "&lt; first edge"
    /// scores 5, interior edges take the lower score (the higher band), and "&gt; last edge" scores 0, so the last
    /// edge itself still scores 1.
    /// </summary>
    private static NumericFactorRule Falling(ScreeningFactor factor, int weight, decimal[] edges)
    {
        var bands = new List<ScoreBand> { new(5, null, false, edges[0], false) };
        for (var score = 4; score >= 2; score--)
        {
            bands.Add(new ScoreBand(score, edges[4 - score], true, edges[5 - score], false));
        }

        bands.Add(new ScoreBand(1, edges[3], true, edges[4], true));
        bands.Add(new ScoreBand(0, edges[4], false, null, false));
        return new NumericFactorRule(factor, weight, bands);
    }
}
