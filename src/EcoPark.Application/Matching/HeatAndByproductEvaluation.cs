using EcoPark.Application.Common;
using EcoPark.Domain.Common;
using EcoPark.Domain.Matching;
using EcoPark.Domain.Streams;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Matching;

/// <summary>The body of <c>POST /api/v1/matching/heat/evaluate</c>: one heat supply and one heat demand, nothing stored.</summary>
public sealed class EvaluateHeatRequest
{
    public HeatSupplySide Supply { get; set; } = new();

    public HeatDemandSide Demand { get; set; } = new();

    public bool SamePark { get; set; }

    public (HeatSupplyInput Supply, HeatDemandInput Demand) ToEngine()
    {
        var supplyPark = Guid.NewGuid();
        var steam = Supply.IsSteam;
        var saturation = steam && Supply.SteamPressureBarG is { } barG ? SteamProperties.SaturationTemperatureC(barG) : (decimal?)null;
        var load = Supply.LoadKw ?? (Supply.CondensingAllowed && steam && saturation is { } sat
            ? Supply.MassFlowKgPerHour!.Value / 3600m * SteamProperties.CondensingDropKjPerKg(Supply.SupplyTemperatureC, Supply.CooledToC, sat)
            : HeatStream.LoadFromFlow(Supply.MassFlowKgPerHour ?? 0, Supply.SpecificHeatKjPerKgK ?? 0, Supply.SupplyTemperatureC - Supply.CooledToC));
        var supply = new HeatSupplyInput
        {
            Id = Guid.NewGuid(),
            ParkId = supplyPark,
            Location = Point(Supply.Latitude, Supply.Longitude),
            Medium = EnumKeys.Parse<HeatMedium>(Supply.Medium),
            SupplyTemperatureC = Supply.SupplyTemperatureC,
            CooledToC = Supply.CooledToC,
            LoadKw = load,
            HoursPerDay = Supply.HoursPerDay,
            DaysPerYear = Supply.DaysPerYear,
            StartHour = Supply.StartHour,
            DisposalCostNtdPerKwh = Supply.DisposalCostNtdPerKwh,
            CondensingAllowed = Supply.CondensingAllowed,
            SaturationTemperatureC = saturation,
        };
        var demand = new HeatDemandInput
        {
            Id = Guid.NewGuid(),
            ParkId = SamePark ? supplyPark : Guid.NewGuid(),
            Location = Point(Demand.Latitude, Demand.Longitude),
            Medium = EnumKeys.Parse<HeatMedium>(Demand.Medium),
            RequiredTemperatureC = Demand.RequiredTemperatureC,
            ReturnTemperatureC = Demand.ReturnTemperatureC,
            LoadKw = Demand.LoadKw,
            HoursPerDay = Demand.HoursPerDay,
            DaysPerYear = Demand.DaysPerYear,
            StartHour = Demand.StartHour,
            CurrentFuel = Demand.CurrentFuel is { } fuel ? EnumKeys.Parse<Fuel>(fuel) : null,
            CurrentCostNtdPerKwh = Demand.CurrentCostNtdPerKwh,
        };
        return (supply, demand);
    }

    internal static GeoPoint? Point(double? latitude, double? longitude) => latitude is { } lat && longitude is { } lon ? new GeoPoint(lat, lon) : null;
}

public sealed class HeatSupplySide
{
    /// <summary><c>steam</c>, <c>hotWater</c>, <c>thermalOil</c>, <c>flueGas</c> or <c>hotEffluent</c>.</summary>
    public string Medium { get; set; } = "hotWater";

    public decimal SupplyTemperatureC { get; set; }

    /// <summary>The temperature the stream may be cooled to, °C.</summary>
    public decimal CooledToC { get; set; }

    /// <summary>The heat between the two temperatures, kW; or give the mass flow (and, unless condensing steam, the specific heat).</summary>
    public decimal? LoadKw { get; set; }

    public decimal? MassFlowKgPerHour { get; set; }

    public decimal? SpecificHeatKjPerKgK { get; set; }

    public decimal? SteamPressureBarG { get; set; }

    /// <summary>Steam only: whether it may condense at the buyer (its latent heat then counts).</summary>
    public bool CondensingAllowed { get; set; }

    public decimal HoursPerDay { get; set; } = 24;

    public int DaysPerYear { get; set; } = 330;

    public int StartHour { get; set; }

    public decimal? DisposalCostNtdPerKwh { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    internal bool IsSteam => EnumKeys.IsKey<HeatMedium>(Medium) && EnumKeys.Parse<HeatMedium>(Medium) == HeatMedium.Steam;
}

public sealed class HeatDemandSide
{
    public string Medium { get; set; } = "hotWater";

