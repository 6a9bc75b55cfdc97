using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EcoPark.Application.Abstractions;
using EcoPark.Application.Common;
using EcoPark.Application.Matching;
using EcoPark.Domain.Access;
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

/// <summary>
/// A match's invitations, the sides whose factory has no engineer account, and of those the sides the caller may invite for
/// now (the side's park allows it and the caller is its staff); <see cref="StaffMayInvite"/> is whether there is any.
/// </summary>
public sealed record MatchInvitationsDto(IReadOnlyList<string> SidesWithoutEngineer, IReadOnlyList<string> InvitableSides,
    IReadOnlyList<EngineerInvitationDto> Invitations)
{
    public bool StaffMayInvite => InvitableSides.Count > 0;
}

/// <summary>A new invitation with its one-time token: the token is shown once and only its hash is kept.</summary>
public sealed record IssuedInvitation(EngineerInvitationDto Invitation, string Token);

/// <summary>What the invitee reads before choosing a password.</summary>
public sealed record InvitationPreview(string Name, string Email, string FactoryName);

/// <summary>Whether one park's staff may invite engineers, and which administrator changed it when (never changed: off).</summary>
public sealed record InvitationSwitchDto(Guid ParkId, string ParkName, bool StaffMayInvite, string? ChangedBy, DateTimeOffset? ChangedAt);

