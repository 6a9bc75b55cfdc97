namespace EcoPark.Domain.Streams;

/// <summary>Whether a demand limits a parameter from above, or within a range (pH).</summary>
public enum LimitKind
{
    Max,
    Range,
}

/// <summary>A measurable property with a stable key (part of the API, templates and database: add, never rename).</summary>
public sealed record ParameterDefinition(string Key, string Unit, LimitKind LimitKind, decimal MinValue, decimal MaxValue);

/// <summary>A catalogue of parameters that values and limits must come from.</summary>
public sealed class ParameterCatalogue
{
    private readonly Dictionary<string, ParameterDefinition> byKey;

    public ParameterCatalogue(IEnumerable<ParameterDefinition> definitions)
    {
        All = [.. definitions];
        byKey = All.ToDictionary(d => d.Key, StringComparer.Ordinal);
    }

    public IReadOnlyList<ParameterDefinition> All { get; }

    public bool TryGet(string key, out ParameterDefinition definition) => byKey.TryGetValue(key, out definition!);

    public ParameterDefinition this[string key] => byKey[key];
}

/// <summary>The canonical water-quality keys of quality-parameters.md.</summary>
public static class WaterQuality
{
    public const string Ph = "ph";
    public const string TemperatureC = "temperatureC";
    public const string TurbidityNtu = "turbidityNtu";
    public const string ColourPtCo = "colourPtCo";
    public const string CodMgL = "codMgL";
    public const string BodMgL = "bodMgL";
    public const string SsMgL = "ssMgL";
    public const string TocMgL = "tocMgL";
    public const string TdsMgL = "tdsMgL";
    public const string ConductivityUsCm = "conductivityUsCm";
    public const string HardnessMgLCaCO3 = "hardnessMgLCaCO3";
    public const string ChlorideMgL = "chlorideMgL";
    public const string SulfateMgL = "sulfateMgL";
    public const string AmmoniaNMgL = "ammoniaNMgL";
    public const string NitrateNMgL = "nitrateNMgL";
    public const string SilicaMgL = "silicaMgL";
    public const string CopperMgL = "copperMgL";
    public const string IronMgL = "ironMgL";
    public const string ColiformCfu100mL = "coliformCfu100mL";

    private const decimal Large = 1_000_000_000m;

    public static ParameterCatalogue Parameters { get; } = new(
    [
        new(Ph, "–", LimitKind.Range, 0, 14),
        new(TemperatureC, "°C", LimitKind.Max, 0, 374),
        new(TurbidityNtu, "NTU", LimitKind.Max, 0, Large),
        new(ColourPtCo, "Pt-Co", LimitKind.Max, 0, Large),
        new(CodMgL, "mg/L", LimitKind.Max, 0, Large),
        new(BodMgL, "mg/L", LimitKind.Max, 0, Large),
        new(SsMgL, "mg/L", LimitKind.Max, 0, Large),
        new(TocMgL, "mg/L", LimitKind.Max, 0, Large),
        new(TdsMgL, "mg/L", LimitKind.Max, 0, Large),
        new(ConductivityUsCm, "µS/cm", LimitKind.Max, 0, Large),
        new(HardnessMgLCaCO3, "mg/L CaCO₃", LimitKind.Max, 0, Large),
        new(ChlorideMgL, "mg/L", LimitKind.Max, 0, Large),
        new(SulfateMgL, "mg/L", LimitKind.Max, 0, Large),
        new(AmmoniaNMgL, "mg/L", LimitKind.Max, 0, Large),
        new(NitrateNMgL, "mg/L", LimitKind.Max, 0, Large),
        new(SilicaMgL, "mg/L", LimitKind.Max, 0, Large),
        new(CopperMgL, "mg/L", LimitKind.Max, 0, Large),
        new(IronMgL, "mg/L", LimitKind.Max, 0, Large),
        new(ColiformCfu100mL, "CFU/100 mL", LimitKind.Max, 0, Large),
    ]);
}

/// <summary>
/// Properties of a by-product that a user may limit (heat-and-byproducts.md: moisture, composition,
/// chloride, TCLP). <c>tclpPass</c> is 1 when the leaching test passed and 0 when it failed.
/// </summary>
public static class ByproductProperties
{
    public const string MoisturePercent = "moisturePercent";
    public const string ChloridePercent = "chloridePercent";
    public const string SulfurPercent = "sulfurPercent";
    public const string AshPercent = "ashPercent";
    public const string CalorificValueMjKg = "calorificValueMjKg";
    public const string TclpPass = "tclpPass";

    public static ParameterCatalogue Parameters { get; } = new(
    [
        new(MoisturePercent, "%", LimitKind.Max, 0, 100),
        new(ChloridePercent, "%", LimitKind.Max, 0, 100),
        new(SulfurPercent, "%", LimitKind.Max, 0, 100),
        new(AshPercent, "%", LimitKind.Max, 0, 100),
        new(CalorificValueMjKg, "MJ/kg", LimitKind.Range, 0, 100),
        new(TclpPass, "1 = pass", LimitKind.Range, 0, 1),
    ]);
}
