using EcoPark.Domain.Fees;
using EcoPark.Domain.Matching;
using EcoPark.Domain.Water;

namespace EcoPark.Domain.Reporting;

/// <summary>A buyer's month in a collection window that the fee saved needed and the buyer has not filed.</summary>
public sealed record BuyerMonth(Guid FactoryId, YearMonth Month);

/// <summary>The water-consumption fee the park's linkages saved their buyers in a period, and the buyer-months it could not count.</summary>
public sealed record WaterFeeSaving(decimal Ntd, IReadOnlyList<BuyerMonth> NotFiled)
{
    public static readonly WaterFeeSaving None = new(0, []);
}

/// <summary>
/// The water-consumption fee saved, through the fee engine (docs/decisions/0013-park-kpis-and-reports.md): for each buyer of a
/// committed water linkage and each fee year whose collection window meets the period, the engine's fee on the buyer's filed
/// window months, against its fee had it drawn the linkages' water from the tap as well.
/// </summary>
/// <remarks>
/// <para>The fee is charged only on window months and only above the monthly threshold, so a buyer below it saves nothing, and a
/// month outside the window saves nothing. The linkages' water in a month is the predicted agreed flow (a twelfth of the annual
/// figure), as the other savings are.</para>
/// <para>The year's difference falls on its window months by the charged volume each adds, and the period counts its own months.
/// A window month of the period that the buyer has not filed (submitted, monthly) cannot be counted: it is left out and named.
/// A month that has not closed yet is neither counted nor named.</para>
/// <para>Both runs assume a business payer with no claims and an unverified recycling rate, as the marginal fee of a match does
/// (<see cref="MarginalWaterFee"/>): the figure is the fee the linkages saved, not the buyer's bill.</para>
/// </remarks>
public static class WaterFeeSaved
{
    /// <summary>The fee saved in <paramref name="period"/>, counting only the months that have closed by <paramref name="today"/>.</summary>
    public static WaterFeeSaving Of(ParkRecords records, ReportPeriod period, DateOnly today)
    {
        var total = 0m;
        var notFiled = new List<BuyerMonth>();
        var water = records.Linkages.Where(l => l.Match.Resource == ResourceKind.Water);
        foreach (var buyer in water.GroupBy(l => l.Match.DemandFactoryId))
        {
            var filed = records.Filings
                .Where(f => f.FactoryId == buyer.Key && f.PeriodKind == FilingPeriodKind.Month && f.Status != FilingStatus.Draft)
                .ToDictionary(f => FilingPeriod.Parse(f.Period).Start, f => f.Current.Balance);
            foreach (var feeYear in period.Months.SelectMany(m => new[] { m.Year, m.Year + 1 }).Distinct())
            {
                if (FeeRuleSet.InForce(records.FeeRules, feeYear) is not { Regulation2023: { } regulation } rules)
                {
                    continue;
                }

                var window = regulation.WindowMonths(feeYear);
                var delivered = window.ToDictionary(m => m, m => Delivered(buyer, m));
                var counted = window.Where(m => period.Months.Contains(m) && delivered[m] > 0 && EndOf(m) < today).ToList();
                if (counted.Count == 0)
                {
                    continue;
                }

                var missing = counted.Where(m => !filed.ContainsKey(Start(m))).ToList();
                notFiled.AddRange(missing.Select(m => new BuyerMonth(buyer.Key, m)));
                var months = window.Where(m => filed.ContainsKey(Start(m))).Select(m => Volumes(m, filed[Start(m)])).ToList();
                total += SavedIn(rules, regulation, feeYear, months, delivered, [.. counted.Except(missing)]);
            }
        }

        return new WaterFeeSaving(total, [.. notFiled.OrderBy(n => n.Month).ThenBy(n => n.FactoryId)]);
    }

    /// <summary>
    /// The fee year's saving on <paramref name="months"/> (the filed ones), of which <paramref name="counted"/> fall in the period:
    /// the engine's fee without the linkages less the fee with them, shared among the months by the charged volume each adds.
    /// </summary>
    private static decimal SavedIn(FeeRuleSet rules, Regulation2023Rules regulation, int feeYear, IReadOnlyList<MonthlyVolumes> months,
        IReadOnlyDictionary<YearMonth, decimal> delivered, IReadOnlyList<YearMonth> counted)
    {
        if (counted.Count == 0)
        {
            return 0;
        }

        var without = months.Select(m => m with { TapM3 = m.TapM3 + delivered[m.Month] }).ToList();
        var saved = Math.Max(0, Fee(rules, feeYear, without) - Fee(rules, feeYear, months));
        decimal Charged(MonthlyVolumes m) => Math.Max(0, m.TapSurfaceOtherM3 - regulation.MonthlyThresholdM3);
        var added = months.Zip(without, (with, then) => (with.Month, Added: Charged(then) - Charged(with))).ToDictionary(x => x.Month, x => x.Added);
        var allAdded = added.Values.Sum();
        return allAdded == 0 ? 0 : saved * counted.Sum(m => added.GetValueOrDefault(m)) / allAdded;
    }

    /// <summary>The water the buyer's linkages delivered in <paramref name="month"/>: a twelfth of each committed one's annual flow.</summary>
    private static decimal Delivered(IEnumerable<LinkageRecord> linkages, YearMonth month) =>
        linkages.Where(l => l.CommittedOn(EndOf(month)))
            .Sum(l => l.Economics.PredictedFlowPerYear * l.AgreedScale / 12);

    private static decimal Fee(FeeRuleSet rules, int feeYear, IReadOnlyList<MonthlyVolumes> months) =>
        FeeEngine.Calculate(rules, new FeeRequest(feeYear, PayerCategory.Business, months, RecyclingRateStatus.Unverified, FeeClaims.None)).NetFeeNtd;

    private static DateOnly Start(YearMonth month) => new(month.Year, month.Month, 1);

    private static DateOnly EndOf(YearMonth month) => new(month.Year, month.Month, month.Days);

    private static MonthlyVolumes Volumes(YearMonth month, WaterBalance b) => new(month, b.TapM3, b.SurfaceM3, b.GroundwaterM3, b.OtherSupplierM3);
}