    public decimal RequiredTemperatureC { get; set; }

    public decimal ReturnTemperatureC { get; set; }

    public decimal LoadKw { get; set; }

    public decimal HoursPerDay { get; set; } = 24;

    public int DaysPerYear { get; set; } = 330;

    public int StartHour { get; set; }

    /// <summary><c>naturalGas</c>, <c>fuelOil</c>, <c>coal</c>, <c>lpg</c>, <c>electricity</c> or <c>biomass</c>; absent: the default fuel.</summary>
    public string? CurrentFuel { get; set; }

    public decimal? CurrentCostNtdPerKwh { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }
}

public sealed class EvaluateHeatRequestValidator : AbstractValidator<EvaluateHeatRequest>
{
    public EvaluateHeatRequestValidator(IStringLocalizer<Messages> l)
    {
        RuleFor(x => x.Supply).NotNull();
        RuleFor(x => x.Demand).NotNull();
        When(x => x.Supply is not null, () =>
        {
            RuleFor(x => x.Supply.Medium).Must(EnumKeys.IsKey<HeatMedium>).WithMessage((_, key) => l["Key.Unknown", key ?? string.Empty, string.Join(", ", EnumKeys.All<HeatMedium>())]);
            RuleFor(x => x.Supply.SupplyTemperatureC).InclusiveBetween(-50, 1600).WithMessage(_ => l["Value.Range", -50, 1600]);
            RuleFor(x => x.Supply.CooledToC).LessThan(x => x.Supply.SupplyTemperatureC).WithMessage(_ => l["Parameter.MinAboveMax"]);
            RuleFor(x => x.Supply.LoadKw).GreaterThan(0).WithMessage(_ => l["Flow.Zero"]).AtMost(InputBounds.Kw, l);
            // Without a load, the load is worked out from the mass flow and the specific heat, so both are needed.
            RuleFor(x => x.Supply.MassFlowKgPerHour).NotNull().WithMessage(_ => l["Heat.LoadRequired"]).GreaterThan(0).WithMessage(_ => l["Flow.Zero"])
                .When(x => x.Supply.LoadKw is null);
            RuleFor(x => x.Supply.MassFlowKgPerHour).AtMost(InputBounds.KgPerHour, l);
            RuleFor(x => x.Supply.SpecificHeatKjPerKgK).NotNull().WithMessage(_ => l["Heat.LoadRequired"]).GreaterThan(0).WithMessage(_ => l["Flow.Zero"])
                .When(x => x.Supply.LoadKw is null && !x.Supply.CondensingAllowed);
            RuleFor(x => x.Supply.SteamPressureBarG).NotNull().WithMessage(_ => l["Heat.SteamPressure"]).GreaterThan(0).WithMessage(_ => l["Heat.SteamPressure"])
                .When(x => x.Supply.IsSteam);
            RuleFor(x => x.Supply.SteamPressureBarG).AtMost(InputBounds.BarG, l);
            RuleFor(x => x.Supply.SpecificHeatKjPerKgK).AtMost(InputBounds.KjPerKgK, l);
            RuleFor(x => x.Supply.CondensingAllowed).Must(c => !c).When(x => !x.Supply.IsSteam).WithMessage(_ => l["Key.Unknown", "condensingAllowed", "steam"]);
            RuleFor(x => x.Supply.HoursPerDay).InclusiveBetween(0.5m, 24).WithMessage(_ => l["Value.Range", 0.5m, 24]);
            RuleFor(x => x.Supply.DaysPerYear).InclusiveBetween(1, 366).WithMessage(_ => l["Value.Range", 1, 366]);
            RuleFor(x => x.Supply.StartHour).InclusiveBetween(0, 23).WithMessage(_ => l["Value.Range", 0, 23]);
            RuleFor(x => x.Supply.DisposalCostNtdPerKwh).GreaterThanOrEqualTo(0).WithMessage(_ => l["Value.Negative"]).AtMost(InputBounds.NtdPerUnit, l);
            MatchingValidation.Coordinates(this, l, x => x.Supply.Latitude, x => x.Supply.Longitude, "Supply");
        });
        When(x => x.Demand is not null, () =>
        {
            RuleFor(x => x.Demand.Medium).Must(EnumKeys.IsKey<HeatMedium>).WithMessage((_, key) => l["Key.Unknown", key ?? string.Empty, string.Join(", ", EnumKeys.All<HeatMedium>())]);
            RuleFor(x => x.Demand.RequiredTemperatureC).InclusiveBetween(-50, 1600).WithMessage(_ => l["Value.Range", -50, 1600]);
            RuleFor(x => x.Demand.ReturnTemperatureC).LessThan(x => x.Demand.RequiredTemperatureC).WithMessage(_ => l["Parameter.MinAboveMax"]);
            RuleFor(x => x.Demand.LoadKw).GreaterThan(0).WithMessage(_ => l["Flow.Zero"]).AtMost(InputBounds.Kw, l);
            RuleFor(x => x.Demand.HoursPerDay).InclusiveBetween(0.5m, 24).WithMessage(_ => l["Value.Range", 0.5m, 24]);
            RuleFor(x => x.Demand.DaysPerYear).InclusiveBetween(1, 366).WithMessage(_ => l["Value.Range", 1, 366]);
            RuleFor(x => x.Demand.StartHour).InclusiveBetween(0, 23).WithMessage(_ => l["Value.Range", 0, 23]);
            RuleFor(x => x.Demand.CurrentFuel).Must(f => f is null || EnumKeys.IsKey<Fuel>(f)).WithMessage((_, key) => l["Key.Unknown", key ?? string.Empty, string.Join(", ", EnumKeys.All<Fuel>())]);
            RuleFor(x => x.Demand.CurrentCostNtdPerKwh).GreaterThanOrEqualTo(0).WithMessage(_ => l["Value.Negative"]).AtMost(InputBounds.NtdPerUnit, l);
            MatchingValidation.Coordinates(this, l, x => x.Demand.Latitude, x => x.Demand.Longitude, "Demand");
        });
    }
}

/// <summary>The answer of the stateless heat evaluation: the verdict, ΔT_min, the heat deliverable and delivered, the heat pump, the money and the CO₂e.</summary>
public sealed record HeatEvaluationDto(
    string Status,
    bool Feasible,
    decimal DeltaTMinK,
    decimal ApproachK,
    decimal UsableFraction,
    decimal DeliverableKw,
    decimal DeliveredKw,
    decimal? HeatPumpElectricKw,
    decimal OverlapHoursPerDay,
    int OverlapDaysPerYear,
    decimal DeliveredKwhPerYear,
    decimal? DistanceM,
    HeatEconomics? Economics,
    decimal Co2eAvoidedKgPerYear,
    IReadOnlyList<ReasonDto> Reasons,
    IReadOnlyList<MatchInput> Inputs,
    string ParametersVersion)
{
    public static HeatEvaluationDto From(HeatMatchResult r) => new(r.Status.Key(), r.Feasible, r.DeltaTMinK, Math.Round(r.ApproachK, 2),
        Math.Round(r.UsableFraction, 4), Math.Round(r.SentKw, 1), Math.Round(r.DeliveredKw, 1), r.HeatPumpElectricKw is { } kw ? Math.Round(kw, 1) : null,
        r.OverlapHoursPerDay, r.OverlapDaysPerYear, Math.Round(r.DeliveredKwhPerYear), r.DistanceM is { } d ? Math.Round(d) : null, r.Economics,
        Math.Round(r.Economics?.Co2eAvoidedKgPerYear ?? 0), [.. r.Reasons.Select(x => new ReasonDto(x.Code, x.Kind.Key(), x.Key, x.Message))], r.Inputs,
        r.ParametersVersion);
}

/// <summary>The body of <c>POST /api/v1/matching/byproducts/evaluate</c>: one by-product on offer and one material need, nothing stored.</summary>
public sealed class EvaluateByproductRequest
{
    public ByproductSupplySide Supply { get; set; } = new();

