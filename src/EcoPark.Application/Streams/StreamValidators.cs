using EcoPark.Application.Common;
using EcoPark.Domain.Common;
using EcoPark.Domain.Streams;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Streams;

/// <summary>
/// Field-by-field checks of the four stream inputs, shared by the forms, the API and the Excel import.
/// The aggregates guard the same invariants; these name the field and speak the user's language first.
/// </summary>
public abstract class StreamInputValidator<T> : AbstractValidator<T>
    where T : StreamInput
{
    protected StreamInputValidator(IStringLocalizer<Messages> l, TimeProvider clock)
    {
        L = l;
        Clock = clock;
        RuleFor(x => x.Name).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= FactoryStream.NameMaxLength)
            .WithMessage(_ => l["Stream.Name.Required", FactoryStream.NameMaxLength])
            .Text(TextLimits.StreamName, l);
        RuleFor(x => x.Confidential).NotNull().WithMessage(_ => l["Value.Required"]);
        RuleFor(x => x.Notes).Text(TextLimits.LongText, l, multiline: true);
    }

    protected IStringLocalizer<Messages> L { get; }

    protected TimeProvider Clock { get; }

    protected void KeyOf<TEnum>(System.Linq.Expressions.Expression<Func<T, string>> field)
        where TEnum : struct, Enum =>
        RuleFor(field).Must(EnumKeys.IsKey<TEnum>).WithMessage((_, key) => L["Key.Unknown", key ?? string.Empty, string.Join(", ", EnumKeys.All<TEnum>())]);

    protected void NotNegative(System.Linq.Expressions.Expression<Func<T, decimal?>> field, QuantityBound bound) =>
        RuleFor(field).GreaterThanOrEqualTo(0).WithMessage(_ => L["Value.Negative"]).AtMost(bound, L);

    protected void Between(System.Linq.Expressions.Expression<Func<T, decimal>> field, decimal min, decimal max) =>
        RuleFor(field).InclusiveBetween(min, max).WithMessage(_ => L["Value.Range", min, max]);

    protected void Values(System.Linq.Expressions.Expression<Func<T, IEnumerable<ParameterValueInput>>> field, ParameterCatalogue catalogue)
    {
        RuleFor(field).NotNull().WithMessage(_ => L["Value.Required"]).Must(NoDuplicateKeys).WithMessage(_ => L["Parameter.Duplicate"]);
        RuleForEach(field).NotNull().WithMessage(_ => L["Value.Required"]).SetValidator(new ParameterValueInputValidator(L, Clock, catalogue));
    }

    protected void Limits(System.Linq.Expressions.Expression<Func<T, IEnumerable<ParameterLimitInput>>> field, ParameterCatalogue catalogue)
    {
        RuleFor(field).NotNull().WithMessage(_ => L["Value.Required"]).Must(NoDuplicateKeys).WithMessage(_ => L["Parameter.Duplicate"]);
        RuleForEach(field).NotNull().WithMessage(_ => L["Value.Required"]).SetValidator(new ParameterLimitInputValidator(L, catalogue));
    }

    private static bool NoDuplicateKeys(IEnumerable<ParameterValueInput?>? values) => values is null || NoDuplicates(values.Select(v => v?.Key));

    private static bool NoDuplicateKeys(IEnumerable<ParameterLimitInput?>? limits) => limits is null || NoDuplicates(limits.Select(v => v?.Key));

    private static bool NoDuplicates(IEnumerable<string?> keys)
    {
        var present = keys.Where(k => k is not null).ToList();
        return present.Distinct().Count() == present.Count;
    }
}

