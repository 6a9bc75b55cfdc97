using System.Collections.Concurrent;
using EcoPark.Application.Abstractions;
using EcoPark.Application.Common;
using EcoPark.Domain.Access;
using EcoPark.Domain.Common;
using EcoPark.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Reporting;

/// <summary>A park the public may see: its name and the closed years an administrator has published.</summary>
public sealed record PublicParkDto(Guid Id, string NameZh, string NameEn, string County, IReadOnlyList<int> PublishedYears);

/// <summary>A headline figure as the public sees it: no value when fewer than the minimum of factories contribute.</summary>
public sealed record PublicFigureDto(string Key, decimal? Value, string Unit, string Basis, bool Suppressed);

/// <summary>One published year of the trend, with the same suppression.</summary>
public sealed record PublicYearDto(int Year, IReadOnlyList<PublicFigureDto> Figures);

/// <summary>One month of the published year: measured reused water and CO₂e avoided (null when suppressed).</summary>
public sealed record PublicMonthDto(string Month, decimal? MeasuredWaterM3, decimal? Co2eAvoidedTonnes);

/// <summary>A park's public KPIs: the headline figures of its last published closed year, the published years' trend and that year's months.</summary>
public sealed record PublicParkKpisDto(
    Guid ParkId,
    string NameZh,
    string NameEn,
    int Year,
    int MinimumContributors,
    IReadOnlyList<PublicFigureDto> Figures,
    IReadOnlyList<PublicYearDto> Years,
    IReadOnlyList<PublicMonthDto> Months);

/// <summary>An administrator's view of a park's publish switches.</summary>
public sealed record ParkPublicationsDto(Guid ParkId, string NameZh, string NameEn, IReadOnlyList<int> PublishedYears);

