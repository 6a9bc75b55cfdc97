using EcoPark.Domain.Fees;

namespace EcoPark.Application.Fees;

public sealed record FeeCaseSummaryDto(Guid Id, Guid FactoryId, string FactoryNameZh, string FactoryNameEn, int FeeYear, int CaseVersion, string Status,
    decimal? NetFeeNtd, string? NoticeNumber, DateTimeOffset? DecidedAt);

public sealed record FeeClaimDto(Guid Id, string Kind, decimal Amount, decimal CommittedM3, string Note, string Decision, string? DecisionComment, DateTimeOffset? DecidedAt);

public sealed record EvidenceDto(Guid Id, Guid? ClaimId, string Kind, string FileName, string ContentType, long SizeBytes, string Sha256, DateTimeOffset UploadedAt);

public sealed record AuditDto(string Action, Guid UserId, string? UserEmail, DateTimeOffset At, string? Before, string? After);

public sealed record FeeCaseDto(
    Guid Id,
    Guid FactoryId,
    string FactoryNameZh,
    string FactoryNameEn,
    string FactoryAddress,
    string UnifiedBusinessNumber,
    string Industry,
    int FeeYear,
    IReadOnlyList<string> WindowMonths,
    int CaseVersion,
    Guid? PreviousVersionId,
    string Status,
    string PayerCategory,
    IReadOnlyList<FeeCaseMonth> Months,
    RecyclingVerification? Verification,
    string RecyclingRate,
    BenchmarkDto? Benchmark,
    IReadOnlyList<FeeClaimDto> Claims,
    IReadOnlyList<EvidenceDto> Evidence,
    FeeResultDto? Calculation,
    DateTimeOffset? CalculatedAt,
    DateTimeOffset? DecidedAt,
    string? NoticeNumber,
    DateOnly? DueDate,
    IReadOnlyList<AuditDto> Audit);

/// <summary>
/// The payment notice (art. 9): name and address, water use, each month's volume, rate, fee, due date, and the reduction
/// amount, claim by claim (every accepted reduction and offset with what it took off, or why it took off nothing).
/// </summary>
public sealed record PaymentNoticeDto(
    string NoticeNumber,
    string PayerNameZh,
    string PayerNameEn,
    string Address,
    string UnifiedBusinessNumber,
    string WaterUse,
    int FeeYear,
    int CaseVersion,
    IReadOnlyList<FeeCaseMonth> Months,
    string RecyclingRate,
    IReadOnlyList<FeeStepDto> Steps,
    decimal GrossFeeNtd,
    decimal ReductionNtd,
    decimal NetFeeNtd,
    DateOnly DueDate,
    DateTimeOffset DecidedAt,
    RuleSetRef RuleSet,
    IReadOnlyList<FeeClaimEffectDto> Reductions);

/// <summary>The statutory dates of a fee year (art. 4, 10, 11).</summary>
public sealed record StatutoryDate(DateOnly Date, string Key);

public static class FeeCalendar
{
    /// <summary>The dates of <paramref name="year"/> under the rule set's calendar, in order.</summary>
    public static IReadOnlyList<StatutoryDate> For(FeeCalendarRules calendar, int year) =>
    [
        new(calendar.Submission.In(year), "Fee.Calendar.Submission"),
        new(calendar.Notice.In(year), "Fee.Calendar.Notice"),
        new(calendar.NoticeLatest.In(year), "Fee.Calendar.NoticeLatest"),
        new(calendar.Due.In(year), "Fee.Calendar.Due"),
        new(calendar.Reexamination.In(year), "Fee.Calendar.Reexamination"),
    ];
}
