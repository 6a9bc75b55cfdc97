using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EcoPark.Application.Abstractions;
using EcoPark.Application.Common;
using EcoPark.Application.Matching;
using EcoPark.Domain.Access;
using EcoPark.Domain.Common;
using EcoPark.Domain.Matching;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Users;

/// <summary>An invitation as staff list it; the token is never part of it.</summary>
public sealed record EngineerInvitationDto(Guid Id, string Side, Guid FactoryId, string Name, string Email, string? InvitedBy, DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt, DateTimeOffset? AcceptedAt);

/// <summary>A match's invitations, whether staff may invite now, and the sides whose factory has no engineer account.</summary>
public sealed record MatchInvitationsDto(bool StaffMayInvite, IReadOnlyList<string> SidesWithoutEngineer, IReadOnlyList<EngineerInvitationDto> Invitations);

/// <summary>A new invitation with its one-time token: the token is shown once and only its hash is kept.</summary>
public sealed record IssuedInvitation(EngineerInvitationDto Invitation, string Token);

/// <summary>What the invitee reads before choosing a password.</summary>
public sealed record InvitationPreview(string Name, string Email, string FactoryName);

public sealed record InvitationSwitchDto(bool StaffMayInvite, string? ChangedBy, DateTimeOffset? ChangedAt);

