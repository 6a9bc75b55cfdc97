using EcoPark.Application.Common;
using EcoPark.Domain.Common;
using EcoPark.Domain.Factories;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Factories;

/// <summary>Field-by-field checks of <see cref="FactoryInput"/>, shared by the form and the handlers.</summary>
public sealed class FactoryInputValidator : AbstractValidator<FactoryInput>
{
    /// <summary>Taiwan, Penghu, Kinmen and Matsu fit in this box (WGS84 degrees).</summary>
    public const double MinLatitude = 21.8, MaxLatitude = 26.5, MinLongitude = 118.0, MaxLongitude = 122.1;

    public FactoryInputValidator(IStringLocalizer<Messages> l)
    {
        RuleFor(x => x.ParkId).NotEmpty().WithName(_ => l["Field.Park"]);
        RuleFor(x => x.NameZh).NotEmpty().WithName(_ => l["Field.NameZh"]).Text(TextLimits.Name, l);
        RuleFor(x => x.NameEn).NotEmpty().WithName(_ => l["Field.NameEn"]).Text(TextLimits.Name, l);
        RuleFor(x => x.Address).NotEmpty().WithName(_ => l["Field.Address"]).Text(TextLimits.Address, l);
        RuleFor(x => x.UnifiedBusinessNumber).Cascade(CascadeMode.Stop)
            .NotEmpty().WithName(_ => l["Field.UnifiedBusinessNumber"])
            .Matches("^[0-9]{8}$").WithMessage(_ => l["Factory.Ubn.Format"])
            .Must(UnifiedBusinessNumber.IsValid).WithMessage(_ => l["Factory.Ubn.Checksum"]);
        RuleFor(x => x.Industry).Cascade(CascadeMode.Stop)
            .NotEmpty().WithName(_ => l["Field.Industry"])
            .Must(EnumKeys.IsKey<Industry>).WithMessage(_ => l["Factory.Industry.Unknown"]);
        RuleFor(x => x.TsicCode).Cascade(CascadeMode.Stop)
            .NotEmpty().WithName(_ => l["Field.TsicCode"])
            .Must(TsicCode.IsValid).WithMessage(_ => l["Factory.Tsic.Format"]);
        RuleFor(x => x.Latitude).Cascade(CascadeMode.Stop)
            .NotEmpty().WithName(_ => l["Field.Latitude"])
            .InclusiveBetween(MinLatitude, MaxLatitude).WithMessage(_ => l["Factory.Latitude.Range", MinLatitude, MaxLatitude]);
        RuleFor(x => x.Longitude).Cascade(CascadeMode.Stop)
            .NotEmpty().WithName(_ => l["Field.Longitude"])
            .InclusiveBetween(MinLongitude, MaxLongitude).WithMessage(_ => l["Factory.Longitude.Range", MinLongitude, MaxLongitude]);
        RuleFor(x => x.ContactName).NotEmpty().WithName(_ => l["Field.ContactName"]).Text(TextLimits.PersonName, l);
        RuleFor(x => x.ContactPhone).MaximumLength(TextLimits.Phone).Matches(@"^[0-9+()#\- ]*$")
            .WithName(_ => l["Field.ContactPhone"]).WithMessage(_ => l["Factory.Phone.Format"]);
        RuleFor(x => x.ContactEmail).EmailAddress().Text(TextLimits.Label, l)
            .When(x => !string.IsNullOrWhiteSpace(x.ContactEmail)).WithName(_ => l["Field.ContactEmail"]);
    }
}
