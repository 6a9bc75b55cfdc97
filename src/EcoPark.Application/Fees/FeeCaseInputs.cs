using EcoPark.Application.Common;
using EcoPark.Domain.Common;
using EcoPark.Domain.Fees;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Fees;

public sealed class OpenFeeCaseInput
{
    public Guid FactoryId { get; set; }

    public int FeeYear { get; set; }

    public string PayerCategory { get; set; } = "business";
}

public sealed class FeeCaseMonthInput
{
    public string Month { get; set; } = string.Empty;

    public decimal TapM3 { get; set; }

    public decimal SurfaceM3 { get; set; }

    public decimal GroundwaterM3 { get; set; }

    public decimal OtherSupplierM3 { get; set; }

    /// <summary>Required when the month already has figures.</summary>
    public string? Reason { get; set; }

    /// <summary>
    /// The auditor confirms that a month without figures had no water use: the volumes stay zero and the month then
    /// counts as filled. A month is never taken as zero because it is empty.
    /// </summary>
    public bool ConfirmedZero { get; set; }
}

public sealed class VerificationInput
{
    public string Issuer { get; set; } = string.Empty;

    public DateOnly? IssuedOn { get; set; }

    public decimal? VerifiedRatePercent { get; set; }
}

public sealed class ClaimInput
{
    /// <summary><c>reclaimedWater</c> (m³), <c>investmentOffset</c>, <c>pollutionFee</c> or <c>article8</c> (NTD).</summary>
    public string Kind { get; set; } = string.Empty;

    public decimal Amount { get; set; }

    public decimal CommittedM3 { get; set; }

    public string Note { get; set; } = string.Empty;

    /// <summary>Investment offset only: the approval's number; the amount is then computed from the approval.</summary>
    public string? ApprovalNumber { get; set; }

    public decimal? ApprovedCostNtd { get; set; }

    public int? FirstFeeYear { get; set; }

    public int? OffsetYears { get; set; }
}

public sealed class ClaimDecisionInput
{
    public bool Accept { get; set; }

    public string Comment { get; set; } = string.Empty;
}

public sealed class OpenFeeCaseInputValidator : AbstractValidator<OpenFeeCaseInput>
{
    public OpenFeeCaseInputValidator(IStringLocalizer<Messages> l)
    {
        RuleFor(x => x.FactoryId).NotEmpty().WithName(_ => l["Field.Factory"]);
        RuleFor(x => x.FeeYear).InclusiveBetween(2023, 2100).WithName(_ => l["Field.FeeYear"]);
        RuleFor(x => x.PayerCategory).Must(EnumKeys.IsKey<PayerCategory>).WithMessage(_ => l["Fee.Payer.Unknown"]);
    }
}

public sealed class FeeCaseMonthInputValidator : AbstractValidator<FeeCaseMonthInput>
{
    public FeeCaseMonthInputValidator(IStringLocalizer<Messages> l)
    {
        RuleFor(x => x.Month).Must(m => YearMonth.TryParse(m, out _)).WithMessage(_ => l["Fee.Month.Format"]);
        RuleFor(x => x.TapM3).GreaterThanOrEqualTo(0).WithMessage(_ => l["Volume.Negative"]).AtMost(InputBounds.M3PerMonth, l);
        RuleFor(x => x.SurfaceM3).GreaterThanOrEqualTo(0).WithMessage(_ => l["Volume.Negative"]).AtMost(InputBounds.M3PerMonth, l);
        RuleFor(x => x.GroundwaterM3).GreaterThanOrEqualTo(0).WithMessage(_ => l["Volume.Negative"]).AtMost(InputBounds.M3PerMonth, l);
        RuleFor(x => x.OtherSupplierM3).GreaterThanOrEqualTo(0).WithMessage(_ => l["Volume.Negative"]).AtMost(InputBounds.M3PerMonth, l);
        RuleFor(x => x.Reason).Text(TextLimits.Comment, l, multiline: true).WithName(_ => l["Field.Reason"]);
        RuleFor(x => x.TapM3 + x.SurfaceM3 + x.GroundwaterM3 + x.OtherSupplierM3).Equal(0).When(x => x.ConfirmedZero)
            .OverridePropertyName(nameof(FeeCaseMonthInput.ConfirmedZero)).WithMessage(_ => l["Fee.Month.ConfirmedZeroWithVolumes"]);
    }
}

