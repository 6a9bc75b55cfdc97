using EcoPark.Domain.Common;

namespace EcoPark.Domain.Water;

public enum FilingPeriodKind
{
    Month,
    HalfYear,
}

/// <summary>
/// A filing's period: a calendar month (<c>2026-09</c>) or, where the factory chooses it, a half-year
/// (<c>2026-H1</c> = Jan–Jun, <c>2026-H2</c> = Jul–Dec).
/// </summary>
public readonly record struct FilingPeriod(int Year, int Index, FilingPeriodKind Kind)
{
    public DateOnly Start => Kind == FilingPeriodKind.Month ? new DateOnly(Year, Index, 1) : new DateOnly(Year, Index == 1 ? 1 : 7, 1);

    public DateOnly End => (Kind == FilingPeriodKind.Month ? Start.AddMonths(1) : Start.AddMonths(6)).AddDays(-1);

    public int Days => End.DayNumber - Start.DayNumber + 1;

    public static bool TryParse(string? text, out FilingPeriod period)
    {
        period = default;
        if (text is { Length: 7 } && text[4] == '-' && (text[5] is 'H' or 'h')
            && int.TryParse(text.AsSpan(0, 4), out var year) && text[6] is '1' or '2' && year >= 1900)
        {
            period = new FilingPeriod(year, text[6] - '0', FilingPeriodKind.HalfYear);
            return true;
        }

        if (Fees.YearMonth.TryParse(text, out var month))
        {
            period = new FilingPeriod(month.Year, month.Month, FilingPeriodKind.Month);
            return true;
        }

        return false;
    }

    public static FilingPeriod Parse(string text) =>
        TryParse(text, out var period) ? period : throw new DomainException("period", "format", "A period is YYYY-MM or YYYY-H1/H2.");

    /// <summary>A period can be filed once it has ended.</summary>
    public bool HasEndedBy(DateOnly today) => End < today;

    public override string ToString() => Kind == FilingPeriodKind.Month ? $"{Year:D4}-{Index:D2}" : $"{Year:D4}-H{Index}";
}
