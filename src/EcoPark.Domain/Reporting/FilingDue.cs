using EcoPark.Domain.Water;

namespace EcoPark.Domain.Reporting;

/// <summary>
/// Which factories have filed the last closed period by <c>today</c>: the last whole month, or the last whole half-year for a
/// factory whose latest filing is a half-year filing (it has chosen half-years). Drafts do not count as filed.
/// </summary>
public static class FilingDue
{
    public static FilingPeriod LastClosedMonth(DateOnly today) => new(today.AddMonths(-1).Year, today.AddMonths(-1).Month, FilingPeriodKind.Month);

    public static FilingPeriod LastClosedHalfYear(DateOnly today) =>
        today.Month > 6 ? new FilingPeriod(today.Year, 1, FilingPeriodKind.HalfYear) : new FilingPeriod(today.Year - 1, 2, FilingPeriodKind.HalfYear);

    public static FilingCompleteness Of(IEnumerable<Guid> factoryIds, IReadOnlyList<WaterBalanceFiling> filings, DateOnly today)
    {
        var lastMonth = LastClosedMonth(today);
        var lastHalf = LastClosedHalfYear(today);
        var filed = filings.Where(f => f.Status != FilingStatus.Draft).Select(f => (f.FactoryId, f.Period)).ToHashSet();
        var done = new List<Guid>();
        var overdue = new List<Guid>();
        foreach (var factory in factoryIds)
        {
            var latest = filings.Where(x => x.FactoryId == factory).MaxBy(x => x.Period, StringComparer.Ordinal);
            var due = latest?.PeriodKind == FilingPeriodKind.HalfYear ? lastHalf : lastMonth;
            (filed.Contains((factory, due.ToString())) ? done : overdue).Add(factory);
        }

        return new FilingCompleteness(lastMonth.ToString(), done, overdue);
    }
}
