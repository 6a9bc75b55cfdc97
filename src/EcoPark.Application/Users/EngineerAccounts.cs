using EcoPark.Application.Abstractions;
using EcoPark.Domain.Access;
using Microsoft.EntityFrameworkCore;

namespace EcoPark.Application.Users;

public static class EngineerAccounts
{
    /// <summary>Whether a factory has an engineer account: then it speaks for itself, and no one consents for it or invites for it.</summary>
    public static Task<bool> FactoryHasEngineerAsync(this IEcoParkDbContext db, Guid factoryId, CancellationToken cancellationToken)
    {
        var engineers = db.UserRoles.Where(r => db.Roles.Any(role => role.Id == r.RoleId && role.Name == Roles.FactoryEngineer)).Select(r => r.UserId);
        return db.UserFactoryScopes.AnyAsync(s => s.FactoryId == factoryId && engineers.Contains(s.UserId), cancellationToken);
    }
}
