using EcoPark.Domain.Fees;

namespace EcoPark.Domain.Matching;

/// <summary>
/// What a buyer's water-consumption fee falls by, per m³ matched, when effluent replaces a steady daily flow of its
/// fee-bearing water: the fee engine's fee year on the buyer's own months, with and without the matched volume, divided by
/// the volume matched over the whole year. The fee is charged only on window months and only above the monthly threshold, so
/// spread over a year it is at most about half the rate, and 0 for a buyer that never crosses the threshold.
/// </summary>
/// <remarks>
/// The replaced flow takes fee-bearing water as <see cref="MonthlyVolumes.Replacing"/> does. Both runs assume a business payer with no claims and an unverified
/// recycling rate, so the figure is the fee's marginal saving, not the buyer's final bill.
/// </remarks>
public static class MarginalWaterFee
{
    /// <summary>
    /// NTD per m³ matched over the year; null when there are no months to compute from.
    /// <paramref name="operatedShare"/> is the share of a month's days the match runs (days a week ÷ 7).
    /// </summary>
    public static decimal? PerM3(FeeRuleSet rules, int feeYear, IReadOnlyList<MonthlyVolumes> months, decimal replacedM3PerDay, decimal matchedM3PerYear,
        decimal operatedShare = 1)
    {
        if (months.Count == 0 || replacedM3PerDay <= 0 || matchedM3PerYear <= 0)
        {
            return null;
        }

        var after = new List<MonthlyVolumes>();
        foreach (var month in months)
        {
            after.Add(month.Replacing(replacedM3PerDay * month.Month.Days * operatedShare).Month);
        }

        var before = FeeEngine.Calculate(rules, Request(feeYear, months));
        var then = FeeEngine.Calculate(rules, Request(feeYear, after));
        return Math.Max(0, before.NetFeeNtd - then.NetFeeNtd) / matchedM3PerYear;
    }

    /// <summary>
    /// The documented assumption when a buyer has filed no months: it draws the demand's flow, and only that, as tap water on
    /// every operated day of each window month. A buyer below the threshold then saves no fee; a larger one saves the part above it.
    /// </summary>
    public static IReadOnlyList<MonthlyVolumes> AssumedWindow(Regulation2023Rules rules, int feeYear, decimal demandM3PerDay, decimal operatedShare) =>
        [.. rules.WindowMonths(feeYear).Select(m => new MonthlyVolumes(m, demandM3PerDay * m.Days * operatedShare, 0, 0, 0))];

    /// <summary>The latest fee year whose collection window has closed by <paramref name="today"/>.</summary>
    public static int LatestClosedFeeYear(Regulation2023Rules rules, DateOnly today)
    {
        var current = new YearMonth(today.Year, today.Month);
        var year = today.Year;
        while (rules.WindowMonths(year) is { Count: > 0 } window && window[^1] >= current)
        {
            year--;
        }

        return year;
    }

    private static FeeRequest Request(int feeYear, IReadOnlyList<MonthlyVolumes> months) =>
        new(feeYear, PayerCategory.Business, months, RecyclingRateStatus.Unverified, FeeClaims.None);
}