/// <summary>
/// The anonymous KPIs (docs/decisions/0016-reports-and-public-kpis.md): only parks and closed years an administrator published, park
/// totals only (no factory name, volume, price or cost of a party), each figure suppressed below <see cref="PublicFigures.MinimumContributors"/>
/// contributing factories. Answers are cached for a few minutes and dropped when a publish switch changes.
/// </summary>
public sealed class PublicKpis(IEcoParkDbContextFactory dbFactory, TimeProvider clock, IStringLocalizer<Messages> l)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, object Value)> cache = new(StringComparer.Ordinal);
    private long generation;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public Task<IReadOnlyList<PublicParkDto>> ParksAsync(CancellationToken cancellationToken = default) =>
        CachedAsync("parks", async () =>
        {
            await using var db = await dbFactory.CreateAsync(cancellationToken);
            var lastClosed = ReportPeriod.LastClosedYear(Today).Year;
            var publications = await db.ParkPublications.AsNoTracking().Where(p => p.Year <= lastClosed).ToListAsync(cancellationToken);
            var ids = publications.Select(p => p.ParkId).Distinct().ToList();
            var parks = await db.Parks.AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.Name.Zh).ToListAsync(cancellationToken);
            return (IReadOnlyList<PublicParkDto>)[.. parks.Select(p => new PublicParkDto(p.Id, p.Name.Zh, p.Name.En, p.County,
                [.. publications.Where(x => x.ParkId == p.Id).Select(x => x.Year).OrderDescending()]))];
        });

    /// <summary>The park's last published closed year; 404 when the park has none (unpublished parks do not exist for the public).</summary>
    public Task<PublicParkKpisDto> ParkAsync(Guid parkId, CancellationToken cancellationToken = default) =>
        CachedAsync($"park:{parkId:N}", async () =>
        {
            await using var db = await dbFactory.CreateAsync(cancellationToken);
            var lastClosed = ReportPeriod.LastClosedYear(Today).Year;
            var years = await db.ParkPublications.AsNoTracking().Where(p => p.ParkId == parkId && p.Year <= lastClosed).Select(p => p.Year)
                .OrderBy(y => y).ToListAsync(cancellationToken);
            if (years.Count == 0)
            {
                throw new NotFoundException(l["Park.NotFound"]);
            }

            var loaded = await ParkKpiQueries.LoadAsync(db, parkId, cancellationToken) ?? throw new NotFoundException(l["Park.NotFound"]);
            var park = loaded.Parks[0];
            var today = Today;
            var byYear = years.Select(y => (Year: y, Kpis: KpiCalculator.Compute(loaded.Records, new ReportPeriod(y, null), today))).ToList();
            var latest = byYear[^1];
            // Each month is suppressed by its own contributors: a month may rest on fewer factories than its year.
            var months = new ReportPeriod(latest.Year, null).Months.Select(m => (Month: m, Kpis: KpiCalculator.Compute(loaded.Records, ReportPeriod.Of(m), today)))
                .Select(x => new PublicMonthDto(x.Month.ToString(),
                    PublicFigures.IsShown(x.Kpis.Measured.Contributors) ? Math.Round(x.Kpis.Measured.WaterM3, 0) : null,
                    PublicFigures.IsShown(x.Kpis.Emissions.Contributors) ? Math.Round(x.Kpis.Emissions.Co2eAvoidedTonnes, 1) : null));
            return new PublicParkKpisDto(park.Id, park.Name.Zh, park.Name.En, latest.Year, PublicFigures.MinimumContributors, Headline(latest.Kpis),
                [.. byYear.Select(y => new PublicYearDto(y.Year, Headline(y.Kpis)))], [.. months]);
        });

    /// <summary>Every park with its published years, for the administrators' publish switches.</summary>
    public async Task<IReadOnlyList<ParkPublicationsDto>> PublicationsAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        RequireAdministrator(caller);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var publications = await db.ParkPublications.AsNoTracking().ToListAsync(cancellationToken);
        var parks = await db.Parks.AsNoTracking().OrderBy(p => p.Name.Zh).ToListAsync(cancellationToken);
        return [.. parks.Select(p => new ParkPublicationsDto(p.Id, p.Name.Zh, p.Name.En,
            [.. publications.Where(x => x.ParkId == p.Id).Select(x => x.Year).OrderDescending()]))];
    }

    /// <summary>Makes a park's closed year public (administrators). Publishing twice is the same as once.</summary>
    public async Task PublishAsync(Caller caller, Guid parkId, string? year, CancellationToken cancellationToken = default)
    {
        RequireAdministrator(caller);
        var y = ParseYear(year);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        if (!await db.Parks.AnyAsync(p => p.Id == parkId, cancellationToken))
        {
            throw new NotFoundException(l["Park.NotFound"]);
        }

        if (!await db.ParkPublications.AnyAsync(p => p.ParkId == parkId && p.Year == y, cancellationToken))
        {
            db.ParkPublications.Add(new ParkPublication(Guid.NewGuid(), parkId, y, caller.UserId, clock.GetUtcNow(), Today));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (db.IsUniqueViolation(e))
            {
                // Published by a concurrent request: the year is public either way.
            }
        }

        Invalidate();
    }

    /// <summary>Takes a park's year off the public page (administrators).</summary>
    public async Task UnpublishAsync(Caller caller, Guid parkId, string? year, CancellationToken cancellationToken = default)
    {
        RequireAdministrator(caller);
        var y = ParseYear(year);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        if (!await db.Parks.AnyAsync(p => p.Id == parkId, cancellationToken))
        {
            throw new NotFoundException(l["Park.NotFound"]);
        }

        await db.ParkPublications.Where(p => p.ParkId == parkId && p.Year == y).ExecuteDeleteAsync(cancellationToken);
        Invalidate();
    }

    /// <summary>Drops every cached public answer (a publish switch changed).</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref generation);
        cache.Clear();
    }

    private static IReadOnlyList<PublicFigureDto> Headline(ParkKpis kpis) =>
        [.. PublicFigures.Headline(kpis).Select(f => new PublicFigureDto(f.Key, f.Value is { } v ? Math.Round(v, 1) : null, f.Unit, f.Basis.Key(), f.Suppressed))];

    private int ParseYear(string? year)
    {
        var y = year is { Length: 4 } && year.All(char.IsAsciiDigit) ? int.Parse(year, System.Globalization.CultureInfo.InvariantCulture) : 0;
        if (y < 1900)
        {
            throw DomainGuard.Invalid("year", l["Publication.YearFormat"]);
        }

        if (y > ReportPeriod.LastClosedYear(Today).Year)
        {
            throw DomainGuard.Invalid("year", l["Publication.YearClosed"]);
        }

        return y;
    }

    private void RequireAdministrator(Caller caller)
    {
        if (!caller.IsAdministrator)
        {
            throw new ForbiddenException(l["Publication.AdministratorsOnly"]);
        }
    }

    private async Task<T> CachedAsync<T>(string key, Func<Task<T>> load)
        where T : class
    {
        var now = clock.GetUtcNow();
        if (cache.TryGetValue(key, out var hit) && hit.Until > now)
        {
            return (T)hit.Value;
        }

        var before = Interlocked.Read(ref generation);
        var value = await load();
        if (Interlocked.Read(ref generation) == before)
        {
            // Not stored when a publish switch changed during the load: the next request reads again.
            cache[key] = (now + CacheFor, value);
        }

        return value;
    }
}