public sealed class ParameterValueInputValidator : AbstractValidator<ParameterValueInput>
{
    public ParameterValueInputValidator(IStringLocalizer<Messages> l, TimeProvider clock, ParameterCatalogue catalogue)
    {
        RuleFor(x => x.Key).Text(TextLimits.Code, l).Must(k => k is not null && catalogue.TryGet(k, out _)).WithMessage((_, k) => l["Parameter.Unknown", k ?? string.Empty]);
        RuleFor(x => x.Value)
            .Must((x, v) => v >= catalogue[x.Key].MinValue && v <= catalogue[x.Key].MaxValue)
            .When(x => x.Key is not null && catalogue.TryGet(x.Key, out _))
            .WithMessage(x => l["Parameter.Range", MessageTexts.Parameter(x.Key), catalogue[x.Key].MinValue, catalogue[x.Key].MaxValue]);
        RuleFor(x => x.Basis).Must(EnumKeys.IsKey<ValueBasis>)
            .WithMessage((_, key) => l["Key.Unknown", key ?? string.Empty, string.Join(", ", EnumKeys.All<ValueBasis>())]);
        RuleFor(x => x.SampleDate).NotNull().When(x => string.Equals(x.Basis, "lab", StringComparison.OrdinalIgnoreCase))
            .WithMessage(_ => l["Parameter.SampleDateRequired"]);
        RuleFor(x => x.SampleDate).Must(d => d is null || d <= DateOnly.FromDateTime(clock.GetLocalNow().DateTime))
            .WithMessage(_ => l["Parameter.FutureDate"]);
    }
}

public sealed class ParameterLimitInputValidator : AbstractValidator<ParameterLimitInput>
{
    public ParameterLimitInputValidator(IStringLocalizer<Messages> l, ParameterCatalogue catalogue)
    {
        RuleFor(x => x.Key).Text(TextLimits.Code, l).Must(k => k is not null && catalogue.TryGet(k, out _)).WithMessage((_, k) => l["Parameter.Unknown", k ?? string.Empty]);
        When(x => x.Key is not null && catalogue.TryGet(x.Key, out _), () =>
        {
            RuleFor(x => x.Max).NotNull().When(x => x.Min is null).WithMessage(_ => l["Parameter.LimitRequired"]);
            RuleFor(x => x.Min).Null().When(x => catalogue[x.Key].LimitKind == LimitKind.Max).WithMessage(x => l["Parameter.MaxOnly", MessageTexts.Parameter(x.Key)]);
            RuleFor(x => x.Min).Must((x, v) => InRange(catalogue[x.Key], v)).WithMessage(x => l["Parameter.Range", MessageTexts.Parameter(x.Key), catalogue[x.Key].MinValue, catalogue[x.Key].MaxValue]);
            RuleFor(x => x.Max).Must((x, v) => InRange(catalogue[x.Key], v)).WithMessage(x => l["Parameter.Range", MessageTexts.Parameter(x.Key), catalogue[x.Key].MinValue, catalogue[x.Key].MaxValue]);
            RuleFor(x => x.Min).LessThanOrEqualTo(x => x.Max).When(x => x.Min is not null && x.Max is not null).WithMessage(_ => l["Parameter.MinAboveMax"]);
        });
    }

    private static bool InRange(ParameterDefinition definition, decimal? value) => value is null || (value >= definition.MinValue && value <= definition.MaxValue);
}

public sealed class EffluentStreamInputValidator : StreamInputValidator<EffluentStreamInput>
{
    public EffluentStreamInputValidator(IStringLocalizer<Messages> l, TimeProvider clock)
        : base(l, clock)
    {
        NotNegative(x => x.MinM3PerDay, InputBounds.M3PerDay);
        RuleFor(x => x.AvgM3PerDay).GreaterThan(0).WithMessage(_ => l["Flow.Zero"])
            .GreaterThanOrEqualTo(x => x.MinM3PerDay).WithMessage(_ => l["Flow.AvgBelowMin"]).AtMost(InputBounds.M3PerDay, l);
        RuleFor(x => x.MaxM3PerDay).GreaterThanOrEqualTo(x => x.AvgM3PerDay).WithMessage(_ => l["Flow.MaxBelowAvg"]).AtMost(InputBounds.M3PerDay, l);
        RuleFor(x => x.DaysPerWeek).InclusiveBetween(1, 7).WithMessage(_ => l["Value.Range", 1, 7]);
        Between(x => x.HoursPerDay, 0.5m, 24);
        Values(x => x.Quality, WaterQuality.Parameters);
        KeyOf<DischargeRoute>(x => x.Route);
        NotNegative(x => x.DischargeFeeNtdPerM3, InputBounds.NtdPerUnit);
    }
}

