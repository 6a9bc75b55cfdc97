using EcoPark.Application.Abstractions;
using EcoPark.Domain.Access;
using Microsoft.EntityFrameworkCore;

namespace EcoPark.Application.Users;

/// <summary>
/// Builds the <see cref="Caller"/> for a signed-in user. Roles and scopes are read from the database on
/// every operation, so a role or scope an administrator removes stops working at once, even for a cookie
/// or bearer token issued before. A locked-out or deleted user gets no roles and so sees nothing.
/// </summary>
public sealed class CallerLoader(IEcoParkDbContextFactory dbFactory, TimeProvider clock)
{
    public async Task<Caller> LoadAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var active = await db.Users.AnyAsync(u => u.Id == userId && (u.LockoutEnd == null || u.LockoutEnd <= now), cancellationToken);
        if (!active)
        {
            return new Caller(userId, [], [], []);
        }

        var roles = await db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(cancellationToken);
        var parkIds = await db.UserParkScopes.Where(s => s.UserId == userId).Select(s => s.ParkId).ToListAsync(cancellationToken);
        var factoryIds = await db.UserFactoryScopes.Where(s => s.UserId == userId).Select(s => s.FactoryId).ToListAsync(cancellationToken);
        return new Caller(userId, roles, parkIds, factoryIds);
    }
}
