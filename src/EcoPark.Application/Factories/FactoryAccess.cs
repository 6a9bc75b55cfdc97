using EcoPark.Application.Abstractions;
using EcoPark.Application.Common;
using EcoPark.Domain.Access;
using EcoPark.Domain.Factories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Factories;

/// <summary>What the rules on a factory's records need to know about the factory.</summary>
public sealed record FactoryFacts(Guid Id, Guid ParkId, Industry Industry);

/// <summary>
/// The one check every factory-owned record goes through: 404 when the caller may not know the factory
/// exists, 403 when they may read it but not change it.
/// </summary>
public static class FactoryAccess
{
    public static async Task<FactoryFacts> ReadableAsync(IEcoParkDbContext db, Caller caller, Guid factoryId, IStringLocalizer<Messages> l,
        CancellationToken cancellationToken)
    {
        var factory = await db.Factories.AsNoTracking().Where(f => f.Id == factoryId)
            .Select(f => new FactoryFacts(f.Id, f.ParkId, f.Industry)).SingleOrDefaultAsync(cancellationToken);
        return factory is not null && caller.CanReadFactory(factory.Id, factory.ParkId) ? factory : throw new NotFoundException(l["Factory.NotFound"]);
    }

    public static async Task<FactoryFacts> EditableAsync(IEcoParkDbContext db, Caller caller, Guid factoryId, IStringLocalizer<Messages> l,
        CancellationToken cancellationToken)
    {
        var factory = await ReadableAsync(db, caller, factoryId, l, cancellationToken);
        return caller.CanEditFactory(factory.Id, factory.ParkId) ? factory : throw new ForbiddenException(l["Factory.Forbidden"]);
    }
}
