using EcoPark.Domain.Common;

namespace EcoPark.Domain.Water;

[KeyCase(KeyCase.Pascal)]
public enum FilingStatus
{
    Draft,
    Submitted,

    /// <summary>Submitted, then amended at least once.</summary>
    Amended,
}

/// <summary>
/// One factory's water balance for one period. A draft may be edited freely and saved with warnings;
/// submitting needs both gaps within the park's tolerance, or a written justification. A submitted
/// version is never overwritten: an amendment adds the next version, with its reason.
/// </summary>
public sealed class WaterBalanceFiling
{
    private readonly List<WaterBalanceVersion> versions = [];

    private WaterBalanceFiling()
    {
        Period = null!;
    }

    public WaterBalanceFiling(Guid id, Guid factoryId, FilingPeriod period, WaterBalance balance, Guid by, DateTimeOffset at)
        : this()
    {
        Id = id;
        FactoryId = factoryId;
        Period = period.ToString();
        PeriodKind = period.Kind;
        balance.Derive(period.Days);
        versions.Add(new WaterBalanceVersion(1, balance, null, null, by, at));
        LastChangedAt = at;
    }

    public Guid Id { get; private set; }

    public Guid FactoryId { get; private set; }

    /// <summary>YYYY-MM or YYYY-H1/H2.</summary>
    public string Period { get; private set; }

    public FilingPeriodKind PeriodKind { get; private set; }

    public FilingStatus Status { get; private set; }

    public IReadOnlyList<WaterBalanceVersion> Versions => versions;

    public WaterBalanceVersion Current => versions.MaxBy(v => v.Version)!;

    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>Set by every change, so that the filing's own row (and its row version) changes with its versions.</summary>
    public DateTimeOffset LastChangedAt { get; private set; }

    public uint RowVersion { get; private set; }

    public int Days => FilingPeriod.Parse(Period).Days;

    /// <summary>Replaces the draft's figures; a submitted filing is amended instead.</summary>
    public void EditDraft(WaterBalance balance, Guid by, DateTimeOffset at)
    {
        if (Status != FilingStatus.Draft)
        {
            throw new DomainException("status", "submitted", "A submitted filing is never overwritten: amend it instead.");
        }

        balance.Derive(Days);
        versions.Clear();
        versions.Add(new WaterBalanceVersion(1, balance, null, null, by, at));
        LastChangedAt = at;
    }

    public void Submit(decimal tolerancePercent, string? justification, Guid by, DateTimeOffset at)
    {
        if (Status != FilingStatus.Draft)
        {
            throw new DomainException("status", "already-submitted", "This filing is already submitted.");
        }

        var current = Current;
        RequireClosureOrJustification(current.Balance, tolerancePercent, justification);
        current.Stamp(Clean(justification), by, at);
        Status = FilingStatus.Submitted;
        SubmittedAt = at;
        LastChangedAt = at;
    }

    /// <summary>Adds the next version of a submitted filing. The reason is required; so is a justification if the balance does not close.</summary>
    public WaterBalanceVersion Amend(WaterBalance balance, string reason, string? justification, decimal tolerancePercent, Guid by, DateTimeOffset at)
    {
        if (Status == FilingStatus.Draft)
        {
            throw new DomainException("status", "draft", "A draft is edited, not amended.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("reason", "reason-required", "An amendment needs a reason.");
        }

        RequireClosureOrJustification(balance, tolerancePercent, justification);
        var next = new WaterBalanceVersion(Current.Version + 1, balance, reason.Trim(), Clean(justification), by, at);
        versions.Add(next);
        Status = FilingStatus.Amended;
        LastChangedAt = at;
        return next;
    }

    private void RequireClosureOrJustification(WaterBalance balance, decimal tolerancePercent, string? justification)
    {
        if (!balance.Derive(Days).Closes(tolerancePercent) && string.IsNullOrWhiteSpace(justification))
        {
            throw new DomainException("justification", "justification-required",
                $"The balance does not close within {tolerancePercent} %: correct it or give a justification that staff can read.");
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>One version of a filing: the figures, why it was made, who made it and when.</summary>
public sealed class WaterBalanceVersion
{
    private WaterBalanceVersion()
    {
        Balance = null!;
    }

    internal WaterBalanceVersion(int version, WaterBalance balance, string? reason, string? justification, Guid changedBy, DateTimeOffset changedAt)
    {
        Version = version;
        Balance = balance;
        Reason = reason;
        Justification = justification;
        ChangedBy = changedBy;
        ChangedAt = changedAt;
    }

    public int Version { get; private set; }

    public WaterBalance Balance { get; private set; }

    /// <summary>Why an amendment was made (null for the first version).</summary>
    public string? Reason { get; private set; }

    /// <summary>Why a balance that does not close was submitted anyway; staff read it.</summary>
    public string? Justification { get; private set; }

    public Guid ChangedBy { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    internal void Stamp(string? justification, Guid by, DateTimeOffset at)
    {
        Justification = justification;
        ChangedBy = by;
        ChangedAt = at;
    }
}