    public ByproductDemandSide Demand { get; set; } = new();

    public bool SamePark { get; set; }

    public (ByproductSupplyInput Supply, ByproductDemandInput Demand) ToEngine()
    {
        var supplyPark = Guid.NewGuid();
        var basis = EnumKeys.Parse<ValueBasis>(Supply.PropertyBasis);
        var supply = new ByproductSupplyInput
        {
            Id = Guid.NewGuid(),
            ParkId = supplyPark,
            Location = EvaluateHeatRequest.Point(Supply.Latitude, Supply.Longitude),
            Category = EnumKeys.Parse<ByproductCategory>(Supply.Category),
            WasteCode = Supply.WasteCode ?? string.Empty,
            TonnesPerMonth = Supply.TonnesPerMonth,
            Properties = [.. Supply.Properties.Select(p => new ParameterValue(p.Key, p.Value, basis, Supply.SampleDate))],
            DisposalCostNtdPerTonne = Supply.DisposalCostNtdPerTonne,
            Permit = EnumKeys.Parse<ReusePermitStatus>(Supply.Permit),
        };
        var demand = new ByproductDemandInput
        {
            Id = Guid.NewGuid(),
            ParkId = SamePark ? supplyPark : Guid.NewGuid(),
            Location = EvaluateHeatRequest.Point(Demand.Latitude, Demand.Longitude),
            Category = EnumKeys.Parse<ByproductCategory>(Demand.Category),
            AcceptedCodes = Demand.AcceptedCodes,
            PropertyLimits = [.. Demand.PropertyLimits.Select(p => new ParameterLimit(p.Key, null, p.Value))],
            TonnesPerMonth = Demand.TonnesPerMonth,
            VirginPriceNtdPerTonne = Demand.VirginPriceNtdPerTonne,
            VirginFactorKgCo2ePerTonne = Demand.VirginFactorKgCo2ePerTonne,
            ProcessingNtdPerTonne = Demand.ProcessingNtdPerTonne,
            ProcessingKgCo2ePerTonne = Demand.ProcessingKgCo2ePerTonne,
        };
        return (supply, demand);
    }
}

public sealed class ByproductSupplySide
{
    public string Category { get; set; } = "other";

