using EcoPark.Application.Common;
using EcoPark.Domain.Common;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Users;

/// <summary>The sign-in form.</summary>
public sealed class LoginInput
{
    public string Email { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;
}

public sealed class LoginInputValidator : AbstractValidator<LoginInput>
{
    public LoginInputValidator(IStringLocalizer<Messages> l)
    {
        RuleFor(x => x.Email).NotEmpty().EmailAddress().WithName(_ => l["Field.Email"]).Text(TextLimits.Label, l);
        RuleFor(x => x.Password).NotEmpty().WithName(_ => l["Field.Password"]).Text(TextLimits.Label, l);
    }
}
