using System.Globalization;
using EcoPark.Application.Common;
using EcoPark.Domain.Screening;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Screening;

/// <summary>
/// The body of <c>PUT /api/v1/parks/{id}/screening-inputs</c> and of the page's form: one dated, sourced
/// version of a park's screening figures. Every figure may be null (unknown); <see cref="AsOf"/> and
/// <see cref="Source"/> are required, because each value keeps its date and source.
/// </summary>
public sealed record ScreeningInputsRequest : ParkScreeningValues
{
    /// <summary>YYYY-MM-DD: the date the figures describe.</summary>
    public string? AsOf { get; init; }

    public string? Source { get; init; }

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}

/// <summary>
/// Field-by-field checks of a park's screening figures: every quantity within bounds that fit its column
/// (<see cref="ScreeningLimits"/>), the county one of Taiwan's 22, text short and free of control characters,
/// and the date neither in the future nor before 1990.
/// </summary>
public sealed class ScreeningInputsRequestValidator : AbstractValidator<ScreeningInputsRequest>
{
    private static readonly DateOnly Earliest = new(1990, 1, 1);

    public ScreeningInputsRequestValidator(IStringLocalizer<Messages> l, TimeProvider clock)
    {
        RuleFor(x => x.AsOf).Must(a => ScreeningInputsRequest.TryParseDate(a, out _)).WithMessage(_ => l["Screening.AsOf.Format"])
            .DependentRules(() => RuleFor(x => x.AsOf)
                .Must(a => ScreeningInputsRequest.TryParseDate(a, out var d) && d >= Earliest && d <= DateOnly.FromDateTime(clock.GetLocalNow().DateTime))
                .WithMessage(_ => l["Screening.AsOf.Range"]));
        Range(x => x.LeasableLandHa, 0, ScreeningLimits.MaxAreaHa, l);
        Range(x => x.TapHeadroomM3PerDay, -ScreeningLimits.MaxFlowM3PerDay, ScreeningLimits.MaxFlowM3PerDay, l);
        Range(x => x.ExtraSupplyM3PerDay, 0, ScreeningLimits.MaxFlowM3PerDay, l);
        Range(x => x.LeasableFactoryAreaHa, 0, ScreeningLimits.MaxAreaHa, l);
        RuleFor(x => x.LeasableFactoryAreaHa).GreaterThan(0).When(x => x.LeasableFactoryAreaHa is not null).WithMessage(_ => l["Screening.Area.Zero"]);
        Range(x => x.HighWaterUseAnnual10kM3, 0, ScreeningLimits.MaxAnnual10kM3, l);
        Range(x => x.ExpectedIncrease10kM3PerYear, -ScreeningLimits.MaxAnnual10kM3, ScreeningLimits.MaxAnnual10kM3, l);
        Range(x => x.WwtpSpareCapacityM3PerDay, -ScreeningLimits.MaxFlowM3PerDay, ScreeningLimits.MaxFlowM3PerDay, l);
        Range(x => x.EasyMatchSharePercent, 0, 100, l);
        Range(x => x.WwtpEffluentM3PerDay, 0, ScreeningLimits.MaxFlowM3PerDay, l);
        Range(x => x.WwtpConductivityUsCm, 0, ScreeningLimits.MaxConductivityUsCm, l);
        Range(x => x.WwtpExpansionLandHa, 0, ScreeningLimits.MaxAreaHa, l);
        RuleFor(x => x.County).Text(ScreeningLimits.CountyInputMaxLength, l)
            .Must(c => c is null || TaiwanCounties.IsKnown(c))
            .WithMessage(_ => l["Screening.County.Unknown", string.Join("、", TaiwanCounties.All), string.Join(", ", TaiwanCounties.EnglishNames)]);
        RuleFor(x => x.Source).Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage(_ => l["Screening.Source.Required"])
            .DependentRules(() => RuleFor(x => x.Source).Text(ScreeningLimits.SourceMaxLength, l));
    }

    /// <summary>Null passes: unknown is allowed.</summary>
    private void Range(System.Linq.Expressions.Expression<Func<ScreeningInputsRequest, decimal?>> field, decimal min, decimal max, IStringLocalizer<Messages> l) =>
        RuleFor(field).InclusiveBetween(min, max).WithMessage(_ => l["Value.Range", min, max]);
}
