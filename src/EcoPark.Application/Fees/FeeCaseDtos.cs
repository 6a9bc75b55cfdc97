using EcoPark.Domain.Fees;

namespace EcoPark.Application.Fees;

public sealed record FeeCaseSummaryDto(Guid Id, Guid FactoryId, string FactoryNameZh, string FactoryNameEn, int FeeYear, int CaseVersion, string Status,
    decimal? NetFeeNtd, string? NoticeNumber, DateTimeOffset? DecidedAt);

public sealed record FeeClaimDto(Guid Id, string Kind, decimal Amount, decimal CommittedM3, string Note, string Decision, string? DecisionComment, DateTimeOffset? DecidedAt);

public sealed record EvidenceDto(Guid Id, Guid? ClaimId, string Kind, string FileName, string ContentType, long SizeBytes, string Sha256, DateTimeOffset UploadedAt);

public sealed record AuditDto(string Action, Guid UserId, string? UserEmail, DateTimeOffset At, string? Before, string? After);

public sealed record FeeCaseDto
{
    public required Guid Id { get; init; }

    public required Guid FactoryId { get; init; }

    public required string FactoryNameZh { get; init; }

    public required string FactoryNameEn { get; init; }

    public required string FactoryAddress { get; init; }

    public required string UnifiedBusinessNumber { get; init; }

    public required string Industry { get; init; }

    public required int FeeYear { get; init; }

    public required IReadOnlyList<string> WindowMonths { get; init; }

    public required int CaseVersion { get; init; }

    public required Guid? PreviousVersionId { get; init; }

    public required string Status { get; init; }

    public required string PayerCategory { get; init; }

    public required IReadOnlyList<FeeCaseMonth> Months { get; init; }

    public required RecyclingVerification? Verification { get; init; }

    public required string RecyclingRate { get; init; }

    public required BenchmarkDto? Benchmark { get; init; }

    public required IReadOnlyList<FeeClaimDto> Claims { get; init; }

    public required IReadOnlyList<EvidenceDto> Evidence { get; init; }

    public required FeeResultDto? Calculation { get; init; }

    public required DateTimeOffset? CalculatedAt { get; init; }

    public required DateTimeOffset? DecidedAt { get; init; }

    public required string? NoticeNumber { get; init; }

    public required DateOnly? DueDate { get; init; }

    public required IReadOnlyList<AuditDto> Audit { get; init; }
}

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