    public string? WasteCode { get; set; }

    public decimal TonnesPerMonth { get; set; }

    /// <summary>Measured properties by key, e.g. <c>{"moisturePercent": 75}</c>.</summary>
    public Dictionary<string, decimal> Properties { get; set; } = [];

    public string PropertyBasis { get; set; } = "declared";

    public DateOnly? SampleDate { get; set; }

    public decimal? DisposalCostNtdPerTonne { get; set; }

    /// <summary>The reuse permit: <c>none</c>, <c>applied</c>, <c>granted</c> …</summary>
    public string Permit { get; set; } = "none";

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }
}

public sealed class ByproductDemandSide
{
    public string Category { get; set; } = "other";

    public List<string> AcceptedCodes { get; set; } = [];

    /// <summary>Maxima by property key.</summary>
    public Dictionary<string, decimal> PropertyLimits { get; set; } = [];

    public decimal TonnesPerMonth { get; set; }

    public decimal? VirginPriceNtdPerTonne { get; set; }

    public decimal? VirginFactorKgCo2ePerTonne { get; set; }

    public decimal? ProcessingNtdPerTonne { get; set; }

    public decimal? ProcessingKgCo2ePerTonne { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }
}

public sealed class EvaluateByproductRequestValidator : AbstractValidator<EvaluateByproductRequest>
{
    public EvaluateByproductRequestValidator(IStringLocalizer<Messages> l, TimeProvider clock)
    {
        RuleFor(x => x.Supply).NotNull();
        RuleFor(x => x.Demand).NotNull();
        When(x => x.Supply is not null, () =>
        {
            RuleFor(x => x.Supply.Category).Must(EnumKeys.IsKey<ByproductCategory>)
                .WithMessage((_, key) => l["Key.Unknown", key ?? string.Empty, string.Join(", ", EnumKeys.All<ByproductCategory>())]);
            RuleFor(x => x.Supply.TonnesPerMonth).GreaterThan(0).WithMessage(_ => l["Byproduct.Quantity.Zero"]).AtMost(InputBounds.TonnesPerMonth, l);
            RuleFor(x => x.Supply.PropertyBasis).Must(EnumKeys.IsKey<ValueBasis>)
                .WithMessage((_, key) => l["Key.Unknown", key ?? string.Empty, string.Join(", ", EnumKeys.All<ValueBasis>())]);
            RuleFor(x => x.Supply.Permit).Must(EnumKeys.IsKey<ReusePermitStatus>)
                .WithMessage((_, key) => l["Key.Unknown", key ?? string.Empty, string.Join(", ", EnumKeys.All<ReusePermitStatus>())]);
            RuleFor(x => x.Supply.SampleDate).Must(d => d is null || d <= DateOnly.FromDateTime(clock.GetLocalNow().DateTime)).WithMessage(_ => l["Parameter.FutureDate"]);
            RuleFor(x => x.Supply.WasteCode).Text(TextLimits.Code, l);
            RuleFor(x => x.Supply.Properties).NotNull().WithMessage(_ => l["Value.Required"]);
            RuleFor(x => x.Supply.Properties).Custom((properties, context) => MatchingValidation.Known(ByproductProperties.Parameters, properties, "Supply.Properties", context, l));
            RuleFor(x => x.Supply.DisposalCostNtdPerTonne).GreaterThanOrEqualTo(0).WithMessage(_ => l["Value.Negative"]).AtMost(InputBounds.NtdPerUnit, l);
            MatchingValidation.Coordinates(this, l, x => x.Supply.Latitude, x => x.Supply.Longitude, "Supply");
        });
        When(x => x.Demand is not null, () =>
        {
            RuleFor(x => x.Demand.Category).Must(EnumKeys.IsKey<ByproductCategory>)
                .WithMessage((_, key) => l["Key.Unknown", key ?? string.Empty, string.Join(", ", EnumKeys.All<ByproductCategory>())]);
            RuleFor(x => x.Demand.TonnesPerMonth).GreaterThan(0).WithMessage(_ => l["Byproduct.Quantity.Zero"]).AtMost(InputBounds.TonnesPerMonth, l);
            RuleFor(x => x.Demand.AcceptedCodes).NotNull().WithMessage(_ => l["Value.Required"]);
            RuleForEach(x => x.Demand.AcceptedCodes).NotNull().WithMessage(_ => l["Value.Required"]).Text(TextLimits.Code, l);
            RuleFor(x => x.Demand.PropertyLimits).NotNull().WithMessage(_ => l["Value.Required"]);
            RuleFor(x => x.Demand.PropertyLimits).Custom((limits, context) => MatchingValidation.Known(ByproductProperties.Parameters, limits, "Demand.PropertyLimits", context, l));
            RuleFor(x => x.Demand.VirginPriceNtdPerTonne).GreaterThanOrEqualTo(0).WithMessage(_ => l["Value.Negative"]).AtMost(InputBounds.NtdPerUnit, l);
            RuleFor(x => x.Demand.ProcessingNtdPerTonne).GreaterThanOrEqualTo(0).WithMessage(_ => l["Value.Negative"]).AtMost(InputBounds.NtdPerUnit, l);
            MatchingValidation.Coordinates(this, l, x => x.Demand.Latitude, x => x.Demand.Longitude, "Demand");
        });
    }
}

