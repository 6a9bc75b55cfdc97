namespace EcoPark.Domain.Fees;

/// <summary>
/// A stored rule-set version. Versions are never edited: an administrator's change adds the next version,
/// so the table is its own history and every calculation can name the version it used.
/// </summary>
public sealed class FeeRuleSetRecord
{
    private FeeRuleSetRecord()
    {
        Code = null!;
        Note = null!;
    }

    public FeeRuleSetRecord(Guid id, FeeRuleSet rules, DateTimeOffset createdAt, Guid? createdBy, string note)
        : this()
    {
        if ((rules.Scheme == FeeScheme.Regulation2023) != (rules.Regulation2023 is not null) || (rules.Scheme == FeeScheme.Draft2019) != (rules.Draft2019 is not null))
        {
            throw new Common.DomainException("parameters", "scheme-mismatch", "The parameters do not match the scheme.");
        }

        Id = id;
        Code = rules.Code;
        Version = rules.Version;
        Scheme = rules.Scheme;
        EffectiveFrom = rules.EffectiveFrom;
        Regulation2023 = rules.Regulation2023;
        Draft2019 = rules.Draft2019;
        CreatedAt = createdAt;
        CreatedBy = createdBy;
        Note = note;
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; }

    public int Version { get; private set; }

    public FeeScheme Scheme { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    public Regulation2023Rules? Regulation2023 { get; private set; }

    public Draft2019Rules? Draft2019 { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid? CreatedBy { get; private set; }

    /// <summary>Why this version exists (e.g. "reduction table entered from the official attachment").</summary>
    public string Note { get; private set; }

    public FeeRuleSet ToRuleSet() => new(Code, Version, Scheme, EffectiveFrom, Regulation2023, Draft2019);
}

/// <summary>
/// An industry's recycling-rate benchmark range (用水回收率行業基準區間) from a given date. Official values
/// come from the government notice; demo values are marked <see cref="Official"/> = false and labelled so.
/// </summary>
public sealed class IndustryBenchmark
{
    private IndustryBenchmark()
    {
        Source = null!;
    }

    public IndustryBenchmark(Guid id, Factories.Industry industry, DateOnly effectiveFrom, decimal lowerPercent, decimal upperPercent, bool official, string source)
        : this()
    {
        if (lowerPercent is < 0 or > 100 || upperPercent is < 0 or > 100 || lowerPercent > upperPercent)
        {
            throw new Common.DomainException("lowerPercent", "range", "The range must satisfy 0 ≤ lower ≤ upper ≤ 100.");
        }

        Id = id;
        Industry = industry;
        EffectiveFrom = effectiveFrom;
        LowerPercent = lowerPercent;
        UpperPercent = upperPercent;
        Official = official;
        Source = source;
    }

    public Guid Id { get; private set; }

    public Factories.Industry Industry { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    public decimal LowerPercent { get; private set; }

    public decimal UpperPercent { get; private set; }

    public bool Official { get; private set; }

    public string Source { get; private set; }

    /// <summary>Where a verified recycling rate falls against this range.</summary>
    public RecyclingRateStatus Classify(decimal verifiedRatePercent) =>
        verifiedRatePercent < LowerPercent ? RecyclingRateStatus.Below
        : verifiedRatePercent > UpperPercent ? RecyclingRateStatus.Above
        : RecyclingRateStatus.Within;
}
