using EcoPark.Domain.Common;
using EcoPark.Domain.Streams;

namespace EcoPark.Application.Streams;

/// <summary>Which fields the factory keeps from the other party of a match; all three by default.</summary>
public sealed class ConfidentialInput
{
    public bool Prices { get; set; } = true;

    public bool Costs { get; set; } = true;

    public bool ExactVolumes { get; set; } = true;

    public ConfidentialFields ToFlags() =>
        (Prices ? ConfidentialFields.Prices : 0) | (Costs ? ConfidentialFields.Costs : 0) | (ExactVolumes ? ConfidentialFields.ExactVolumes : 0);

    public static ConfidentialInput From(ConfidentialFields flags) => new()
    {
        Prices = flags.HasFlag(ConfidentialFields.Prices),
        Costs = flags.HasFlag(ConfidentialFields.Costs),
        ExactVolumes = flags.HasFlag(ConfidentialFields.ExactVolumes),
    };
}

/// <summary>A measured value by canonical key, with its basis (<c>lab</c>, <c>online</c>, <c>declared</c>) and sample date.</summary>
public sealed class ParameterValueInput
{
    public string Key { get; set; } = string.Empty;

    public decimal Value { get; set; }

    public string Basis { get; set; } = "lab";

    public DateOnly? SampleDate { get; set; }

    public ParameterValue ToValue() => new(Key, Value, EnumKeys.Parse<ValueBasis>(Basis), SampleDate);

    public static ParameterValueInput From(ParameterValue v) => new() { Key = v.Key, Value = v.Value, Basis = v.Basis.Key(), SampleDate = v.SampleDate };
}

/// <summary>A limit by canonical key: a maximum, or for pH a minimum and/or maximum.</summary>
public sealed class ParameterLimitInput
{
    public string Key { get; set; } = string.Empty;

    public decimal? Min { get; set; }

    public decimal? Max { get; set; }

    public ParameterLimit ToLimit() => new(Key, Min, Max);

    public static ParameterLimitInput From(ParameterLimit l) => new() { Key = l.Key, Min = l.Min, Max = l.Max };
}

/// <summary>What every stream input shares; <see cref="RowVersion"/> is what an editor read (required to update).</summary>
public abstract class StreamInput
{
    public string Name { get; set; } = string.Empty;

    public ConfidentialInput Confidential { get; set; } = new();

    public string? Notes { get; set; }

    public uint? RowVersion { get; set; }
}

public sealed class EffluentStreamInput : StreamInput
{
    public decimal MinM3PerDay { get; set; }

    public decimal AvgM3PerDay { get; set; }

    public decimal MaxM3PerDay { get; set; }

    public int DaysPerWeek { get; set; } = 7;

    public decimal HoursPerDay { get; set; } = 24;

    public List<ParameterValueInput> Quality { get; set; } = [];

    /// <summary><c>parkWwtp</c>, <c>sewer</c>, <c>waterBody</c> or <c>other</c>.</summary>
    public string Route { get; set; } = "parkWwtp";

    public decimal? DischargeFeeNtdPerM3 { get; set; }

    public EffluentDetails ToDetails() => new(Name, MinM3PerDay, AvgM3PerDay, MaxM3PerDay, DaysPerWeek, HoursPerDay,
        [.. Quality.Select(q => q.ToValue())], EnumKeys.Parse<DischargeRoute>(Route), DischargeFeeNtdPerM3, Confidential.ToFlags(), Notes);

    public static EffluentStreamInput From(EffluentStream s) => new()
    {
        Name = s.Name,
        MinM3PerDay = s.MinM3PerDay,
        AvgM3PerDay = s.AvgM3PerDay,
        MaxM3PerDay = s.MaxM3PerDay,
        DaysPerWeek = s.DaysPerWeek,
        HoursPerDay = s.HoursPerDay,
        Quality = [.. s.Quality.Select(ParameterValueInput.From)],
        Route = s.Route.Key(),
        DischargeFeeNtdPerM3 = s.DischargeFeeNtdPerM3,
        Confidential = ConfidentialInput.From(s.Confidential),
        Notes = s.Notes,
        RowVersion = s.RowVersion,
    };
}