/// <summary>Also knows the factory's industry, because food and medical process water may never be reclaimed.</summary>
public sealed class WaterDemandStreamInputValidator : StreamInputValidator<WaterDemandStreamInput>
{
    public WaterDemandStreamInputValidator(IStringLocalizer<Messages> l, TimeProvider clock)
        : base(l, clock)
    {
        KeyOf<WaterUse>(x => x.Use);
        RuleFor(x => x.FlowM3PerDay).GreaterThan(0).WithMessage(_ => l["Flow.Zero"]).AtMost(InputBounds.M3PerDay, l);
        Limits(x => x.Limits, WaterQuality.Parameters);
        Values(x => x.CurrentWaterQuality, WaterQuality.Parameters);
        NotNegative(x => x.MaxPipeDistanceM, InputBounds.Metres);
        NotNegative(x => x.MaxPriceNtdPerM3, InputBounds.NtdPerUnit);
        NotNegative(x => x.CurrentWaterPriceNtdPerM3, InputBounds.NtdPerUnit);
        RuleFor(x => x.DaysPerWeek).InclusiveBetween(1, 7).When(x => x.DaysPerWeek is not null).WithMessage(_ => l["Value.Range", 1, 7]);
        RuleFor(x => x.HoursPerDay).InclusiveBetween(0.5m, 24).When(x => x.HoursPerDay is not null).WithMessage(_ => l["Value.Range", 0.5m, 24]);
        RuleFor(x => x.ReclaimedAllowed)
            .Must((x, allowed, context) => !allowed || !context.RootContextData.TryGetValue(IndustryKey, out var industry)
                || !EnumKeys.IsKey<WaterUse>(x.Use) || !WaterDemand.ReclaimedBarredByLaw((Domain.Factories.Industry)industry, EnumKeys.Parse<WaterUse>(x.Use)))
            .WithMessage(_ => l["Demand.ReclaimedBarred"]);
    }

    /// <summary>Where callers put the factory's <see cref="Domain.Factories.Industry"/> in the validation context.</summary>
    public const string IndustryKey = "industry";
}

public sealed class HeatStreamInputValidator : StreamInputValidator<HeatStreamInput>
{
    public HeatStreamInputValidator(IStringLocalizer<Messages> l, TimeProvider clock)
        : base(l, clock)
    {
        KeyOf<StreamDirection>(x => x.Direction);
        KeyOf<HeatMedium>(x => x.Medium);
        Between(x => x.SupplyTemperatureC, -50, 1600);
        Between(x => x.ReturnTemperatureC, -50, 1600);
        RuleFor(x => x.ReturnTemperatureC).LessThan(x => x.SupplyTemperatureC).WithMessage(_ => l["Heat.ReturnNotBelowSupply"]);
        RuleFor(x => x.LoadKw).GreaterThan(0).When(x => x.LoadKw is not null).WithMessage(_ => l["Heat.LoadZero"]).AtMost(InputBounds.Kw, l);
        RuleFor(x => x.LoadKw).NotNull().When(x => x.MassFlowKgPerHour is not > 0 || x.SpecificHeatKjPerKgK is not > 0).WithMessage(_ => l["Heat.LoadRequired"]);
        NotNegative(x => x.MassFlowKgPerHour, InputBounds.KgPerHour);
        NotNegative(x => x.SpecificHeatKjPerKgK, InputBounds.KjPerKgK);
        RuleFor(x => x.SteamPressureBarG).AtMost(InputBounds.BarG, l);
        RuleFor(x => x.SteamPressureBarG)
            .Must((x, p) => string.Equals(x.Medium, "steam", StringComparison.OrdinalIgnoreCase) ? p > 0 : p is null)
            .WithMessage(_ => l["Heat.SteamPressure"]);
        Between(x => x.HoursPerDay, 0.5m, 24);
        RuleFor(x => x.DaysPerYear).InclusiveBetween(1, 366).WithMessage(_ => l["Value.Range", 1, 366]);
        RuleFor(x => x.StartHour).InclusiveBetween(0, 23).WithMessage(_ => l["Value.Range", 0, 23]);
        RuleFor(x => x.CurrentFuel!).Must(EnumKeys.IsKey<Fuel>).When(x => !string.IsNullOrWhiteSpace(x.CurrentFuel))
            .WithMessage((_, key) => l["Key.Unknown", key, string.Join(", ", EnumKeys.All<Fuel>())]);
        NotNegative(x => x.CostNtdPerKwh, InputBounds.NtdPerUnit);
    }
}

