using System.Text.Json;
using EcoPark.Domain.Common;

namespace EcoPark.Domain.Fees;

[KeyCase(KeyCase.Pascal)]
public enum FeeCaseStatus
{
    Open,
    Decided,

    /// <summary>Decided, then replaced by a re-examination version.</summary>
    Superseded,
}

[KeyCase(KeyCase.Pascal)]
public enum FeeClaimKind
{
    ReclaimedWater,
    InvestmentOffset,
    PollutionFee,
    Article8,
}

[KeyCase(KeyCase.Pascal)]
public enum ClaimDecision
{
    Pending,
    Accepted,
    Rejected,
}

/// <summary>
/// One payer's fee year under the 2023 regulation: monthly volumes, the recycling-rate verification,
/// claims with decisions, the calculation and the decision. A decided case never changes again; a
/// re-examination opens the next version.
/// </summary>
public sealed class FeeCase
{
    /// <summary>How the engine's result is kept in <see cref="CalculationJson"/>: the web's camelCase, read back by <see cref="StoredCalculation"/>.</summary>
    private static readonly JsonSerializerOptions ResultJson = new(JsonSerializerDefaults.Web);

    private readonly List<FeeCaseMonth> months = [];
    private readonly List<FeeClaim> claims = [];

    private FeeCase()
    {
    }

    public FeeCase(Guid id, Guid factoryId, int feeYear, PayerCategory payer, IEnumerable<FeeCaseMonth> prefilled, DateTimeOffset openedAt)
    {
        LastChangedAt = openedAt;
        Id = id;
        FactoryId = factoryId;
        FeeYear = feeYear;
        Payer = payer;
        CaseVersion = 1;
        months.AddRange(prefilled);
    }

    public Guid Id { get; private set; }

    public Guid FactoryId { get; private set; }

    public int FeeYear { get; private set; }

    public int CaseVersion { get; private set; }

    public Guid? PreviousVersionId { get; private set; }

    public FeeCaseStatus Status { get; private set; }

    public PayerCategory Payer { get; private set; }

    public IReadOnlyList<FeeCaseMonth> Months => months;

    public IReadOnlyList<FeeClaim> Claims => claims;

    public RecyclingVerification? Verification { get; private set; }

    public RecyclingRateStatus RecyclingRate { get; private set; }

    /// <summary>The last calculation, as JSON, with the rule set it used.</summary>
    public string? CalculationJson { get; private set; }

    public string? RuleSetCode { get; private set; }

    public int? RuleSetVersion { get; private set; }

    public decimal? NetFeeNtd { get; private set; }

    public DateTimeOffset? CalculatedAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public Guid? DecidedBy { get; private set; }

    public string? NoticeNumber { get; private set; }

    public DateOnly? DueDate { get; private set; }

    public uint RowVersion { get; private set; }

    /// <summary>Set by every change (each mutator takes the time), so that the case's own row (and its row version) changes with its months and claims.</summary>
    public DateTimeOffset? LastChangedAt { get; private set; }

    /// <summary>Sets a month's volumes; changing a month that already has figures needs a reason.</summary>
    public void SetMonth(YearMonth month, decimal tap, decimal surface, decimal groundwater, decimal other, string? reason, DateTimeOffset at)
    {
        EnsureOpen();
        if (tap < 0 || surface < 0 || groundwater < 0 || other < 0)
        {
            throw new DomainException("months", "negative", "A volume cannot be negative.");
        }

        var existing = months.FirstOrDefault(m => m.Month == month.ToString());
        if (existing is not null && string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("reason", "reason-required", "Changing a month's volumes needs a reason.");
        }

        if (existing is not null)
        {
            months.Remove(existing);
        }

        months.Add(new FeeCaseMonth(month.ToString(), tap, surface, groundwater, other, existing is null ? "manual" : "amended", reason?.Trim()));
        months.Sort((a, b) => string.CompareOrdinal(a.Month, b.Month));
        Changed(at);
    }

