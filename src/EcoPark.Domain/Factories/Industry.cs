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
