namespace EcoPark.Domain.Fees;

/// <summary>
/// A versioned, effective-dated rule set. Every rate, threshold and percentage the engine uses comes from
/// here; the values live in the database and administrators edit them as new versions.
/// </summary>
public sealed record FeeRuleSet(
    string Code,
    int Version,
    FeeScheme Scheme,
    DateOnly EffectiveFrom,
    Regulation2023Rules? Regulation2023,
    Draft2019Rules? Draft2019)
{
    /// <summary>The fee year's dates under this version.</summary>
    public FeeCalendarRules Calendar => Regulation2023?.Calendar ?? Draft2019?.Calendar ?? FeeCalendarRules.Statutory;

    /// <summary>
    /// The version in force for a fee year: the latest (by effective date, then version) that took effect by
    /// its own billing date of that year (1 July under art. 4), or null when none had.
    /// </summary>
    public static FeeRuleSet? InForce(IEnumerable<FeeRuleSet> versions, int feeYear) =>
        versions.Where(v => v.EffectiveFrom <= v.Calendar.Billing.In(feeYear))
            .OrderByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.Version)
            .FirstOrDefault();
}

/// <summary>A day of the year (month and day), as the regulation names its dates.</summary>
public sealed record MonthAndDay(int Month, int Day)
{
    public DateOnly In(int year) => new(year, Month, Day);
}

/// <summary>
/// The statutory dates of a fee year (art. 4, 10, 11) as rule data, so that a new text changes a version, not code.
/// Versions stored before the calendar was rule data read <see cref="Statutory"/>.
/// </summary>
public sealed record FeeCalendarRules
{
    /// <summary>The regulation's dates: bills on 1 July, submission by 15 July, notice by 31 July (15 August at the latest),
    /// payment by 31 August or 30 days after a later decision, re-examination by 15 December.</summary>
    public static FeeCalendarRules Statutory { get; } = new()
    {
        Billing = new(7, 1),
        Submission = new(7, 15),
        Notice = new(7, 31),
        NoticeLatest = new(8, 15),
        Due = new(8, 31),
        DueDaysAfterLateDecision = 30,
        Reexamination = new(12, 15),
    };

    /// <summary>Art. 4: the bill is issued on this day; the version in force on it applies.</summary>
    public required MonthAndDay Billing { get; init; }

    public required MonthAndDay Submission { get; init; }

    public required MonthAndDay Notice { get; init; }

    public required MonthAndDay NoticeLatest { get; init; }

    /// <summary>Art. 10: payment due.</summary>
    public required MonthAndDay Due { get; init; }

    /// <summary>A decision later than <see cref="Due"/> minus this many days still leaves the payer this many days.</summary>
    public required int DueDaysAfterLateDecision { get; init; }

    /// <summary>Art. 11: last day to ask for re-examination.</summary>
    public required MonthAndDay Reexamination { get; init; }

    /// <summary>The payment due date of a fee year's notice decided on <paramref name="decidedOn"/>.</summary>
    public DateOnly DueDate(int feeYear, DateOnly decidedOn)
    {
        var statutory = Due.In(feeYear);
        var late = decidedOn.AddDays(DueDaysAfterLateDecision);
        return late > statutory ? late : statutory;
    }
}

/// <summary>Parameters of the 2023 regulation (耗水費徵收辦法).</summary>
public sealed record Regulation2023Rules
{
    /// <summary>Art. 3 I: a month above this (tap + surface + groundwater + contract water) brings the payer into scope.</summary>
    public required decimal MonthlyThresholdM3 { get; init; }

    /// <summary>The collection window: from this month of the previous year ...</summary>
    public required int WindowStartMonth { get; init; }

    /// <summary>... to this month of the fee year.</summary>
    public required int WindowEndMonth { get; init; }

    /// <summary>Art. 3 II: NTD/m³ on each month's tap + surface + contract water above the threshold, by recycling-rate status.</summary>
    public required IReadOnlyDictionary<RecyclingRateStatus, decimal> TapSurfaceRates { get; init; }

    /// <summary>Art. 3 III: NTD/m³ on all groundwater in the window.</summary>
    public required decimal GroundwaterRate { get; init; }

    /// <summary>Art. 12: fee years billed at <see cref="HalfRateFactor"/>.</summary>
    public required IReadOnlyList<int> HalfRateFeeYears { get; init; }

    /// <summary>Fee years whose half rate the regulation does not settle; a calculation for them warns.</summary>
    public IReadOnlyList<int> HalfRateUncertainFeeYears { get; init; } = [];

    public required decimal HalfRateFactor { get; init; }