    /// <summary>
    /// The auditor confirms that the payer used no water in a month that has no figures: the month then counts as
    /// filled, with zero volumes, and says so. A month with figures is changed with <see cref="SetMonth"/> instead.
    /// </summary>
    public void ConfirmZero(YearMonth month, string? reason, DateTimeOffset at)
    {
        EnsureOpen();
        if (months.Any(m => m.Month == month.ToString()))
        {
            throw new DomainException("month", "month-filled", "This month already has figures: change them instead.");
        }

        months.Add(new FeeCaseMonth(month.ToString(), 0, 0, 0, 0, "confirmed-zero", string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), ConfirmedZero: true));
        months.Sort((a, b) => string.CompareOrdinal(a.Month, b.Month));
        Changed(at);
    }

    /// <summary>The months of <paramref name="window"/> that have neither figures nor a confirmed zero.</summary>
    public IReadOnlyList<YearMonth> MissingMonths(IEnumerable<YearMonth> window) =>
        [.. window.Where(w => months.All(m => m.Month != w.ToString()))];

    public void RecordVerification(RecyclingVerification verification, RecyclingRateStatus status, DateTimeOffset at)
    {
        EnsureOpen();
        Verification = verification;
        RecyclingRate = status;
        Changed(at);
    }

    /// <summary>
    /// Adds a claim. An investment offset names its approval; its amount is that approval's share for this
    /// fee year (see <see cref="InvestmentApproval.OffsetFor"/>), given what earlier years already used.
    /// </summary>
    public FeeClaim AddClaim(FeeClaimKind kind, decimal amount, decimal committedM3, string note, DateTimeOffset at, ApprovalReference? approval = null)
    {
        EnsureOpen();
        if (amount < 0 || committedM3 < 0)
        {
            throw new DomainException("amount", "negative", "A claim cannot be negative.");
        }

        if ((kind == FeeClaimKind.InvestmentOffset) != (approval is not null))
        {
            throw new DomainException("approval", "approval-required", "An investment offset, and only that, names its approval.");
        }

        if (approval is not null && claims.Any(c => c.Approval?.Number == approval.Number))
        {
            throw new DomainException("approvalNumber", "approval-claimed", "This approval is already claimed in this case.");
        }

        var claim = new FeeClaim(Guid.NewGuid(), claims.Count + 1, kind, amount, committedM3, (note ?? string.Empty).Trim(), approval);
        claims.Add(claim);
        Changed(at);
        return claim;
    }

    public void DecideClaim(Guid claimId, bool accept, string comment, Guid by, DateTimeOffset at)
    {
        EnsureOpen();
        if (string.IsNullOrWhiteSpace(comment))
        {
            throw new DomainException("comment", "required", "A decision on a claim needs a comment.");
        }

        var claim = claims.SingleOrDefault(c => c.Id == claimId) ?? throw new DomainException("claimId", "not-found", "No such claim.");
        claim.Decide(accept ? ClaimDecision.Accepted : ClaimDecision.Rejected, comment.Trim(), by, at);
        Changed(at);
    }

    /// <summary>The engine's input: the case's months and only its accepted claims.</summary>
    public FeeRequest ToRequest()
    {
        decimal Sum(FeeClaimKind kind) => claims.Where(c => c.Kind == kind && c.Decision == ClaimDecision.Accepted).Sum(c => c.Amount);
        var reclaimed = claims.Where(c => c.Kind == FeeClaimKind.ReclaimedWater && c.Decision == ClaimDecision.Accepted).ToList();
        return new FeeRequest(
            FeeYear,
            Payer,
            [.. months.Select(m => m.ToVolumes())],
            RecyclingRate,
            new FeeClaims
            {
                ReclaimedAndDesalinatedM3 = reclaimed.Sum(c => c.Amount),
                CommittedReclaimedM3 = reclaimed.Sum(c => c.CommittedM3),
                InvestmentOffsetNtd = Sum(FeeClaimKind.InvestmentOffset),
                PollutionFeePaidNtd = Sum(FeeClaimKind.PollutionFee),
                TapPriceConservationNtd = Sum(FeeClaimKind.Article8),
            });
    }

    /// <summary>
    /// Calculates the fee with <paramref name="rules"/>, which must be a 2023-regulation rule set in force for the
    /// case's fee year, and keeps the engine's result (codes and figures, so every reader sees it in their own language).
    /// </summary>
    public FeeResult Calculate(FeeRuleSet rules, DateTimeOffset at)
    {
        EnsureOpen();
        if (rules.Scheme != FeeScheme.Regulation2023 || FeeRuleSet.InForce([rules], FeeYear) is null)
        {
            throw new DomainException("ruleSet", "rule-set-not-in-force", $"Rule set {rules.Code} v{rules.Version} is not a 2023-regulation rule set in force for fee year {FeeYear}.");
        }

        var result = FeeEngine.Calculate(rules, ToRequest());
        CalculationJson = JsonSerializer.Serialize(result, ResultJson);
        RuleSetCode = result.RuleSetCode;
        RuleSetVersion = result.RuleSetVersion;
        NetFeeNtd = result.NetFeeNtd;
        CalculatedAt = at;
        LastChangedAt = at;
        return result;
    }

    /// <summary>The engine's result as last calculated, or null when a change since has cleared it.</summary>
    public FeeResult? StoredCalculation() => CalculationJson is null ? null : JsonSerializer.Deserialize<FeeResult>(CalculationJson, ResultJson);

    /// <summary>
    /// Decides the case: needs a current calculation, no pending claim, and every month of <paramref name="window"/>
    /// filled or confirmed as zero. The notice is due on <paramref name="dueDate"/>.
    /// </summary>
    public void Decide(Guid by, DateTimeOffset at, string noticeNumber, DateOnly dueDate, IEnumerable<YearMonth> window)
    {
        EnsureOpen();
        if (CalculationJson is null)
        {
            throw new DomainException("calculation", "not-calculated", "Calculate the fee before deciding.");
        }

        if (claims.Any(c => c.Decision == ClaimDecision.Pending))
        {
            throw new DomainException("claims", "pending", "Accept or reject every claim before deciding.");
        }

        if (MissingMonths(window) is { Count: > 0 } missing)
        {
            throw new DomainException("months", "months-missing", $"Months without figures: {string.Join(", ", missing)}. Enter them or confirm them as zero.");
        }

        Status = FeeCaseStatus.Decided;
        LastChangedAt = at;
        DecidedAt = at;
        DecidedBy = by;
        NoticeNumber = noticeNumber;
        DueDate = dueDate;
    }

    /// <summary>
    /// Re-examination (art. 11): this version is superseded and a copy opens as the next version. Every part is
    /// copied into values of its own (months, verification, claims with their approvals), because a part
    /// belongs to one version: sharing it would move it away from the decided version.
    /// </summary>
    public FeeCase Reexamine(Guid newId, DateTimeOffset at)
    {
        if (Status != FeeCaseStatus.Decided)
        {
            throw new DomainException("status", "not-decided", "Only a decided case can be re-examined.");
        }

        Status = FeeCaseStatus.Superseded;
        LastChangedAt = at;
        var next = new FeeCase(newId, FactoryId, FeeYear, Payer, months.Select(m => m with { }), at)
        {
            CaseVersion = CaseVersion + 1,
            PreviousVersionId = Id,
            Verification = Verification is { } verification ? verification with { } : null,
            RecyclingRate = RecyclingRate,
        };
        next.claims.AddRange(claims.Select(c => c.CopyPending()));
        return next;
    }

    /// <summary>A file was filed with the case (for one of its claims, when <paramref name="claimId"/> is given): the case must be open and the claim its own.</summary>
    public void RecordEvidence(Guid? claimId, DateTimeOffset at)
    {
        EnsureOpen();
        if (claimId is { } id && claims.All(c => c.Id != id))
        {
            throw new DomainException("claimId", "claim-not-found", "No such claim in this case.");
        }

        LastChangedAt = at;
    }

    /// <summary>Refuses any change to a decided case.</summary>
    public void EnsureOpen()
    {
        if (Status != FeeCaseStatus.Open)
        {
            throw new DomainException("status", "case-decided", "A decided case cannot change; open a re-examination instead.");
        }
    }

    /// <summary>A change to the figures: the case's row changes too (so concurrent edits are caught), and the calculation no longer holds.</summary>
    private void Changed(DateTimeOffset at)
    {
        LastChangedAt = at;
        CalculationJson = null;
        RuleSetCode = null;
        RuleSetVersion = null;
        NetFeeNtd = null;
        CalculatedAt = null;
    }
}

