using EcoPark.Application.Common;
using EcoPark.Domain.Common;
using EcoPark.Domain.Factories;
using EcoPark.Domain.Fees;
using EcoPark.Domain.Matching;
using EcoPark.Domain.Streams;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Matching;

/// <summary>The body of <c>POST /api/v1/matching/water/evaluate</c>: one supply and one demand, nothing stored.</summary>
public sealed class EvaluateWaterRequest
{
    public WaterSupplySide Supply { get; set; } = new();

    public WaterDemandSide Demand { get; set; } = new();

    /// <summary>Whether both sides are in the same park (then the park's pipe rules apply even beyond the inter-park distance).</summary>
    public bool SamePark { get; set; }

    /// <summary>Maps the request into the engine's inputs; two distinct parks unless the caller says they share one.</summary>
    public (WaterSupplyInput Supply, WaterDemandInput Demand) ToEngine()
    {
        var supplyPark = Guid.NewGuid();
        var demandPark = SamePark ? supplyPark : Guid.NewGuid();
        static GeoPoint? Point(double? latitude, double? longitude) => latitude is { } lat && longitude is { } lon ? new GeoPoint(lat, lon) : null;
        var basis = EnumKeys.Parse<ValueBasis>(Supply.QualityBasis);
        EnumKeys.TryParse<Industry>(Supply.Industry, out var supplyIndustry);
        EnumKeys.TryParse<Industry>(Demand.Industry, out var demandIndustry);
        var supply = new WaterSupplyInput
        {
            Id = Guid.NewGuid(),
            ParkId = supplyPark,
            Location = Point(Supply.Latitude, Supply.Longitude),
            Industry = supplyIndustry,
            FreeFlowM3PerDay = Supply.FlowM3PerDay,
            Quality = [.. Supply.Quality.Select(q => new ParameterValue(q.Key, q.Value, basis, Supply.SampleDate))],
            DischargeFeeNtdPerM3 = Supply.DischargeFeeNtdPerM3,
            DaysPerWeek = Supply.DaysPerWeek,
            HoursPerDay = Supply.HoursPerDay,
        };
        var demand = new WaterDemandInput
        {
            Id = Guid.NewGuid(),
            ParkId = demandPark,
            Location = Point(Demand.Latitude, Demand.Longitude),
            Industry = demandIndustry,
            Use = EnumKeys.Parse<WaterUse>(Demand.Use),
            FlowM3PerDay = Demand.FlowM3PerDay,
            ReclaimedAllowed = Demand.ReclaimedAllowed,
            Limits = Demand.ToLimits(),
            MaxPipeDistanceM = Demand.MaxPipeDistanceM,
            MaxPriceNtdPerM3 = Demand.MaxPriceNtdPerM3,
            CurrentWaterPriceNtdPerM3 = Demand.CurrentWaterPriceNtdPerM3,
            MarginalFeeNtdPerM3 = Demand.WaterFeeNtdPerM3,
            DaysPerWeek = Demand.DaysPerWeek,
            HoursPerDay = Demand.HoursPerDay,
        };
        return (supply, demand);
    }

    /// <summary>The buyer's stated monthly intake as the same tap water in every month of the fee year's window (empty when not stated).</summary>
    public IReadOnlyList<MonthlyVolumes> WindowMonths(WaterMatchContext context) =>
        Demand.MonthlyIntakeM3 is { } intake && context.FeeRules?.Regulation2023 is { } rules
            ? [.. rules.WindowMonths(context.FeeYear).Select(m => new MonthlyVolumes(m, intake, 0, 0, 0))]
            : [];
}

public sealed class WaterSupplySide
{
    public decimal FlowM3PerDay { get; set; }

    public string Industry { get; set; } = "other";

    /// <summary>Measured values by canonical key, e.g. <c>{"codMgL": 85}</c>.</summary>
    public Dictionary<string, decimal> Quality { get; set; } = [];

    /// <summary>How the values were obtained: <c>lab</c>, <c>online</c> or <c>declared</c> (the default).</summary>
    public string QualityBasis { get; set; } = "declared";