/// <summary>
/// Park staff invite an engineer for a match's side whose factory has no engineer account, when an administrator allows it;
/// the invitee accepts with a password and becomes that factory's engineer. There is no mail server: the link shown to the
/// staff member once is the delivery. Resolved from a fresh DI scope per operation (like <see cref="UserAdministration"/>),
/// so that <see cref="UserManager{TUser}"/> and <paramref name="db"/> share one context and one transaction.
/// </summary>
public sealed class EngineerInvitations(
    UserManager<ApplicationUser> users,
    IEcoParkDbContext db,
    IValidator<InviteEngineerInput> inviteValidator,
    IValidator<AcceptInvitationInput> acceptValidator,
    InvitationRules rules,
    TimeProvider clock,
    IStringLocalizer<Messages> l)
{
    public async Task<InvitationSwitchDto> GetSwitchAsync(CancellationToken cancellationToken = default)
    {
        var row = await db.InvitationSwitches.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var by = row?.ChangedBy is { } id ? await db.Users.Where(u => u.Id == id).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken) : null;
        return new(row?.StaffMayInvite ?? false, by, row?.ChangedAt);
    }

    /// <summary>
    /// An administrator allows or stops staff invitations; who and when is kept with the switch and in the audit log.
    /// A missing value (an API body without it) is refused on its field.
    /// </summary>
    public async Task<InvitationSwitchDto> SetSwitchAsync(Caller caller, bool? staffMayInvite, CancellationToken cancellationToken = default)
    {
        if (!caller.IsAdministrator)
        {
            throw new ForbiddenException(l["User.AdminOnly"]);
        }

        var allowed = staffMayInvite ?? throw DomainGuard.Invalid("staffMayInvite", l["Value.Required"]);

        var row = await db.InvitationSwitches.SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            row = new InvitationSwitch();
            db.InvitationSwitches.Add(row);
        }

        (row.StaffMayInvite, row.ChangedBy, row.ChangedAt) = (allowed, caller.UserId, clock.GetUtcNow());
        db.AuditEntries.Add(new AuditEntry(Guid.NewGuid(), nameof(InvitationSwitch), Guid.Empty, allowed ? "staff-invitations-allowed" : "staff-invitations-stopped",
            caller.UserId, clock.GetUtcNow(), null, null));
        await db.SaveChangesAsync(cancellationToken);
        return await GetSwitchAsync(cancellationToken);
    }

    public async Task<MatchInvitationsDto> ListAsync(Caller caller, Guid matchId, CancellationToken cancellationToken = default)
    {
        var match = await MatchAsync(caller, matchId, cancellationToken);
        var rows = await db.EngineerInvitations.AsNoTracking().Where(i => i.MatchId == matchId).OrderBy(i => i.CreatedAt).ToListAsync(cancellationToken);
        var inviters = rows.Select(r => r.InvitedBy).ToHashSet();
        var emails = await db.Users.Where(u => inviters.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, cancellationToken);
        var open = new List<string>();
        foreach (var (side, factoryId) in Sides(match))
        {
            if (!await db.FactoryHasEngineerAsync(factoryId, cancellationToken))
            {
                open.Add(side);
            }
        }

        return new((await GetSwitchAsync(cancellationToken)).StaffMayInvite, open,
            [.. rows.Select(r => Dto(r, match, emails.GetValueOrDefault(r.InvitedBy)))]);
    }

    /// <summary>Invites an engineer for one side; refused while the switch is off, for a factory with an engineer, and for staff of another park.</summary>
    public async Task<IssuedInvitation> InviteAsync(Caller caller, Guid matchId, InviteEngineerInput input, CancellationToken cancellationToken = default)
    {
        await inviteValidator.ValidateAndThrowAsync(input, cancellationToken);
        // Staff of another park are refused outright (403) rather than told the match does not exist: the side's park decides.
        var match = await db.MatchCases.AsNoTracking().SingleOrDefaultAsync(m => m.Id == matchId, cancellationToken)
            ?? throw new NotFoundException(l["Match.NotFound"]);
        var factoryId = input.Side == "supplier" ? match.SupplyFactoryId : match.DemandFactoryId;
        var parkId = await db.Factories.Where(f => f.Id == factoryId).Select(f => f.ParkId).SingleAsync(cancellationToken);
        if (!Matchmaking.IsStaff(caller, parkId))
        {
            throw new ForbiddenException(l["Invitation.NotStaff"]);
        }

        if (!(await GetSwitchAsync(cancellationToken)).StaffMayInvite)
        {
            throw new ForbiddenException(l["Invitation.Disabled"]);
        }

        if (await db.FactoryHasEngineerAsync(factoryId, cancellationToken))
        {
            throw DomainGuard.Invalid("side", l["Match.FactoryHasEngineer"]);
        }

        var email = input.Email.Trim();
        var normalized = email.ToUpperInvariant();
        if (await users.FindByEmailAsync(email) is not null)
        {
            throw DomainGuard.Invalid("email", l["User.Email.Taken"]);
        }

        var now = clock.GetUtcNow();
        // An expired invitation for the same address no longer holds the place: it is replaced (its issue stays in the match's history).
        await db.EngineerInvitations.Where(i => i.FactoryId == factoryId && i.NormalizedEmail == normalized && i.AcceptedAt == null && i.ExpiresAt <= now)
            .ExecuteDeleteAsync(cancellationToken);
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var invitation = new EngineerInvitation
        {
            Id = Guid.NewGuid(),
            FactoryId = factoryId,
            MatchId = match.Id,
            Email = email,
            NormalizedEmail = normalized,
            Name = input.Name.Trim(),
            InvitedBy = caller.UserId,
            CreatedAt = now,
            ExpiresAt = now + rules.Lifetime,
            TokenHash = Hash(token),
        };
        db.EngineerInvitations.Add(invitation);
        History(match.Id, "engineer-invited", caller.UserId, invitation);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            throw DomainGuard.Invalid("email", l["Invitation.Pending"]);
        }

        return new(Dto(invitation, match, null), token);
    }

    /// <summary>The invitation a link carries, while it can still be accepted.</summary>
    public async Task<InvitationPreview> PreviewAsync(string token, CancellationToken cancellationToken = default)
    {
        var invitation = await ValidAsync(token, cancellationToken);
        var factory = await db.Factories.AsNoTracking().SingleAsync(f => f.Id == invitation.FactoryId, cancellationToken);
        return new(invitation.Name, invitation.Email, factory.Name.Display());
    }

    /// <summary>
    /// The invitee sets a password and becomes the factory's engineer, in one transaction: the invitation is taken with a
    /// conditional update first, so a token works once even for two requests at the same moment.
    /// </summary>
    public async Task<ApplicationUser> AcceptAsync(string token, AcceptInvitationInput input, CancellationToken cancellationToken = default)
    {
        await acceptValidator.ValidateAndThrowAsync(input, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var invitation = await ValidAsync(token, cancellationToken);
        var user = new ApplicationUser
        {
            Id = Guid.NewGuid(),
            UserName = invitation.Email,
            Email = invitation.Email,
            EmailConfirmed = true,
            DisplayName = invitation.Name,
            LockoutEnabled = true,
        };
        var now = clock.GetUtcNow();
        var taken = await db.EngineerInvitations.Where(i => i.Id == invitation.Id && i.AcceptedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now).SetProperty(i => i.AcceptedBy, user.Id), cancellationToken);
        if (taken != 1)
        {
            throw DomainGuard.Invalid("token", l["Invitation.Used"]);
        }

        user.FactoryScopes.Add(new UserFactoryScope { UserId = user.Id, FactoryId = invitation.FactoryId });
        var created = await users.CreateAsync(user, input.Password);
        Throw(created, e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(AcceptInvitationInput.Password) : "email");
        Throw(await users.AddToRoleAsync(user, Roles.FactoryEngineer), _ => "token");
        History(invitation.MatchId, "engineer-invitation-accepted", user.Id, invitation);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return user;
    }

    private async Task<EngineerInvitation> ValidAsync(string token, CancellationToken cancellationToken)
    {
        var hash = Hash(token ?? string.Empty);
        var invitation = await db.EngineerInvitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken)
            ?? throw new NotFoundException(l["Invitation.NotFound"]);
        if (invitation.AcceptedAt is not null)
        {
            throw DomainGuard.Invalid("token", l["Invitation.Used"]);
        }

        return invitation.ExpiresAt <= clock.GetUtcNow() ? throw DomainGuard.Invalid("token", l["Invitation.Expired"]) : invitation;
    }

    /// <summary>The match as its staff read it (<see cref="MatchDisclosure.ReadsStaffView"/>); anyone else is told it does not exist.</summary>
    private async Task<MatchCase> MatchAsync(Caller caller, Guid matchId, CancellationToken cancellationToken)
    {
        var match = await db.MatchCases.AsNoTracking().SingleOrDefaultAsync(m => m.Id == matchId, cancellationToken);
        return match is not null && MatchDisclosure.ReadsStaffView(caller, match) ? match : throw new NotFoundException(l["Match.NotFound"]);
    }

    private static IEnumerable<(string Side, Guid FactoryId)> Sides(MatchCase match) => [("supplier", match.SupplyFactoryId), ("buyer", match.DemandFactoryId)];

    /// <summary>The match's history: who invited whom for which factory, and who accepted (never the token).</summary>
    private void History(Guid matchId, string action, Guid by, EngineerInvitation invitation) =>
        db.AuditEntries.Add(new AuditEntry(Guid.NewGuid(), nameof(MatchCase), matchId, action, by, clock.GetUtcNow(), null,
            JsonSerializer.Serialize(new { invitation = invitation.Id, invitation.FactoryId, invitation.Email, invitation.Name, invitation.InvitedBy }, MatchingRules.Json)));

    private static EngineerInvitationDto Dto(EngineerInvitation i, MatchCase match, string? invitedBy) =>
        new(i.Id, i.FactoryId == match.SupplyFactoryId ? "supplier" : "buyer", i.FactoryId, i.Name, i.Email, invitedBy, i.CreatedAt, i.ExpiresAt, i.AcceptedAt);

    private static void Throw(IdentityResult result, Func<IdentityError, string> field)
    {
        if (!result.Succeeded)
        {
            throw new ValidationException(result.Errors.Select(e => new ValidationFailure(field(e), e.Description)));
        }
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
