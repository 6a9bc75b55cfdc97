using EcoPark.Application.Abstractions;
using EcoPark.Domain.Access;
using Microsoft.EntityFrameworkCore;

namespace EcoPark.Application.Users;

/// <summary>
/// Builds the <see cref="Caller"/> for a signed-in user. Scopes are read from the database on every
/// operation, so a scope an administrator removes stops working at once, even for issued tokens.
/// </summary>
public sealed class CallerLoader(IEcoParkDbContextFactory dbFactory)
{
    public async Task<Caller> LoadAsync(Guid userId, IEnumerable<string> roles, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var parkIds = await db.UserParkScopes.Where(s => s.UserId == userId).Select(s => s.ParkId).ToListAsync(cancellationToken);
        var factoryIds = await db.UserFactoryScopes.Where(s => s.UserId == userId).Select(s => s.FactoryId).ToListAsync(cancellationToken);
        return new Caller(userId, roles, parkIds, factoryIds);
    }
}
