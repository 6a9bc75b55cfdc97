using EcoPark.Domain.Common;

namespace EcoPark.Domain.Streams;

public enum HeatMedium
{
    Steam,
    HotWater,
    ThermalOil,
    FlueGas,
    HotEffluent,
}

/// <summary>What a heat demand burns today (what a match would avoid).</summary>
public enum Fuel
{
    NaturalGas,
    FuelOil,
    Coal,
    Lpg,
    Electricity,
    Biomass,
}

/// <summary>The editable description of a heat supply or demand.</summary>
/// <remarks>
/// <para><c>SupplyTemperatureC</c>: Supply: the temperature the heat is available at. Demand: the supply temperature it needs.</para>
/// <para><c>ReturnTemperatureC</c>: Supply: the temperature it may be cooled to. Demand: the return temperature.</para>
/// <para><c>LoadKw</c>: The heat available or needed; or null to derive it from mass flow and specific heat.</para>
/// <para><c>StartHour</c>: The hour of day the stream starts; it then runs <paramref name="HoursPerDay"/> hours.</para>
/// <para><c>CostNtdPerKwh</c>: Supply: what it costs to get rid of the heat today. Demand: what its heat costs today.</para>
/// </remarks>
public sealed record HeatDetails(
    string Name,
    StreamDirection Direction,
    HeatMedium Medium,
    decimal SupplyTemperatureC,
    decimal ReturnTemperatureC,
    decimal? LoadKw,
    decimal? MassFlowKgPerHour,
    decimal? SpecificHeatKjPerKgK,
    decimal? SteamPressureBarG,
    decimal HoursPerDay,
    int DaysPerYear,
    int StartHour,
    Fuel? CurrentFuel,
    decimal? CostNtdPerKwh,
    ConfidentialFields Confidential,
    string? Notes,
    bool CondensingAllowed = false);

/// <summary>
/// Surplus heat on offer, or a heat need (heat-and-byproducts.md): medium, the temperatures, the load in
/// kW (given, or flow × specific heat × temperature drop), and the daily and yearly schedule.
/// </summary>
public sealed class HeatStream : FactoryStream
{
    private HeatStream()
    {
    }

    public HeatStream(Guid id, Guid factoryId, HeatDetails details, Guid by, DateTimeOffset at)
        : base(id, factoryId) => Update(details, by, at);

    public StreamDirection Direction { get; private set; }

    public HeatMedium Medium { get; private set; }

    public decimal SupplyTemperatureC { get; private set; }

    public decimal ReturnTemperatureC { get; private set; }

    public decimal LoadKw { get; private set; }

    public decimal? MassFlowKgPerHour { get; private set; }

    public decimal? SpecificHeatKjPerKgK { get; private set; }

    public decimal? SteamPressureBarG { get; private set; }

    /// <summary>A steam supply whose steam may condense at the buyer: its latent heat counts, and the load includes it.</summary>
    public bool CondensingAllowed { get; private set; }

    public decimal HoursPerDay { get; private set; }

    public int DaysPerYear { get; private set; }

    public int StartHour { get; private set; }

    public Fuel? CurrentFuel { get; private set; }

    public decimal? CostNtdPerKwh { get; private set; }

    /// <summary>kWh per year at full load over the schedule.</summary>
    public decimal AnnualKwh => LoadKw * HoursPerDay * DaysPerYear;

    /// <summary>kW from a mass flow (kg/h) with specific heat (kJ/kg·K) over a temperature drop (K).</summary>
    public static decimal LoadFromFlow(decimal kgPerHour, decimal kjPerKgK, decimal deltaK) => kgPerHour / 3600m * kjPerKgK * deltaK;

    public void Update(HeatDetails details, Guid by, DateTimeOffset at)
    {
        Within("supplyTemperatureC", details.SupplyTemperatureC, -50, 1600);
        Within("returnTemperatureC", details.ReturnTemperatureC, -50, 1600);
        if (details.ReturnTemperatureC >= details.SupplyTemperatureC)
        {
            throw new DomainException("returnTemperatureC", "return-not-below-supply", "The return (or cooled-to) temperature must be below the supply temperature.");
        }

        var load = details.LoadKw switch
        {
            { } kw when kw > 0 => kw,
            { } => throw new DomainException("loadKw", "zero-load", "The heat load must be above zero."),
            null when details.CondensingAllowed && details.Medium == HeatMedium.Steam && details.SteamPressureBarG > 0 && details.MassFlowKgPerHour > 0 =>
                details.MassFlowKgPerHour.Value / 3600m * SteamProperties.CondensingDropKjPerKg(details.SupplyTemperatureC, details.ReturnTemperatureC,
                    SteamProperties.SaturationTemperatureC(details.SteamPressureBarG.Value)),
            null when details.MassFlowKgPerHour > 0 && details.SpecificHeatKjPerKgK > 0 =>
                LoadFromFlow(details.MassFlowKgPerHour.Value, details.SpecificHeatKjPerKgK.Value, details.SupplyTemperatureC - details.ReturnTemperatureC),
            null => throw new DomainException("loadKw", "load-required", "Give the heat load in kW, or the mass flow and the specific heat."),
        };

        if (details.Medium == HeatMedium.Steam ? details.SteamPressureBarG is not > 0 : details.SteamPressureBarG is not null)
        {
            throw new DomainException("steamPressureBarG", "steam-pressure", "Steam needs its pressure (bar g) above zero; other media have none.");
        }

        if (details.CondensingAllowed && (details.Medium != HeatMedium.Steam || details.Direction != StreamDirection.Supply))
        {
            throw new DomainException("condensingAllowed", "steam-only", "Only a steam supply can be allowed to condense.");
        }

        Within("hoursPerDay", details.HoursPerDay, 0.5m, 24);
        Within("daysPerYear", details.DaysPerYear, 1, 366);
        Within("startHour", details.StartHour, 0, 23);
        Stamp(details.Name, details.Notes, details.Confidential, by, at);
        Direction = details.Direction;
        Medium = details.Medium;
        SupplyTemperatureC = details.SupplyTemperatureC;
        ReturnTemperatureC = details.ReturnTemperatureC;
        LoadKw = Math.Round(load, 1);
        MassFlowKgPerHour = NonNegative("massFlowKgPerHour", details.MassFlowKgPerHour);
        SpecificHeatKjPerKgK = NonNegative("specificHeatKjPerKgK", details.SpecificHeatKjPerKgK);
        SteamPressureBarG = details.SteamPressureBarG;
        CondensingAllowed = details.CondensingAllowed;
        HoursPerDay = details.HoursPerDay;
        DaysPerYear = details.DaysPerYear;
        StartHour = details.StartHour;
        CurrentFuel = details.CurrentFuel;
        CostNtdPerKwh = NonNegative("costNtdPerKwh", details.CostNtdPerKwh);
    }
}