/// <summary>
/// A month of the case. <see cref="Source"/>: filing, manual, amended (with <see cref="Reason"/>) or confirmed-zero;
/// <see cref="ConfirmedZero"/>: the auditor confirmed that no water was used, so the month counts as filled.
/// </summary>
public sealed record FeeCaseMonth(string Month, decimal TapM3, decimal SurfaceM3, decimal GroundwaterM3, decimal OtherSupplierM3, string Source, string? Reason,
    bool ConfirmedZero = false)
{
    public MonthlyVolumes ToVolumes() =>
        new(YearMonth.TryParse(Month, out var ym) ? ym : throw new DomainException("month", "format", "Bad month."), TapM3, SurfaceM3, GroundwaterM3, OtherSupplierM3);
}

/// <summary>An approved water-saving investment: the approval's number, the approved cost, and the offset years.</summary>
public sealed record ApprovalReference(string Number, decimal ApprovedCostNtd, int FirstFeeYear, int Years)
{
    public InvestmentApproval ToApproval(decimal usedBeforeNtd) => new(ApprovedCostNtd, FirstFeeYear, Years, usedBeforeNtd);
}

/// <summary>The recycling-rate verification statement: who issued it, when, and the rate verified.</summary>
public sealed record RecyclingVerification(string Issuer, DateOnly IssuedOn, decimal VerifiedRatePercent);

