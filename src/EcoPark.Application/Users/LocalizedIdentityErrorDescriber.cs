using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Users;

/// <summary>Identity's password and e-mail errors in the user's language.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<Messages> l) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), length);

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit));

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower));

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper));

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric));

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), uniqueChars);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail));

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail));

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateEmail));

    private IdentityError Error(string code, params object[] args) => new() { Code = code, Description = l["Identity." + code, args] };
}