public sealed class ByproductStreamInputValidator : StreamInputValidator<ByproductStreamInput>
{
    public ByproductStreamInputValidator(IStringLocalizer<Messages> l, TimeProvider clock)
        : base(l, clock)
    {
        KeyOf<StreamDirection>(x => x.Direction);
        KeyOf<ByproductCategory>(x => x.Category);
        KeyOf<PhysicalState>(x => x.State);
        KeyOf<Regularity>(x => x.Regularity);
        KeyOf<ReusePermitStatus>(x => x.Permit);
        RuleFor(x => x.TonnesPerMonth).GreaterThan(0).WithMessage(_ => l["Byproduct.Quantity.Zero"]).AtMost(InputBounds.TonnesPerMonth, l);
        RuleFor(x => x.AcceptedCodes).NotNull().WithMessage(_ => l["Value.Required"]);
        RuleForEach(x => x.AcceptedCodes).NotNull().WithMessage(_ => l["Value.Required"]).Text(TextLimits.Code, l);
        RuleFor(x => x.Properties).NotNull().WithMessage(_ => l["Value.Required"]);
        RuleFor(x => x.PropertyLimits).NotNull().WithMessage(_ => l["Value.Required"]);
        RuleFor(x => x.WasteCode).Text(TextLimits.Code, l);
        When(IsSupply, () =>
        {
            RuleFor(x => x.WasteCode).Must(c => ByproductStream.IsWasteCode(c?.Trim().ToUpperInvariant())).WithMessage(_ => l["Byproduct.WasteCode"]);
            RuleFor(x => x.AcceptedCodes).Empty().WithMessage(_ => l["Byproduct.DemandOnly"]);
            RuleFor(x => x.PropertyLimits == null ? 0 : x.PropertyLimits.Count).Equal(0).OverridePropertyName(nameof(ByproductStreamInput.PropertyLimits)).WithMessage(_ => l["Byproduct.DemandOnly"]);
            Values(x => x.Properties, ByproductProperties.Parameters);
        }).Otherwise(() =>
        {
            RuleFor(x => x.WasteCode).Empty().WithMessage(_ => l["Byproduct.SupplyOnly"]);
            RuleForEach(x => x.AcceptedCodes).Must(c => c is null || ByproductStream.IsWasteCode(c.Trim().ToUpperInvariant())).WithMessage(_ => l["Byproduct.WasteCode"]);
            RuleFor(x => x.Properties == null ? 0 : x.Properties.Count).Equal(0).OverridePropertyName(nameof(ByproductStreamInput.Properties)).WithMessage(_ => l["Byproduct.SupplyOnly"]);
            Limits(x => x.PropertyLimits, ByproductProperties.Parameters);
        });
        RuleFor(x => x.Description).Text(TextLimits.LongText, l, multiline: true);
        RuleFor(x => x.CurrentRoute).Text(TextLimits.Label, l);
        RuleFor(x => x.VirginMaterial).Text(TextLimits.Label, l);
        NotNegative(x => x.CostNtdPerTonne, InputBounds.NtdPerUnit);
        NotNegative(x => x.VirginFactorKgCo2ePerTonne, InputBounds.KgCo2ePerTonne);
    }

    private static bool IsSupply(ByproductStreamInput x) => string.Equals(x.Direction, "supply", StringComparison.OrdinalIgnoreCase);
}