/// <summary>
/// Park staff invite an engineer for a match's side whose factory has no engineer account, where an administrator allows it
/// for the factory's park; the invitee accepts with a password and becomes that factory's engineer. There is no mail server:
/// the link shown to the staff member once is the delivery. Resolved from a fresh DI scope per operation (like <see cref="UserAdministration"/>),
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
    /// <summary>Every park's switch, by park name (a park whose switch was never set is off).</summary>
    public async Task<IReadOnlyList<InvitationSwitchDto>> ListSwitchesAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        AdministratorOnly(caller);
        var rows = await (from park in db.Parks.AsNoTracking()
                          join row in db.ParkInvitationSwitches.AsNoTracking() on park.Id equals row.ParkId into rowsOfPark
                          from row in rowsOfPark.DefaultIfEmpty()
                          select new { park.Id, park.Name, Row = row }).ToListAsync(cancellationToken);
        var changers = rows.Where(r => r.Row != null && r.Row.ChangedBy != null).Select(r => r.Row!.ChangedBy!.Value).ToHashSet();
        var emails = await db.Users.Where(u => changers.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, cancellationToken);
        return [.. rows.Select(r => new InvitationSwitchDto(r.Id, r.Name.Display(), r.Row?.StaffMayInvite ?? false,
                r.Row?.ChangedBy is { } by ? emails.GetValueOrDefault(by) : null, r.Row?.ChangedAt))
            .OrderBy(s => s.ParkName, StringComparer.Ordinal)];
    }

    /// <summary>
    /// An administrator allows or stops invitations by one park's staff; who and when is kept with the park's switch and in the
    /// audit log. A missing value (an API body without it) is refused on its field, an unknown park is not found.
    /// </summary>
    public async Task<InvitationSwitchDto> SetSwitchAsync(Caller caller, Guid parkId, bool? staffMayInvite, CancellationToken cancellationToken = default)
    {
        AdministratorOnly(caller);
        var allowed = staffMayInvite ?? throw DomainGuard.Invalid("staffMayInvite", l["Value.Required"]);
        var park = await db.Parks.AsNoTracking().SingleOrDefaultAsync(p => p.Id == parkId, cancellationToken) ?? throw new NotFoundException(l["Park.NotFound"]);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // One statement whatever is there: two administrators saving the same park at once leave one row (the last answer).
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO park_invitation_switches (park_id, staff_may_invite, changed_by, changed_at) VALUES ({parkId}, {allowed}, {caller.UserId}, {now})
            ON CONFLICT (park_id) DO UPDATE SET staff_may_invite = excluded.staff_may_invite, changed_by = excluded.changed_by, changed_at = excluded.changed_at
            """, cancellationToken);
        db.Record(nameof(ParkInvitationSwitch), parkId, allowed ? "staff-invitations-allowed" : "staff-invitations-stopped", caller.UserId, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var by = await db.Users.Where(u => u.Id == caller.UserId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        return new(park.Id, park.Name.Display(), allowed, by, now);
    }

    /// <summary>Whether the park's staff may invite engineers now.</summary>
    private Task<bool> ParkAllowsAsync(Guid parkId, CancellationToken cancellationToken) =>
        db.ParkInvitationSwitches.AnyAsync(s => s.ParkId == parkId && s.StaffMayInvite, cancellationToken);

    private void AdministratorOnly(Caller caller)
    {
        if (!caller.IsAdministrator)
        {
            throw new ForbiddenException(l["User.AdminOnly"]);
        }
    }

    public async Task<MatchInvitationsDto> ListAsync(Caller caller, Guid matchId, CancellationToken cancellationToken = default)
    {
        var match = await MatchAsync(caller, matchId, cancellationToken);
        var rows = await db.EngineerInvitations.AsNoTracking().Where(i => i.MatchId == matchId).OrderBy(i => i.CreatedAt).ToListAsync(cancellationToken);
        var inviters = rows.Select(r => r.InvitedBy).ToHashSet();
        var emails = await db.Users.Where(u => inviters.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, cancellationToken);
        var open = new List<string>();
        var invitable = new List<string>();
        foreach (var (side, factoryId) in Sides(match))
        {
            if (!await db.FactoryHasEngineerAsync(factoryId, cancellationToken))
            {
                open.Add(side);
                var parkId = await ParkOfAsync(factoryId, cancellationToken);
                if (Matchmaking.IsStaff(caller, parkId) && await ParkAllowsAsync(parkId, cancellationToken))
                {
                    invitable.Add(side);
                }
            }
        }

        return new(open, invitable, [.. rows.Select(r => Dto(r, match, emails.GetValueOrDefault(r.InvitedBy)))]);
    }

    /// <summary>
    /// Invites an engineer for one side; refused where the side's park does not allow it, for a factory with an engineer, and for
    /// staff of another park.
    /// </summary>
    public async Task<IssuedInvitation> InviteAsync(Caller caller, Guid matchId, InviteEngineerInput input, CancellationToken cancellationToken = default)
    {
        await inviteValidator.ValidateAndThrowAsync(input, cancellationToken);
        // Staff of another park are refused outright (403) rather than told the match does not exist: the side's park decides.
        var match = await db.MatchCases.AsNoTracking().SingleOrDefaultAsync(m => m.Id == matchId, cancellationToken)
            ?? throw new NotFoundException(l["Match.NotFound"]);
        var factoryId = input.Side == "supplier" ? match.SupplyFactoryId : match.DemandFactoryId;
        var parkId = await ParkOfAsync(factoryId, cancellationToken);
        if (!Matchmaking.IsStaff(caller, parkId))
        {
            throw new ForbiddenException(l["Invitation.NotStaff"]);
        }

        if (!await ParkAllowsAsync(parkId, cancellationToken))
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
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, input.Password);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // Identity checks the address is free and then inserts: two invitations of one address (for two factories) accepted
            // at once both pass the check, and the unique user-name index refuses the second. The rollback leaves its link usable.
            throw DomainGuard.Invalid("email", l["User.Email.Taken"]);
        }

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

    private Task<Guid> ParkOfAsync(Guid factoryId, CancellationToken cancellationToken) =>
        db.Factories.Where(f => f.Id == factoryId).Select(f => f.ParkId).SingleAsync(cancellationToken);

    private static IEnumerable<(string Side, Guid FactoryId)> Sides(MatchCase match) => [("supplier", match.SupplyFactoryId), ("buyer", match.DemandFactoryId)];

    /// <summary>The match's history: who invited whom for which factory, and who accepted (never the token).</summary>
    private void History(Guid matchId, string action, Guid by, EngineerInvitation invitation) =>
        db.Record(nameof(MatchCase), matchId, action, by, clock.GetUtcNow(),
            after: JsonSerializer.Serialize(new { invitation = invitation.Id, invitation.FactoryId, invitation.Email, invitation.Name, invitation.InvitedBy }, MatchingRules.Json));

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
