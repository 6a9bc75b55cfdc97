using EcoPark.Domain.Common;
using EcoPark.Domain.Fees;

namespace EcoPark.Domain.Reporting;

/// <summary>A reporting period: a calendar year (<c>2026</c>) or a month (<c>2026-09</c>).</summary>
public readonly record struct ReportPeriod(int Year, int? Month)
{
    public bool IsMonth => Month is not null;

    public DateOnly Start => new(Year, Month ?? 1, 1);

    public DateOnly End => (IsMonth ? Start.AddMonths(1) : Start.AddYears(1)).AddDays(-1);

    public int Days => End.DayNumber - Start.DayNumber + 1;

    /// <summary>The calendar months of the period, in order.</summary>
    public IReadOnlyList<YearMonth> Months
    {
        get
        {
            var year = Year;
            return Month is { } m ? [new YearMonth(year, m)] : [.. Enumerable.Range(1, 12).Select(i => new YearMonth(year, i))];
        }
    }

    public YearMonth LastMonth => Months[^1];

    /// <summary>The period before: the previous month, or the previous year.</summary>
    public ReportPeriod Previous => Month is { } m ? Of(new YearMonth(Year, m).AddMonths(-1)) : new ReportPeriod(Year - 1, null);

    public static ReportPeriod Of(YearMonth month) => new(month.Year, month.Month);

    /// <summary>Whether a filing period lies inside this period: the filings whose balances the period's water figures sum.</summary>
    public bool Covers(Water.FilingPeriod filed) => filed.Start >= Start && filed.End <= End;

    public static bool TryParse(string? text, out ReportPeriod period)
    {
        period = default;
        if (text is { Length: 4 } && text.All(char.IsAsciiDigit) && int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) is >= 1900 and <= 9998 and var year)
        {
            period = new ReportPeriod(year, null);
            return true;
        }

        if (text is { Length: 7 } && YearMonth.TryParse(text, out var month) && month.Year <= 9998 && text.Remove(4, 1).All(char.IsAsciiDigit))
        {
            period = Of(month);
            return true;
        }

        return false;
    }

    public static ReportPeriod Parse(string? text) =>
        TryParse(text, out var period) ? period : throw new DomainException("period", "format", "A period is YYYY or YYYY-MM.");

    /// <summary>Whether the period has ended by <paramref name="today"/> (a closed period is no longer filed into).</summary>
    public bool HasEndedBy(DateOnly today) => End < today;

    /// <summary>The last year that ended before <paramref name="today"/>.</summary>
    public static ReportPeriod LastClosedYear(DateOnly today) => new(today.Year - 1, null);

    public override string ToString() => Month is { } m ? $"{Year:D4}-{m:D2}" : $"{Year:D4}";
}
