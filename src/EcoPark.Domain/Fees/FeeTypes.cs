using EcoPark.Domain.Common;

namespace EcoPark.Domain.Fees;

/// <summary>Which fee scheme a rule set implements. API keys: <c>regulation-2023</c>, <c>draft-2019</c>.</summary>
[KeyCase(KeyCase.Kebab)]
public enum FeeScheme
{
    /// <summary>耗水費徵收辦法, in force from 2023-02-01.</summary>
    Regulation2023,

    /// <summary>The 2019 tiered draft: never promulgated, kept for comparison and what-if studies.</summary>
    Draft2019,
}

/// <summary>The payer's verified recycling rate against its industry's benchmark range (art. 3).</summary>
public enum RecyclingRateStatus
{
    Unverified,
    Below,
    Within,
    Above,
}

/// <summary>Payer categories; all but <see cref="Business"/> are exempt under art. 14 of the 2023 regulation.</summary>
[KeyCase(KeyCase.Pascal)]
public enum PayerCategory
{
    Business,
    GovernmentAgency,
    AdministrativeCorporation,
    School,
    MedicalInstitution,
    SocialWelfareInstitution,
    Agriculture,
}

/// <summary>The draft's billing period: one month (tier edges ÷ 6) or one half-year.</summary>
public enum DraftPeriod
{
    Month,
    HalfYear,
}

/// <summary>The adjustable steps after the gross fee, run in the rule set's order.</summary>
[KeyCase(KeyCase.Pascal)]
public enum FeeStepKind
{
    HalfRate,
    ReductionsCapped,
    Article8,
}

/// <summary>A calendar month, e.g. 2025-11.</summary>
public readonly record struct YearMonth(int Year, int Month) : IComparable<YearMonth>
{
    public static bool TryParse(string? text, out YearMonth value)
    {
        value = default;
        if (text is not { Length: 7 } || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), out var year) || !int.TryParse(text.AsSpan(5, 2), out var month)
            || year < 1900 || month is < 1 or > 12)
        {
            return false;
        }

        value = new YearMonth(year, month);
        return true;
    }

    public int Days => DateTime.DaysInMonth(Year, Month);

    public YearMonth AddMonths(int months)
    {
        var index = (Year * 12) + (Month - 1) + months;
        return new YearMonth(index / 12, (index % 12) + 1);
    }

    public int CompareTo(YearMonth other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    public static bool operator <(YearMonth left, YearMonth right) => left.CompareTo(right) < 0;

    public static bool operator >(YearMonth left, YearMonth right) => left.CompareTo(right) > 0;

    public static bool operator <=(YearMonth left, YearMonth right) => left.CompareTo(right) <= 0;

    public static bool operator >=(YearMonth left, YearMonth right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{Year:D4}-{Month:D2}";
}