/// <summary>The answer of the stateless by-product evaluation.</summary>
public sealed record ByproductEvaluationDto(
    string Status,
    IReadOnlyList<ParameterVerdictDto> Properties,
    decimal TonnesPerMonth,
    decimal? DistanceM,
    ByproductEconomics? Economics,
    IReadOnlyList<ReasonDto> Reasons,
    IReadOnlyList<MatchInput> Inputs,
    string ParametersVersion)
{
    public static ByproductEvaluationDto From(ByproductMatchResult r) => new(r.Status.Key(),
        [.. r.Properties.Select(p => new ParameterVerdictDto(p.Key, p.Value, p.Max ?? p.Min, p.Min, p.Max, p.Verdict.Key(), p.Headroom, p.Margin, p.Stale, false))],
        r.TonnesPerMonth, r.DistanceM is { } d ? Math.Round(d) : null, r.Economics, [.. r.Reasons.Select(x => new ReasonDto(x.Code, x.Kind.Key(), x.Key, x.Message))],
        r.Inputs, r.ParametersVersion);
}

/// <summary>Rules the three stateless evaluations share.</summary>
internal static class MatchingValidation
{
    public static void Coordinates<T>(AbstractValidator<T> validator, IStringLocalizer<Messages> l, System.Linq.Expressions.Expression<Func<T, double?>> latitude,
        System.Linq.Expressions.Expression<Func<T, double?>> longitude, string side)
    {
        validator.RuleFor(latitude).InclusiveBetween(-90, 90).OverridePropertyName($"{side}.Latitude").WithMessage(_ => l["Value.Range", -90, 90]);
        validator.RuleFor(longitude).InclusiveBetween(-180, 180).OverridePropertyName($"{side}.Longitude").WithMessage(_ => l["Value.Range", -180, 180]);
    }

    public static void Known<T>(ParameterCatalogue catalogue, Dictionary<string, decimal>? values, string field, ValidationContext<T> context, IStringLocalizer<Messages> l)
    {
        foreach (var (key, value) in values ?? [])
        {
            if (!catalogue.TryGet(key, out var definition))
            {
                context.AddFailure($"{field}.{key}", l["Parameter.Unknown", key]);
            }
            else if (value < definition.MinValue || value > definition.MaxValue)
            {
                context.AddFailure($"{field}.{key}", l["Parameter.Range", MessageTexts.Parameter(key), definition.MinValue, definition.MaxValue]);
            }
        }
    }
}
