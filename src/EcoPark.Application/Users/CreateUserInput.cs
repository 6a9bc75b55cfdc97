using EcoPark.Application.Common;
using EcoPark.Domain.Access;
using EcoPark.Domain.Common;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Users;

/// <summary>An administrator's request to create a user with one role and that role's scope.</summary>
public sealed class CreateUserInput
{
    public string Email { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;

    public string Role { get; set; } = Roles.FactoryEngineer;

    public string PreferredCulture { get; set; } = SupportedCultures.Default;

    /// <summary>For park staff: the parks they look after.</summary>
    public List<Guid> ParkIds { get; set; } = [];

    /// <summary>For factory engineers: the factories they file for.</summary>
    public List<Guid> FactoryIds { get; set; } = [];
}

public sealed class CreateUserInputValidator : AbstractValidator<CreateUserInput>
{
    public CreateUserInputValidator(IStringLocalizer<Messages> l)
    {
        RuleFor(x => x.Email).NotEmpty().EmailAddress().WithName(_ => l["Field.Email"]).Text(TextLimits.Label, l);
        RuleFor(x => x.DisplayName).NotEmpty().WithName(_ => l["Field.DisplayName"]).Text(TextLimits.PersonName, l);
        RuleFor(x => x.Password).NotEmpty().WithName(_ => l["Field.Password"]).Text(TextLimits.Label, l);
        RuleFor(x => x.ParkIds).NotNull().WithMessage(_ => l["Value.Required"]);
        RuleFor(x => x.FactoryIds).NotNull().WithMessage(_ => l["Value.Required"]);
        RuleFor(x => x.Role).Must(r => Roles.All.Contains(r)).WithName(_ => l["Field.Role"]).WithMessage(_ => l["User.Role.Unknown"]);
        RuleFor(x => x.PreferredCulture).Must(SupportedCultures.IsSupported).WithName(_ => l["Field.Language"]);
        RuleFor(x => x.ParkIds).NotEmpty().When(x => x.Role == Roles.ParkStaff)
            .WithName(_ => l["Field.Parks"]).WithMessage(_ => l["User.Parks.Required"]);
        RuleFor(x => x.FactoryIds).NotEmpty().When(x => x.Role == Roles.FactoryEngineer)
            .WithName(_ => l["Field.Factories"]).WithMessage(_ => l["User.Factories.Required"]);
    }
}
