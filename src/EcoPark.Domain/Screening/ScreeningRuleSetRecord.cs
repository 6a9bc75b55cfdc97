namespace EcoPark.Domain.Screening;

/// <summary>
/// One stored version of a screening rule set (<see cref="ScreeningRuleSet"/> as JSON). Versions are added,
/// never changed, so a screen for any date can name and repeat the rules it used.
/// </summary>
public sealed class ScreeningRuleSetRecord
{
    private ScreeningRuleSetRecord()
    {
        Code = null!;
        Json = null!;
        Note = null!;
    }

    public ScreeningRuleSetRecord(string code, int version, DateOnly effectiveFrom, string json, string note, DateTimeOffset createdAt)
        : this()
    {
        Code = code;
        Version = version;
        EffectiveFrom = effectiveFrom;
        Json = json;
        Note = note;
        CreatedAt = createdAt;
    }

    public string Code { get; private set; }

    public int Version { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    public string Json { get; private set; }

    /// <summary>Where the figures come from, or why the version was added.</summary>
    public string Note { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
