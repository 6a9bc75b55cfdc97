using System.Security.Claims;
using EcoPark.Application.Abstractions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EcoPark.Application.Users;

/// <summary>
/// Whether a signed-in principal still matches its account: the user exists, is not locked by an
/// administrator, has the same security stamp and exactly the roles the principal carries. An open Blazor
/// circuit asks this periodically and signs out when the answer is no.
/// </summary>
public sealed class SessionValidator(IEcoParkDbContextFactory dbFactory, IOptions<IdentityOptions> identity, TimeProvider clock)
{
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return false;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd }).SingleOrDefaultAsync(cancellationToken);
        if (user is null || user.LockoutEnd > now)
        {
            return false;
        }

        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (stamp is not null && stamp != user.SecurityStamp)
        {
            return false;
        }

        var roles = await db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(cancellationToken);
        var claimed = principal.FindAll(identity.Value.ClaimsIdentity.RoleClaimType).Select(c => c.Value);
        return roles.ToHashSet(StringComparer.Ordinal).SetEquals(claimed);
    }
}