/// <summary>A reduction or offset claim. Amount is m³ for reclaimed water and NTD otherwise.</summary>
public sealed class FeeClaim
{
    private FeeClaim()
    {
        Note = null!;
    }

    internal FeeClaim(Guid id, int sequence, FeeClaimKind kind, decimal amount, decimal committedM3, string note, ApprovalReference? approval)
    {
        Sequence = sequence;
        Approval = approval;
        Id = id;
        Kind = kind;
        Amount = amount;
        CommittedM3 = committedM3;
        Note = note;
    }

    public Guid Id { get; private set; }

    /// <summary>1, 2, 3 … in the order the claims were made; lists show them in this order.</summary>
    public int Sequence { get; private set; }

    public FeeClaimKind Kind { get; private set; }

    public decimal Amount { get; private set; }

    public decimal CommittedM3 { get; private set; }

    public string Note { get; private set; }

    /// <summary>For an investment offset: the approval it draws on.</summary>
    public ApprovalReference? Approval { get; private set; }

    public ClaimDecision Decision { get; private set; }

    public string? DecisionComment { get; private set; }

    public Guid? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    internal void Decide(ClaimDecision decision, string comment, Guid by, DateTimeOffset at)
    {
        Decision = decision;
        DecisionComment = comment;
        DecidedBy = by;
        DecidedAt = at;
    }

    internal FeeClaim CopyPending() => new(Guid.NewGuid(), Sequence, Kind, Amount, CommittedM3, Note, Approval is { } approval ? approval with { } : null);
}