public sealed class WaterDemandStreamInput : StreamInput
{
    /// <summary><c>process</c>, <c>boiler</c>, <c>cooling</c>, <c>scrubber</c>, <c>domestic</c> or <c>other</c>.</summary>
    public string Use { get; set; } = "process";

    public decimal FlowM3PerDay { get; set; }

    /// <summary>Empty: the baseline limits for the use apply.</summary>
    public List<ParameterLimitInput> Limits { get; set; } = [];

    public bool ReclaimedAllowed { get; set; } = true;

    public bool BlendingAllowed { get; set; }

    public List<ParameterValueInput> CurrentWaterQuality { get; set; } = [];

    public decimal? MaxPipeDistanceM { get; set; }

    public decimal? MaxPriceNtdPerM3 { get; set; }

    public decimal? CurrentWaterPriceNtdPerM3 { get; set; }

    /// <summary>Days a week the water is used; empty: as the supply it is matched with.</summary>
    public int? DaysPerWeek { get; set; }

    /// <summary>Hours a day the water is used; empty: as the supply it is matched with.</summary>
    public decimal? HoursPerDay { get; set; }

    public WaterDemandDetails ToDetails() => new(Name, EnumKeys.Parse<WaterUse>(Use), FlowM3PerDay, [.. Limits.Select(l => l.ToLimit())], ReclaimedAllowed,
        BlendingAllowed, [.. CurrentWaterQuality.Select(q => q.ToValue())], MaxPipeDistanceM, MaxPriceNtdPerM3, CurrentWaterPriceNtdPerM3,
        Confidential.ToFlags(), Notes, DaysPerWeek, HoursPerDay);

    public static WaterDemandStreamInput From(WaterDemand s) => new()
    {
        Name = s.Name,
        Use = s.Use.Key(),
        FlowM3PerDay = s.FlowM3PerDay,
        Limits = [.. s.Limits.Select(ParameterLimitInput.From)],
        ReclaimedAllowed = s.ReclaimedAllowed,
        BlendingAllowed = s.BlendingAllowed,
        CurrentWaterQuality = [.. s.CurrentWaterQuality.Select(ParameterValueInput.From)],
        MaxPipeDistanceM = s.MaxPipeDistanceM,
        MaxPriceNtdPerM3 = s.MaxPriceNtdPerM3,
        CurrentWaterPriceNtdPerM3 = s.CurrentWaterPriceNtdPerM3,
        DaysPerWeek = s.DaysPerWeek,
        HoursPerDay = s.HoursPerDay,
        Confidential = ConfidentialInput.From(s.Confidential),
        Notes = s.Notes,
        RowVersion = s.RowVersion,
    };
}

public sealed class HeatStreamInput : StreamInput
{
    /// <summary><c>supply</c> or <c>demand</c>.</summary>
    public string Direction { get; set; } = "supply";

    /// <summary><c>steam</c>, <c>hotWater</c>, <c>thermalOil</c>, <c>flueGas</c> or <c>hotEffluent</c>.</summary>
    public string Medium { get; set; } = "hotWater";

    public decimal SupplyTemperatureC { get; set; }

    public decimal ReturnTemperatureC { get; set; }

    public decimal? LoadKw { get; set; }

    public decimal? MassFlowKgPerHour { get; set; }

    public decimal? SpecificHeatKjPerKgK { get; set; }

    public decimal? SteamPressureBarG { get; set; }

    public decimal HoursPerDay { get; set; } = 24;

    public int DaysPerYear { get; set; } = 330;

    public int StartHour { get; set; }

    /// <summary><c>naturalGas</c>, <c>fuelOil</c>, <c>coal</c>, <c>lpg</c>, <c>electricity</c> or <c>biomass</c>; for a demand.</summary>
    public string? CurrentFuel { get; set; }

    public decimal? CostNtdPerKwh { get; set; }

    public HeatDetails ToDetails() => new(Name, EnumKeys.Parse<StreamDirection>(Direction), EnumKeys.Parse<HeatMedium>(Medium), SupplyTemperatureC, ReturnTemperatureC,
        LoadKw, MassFlowKgPerHour, SpecificHeatKjPerKgK, SteamPressureBarG, HoursPerDay, DaysPerYear, StartHour,
        string.IsNullOrWhiteSpace(CurrentFuel) ? null : EnumKeys.Parse<Fuel>(CurrentFuel), CostNtdPerKwh, Confidential.ToFlags(), Notes);

