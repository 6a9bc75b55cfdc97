using System.Text.RegularExpressions;
using EcoPark.Domain.Common;

namespace EcoPark.Domain.Streams;

public enum ByproductCategory
{
    Sludge,
    FlyAsh,
    BottomAsh,
    Slag,
    Gypsum,
    WastePlastics,
    WasteSolvent,
    SpentAcid,
    ScrapMetal,
    PaperFibre,
    Glass,
    RockWool,
    WoodWaste,
    Organic,
    ConcreteFines,
    Other,
}

public enum PhysicalState
{
    Solid,
    Powder,
    Sludge,
    Liquid,
    Gas,
}

public enum Regularity
{
    Continuous,
    Regular,
    Occasional,
}

/// <summary>Whether the reuse of a waste stream is permitted (industrial waste reuse needs a permit).</summary>
public enum ReusePermitStatus
{
    None,
    Applied,
    Granted,
}

/// <summary>The editable description of a by-product or waste stream on offer, or of a material need.</summary>
/// <remarks>
/// <para><c>WasteCode</c>: Supply: its official waste code (事業廢棄物代碼), e.g. D-0902.</para>
/// <para><c>AcceptedCodes</c>: Demand: the waste codes it takes; empty means any code of its category.</para>
/// <para><c>Properties</c>: Supply: measured properties (moisture, chloride, TCLP …).</para>
/// <para><c>PropertyLimits</c>: Demand: the limits those properties must meet.</para>
/// <para><c>CostNtdPerTonne</c>: Supply: today's disposal cost. Demand: the price of the virgin material it would replace.</para>
/// </remarks>
public sealed record ByproductDetails(
    string Name,
    StreamDirection Direction,
    ByproductCategory Category,
    string? WasteCode,
    IReadOnlyList<string> AcceptedCodes,
    string? Description,
    PhysicalState State,
    decimal TonnesPerMonth,
    Regularity Regularity,
    IReadOnlyList<ParameterValue> Properties,
    IReadOnlyList<ParameterLimit> PropertyLimits,
    string? CurrentRoute,
    decimal? CostNtdPerTonne,
    string? VirginMaterial,
    decimal? VirginFactorKgCo2ePerTonne,
    ReusePermitStatus Permit,
    ConfidentialFields Confidential,
    string? Notes);

/// <summary>
/// A by-product or waste on offer with its code, quantity, properties and current disposal route, or a
/// factory's need for such a material with the codes it accepts, property limits and the virgin material replaced.
/// </summary>
public sealed partial class ByproductStream : FactoryStream
{
    private List<ParameterValue> properties = [];
    private List<ParameterLimit> propertyLimits = [];
    private List<string> acceptedCodes = [];

    private ByproductStream()
    {
    }

    public ByproductStream(Guid id, Guid factoryId, ByproductDetails details, DateOnly today, Guid by, DateTimeOffset at)
        : base(id, factoryId) => Update(details, today, by, at);

    public StreamDirection Direction { get; private set; }

    public ByproductCategory Category { get; private set; }

    public string? WasteCode { get; private set; }

    public IReadOnlyList<string> AcceptedCodes => acceptedCodes;

    public string? Description { get; private set; }

    public PhysicalState State { get; private set; }

    public decimal TonnesPerMonth { get; private set; }

    public Regularity Regularity { get; private set; }

    public IReadOnlyList<ParameterValue> Properties => properties;

    public IReadOnlyList<ParameterLimit> PropertyLimits => propertyLimits;

    public string? CurrentRoute { get; private set; }

    public decimal? CostNtdPerTonne { get; private set; }

    public string? VirginMaterial { get; private set; }

    public decimal? VirginFactorKgCo2ePerTonne { get; private set; }

    public ReusePermitStatus Permit { get; private set; }

    /// <summary>An official waste code: one or two capital letters, a hyphen and four digits (D-0902, R-0201).</summary>
    public static bool IsWasteCode(string? code) => code is not null && WasteCodePattern().IsMatch(code);

    public void Update(ByproductDetails details, DateOnly today, Guid by, DateTimeOffset at)
    {
        var supply = details.Direction == StreamDirection.Supply;
        var code = details.WasteCode?.Trim().ToUpperInvariant();
        if (supply ? !IsWasteCode(code) : code is { Length: > 0 })
        {
            throw new DomainException("wasteCode", supply ? "waste-code" : "supply-only", "A supply needs its official waste code (e.g. D-0902); a demand lists accepted codes instead.");
        }

        var codes = details.AcceptedCodes.Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct().ToList();
        if (codes.Count > 0 && (supply || !codes.All(IsWasteCode)))
        {
            throw new DomainException("acceptedCodes", supply ? "demand-only" : "waste-code", "Accepted codes belong to a demand, each like D-0902.");
        }

        if (details.TonnesPerMonth <= 0)
        {
            throw new DomainException("tonnesPerMonth", "zero-quantity", "The quantity must be above zero.");
        }

        var values = ParameterRules.CheckValues(ByproductProperties.Parameters, details.Properties, today, "properties");
        var limits = ParameterRules.CheckLimits(ByproductProperties.Parameters, details.PropertyLimits, "propertyLimits");
        if (!supply && values.Count > 0)
        {
            throw new DomainException("properties", "supply-only", "Measured properties belong to a supply; a demand states limits.");
        }

        if (supply && limits.Count > 0)
        {
            throw new DomainException("propertyLimits", "demand-only", "Property limits belong to a demand.");
        }

        Stamp(details.Name, details.Notes, details.Confidential, by, at);
        Direction = details.Direction;
        Category = details.Category;
        WasteCode = supply ? code : null;
        acceptedCodes = codes;
        Description = Clean(details.Description);
        State = details.State;
        TonnesPerMonth = details.TonnesPerMonth;
        Regularity = details.Regularity;
        properties = [.. values];
        propertyLimits = [.. limits];
        CurrentRoute = Clean(details.CurrentRoute);
        CostNtdPerTonne = NonNegative("costNtdPerTonne", details.CostNtdPerTonne);
        VirginMaterial = Clean(details.VirginMaterial);
        VirginFactorKgCo2ePerTonne = NonNegative("virginFactorKgCo2ePerTonne", details.VirginFactorKgCo2ePerTonne);
        Permit = details.Permit;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex("^[A-Z]{1,2}-[0-9]{4}$")]
    private static partial Regex WasteCodePattern();
}
