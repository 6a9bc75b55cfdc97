using EcoPark.Domain.Fees;

namespace EcoPark.Domain.Matching;

/// <summary>
/// What a buyer's water-consumption fee falls by, per m³, when effluent replaces a steady daily flow of its
/// fee-bearing water, computed with the fee engine on the buyer's own filed months rather than a constant.
/// </summary>
/// <remarks>
/// The replaced flow takes fee-bearing water as <see cref="MonthlyVolumes.Replacing"/> does. Both runs assume a business payer with no claims and an unverified
/// recycling rate, so the figure is the fee's marginal rate, not the buyer's final bill.
/// </remarks>
public static class MarginalWaterFee
{
    /// <summary>NTD per m³ replaced; null when there are no filed months to compute from.</summary>
    public static decimal? PerM3(FeeRuleSet rules, int feeYear, IReadOnlyList<MonthlyVolumes> months, decimal replacedM3PerDay)
    {
        if (months.Count == 0 || replacedM3PerDay <= 0)
        {
            return null;
        }

        var replaced = 0m;
        var after = new List<MonthlyVolumes>();
        foreach (var month in months)
        {
            var (less, m3) = month.Replacing(replacedM3PerDay * month.Month.Days);
            replaced += m3;
            after.Add(less);
        }

        if (replaced == 0)
        {
            return 0;
        }

        var before = FeeEngine.Calculate(rules, Request(feeYear, months));
        var then = FeeEngine.Calculate(rules, Request(feeYear, after));
        return Math.Round((before.NetFeeNtd - then.NetFeeNtd) / replaced, 2);
    }

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
