namespace EcoPark.Domain.Matching;

/// <summary>Which rule data a stored version holds.</summary>
public enum MatchingRuleKind
{
    /// <summary>Prices, factors, ΔT_min, pipe classes and distances (<see cref="MatchingParameters"/>).</summary>
    Parameters,

    /// <summary>The treatment catalogue (<see cref="TreatmentCatalogue"/>).</summary>
    Treatments,
}

/// <summary>
/// One effective-dated version of the matching rule data, stored typed: a parameter set or a treatment catalogue,
/// whichever its kind says, and never both. Versions are added, never changed, so that a match can always name the
/// version it was judged with. The version name and effective date are the rule data's own.
/// </summary>
public sealed class MatchingRuleSetRecord
{
    private MatchingRuleSetRecord()
    {
        Version = null!;
        Note = null!;
    }

    public MatchingRuleSetRecord(MatchingParameters parameters, string note, DateTimeOffset createdAt)
        : this(MatchingRuleKind.Parameters, parameters.Version, parameters.EffectiveFrom, note, createdAt)
    {
        Parameters = parameters;
    }

    public MatchingRuleSetRecord(TreatmentCatalogue treatments, string note, DateTimeOffset createdAt)
        : this(MatchingRuleKind.Treatments, treatments.Version, treatments.EffectiveFrom, note, createdAt)
    {
        Treatments = treatments;
    }

    private MatchingRuleSetRecord(MatchingRuleKind kind, string version, DateOnly effectiveFrom, string note, DateTimeOffset createdAt)
        : this()
    {
        if (string.IsNullOrWhiteSpace(version))
        {
            throw new Common.DomainException("version", "required", "A rule-data version needs a name.");
        }

        Kind = kind;
        Version = version;
        EffectiveFrom = effectiveFrom;
        Note = note;
        CreatedAt = createdAt;
    }

    public MatchingRuleKind Kind { get; private set; }

    public string Version { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    /// <summary>The parameter set, when <see cref="Kind"/> is <see cref="MatchingRuleKind.Parameters"/>; otherwise null.</summary>
    public MatchingParameters? Parameters { get; private set; }

    /// <summary>The treatment catalogue, when <see cref="Kind"/> is <see cref="MatchingRuleKind.Treatments"/>; otherwise null.</summary>
    public TreatmentCatalogue? Treatments { get; private set; }

    /// <summary>Where the figures come from, or why the version was added.</summary>
    public string Note { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The parameter sets among stored versions.</summary>
    public static IEnumerable<MatchingParameters> ParametersOf(IEnumerable<MatchingRuleSetRecord> records) =>
        records.Select(r => r.Parameters).OfType<MatchingParameters>();

    /// <summary>The treatment catalogues among stored versions.</summary>
    public static IEnumerable<TreatmentCatalogue> TreatmentsOf(IEnumerable<MatchingRuleSetRecord> records) =>
        records.Select(r => r.Treatments).OfType<TreatmentCatalogue>();
}
