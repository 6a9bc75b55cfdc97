using EcoPark.Application.Abstractions;
using EcoPark.Domain.Access;
using Microsoft.EntityFrameworkCore;

namespace EcoPark.Application.Users;

/// <summary>
/// Builds the <see cref="Caller"/> for a signed-in user. Roles and scopes are read from the database on
/// every operation, so a role or scope an administrator removes stops working at once, even for a cookie
/// or bearer token issued before. A locked-out or deleted user gets no roles and so sees nothing. One
/// query: the user row with its roles and both scope lists (an API request loads it once, see CallerBinding).
/// </summary>
public sealed class CallerLoader(IEcoParkDbContextFactory dbFactory, TimeProvider clock)
{
    public async Task<Caller> LoadAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var loaded = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && (u.LockoutEnd == null || u.LockoutEnd <= now))
            .Select(u => new
            {
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
                ParkIds = db.UserParkScopes.Where(s => s.UserId == u.Id).Select(s => s.ParkId).ToList(),
                FactoryIds = db.UserFactoryScopes.Where(s => s.UserId == u.Id).Select(s => s.FactoryId).ToList(),
            })
            .AsSingleQuery()
            .SingleOrDefaultAsync(cancellationToken);
        return loaded is null
            ? new Caller(userId, [], [], [])
            : new Caller(userId, loaded.Roles, loaded.ParkIds, loaded.FactoryIds);
    }
}
