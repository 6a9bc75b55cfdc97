using EcoPark.Application.Common;
using EcoPark.Domain.Common;
using EcoPark.Domain.Fees;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Fees;

/// <summary>The body of <c>POST /api/v1/fees/calculate</c>, also used by the engineer's estimate.</summary>
public sealed class FeeCalculationRequest
{
    public string Scheme { get; set; } = FeeScheme.Regulation2023.Key();

    public int FeeYear { get; set; }

    /// <summary>The factory the figures belong to; engineers must name one of their own.</summary>
    public Guid? FactoryId { get; set; }

    public List<FeeMonthInput> Months { get; set; } = [];

    /// <summary><c>unverified</c>, <c>below</c>, <c>within</c> or <c>above</c>.</summary>
    public string RecyclingRate { get; set; } = RecyclingRateStatus.Unverified.Key();

    /// <summary>null: take it from the rule set for the fee year.</summary>
    public bool? HalfRate { get; set; }

    /// <summary>Draft 2019 only: <c>month</c> or <c>halfYear</c>.</summary>
    public string? Period { get; set; }

    /// <summary>Payer category; <c>business</c> unless an exempt category applies.</summary>
    public string PayerCategory { get; set; } = "business";

    public FeeClaimsInput Claims { get; set; } = new();
}

public sealed class FeeMonthInput
{
    public string Month { get; set; } = string.Empty;

    public decimal TapM3 { get; set; }

    public decimal SurfaceM3 { get; set; }

    public decimal GroundwaterM3 { get; set; }

    public decimal OtherSupplierM3 { get; set; }
}

public sealed class FeeClaimsInput
{
    public decimal ReclaimedAndDesalinatedM3 { get; set; }

    public decimal CommittedReclaimedM3 { get; set; }

    public decimal InvestmentOffsetNtd { get; set; }

    public decimal PollutionFeePaidNtd { get; set; }

    public decimal TapPriceConservationNtd { get; set; }

    public decimal DraftReductionPercent { get; set; }
}

public sealed class FeeCalculationRequestValidator : AbstractValidator<FeeCalculationRequest>
{
    public FeeCalculationRequestValidator(IStringLocalizer<Messages> l)
    {
        RuleFor(x => x.Scheme).Must(EnumKeys.IsKey<FeeScheme>).WithMessage(_ => l["Fee.Scheme.Unknown"]);
        RuleFor(x => x.FeeYear).InclusiveBetween(2000, 2100).WithName(_ => l["Field.FeeYear"]);
        RuleFor(x => x.RecyclingRate).Must(EnumKeys.IsKey<RecyclingRateStatus>).WithMessage(_ => l["Fee.RecyclingRate.Unknown"]);
        RuleFor(x => x.PayerCategory).Must(EnumKeys.IsKey<PayerCategory>).WithMessage(_ => l["Fee.Payer.Unknown"]);
        RuleFor(x => x.Months).NotEmpty().WithMessage(_ => l["Fee.Months.Required"]);
        RuleFor(x => x.Period).Text(TextLimits.Code, l);
        RuleFor(x => x.Months).Must(m => m is null || m.Where(x => x is not null).Select(x => x.Month).Distinct().Count() == m.Count)
            .WithMessage(_ => l["Fee.Months.Duplicate"]);
        RuleForEach(x => x.Months).NotNull().WithMessage(_ => l["Fee.Months.Required"]).ChildRules(month =>
        {
            month.RuleFor(m => m.Month).Must(m => YearMonth.TryParse(m, out _)).WithMessage(_ => l["Fee.Month.Format"]);
            month.RuleFor(m => m.TapM3).GreaterThanOrEqualTo(0).WithMessage(_ => l["Volume.Negative"]).AtMost(InputBounds.M3PerMonth, l);
            month.RuleFor(m => m.SurfaceM3).GreaterThanOrEqualTo(0).WithMessage(_ => l["Volume.Negative"]).AtMost(InputBounds.M3PerMonth, l);
            month.RuleFor(m => m.GroundwaterM3).GreaterThanOrEqualTo(0).WithMessage(_ => l["Volume.Negative"]).AtMost(InputBounds.M3PerMonth, l);
            month.RuleFor(m => m.OtherSupplierM3).GreaterThanOrEqualTo(0).WithMessage(_ => l["Volume.Negative"]).AtMost(InputBounds.M3PerMonth, l);
        });
        When(x => EnumKeys.TryParse<FeeScheme>(x.Scheme, out var scheme) && scheme == FeeScheme.Draft2019, () =>
        {
            RuleFor(x => x.Period).Must(EnumKeys.IsKey<DraftPeriod>).WithMessage(_ => l["Fee.Period.Unknown"]);
            RuleFor(x => x.Months).Must(m => m is null || m.Count == 1).WithMessage(_ => l["Fee.Months.DraftOne"]);
        });
        RuleFor(x => x.Claims).NotNull().WithName(_ => l["Field.Claims"]);
        When(x => x.Claims is not null, () =>
        {
            RuleFor(x => x.Claims.ReclaimedAndDesalinatedM3).GreaterThanOrEqualTo(0).WithMessage(_ => l["Volume.Negative"]).AtMost(InputBounds.M3PerMonth, l);
            RuleFor(x => x.Claims.CommittedReclaimedM3).GreaterThanOrEqualTo(0).WithMessage(_ => l["Volume.Negative"]).AtMost(InputBounds.M3PerMonth, l);
            RuleFor(x => x.Claims.InvestmentOffsetNtd).GreaterThanOrEqualTo(0).WithMessage(_ => l["Amount.Negative"]).AtMost(InputBounds.Ntd, l);
            RuleFor(x => x.Claims.PollutionFeePaidNtd).GreaterThanOrEqualTo(0).WithMessage(_ => l["Amount.Negative"]).AtMost(InputBounds.Ntd, l);
            RuleFor(x => x.Claims.TapPriceConservationNtd).GreaterThanOrEqualTo(0).WithMessage(_ => l["Amount.Negative"]).AtMost(InputBounds.Ntd, l);
            RuleFor(x => x.Claims.DraftReductionPercent).InclusiveBetween(0, 100).WithMessage(_ => l["Percent.Range"]);
        });
    }
}
