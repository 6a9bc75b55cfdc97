using EcoPark.Domain.Common;

namespace EcoPark.Domain.Matching;

/// <summary>
/// Where an input behind a figure comes from. API keys: <c>filed</c>, <c>lab</c>, <c>metered</c>, <c>estimated</c>, <c>default</c>,
/// <c>quote</c>, <c>assumed</c>.
/// </summary>
public enum InputSource
{
    /// <summary>Stated by a factory on its filed stream (flows, prices, limits).</summary>
    Filed,

    /// <summary>A lab sample with its date.</summary>
    Lab,

    /// <summary>An online monitor or a meter.</summary>
    Metered,

    /// <summary>An engineer's declared estimate, or a figure the engine derived (e.g. distance from coordinates).</summary>
    Estimated,

    /// <summary>A value from the matching parameters because the stream gave none.</summary>
    Default,

    /// <summary>A quote recorded by staff on the match (source and date kept with the match).</summary>
    Quote,

    /// <summary>A documented assumption about the party, shown as such (e.g. the buyer's fee without filed months).</summary>
    Assumed,
}

/// <summary>What a reason code is about.</summary>
[KeyCase(KeyCase.Pascal)]
public enum ReasonKind
{
    /// <summary>The pair can never match as filed; treatment or blending cannot lift it.</summary>
    HardBlock,

    /// <summary>Quality or temperature: a limit is not met, or needs treatment, blending or a heat pump.</summary>
    Quality,

    /// <summary>Money: over the buyer's maximum price, or no saving.</summary>
    Commercial,

    /// <summary>Permits and paperwork.</summary>
    Regulatory,

    /// <summary>Missing, stale, declared or defaulted inputs.</summary>
    DataQuality,
}

/// <summary>A stable kebab-case code (translated by the UI), its kind, the parameter or input it concerns, and an English text.</summary>
public sealed record MatchReason(string Code, ReasonKind Kind, string Message, string? Key = null);

/// <summary>One input behind a figure, with its unit and source.</summary>
public sealed record MatchInput(string Name, decimal Value, string Unit, InputSource Source);

/// <summary>
/// Where the money figures of an evaluation come from, by one rule for the explanation and the stored candidate. A money
/// input is one in NTD. It rests on a default when the engine put its own figure where a party's filing or a quote can stand
/// (a tap price, a disposal cost, an unquoted pipe or transfer price); the parameter set's unit rates that make up a computed
/// cost (pipe per metre, pump, truck per t·km, electricity) are the model itself, which no party files and which a quote
/// replaces only through the total they make, so they are named apart (<see cref="RateKey"/>) and not counted as defaults.
/// </summary>
public static class MoneyBasis
{
    /// <summary>The basis key of a parameter set's unit rate, beside the <see cref="InputSource"/> keys.</summary>
    public const string RateKey = "rate";

    private static readonly HashSet<string> Rates = new(StringComparer.Ordinal) { "pipeCostNtdPerM", "pumpNtd", "truckNtdPerTonneKm", "electricityNtdPerKwh" };

    public static bool IsMoney(MatchInput input) => input.Unit.Contains("NTD", StringComparison.Ordinal);

    /// <summary>The input's basis key: <see cref="RateKey"/> for a unit rate of the parameter set, else its source's key.</summary>
    public static string Key(MatchInput input) => input.Source == InputSource.Default && Rates.Contains(input.Name) ? RateKey : input.Source.Key();

    /// <summary>How many money inputs rest on a default (zero: every money figure is filed, quoted, measured or a stated assumption).</summary>
    public static int Defaults(IEnumerable<MatchInput> inputs) => inputs.Count(i => IsMoney(i) && Key(i) == InputSource.Default.Key());
}

/// <summary>The reason codes the engine emits (part of the API: add, never rename).</summary>
public static class MatchCodes
{
    // Hard blocks.
    public const string FoodMedicalProcess = "food-medical-process";
    public const string ReclaimedNotAllowed = "reclaimed-not-allowed";
    public const string SupplyCommitted = "supply-committed";
    public const string OutOfRange = "out-of-range";
    public const string CodeNotAccepted = "code-not-accepted";
    public const string CategoryMismatch = "category-mismatch";

    // Quality and temperature.
    public const string ParameterFails = "parameter-fails";
    public const string TreatmentNeeded = "treatment-needed";
    public const string TreatmentInfeasible = "treatment-infeasible";
    public const string BlendNeeded = "blend-needed";
    public const string TemperatureTooLow = "temperature-too-low";
    public const string HeatPumpNeeded = "heat-pump-needed";
    public const string NoScheduleOverlap = "no-schedule-overlap";
    public const string PropertyFails = "property-fails";

    // Commercial and regulatory.
    public const string AboveMaxPrice = "above-max-price";
    public const string NoNetSaving = "no-net-saving";
    public const string NoNetBenefit = "no-net-benefit";
    public const string PaybackAboveCeiling = "payback-above-ceiling";
    public const string ReferenceValueFails = "reference-value-fails";
    public const string PermitNotGranted = "permit-not-granted";

    // Data quality.
    public const string LabTestNeeded = "lab-test-needed";
    public const string StaleValue = "stale-value";
    public const string DeclaredValue = "declared-value";
    public const string NoCoordinates = "no-coordinates";
    public const string DefaultUsed = "default-used";
    public const string MissingInput = "missing-input";
    public const string NoLimits = "no-limits";
    public const string BlendUnknownParameter = "blend-unknown-parameter";
    public const string DischargeFeeNotFiled = "discharge-fee-not-filed";
    public const string DisposalCostNotFiled = "disposal-cost-not-filed";
    public const string FeeAssumed = "fee-assumed";
    public const string QuoteUsed = "quote-used";
}
