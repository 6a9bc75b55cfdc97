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
/// One effective-dated version of the matching rule data, stored as JSON. Versions are added, never
/// changed, so that a match can always name the version it was judged with.
/// </summary>
public sealed class MatchingRuleSetRecord
{
    private MatchingRuleSetRecord()
    {
        Version = null!;
        Json = null!;
        Note = null!;
    }

    public MatchingRuleSetRecord(MatchingRuleKind kind, string version, DateOnly effectiveFrom, string json, string note, DateTimeOffset createdAt)
        : this()
    {
        Kind = kind;
        Version = version;
        EffectiveFrom = effectiveFrom;
        Json = json;
        Note = note;
        CreatedAt = createdAt;
    }

    public MatchingRuleKind Kind { get; private set; }

    public string Version { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    public string Json { get; private set; }

    /// <summary>Where the figures come from, or why the version was added.</summary>
    public string Note { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