    public static HeatStreamInput From(HeatStream s) => new()
    {
        Name = s.Name,
        Direction = s.Direction.Key(),
        Medium = s.Medium.Key(),
        SupplyTemperatureC = s.SupplyTemperatureC,
        ReturnTemperatureC = s.ReturnTemperatureC,
        LoadKw = s.MassFlowKgPerHour is null ? s.LoadKw : null,
        MassFlowKgPerHour = s.MassFlowKgPerHour,
        SpecificHeatKjPerKgK = s.SpecificHeatKjPerKgK,
        SteamPressureBarG = s.SteamPressureBarG,
        HoursPerDay = s.HoursPerDay,
        DaysPerYear = s.DaysPerYear,
        StartHour = s.StartHour,
        CurrentFuel = s.CurrentFuel is { } f ? f.Key() : null,
        CostNtdPerKwh = s.CostNtdPerKwh,
        Confidential = ConfidentialInput.From(s.Confidential),
        Notes = s.Notes,
        RowVersion = s.RowVersion,
    };
}

public sealed class ByproductStreamInput : StreamInput
{
    /// <summary><c>supply</c> or <c>demand</c>.</summary>
    public string Direction { get; set; } = "supply";

    public string Category { get; set; } = "sludge";

    /// <summary>A supply's official waste code, e.g. D-0902.</summary>
    public string? WasteCode { get; set; }

    /// <summary>A demand's accepted waste codes; empty means any code of its category.</summary>
    public List<string> AcceptedCodes { get; set; } = [];

    public string? Description { get; set; }

    public string State { get; set; } = "solid";

    public decimal TonnesPerMonth { get; set; }

    public string Regularity { get; set; } = "regular";

    public List<ParameterValueInput> Properties { get; set; } = [];

    public List<ParameterLimitInput> PropertyLimits { get; set; } = [];

    public string? CurrentRoute { get; set; }

    /// <summary>Supply: today's disposal cost. Demand: the price of the virgin material replaced.</summary>
    public decimal? CostNtdPerTonne { get; set; }

    public string? VirginMaterial { get; set; }

    public decimal? VirginFactorKgCo2ePerTonne { get; set; }

    /// <summary><c>none</c>, <c>applied</c> or <c>granted</c>.</summary>
    public string Permit { get; set; } = "none";

    public ByproductDetails ToDetails() => new(Name, EnumKeys.Parse<StreamDirection>(Direction), EnumKeys.Parse<ByproductCategory>(Category), WasteCode, AcceptedCodes,
        Description, EnumKeys.Parse<PhysicalState>(State), TonnesPerMonth, EnumKeys.Parse<Regularity>(Regularity), [.. Properties.Select(p => p.ToValue())],
        [.. PropertyLimits.Select(l => l.ToLimit())], CurrentRoute, CostNtdPerTonne, VirginMaterial, VirginFactorKgCo2ePerTonne,
        EnumKeys.Parse<ReusePermitStatus>(Permit), Confidential.ToFlags(), Notes);

    public static ByproductStreamInput From(ByproductStream s) => new()
    {
        Name = s.Name,
        Direction = s.Direction.Key(),
        Category = s.Category.Key(),
        WasteCode = s.WasteCode,
        AcceptedCodes = [.. s.AcceptedCodes],
        Description = s.Description,
        State = s.State.Key(),
        TonnesPerMonth = s.TonnesPerMonth,
        Regularity = s.Regularity.Key(),
        Properties = [.. s.Properties.Select(ParameterValueInput.From)],
        PropertyLimits = [.. s.PropertyLimits.Select(ParameterLimitInput.From)],
        CurrentRoute = s.CurrentRoute,
        CostNtdPerTonne = s.CostNtdPerTonne,
        VirginMaterial = s.VirginMaterial,
        VirginFactorKgCo2ePerTonne = s.VirginFactorKgCo2ePerTonne,
        Permit = s.Permit.Key(),
        Confidential = ConfidentialInput.From(s.Confidential),
        Notes = s.Notes,
        RowVersion = s.RowVersion,
    };
}