    /// <summary>
    /// Art. 6: the attached table (使用再生水及海淡水減徵表), entered by an administrator from the official
    /// attachment. While it is empty the reclaimed/desalinated reduction is refused.
    /// </summary>
    public IReadOnlyList<ReclaimedReductionBand> ReclaimedReductionTable { get; init; } = [];

    /// <summary>Art. 6: the least reclaimed + desalinated water (1 Jul – 30 Jun) that earns a reduction.</summary>
    public required decimal ReclaimedMinimumM3 { get; init; }

    /// <summary>Art. 6: use below this share of the committed amount loses the reduction.</summary>
    public required decimal CommitmentShareRequired { get; init; }

    /// <summary>Art. 6: investment offsets total at most this share of the approved cost ...</summary>
    public required decimal InvestmentOffsetShareOfCost { get; init; }

    /// <summary>... spread over at most this many years.</summary>
    public required int InvestmentOffsetMaxYears { get; init; }

    /// <summary>Art. 6: reductions + offsets never exceed this share of the fee.</summary>
    public required decimal ReductionCapShare { get; init; }

    /// <summary>Art. 14: categories that pay nothing.</summary>
    public required IReadOnlyList<PayerCategory> ExemptCategories { get; init; }

    /// <summary>The order of the steps after the gross fee; the regulation leaves it open.</summary>
    public required IReadOnlyList<FeeStepKind> StepOrder { get; init; }

    /// <summary>The fee year's dates; versions stored before the calendar was rule data read the statutory one.</summary>
    public FeeCalendarRules Calendar { get; init; } = FeeCalendarRules.Statutory;

    /// <summary>
    /// The day the regulation first took effect (2023-02-01). A window never reaches back before it: only months that
    /// begin on or after this day are counted, for the scope test and for the charge, so the first fee year's window
    /// is cut short. Null (versions stored before this was rule data): the window is never cut.
    /// </summary>
    public DateOnly? RegulationInForceFrom { get; init; }

    /// <summary>
    /// The fee year whose bill comes next on <paramref name="today"/>: once this year's window has ended (from May,
    /// with a window ending in April), the coming window belongs to next year's fee.
    /// </summary>
    public int NextFeeYear(DateOnly today) => today.Month > WindowEndMonth ? today.Year + 1 : today.Year;

    /// <summary>The first month counted: the statutory start, or the first whole month under the regulation when that is later.</summary>
    public YearMonth WindowStart(int feeYear)
    {
        var statutory = new YearMonth(feeYear - 1, WindowStartMonth);
        if (RegulationInForceFrom is not { } from)
        {
            return statutory;
        }

        var first = new YearMonth(from.Year, from.Month).AddMonths(from.Day == 1 ? 0 : 1);
        return first > statutory ? first : statutory;
    }

    public YearMonth WindowEnd(int feeYear) => new(feeYear, WindowEndMonth);

    /// <summary>Whether a month lies in the fee year's collection window.</summary>
    public bool InWindow(YearMonth month, int feeYear) => month >= WindowStart(feeYear) && month <= WindowEnd(feeYear);

    /// <summary>Every month of the fee year's collection window, in order.</summary>
    public IReadOnlyList<YearMonth> WindowMonths(int feeYear)
    {
        var months = new List<YearMonth>();
        for (var month = WindowStart(feeYear); InWindow(month, feeYear); month = month.AddMonths(1))
        {
            months.Add(month);
        }

        return months;
    }
}

/// <summary>One row of the reclaimed/desalinated reduction table: from this volume (1 Jul – 30 Jun), this share off.</summary>
public sealed record ReclaimedReductionBand(decimal FromM3, decimal ReductionShare);

/// <summary>Parameters of the 2019 tiered draft.</summary>
public sealed record Draft2019Rules
{
    /// <summary>Half-year tiers, lowest first; the last has no upper edge.</summary>
    public required IReadOnlyList<DraftTier> HalfYearTiers { get; init; }

    /// <summary>Monthly billing divides the tier edges by this (6).</summary>
    public required decimal MonthlyDivisor { get; init; }

    public required decimal ReductionCapShare { get; init; }

    /// <summary>The fee year's dates; versions stored before the calendar was rule data read the statutory one.</summary>
    public FeeCalendarRules Calendar { get; init; } = FeeCalendarRules.Statutory;
}

/// <summary>Volumes from <see cref="FromM3"/> up to <see cref="ToM3"/> (null: no limit) pay these NTD/m³.</summary>
public sealed record DraftTier(decimal FromM3, decimal? ToM3, decimal TapRate, decimal OtherRate);
