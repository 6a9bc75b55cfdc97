using EcoPark.Application.Abstractions;
using EcoPark.Application.Factories;
using EcoPark.Domain.Access;
using Microsoft.EntityFrameworkCore;

namespace EcoPark.Application.Parks;

public sealed record ParkDto(Guid Id, string NameZh, string NameEn, string County, double Latitude, double Longitude,
    decimal WwtpDesignM3PerDay, decimal WwtpSpareM3PerDay, int FactoryCount);

/// <summary>Parks the caller may see: all for administrators and auditors, their own for staff, their factories' for engineers.</summary>
public sealed class ParkQueries(IEcoParkDbContextFactory dbFactory)
{
    public async Task<IReadOnlyList<ParkDto>> ListAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var query = db.Parks.AsNoTracking();
        if (!caller.SeesEverything)
        {
            var parkIds = caller.ParkIds.ToArray();
            var factoryIds = caller.FactoryIds.ToArray();
            query = query.Where(p => parkIds.Contains(p.Id) || db.Factories.Any(f => f.ParkId == p.Id && factoryIds.Contains(f.Id)));
        }

        var visible = db.Factories.VisibleTo(caller);
        var rows = await query.OrderBy(p => p.Name.Zh)
            .Select(p => new { Park = p, Count = visible.Count(f => f.ParkId == p.Id) })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ParkDto(r.Park.Id, r.Park.Name.Zh, r.Park.Name.En, r.Park.County, r.Park.Location.Latitude,
            r.Park.Location.Longitude, r.Park.WwtpDesignCapacity.Value, r.Park.WwtpSpareCapacity.Value, r.Count))];
    }
}