    public DateOnly? SampleDate { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    /// <summary>The discharge or sewer fee the supplier pays per m³; absent: its saving counts 0 (<c>discharge-fee-not-filed</c>).</summary>
    public decimal? DischargeFeeNtdPerM3 { get; set; }

    public int DaysPerWeek { get; set; } = 7;

    public decimal HoursPerDay { get; set; } = 24;
}

public sealed class WaterDemandSide
{
    /// <summary>
    /// <c>process</c>, <c>boiler</c>, <c>cooling</c>, <c>scrubber</c> or <c>other</c>. The baseline has no scrubber column: a scrubber
    /// demand is judged only on the limits it states.
    /// </summary>
    public string Use { get; set; } = "process";

    public decimal FlowM3PerDay { get; set; }

    public string Industry { get; set; } = "other";

    public bool ReclaimedAllowed { get; set; } = true;

    /// <summary>Maxima by canonical key; pH as <c>phMin</c> and <c>phMax</c>. Absent: the baseline limits for the use apply.</summary>
    public Dictionary<string, decimal>? Limits { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public decimal? MaxPipeDistanceM { get; set; }

    public decimal? MaxPriceNtdPerM3 { get; set; }

    public decimal? CurrentWaterPriceNtdPerM3 { get; set; }

    /// <summary>
    /// The buyer's intake in each month of the fee's collection window (Nov–Apr), m³/month: the fee engine then works out the
    /// fee saved. Absent (and no <see cref="WaterFeeNtdPerM3"/>): the demand's flow is assumed to be all its tap water.
    /// </summary>
    public decimal? MonthlyIntakeM3 { get; set; }

    /// <summary>The water-consumption fee the buyer saves per m³ matched, over the year, if the caller knows it.</summary>
    public decimal? WaterFeeNtdPerM3 { get; set; }

    /// <summary>Days a week and hours a day the buyer takes the water; absent: as the supply.</summary>
    public int? DaysPerWeek { get; set; }

    public decimal? HoursPerDay { get; set; }

    /// <summary>The limits as the engine takes them (pH from <c>phMin</c>/<c>phMax</c>).</summary>
    public IReadOnlyList<ParameterLimit> ToLimits()
    {
        if (Limits is null)
        {
            return [];
        }

        var limits = Limits.Where(l => l.Key is not ("phMin" or "phMax")).Select(l => new ParameterLimit(l.Key, null, l.Value)).ToList();
        if (Limits.ContainsKey("phMin") || Limits.ContainsKey("phMax"))
        {
            limits.Add(new ParameterLimit(WaterQuality.Ph, Limits.TryGetValue("phMin", out var min) ? min : null, Limits.TryGetValue("phMax", out var max) ? max : null));
        }

        return limits;
    }
}

public sealed class EvaluateWaterRequestValidator : AbstractValidator<EvaluateWaterRequest>
{
    public EvaluateWaterRequestValidator(IStringLocalizer<Messages> l, TimeProvider clock)
    {
        RuleFor(x => x.Supply).NotNull();
        RuleFor(x => x.Demand).NotNull();
        When(x => x.Supply is not null, () =>
        {
            RuleFor(x => x.Supply.FlowM3PerDay).GreaterThanOrEqualTo(0).WithMessage(_ => l["Value.Negative"]).AtMost(InputBounds.M3PerDay, l);
            RuleFor(x => x.Supply.Quality).NotNull().WithMessage(_ => l["Value.Required"]);
            RuleFor(x => x.Supply.Industry).Must(EnumKeys.IsKey<Industry>).WithMessage(_ => l["Factory.Industry.Unknown"]);
            RuleFor(x => x.Supply.QualityBasis).Must(EnumKeys.IsKey<ValueBasis>)
                .WithMessage((_, key) => l["Key.Unknown", key ?? string.Empty, string.Join(", ", EnumKeys.All<ValueBasis>())]);
            RuleFor(x => x.Supply.SampleDate).Must(d => d is null || d <= DateOnly.FromDateTime(clock.GetLocalNow().DateTime))
                .WithMessage(_ => l["Parameter.FutureDate"]);
            RuleFor(x => x.Supply.Quality).Custom((quality, context) => MatchingValidation.Known(WaterQuality.Parameters, quality, "Supply.Quality", context, l));
            MatchingValidation.Coordinates(this, l, x => x.Supply.Latitude, x => x.Supply.Longitude, "Supply");
            RuleFor(x => x.Supply.DischargeFeeNtdPerM3).GreaterThanOrEqualTo(0).WithMessage(_ => l["Value.Negative"]).AtMost(InputBounds.NtdPerUnit, l);
            RuleFor(x => x.Supply.DaysPerWeek).InclusiveBetween(1, 7).WithMessage(_ => l["Value.Range", 1, 7]);
            RuleFor(x => x.Supply.HoursPerDay).InclusiveBetween(0.5m, 24).WithMessage(_ => l["Value.Range", 0.5m, 24]);
        });
        When(x => x.Demand is not null, () =>
        {
            RuleFor(x => x.Demand.Use).Must(u => u is "process" or "boiler" or "cooling" or "scrubber" or "other")
                .WithMessage((_, key) => l["Key.Unknown", key ?? string.Empty, "process, boiler, cooling, scrubber, other"]);
            RuleFor(x => x.Demand.FlowM3PerDay).GreaterThan(0).WithMessage(_ => l["Flow.Zero"]).AtMost(InputBounds.M3PerDay, l);
            RuleFor(x => x.Demand.Industry).Must(EnumKeys.IsKey<Industry>).WithMessage(_ => l["Factory.Industry.Unknown"]);
            RuleFor(x => x.Demand.Limits).Custom((limits, context) =>
            {
                foreach (var (key, value) in limits ?? [])
                {
                    if (key is "ph")
                    {
                        context.AddFailure("Demand.Limits.ph", l["Evaluate.PhRange"]);
                    }
                    else if (key is not ("phMin" or "phMax") && !WaterQuality.Parameters.TryGet(key, out _))
                    {
                        context.AddFailure($"Demand.Limits.{key}", l["Parameter.Unknown", key]);
                    }
                    else if (value < 0 || value > (key.StartsWith("ph", StringComparison.Ordinal) ? 14 : InputBounds.QualityLimit.Max))
                    {
                        context.AddFailure($"Demand.Limits.{key}", l["Parameter.Range", MessageTexts.Parameter(key is "phMin" or "phMax" ? WaterQuality.Ph : key), 0, key.StartsWith("ph", StringComparison.Ordinal) ? 14 : InputBounds.QualityLimit.Max]);
                    }
                }

                if (limits is not null && limits.TryGetValue("phMin", out var min) && limits.TryGetValue("phMax", out var max) && min > max)
                {
                    context.AddFailure("Demand.Limits.phMin", l["Parameter.MinAboveMax"]);
                }
            });
            MatchingValidation.Coordinates(this, l, x => x.Demand.Latitude, x => x.Demand.Longitude, "Demand");
            RuleFor(x => x.Demand.MaxPipeDistanceM).GreaterThanOrEqualTo(0).WithMessage(_ => l["Value.Negative"]).AtMost(InputBounds.Metres, l);
            RuleFor(x => x.Demand.MaxPriceNtdPerM3).GreaterThanOrEqualTo(0).WithMessage(_ => l["Value.Negative"]).AtMost(InputBounds.NtdPerUnit, l);
            RuleFor(x => x.Demand.CurrentWaterPriceNtdPerM3).GreaterThanOrEqualTo(0).WithMessage(_ => l["Value.Negative"]).AtMost(InputBounds.NtdPerUnit, l);
            RuleFor(x => x.Demand.MonthlyIntakeM3).GreaterThanOrEqualTo(0).WithMessage(_ => l["Value.Negative"]).AtMost(InputBounds.M3PerMonth, l);
            RuleFor(x => x.Demand.WaterFeeNtdPerM3).GreaterThanOrEqualTo(0).WithMessage(_ => l["Value.Negative"]).AtMost(InputBounds.NtdPerUnit, l);
            RuleFor(x => x.Demand.DaysPerWeek).InclusiveBetween(1, 7).WithMessage(_ => l["Value.Range", 1, 7]);
            RuleFor(x => x.Demand.HoursPerDay).InclusiveBetween(0.5m, 24).WithMessage(_ => l["Value.Range", 0.5m, 24]);
        });
    }

}

/// <summary>One parameter's verdict; <c>Reference</c>: the limit is the baseline's reference value, not the buyer's own.</summary>
public sealed record ParameterVerdictDto(string Key, decimal? Value, decimal? Limit, decimal? Min, decimal? Max, string Verdict, decimal? Headroom, decimal? Margin, bool Stale,
    bool Reference);

public sealed record TreatmentDto(bool Feasible, IReadOnlyList<string> Steps, decimal CostNtdPerM3, decimal LevelisedCostNtdPerM3, decimal Recovery,
    IReadOnlyList<string> Unfixable);

public sealed record EconomicsDto(decimal BuyerSavingNtdPerMonth, decimal SupplierSavingNtdPerMonth, decimal InvestmentNtd, decimal? PaybackMonths,
    decimal? BuyerPaybackMonths, decimal? SupplierPaybackMonths, decimal NetAnnualBenefitNtd, decimal BuyerSavingNtdPerM3, decimal SupplierSavingNtdPerM3,
    decimal OperatingDaysPerYear)
{
    public static EconomicsDto From(WaterEconomics e) => new(Math.Round(e.BuyerMonthlyNtd), Math.Round(e.SupplierMonthlyNtd), Math.Round(e.InvestmentNtd),
        Round(e.PairPaybackMonths), Round(e.BuyerPaybackMonths), Round(e.SupplierPaybackMonths), Math.Round(e.NetAnnualBenefitNtd),
        Math.Round(e.BuyerSavingNtdPerM3, 2), Math.Round(e.SupplierSavingNtdPerM3, 2), Math.Round(e.OperatingDaysPerYear, 1));

    private static decimal? Round(decimal? value) => value is { } v ? Math.Round(v, 1) : null;
}

/// <summary>The route "as is, if the buyer accepts the reference values", offered beside the treatment when only baseline values fail.</summary>
public sealed record ReferenceRouteDto(string Route, bool Economic, decimal MatchedFlowM3PerDay, EconomicsDto Economics);

public sealed record ReasonDto(string Code, string Kind, string? Key, string Message);

/// <summary>The answer of the stateless evaluation: the judgement, the fix, the money and the carbon, with every input and its source.</summary>
public sealed record WaterEvaluationDto(
    bool FeasibleAsIs,
    string Status,
    string Route,
    IReadOnlyList<ParameterVerdictDto> Parameters,
    IReadOnlyList<string> Blockers,
    TreatmentDto? Treatment,
    decimal? BlendShare,
    decimal MatchedFlowM3PerDay,
    decimal? DistanceM,
    EconomicsDto? Economics,
    decimal Co2eAvoidedKgPerYear,
    IReadOnlyList<ReasonDto> Reasons,
    IReadOnlyList<MatchInput> Inputs,
    string LimitsSource,
    string ParametersVersion,
    string CatalogueVersion,
    ReferenceRouteDto? IfReferenceAccepted)
{
    public static WaterEvaluationDto From(WaterMatchResult r) => new(
        r.FeasibleAsIs,
        r.Status.Key(),
        r.Route.Key(),
        [.. r.Parameters.Select(p => new ParameterVerdictDto(p.Key, p.Value, p.Max ?? p.Min, p.Min, p.Max, p.Verdict.Key(), p.Headroom, p.Margin, p.Stale,
            r.LimitsSource.StartsWith("baseline", StringComparison.Ordinal)))],
        [.. r.Reasons.Where(x => x.Kind == ReasonKind.HardBlock).Select(x => x.Code).Distinct()],
        r.Treatment is { } t ? new TreatmentDto(t.Feasible, t.Steps, Math.Round(t.OperatingCostNtdPerM3, 2), Math.Round(t.LevelisedCostNtdPerM3, 2),
            Math.Round(t.Recovery, 3), t.Unfixable) : null,
        r.Blend?.Share,
        Math.Round(r.MatchedFlowM3PerDay, 1),
        r.DistanceM is { } d ? Math.Round(d) : null,
        r.Economics is { } e ? EconomicsDto.From(e) : null,
        Math.Round(r.Economics?.Co2eAvoidedKgPerYear ?? 0),
        [.. r.Reasons.Select(x => new ReasonDto(x.Code, x.Kind.Key(), x.Key, x.Message))],
        r.Inputs,
        r.LimitsSource,
        r.ParametersVersion,
        r.CatalogueVersion,
        r.IfReferenceAccepted is { } accepted
            ? new ReferenceRouteDto("as-is-if-reference-accepted", r.IfReferenceAcceptedEconomic, Math.Round(accepted.FlowM3PerDay, 1), EconomicsDto.From(accepted))
            : null);
}
