using EcoPark.Application.Common;
using EcoPark.Domain.Common;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Users;

/// <summary>
/// An invitation for a person to become the engineer of a factory that has no engineer account, issued by park staff
/// from a match. Only the SHA-256 of the one-time token is stored; the token itself is shown once to the staff member,
/// who passes the link on. Accepted once, before <see cref="ExpiresAt"/>.
/// </summary>
public sealed class EngineerInvitation
{
    public Guid Id { get; set; }

    public Guid FactoryId { get; set; }

    /// <summary>The match the invitation was issued from; its history records the invitation and its acceptance.</summary>
    public Guid MatchId { get; set; }

    public string Email { get; set; } = string.Empty;

    /// <summary>The e-mail upper-cased, for the one-pending-invitation-per-factory-and-address index.</summary>
    public string NormalizedEmail { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public Guid InvitedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public string TokenHash { get; set; } = string.Empty;

    public DateTimeOffset? AcceptedAt { get; set; }

    public Guid? AcceptedBy { get; set; }
}

/// <summary>
/// An administrator's permission for the staff of one park to invite engineers (one row per park, keyed by the park; a
/// park without a row does not allow it).
/// </summary>
public sealed class ParkInvitationSwitch
{
    public Guid ParkId { get; set; }

    public bool StaffMayInvite { get; set; }

    public Guid? ChangedBy { get; set; }

    public DateTimeOffset? ChangedAt { get; set; }
}

/// <summary>How long an invitation link stays valid (the one place this rule lives).</summary>
public sealed class InvitationRules
{
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromDays(7);
}

/// <summary>Staff's request to invite an engineer for one side of a match.</summary>
public sealed class InviteEngineerInput
{
    public string Side { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;
}

public sealed class InviteEngineerInputValidator : AbstractValidator<InviteEngineerInput>
{
    public InviteEngineerInputValidator(IStringLocalizer<Messages> l)
    {
        RuleFor(x => x.Side).Must(s => s is "supplier" or "buyer").WithMessage(_ => l["Invitation.Side"]);
        RuleFor(x => x.Name).NotEmpty().WithName(_ => l["Field.DisplayName"]).Text(TextLimits.PersonName, l);
        RuleFor(x => x.Email).NotEmpty().EmailAddress().WithName(_ => l["Field.Email"]).Text(TextLimits.Label, l);
    }
}

/// <summary>The invitee's chosen password (Identity's password rules are checked when the account is created).</summary>
public sealed class AcceptInvitationInput
{
    public string Password { get; set; } = string.Empty;
}

public sealed class AcceptInvitationInputValidator : AbstractValidator<AcceptInvitationInput>
{
    public AcceptInvitationInputValidator(IStringLocalizer<Messages> l) =>
        RuleFor(x => x.Password).NotEmpty().WithName(_ => l["Field.Password"]).Text(TextLimits.Label, l);
}
