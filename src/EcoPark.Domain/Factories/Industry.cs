namespace EcoPark.Domain.Factories;

/// <summary>
/// The industry keys EcoPark matches and reports on. Stored by name, so the names are part of the data
/// contract: add new keys, never rename. See docs/industries.md for what each covers.
/// </summary>
public enum Industry
{
    Food,
    Medical,
    Textile,
    Dyeing,
    Electronics,
    Chemicals,
    Petrochemicals,
    Metals,
    Paper,
    Plastics,
    Cement,
    Wwtp,
    Other,
}

public static class IndustryKeys
{
    /// <summary>The API key of an industry: its name in lower case (e.g. <c>wwtp</c>).</summary>
    public static string ToKey(this Industry industry) => industry.ToString().ToLowerInvariant();

    public static bool TryParse(string? key, out Industry industry) => Common.EnumKeys.TryParse(key, out industry);
}