public sealed class VerificationInputValidator : AbstractValidator<VerificationInput>
{
    /// <summary>The statement cannot be dated after today; today is the clock's local date, so tests and the form agree.</summary>
    public VerificationInputValidator(IStringLocalizer<Messages> l, TimeProvider clock)
    {
        RuleFor(x => x.Issuer).NotEmpty().WithName(_ => l["Field.Issuer"]).Text(TextLimits.Label, l);
        // Own messages: the library's defaults quote the field's name differently from its label, and read "Null".
        RuleFor(x => x.IssuedOn).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(_ => l["Fee.Verification.IssuedOn.Required"])
            .Must(d => d <= DateOnly.FromDateTime(clock.GetLocalNow().DateTime)).WithMessage(_ => l["Fee.Verification.IssuedOn.Future"]);
        RuleFor(x => x.VerifiedRatePercent).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(_ => l["Fee.Verification.Rate.Required"])
            .InclusiveBetween(0, 100).WithMessage(_ => l["Fee.Verification.Rate.Range"]);
    }
}

public sealed partial class ClaimInputValidator : AbstractValidator<ClaimInput>
{
    public ClaimInputValidator(IStringLocalizer<Messages> l)
    {
        RuleFor(x => x.Kind).Must(k => EnumKeys.TryParse<FeeClaimKind>(k, out _))
            .WithMessage(_ => l["Fee.Claim.Kind.Unknown"]);
        RuleFor(x => x.Amount).GreaterThan(0).WithName(_ => l["Field.Amount"]).Unless(IsInvestment);
        RuleFor(x => x.Amount).AtMost(InputBounds.Ntd, l).When(x => !IsReclaimed(x));
        RuleFor(x => x.Amount).AtMost(InputBounds.M3PerMonth, l).When(IsReclaimed);
        When(IsInvestment, () =>
        {
            RuleFor(x => x.ApprovalNumber).NotEmpty().WithName(_ => l["Field.ApprovalNumber"]).Text(TextLimits.Code, l);
            RuleFor(x => x.ApprovedCostNtd).NotNull().GreaterThan(0).WithName(_ => l["Field.ApprovedCost"]).AtMost(InputBounds.Ntd, l);
            RuleFor(x => x.FirstFeeYear).NotNull().InclusiveBetween(2023, 2100).WithName(_ => l["Field.FirstFeeYear"]);
            RuleFor(x => x.OffsetYears).NotNull().InclusiveBetween(1, 10).WithName(_ => l["Field.OffsetYears"]);
        });
        RuleFor(x => x.CommittedM3).GreaterThanOrEqualTo(0).WithMessage(_ => l["Volume.Negative"]).AtMost(InputBounds.M3PerMonth, l);
        RuleFor(x => x.Note).Text(TextLimits.Comment, l, multiline: true).WithName(_ => l["Field.Note"]);
    }
}

public sealed partial class ClaimInputValidator
{
    private static bool IsInvestment(ClaimInput input) => EnumKeys.TryParse<FeeClaimKind>(input.Kind, out var kind) && kind == FeeClaimKind.InvestmentOffset;

    private static bool IsReclaimed(ClaimInput input) => EnumKeys.TryParse<FeeClaimKind>(input.Kind, out var kind) && kind == FeeClaimKind.ReclaimedWater;
}

public sealed class ClaimDecisionInputValidator : AbstractValidator<ClaimDecisionInput>
{
    public ClaimDecisionInputValidator(IStringLocalizer<Messages> l) =>
        RuleFor(x => x.Comment).NotEmpty().WithName(_ => l["Field.Comment"]).Text(TextLimits.Comment, l, multiline: true);
}
