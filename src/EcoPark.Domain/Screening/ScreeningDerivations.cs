using EcoPark.Domain.Factories;
using EcoPark.Domain.Water;

namespace EcoPark.Domain.Screening;

/// <summary>One submitted filing's intake (the water a factory takes from every source), for factor 3.</summary>
public sealed record FiledIntake(Guid FactoryId, DateOnly Start, DateOnly End, FilingPeriodKind Kind, decimal IntakeM3);

/// <summary>The two factors the platform derives from its own data.</summary>
public static class ScreeningDerivations
{
    /// <summary>
    /// Factor 3: the annual intake of the park's high-water-use firms, in 10⁴ m³/yr, from submitted filings whose
    /// period lies within the year before <paramref name="asOf"/>. Each firm's filed intake is scaled to 365
    /// days by the days its filings cover (monthly filings first; half-years only for a firm with no month in
    /// the window). Null (missing) when the platform holds no firm of the park, or when the park has
    /// high-water-use firms but none of them filed; 0 when its firms include none in the listed industries.
    /// The count says how many of them filed.
    /// </summary>
    public static DerivedFigure HighWaterUse(IEnumerable<(Guid Id, Industry Industry)> factories, IEnumerable<FiledIntake> filings, ScreeningRuleSet rules, DateOnly asOf)
    {
        var firms = factories.ToList();
        if (firms.Count == 0)
        {
            return new DerivedFigure(null, 0, 0);
        }

        var heavy = firms.Where(f => rules.HighWaterUseIndustries.Contains(f.Industry)).Select(f => f.Id).ToHashSet();
        var from = asOf.AddYears(-1);
        var inWindow = filings.Where(f => heavy.Contains(f.FactoryId) && f.Start >= from && f.End < asOf).GroupBy(f => f.FactoryId).ToList();
        if (heavy.Count > 0 && inWindow.Count == 0)
        {
            return new DerivedFigure(null, 0, heavy.Count);
        }

        var annualM3 = 0m;
        foreach (var firm in inWindow)
        {
            var months = firm.Where(f => f.Kind == FilingPeriodKind.Month).ToList();
            var used = months.Count > 0 ? months : [.. firm];
            var days = used.Sum(f => f.End.DayNumber - f.Start.DayNumber + 1);
            annualM3 += used.Sum(f => f.IntakeM3) * 365 / days;
        }

        return new DerivedFigure(Math.Round(annualM3 / 10_000, 2), inWindow.Count, heavy.Count);
    }

    /// <summary>Factor 8: the share (%) of the park's firms with at least one feasible or needs-lab-test water candidate; null without firms.</summary>
    public static DerivedFigure EasyMatchShare(int easyFirms, int allFirms) =>
        new(allFirms == 0 ? null : Math.Round(100m * easyFirms / allFirms, 2), easyFirms, allFirms);
}
