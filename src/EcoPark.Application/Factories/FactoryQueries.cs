using EcoPark.Application.Abstractions;
using EcoPark.Application.Common;
using EcoPark.Domain.Access;
using EcoPark.Domain.Factories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Factories;

/// <summary>Reads factories, filtered on the server to what the caller may see.</summary>
public sealed class FactoryQueries(IEcoParkDbContextFactory dbFactory, IStringLocalizer<Messages> l)
{
    public async Task<IReadOnlyList<FactoryDto>> ListAsync(Caller caller, Guid? parkId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var query = db.Factories.AsNoTracking().VisibleTo(caller);
        if (parkId is { } park)
        {
            query = query.Where(f => f.ParkId == park);
        }

        var rows = await query
            .Join(db.Parks, f => f.ParkId, p => p.Id, (f, p) => new { Factory = f, ParkZh = p.Name.Zh, ParkEn = p.Name.En })
            .OrderBy(r => r.ParkZh).ThenBy(r => r.Factory.Name.Zh)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => FactoryDto.From(r.Factory, r.ParkZh, r.ParkEn, caller.CanEditFactory(r.Factory.Id, r.Factory.ParkId)))];
    }

    /// <summary>Throws <see cref="NotFoundException"/> both when the factory is missing and when the caller may not see it.</summary>
    public async Task<FactoryDto> GetAsync(Caller caller, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var row = await db.Factories.AsNoTracking().VisibleTo(caller).Where(f => f.Id == id)
            .Join(db.Parks, f => f.ParkId, p => p.Id, (f, p) => new { Factory = f, ParkZh = p.Name.Zh, ParkEn = p.Name.En })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(l["Factory.NotFound"]);
        return FactoryDto.From(row.Factory, row.ParkZh, row.ParkEn, caller.CanEditFactory(row.Factory.Id, row.Factory.ParkId));
    }
}

public static class FactoryVisibility
{
    /// <summary>The query form of <see cref="Caller.CanReadFactory"/>.</summary>
    public static IQueryable<Factory> VisibleTo(this IQueryable<Factory> factories, Caller caller)
    {
        if (caller.SeesEverything)
        {
            return factories;
        }

        var parkIds = caller.ParkIds.ToArray();
        var factoryIds = caller.FactoryIds.ToArray();
        return factories.Where(f => parkIds.Contains(f.ParkId) || factoryIds.Contains(f.Id));
    }
}
