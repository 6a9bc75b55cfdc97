using System.Globalization;
using System.Text.Json;
using EcoPark.Application.Abstractions;
using EcoPark.Application.Common;
using EcoPark.Application.Matching;
using EcoPark.Domain.Access;
using EcoPark.Domain.Common;
using EcoPark.Domain.Factories;
using EcoPark.Domain.Fees;
using EcoPark.Domain.Matching;
using EcoPark.Domain.Parks;
using EcoPark.Domain.Reporting;
using EcoPark.Domain.Water;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Reporting;

/// <summary>
/// Loads what a park has on record and hands it to <see cref="KpiCalculator"/>: the park's factories, the matches it leads (each with
/// the figures of its stored evaluation) and its factories' filings. For the park's staff, administrators and auditors.
/// </summary>
public sealed class ParkKpiQueries(IEcoParkDbContextFactory dbFactory, TimeProvider clock, IStringLocalizer<Messages> l)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>Parses a period for a request, or a 400 naming the field.</summary>
    public ReportPeriod ParsePeriod(string? text, string field = "period") =>
        ReportPeriod.TryParse(text, out var period) ? period : throw DomainGuard.Invalid(field, l["Report.PeriodFormat"]);

    /// <summary>Whether the caller may read a park's KPIs: administrators, auditors and the park's staff.</summary>
    public static bool MayRead(Caller caller, Guid parkId) => caller.SeesEverything || Matchmaking.IsStaff(caller, parkId);

    /// <summary>A park's KPIs; <paramref name="parkId"/> null: every park together (administrators and auditors).</summary>
    public async Task<ParkKpisDto> GetAsync(Caller caller, Guid? parkId, ReportPeriod period, CancellationToken cancellationToken = default)
    {
        if (parkId is { } id ? !MayRead(caller, id) : !caller.SeesEverything)
        {
            throw new NotFoundException(l["Park.NotFound"]);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var loaded = await LoadAsync(db, parkId, cancellationToken) ?? throw new NotFoundException(l["Park.NotFound"]);
        return ToDto(loaded, period, Today);
    }

    /// <summary>
    /// The park's factories and its agreed-to-operating matches (those that commit the supplier's volume), for the dashboard map.
    /// Same readers as the KPIs; names, places, resource and state only.
    /// </summary>
    public async Task<ParkMapDto> MapAsync(Caller caller, Guid parkId, CancellationToken cancellationToken = default)
    {
        if (!MayRead(caller, parkId))
        {
            throw new NotFoundException(l["Park.NotFound"]);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var committed = new[] { MatchState.Agreed, MatchState.Permits, MatchState.Built, MatchState.Operating };
        var matches = await db.MatchCases.AsNoTracking().Where(m => m.ParkId == parkId && committed.Contains(m.State))
            .Select(m => new { m.Id, m.SupplyFactoryId, m.DemandFactoryId, m.Resource, m.State }).ToListAsync(cancellationToken);
        var reached = matches.SelectMany(m => new[] { m.SupplyFactoryId, m.DemandFactoryId }).Distinct().ToList();
        var factories = await db.Factories.AsNoTracking().Where(f => f.ParkId == parkId || reached.Contains(f.Id))
            .Select(f => new { f.Id, f.Name, f.Location }).ToListAsync(cancellationToken);
        return new ParkMapDto(
            [.. factories.OrderBy(f => f.Name.Zh, StringComparer.Ordinal).Select(f => new MapFactoryDto(f.Id, f.Name.Zh, f.Name.En, f.Location.Latitude, f.Location.Longitude))],
            [.. matches.Select(m => new MapMatchDto(m.Id, m.SupplyFactoryId, m.DemandFactoryId, m.Resource.Key(), m.State.Key()))]);
    }

    /// <summary>What the KPIs are computed from, loaded once (also for the reports and the public figures).</summary>
    internal static async Task<LoadedPark?> LoadAsync(IEcoParkDbContext db, Guid? parkId, CancellationToken cancellationToken)
    {
        var parks = await db.Parks.AsNoTracking().Where(p => parkId == null || p.Id == parkId).OrderBy(p => p.Name.Zh).ToListAsync(cancellationToken);
        if (parks.Count == 0)
        {
            return null;
        }

        var parkIds = parks.Select(p => p.Id).ToList();
        var factories = await db.Factories.AsNoTracking().Where(f => parkIds.Contains(f.ParkId)).ToListAsync(cancellationToken);
        var factoryIds = factories.Select(f => f.Id).ToList();
        var matches = await db.MatchCases.AsNoTracking().Where(m => parkIds.Contains(m.ParkId)).ToListAsync(cancellationToken);
        // The park's factories' filings, and those of a buyer in another park that one of its water linkages serves (for the fee saved).
        var filers = factoryIds.Concat(matches.Where(m => m.Resource == ResourceKind.Water).Select(m => m.DemandFactoryId)).Distinct().ToList();
        var filings = await db.WaterBalanceFilings.AsNoTracking().Where(f => filers.Contains(f.FactoryId)).ToListAsync(cancellationToken);
        var feeRules = await db.FeeRuleSets.AsNoTracking().Where(r => r.Scheme == FeeScheme.Regulation2023).ToListAsync(cancellationToken);
        var records = new ParkRecords(factoryIds, [.. matches.Select(m => new LinkageRecord(m, Economics(m)))], filings)
        {
            FeeRules = [.. feeRules.Select(r => r.ToRuleSet())],
        };
        return new LoadedPark(parks, factories.ToDictionary(f => f.Id), records, DataVersion(matches, filings));
    }

    internal static ParkKpisDto ToDto(LoadedPark loaded, ReportPeriod period, DateOnly today)
    {
        var report = KpiCalculator.Report(loaded.Records, period, today);
        var k = report.Current;
        var factories = loaded.Factories;
        FactoryRefDto Ref(Guid id) => factories.TryGetValue(id, out var f) ? new FactoryRefDto(id, f.Name.Zh, f.Name.En) : new FactoryRefDto(id, "–", "–");
        var single = loaded.Parks.Count == 1 ? loaded.Parks[0] : null;
        var waiting = loaded.Records.Linkages.Select(x => x.Match).Where(m => !m.IsClosed && m.State != MatchState.Operating)
            .Select(m => (Match: m, Since: m.Steps.Where(s => s.State == m.State).Min(s => s.EventDate)))
            .OrderBy(x => x.Since).Take(5)
            .Select(x => new WaitingMatchDto(x.Match.Id, x.Match.Resource.Key(), x.Match.State.Key(), x.Since, Math.Max(0, today.DayNumber - x.Since.DayNumber),
                Ref(x.Match.SupplyFactoryId).NameZh, Ref(x.Match.DemandFactoryId).NameZh));
        var lines = loaded.Records.Linkages.Select(x => x.Match).Where(m => m.Commits)
            .Where(m => factories.ContainsKey(m.SupplyFactoryId) && factories.ContainsKey(m.DemandFactoryId))
            .Select(m => new LinkageLineDto(m.Id, m.Resource.Key(), m.State.Key(), factories[m.SupplyFactoryId].Location.Latitude,
                factories[m.SupplyFactoryId].Location.Longitude, factories[m.DemandFactoryId].Location.Latitude, factories[m.DemandFactoryId].Location.Longitude));
        return new ParkKpisDto(
            single?.Id,
            single?.Name.Zh ?? string.Join("、", loaded.Parks.Select(p => p.Name.Zh)),
            single?.Name.En ?? string.Join(", ", loaded.Parks.Select(p => p.Name.En)),
            period.ToString(),
            loaded.DataVersion,
            [.. k.Figures().Select(f => new KpiFigureDto(f.Key, Math.Round(f.Value, 2), f.Unit, f.Basis.Key(), f.Contributors))],
            [.. k.Linkages.Select(c => new LinkageCountDto(c.Resource.Key(), c.State.Key(), c.Count))],
            [.. report.Growth.Select(g => g with { Current = Math.Round(g.Current, 2), Previous = Math.Round(g.Previous, 2), Change = Math.Round(g.Change, 2) })],
            [.. report.Trend.Select(t => t with { MeasuredWaterM3 = Math.Round(t.MeasuredWaterM3, 1), PredictedWaterM3 = Math.Round(t.PredictedWaterM3, 1),
                Co2eAvoidedTonnes = Math.Round(t.Co2eAvoidedTonnes, 3), NetBenefitNtd = Math.Round(t.NetBenefitNtd),
                WaterFeeNtd = Math.Round(t.WaterFeeNtd) })],
            [.. k.Credits.Select(c => new FactoryCreditDto(c.FactoryId, Ref(c.FactoryId).NameZh, Ref(c.FactoryId).NameEn, c.NetBenefitNtd, c.Co2eKg))],
            k.Filing.LastClosedMonth,
            [.. k.Filing.Overdue.Select(Ref).OrderBy(f => f.NameZh, StringComparer.Ordinal)],
            [.. waiting],
            [.. lines],
            Sankey(KpiCalculator.SummedBalance(loaded.Records, period)),
            [.. loaded.Records.Linkages.Select(x => x.Economics.ParametersVersion).Where(v => v != "–").Distinct().Order(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Each side's yearly saving and the predicted annual flow from the match's stored evaluation (the economics engine's own figures,
    /// not worked out again here).
    /// </summary>
    internal static LinkageEconomics Economics(MatchCase match)
    {
        try
        {
            switch (match.Resource)
            {
                case ResourceKind.Water when JsonSerializer.Deserialize<WaterMatchResult>(match.EvaluationJson, MatchingRules.Json) is { Economics: { } e } w:
                    return new LinkageEconomics(e.SupplierMonthlyNtd * 12, e.BuyerMonthlyNtd * 12, e.WaterM3PerYear, w.ParametersVersion);
                case ResourceKind.Heat when JsonSerializer.Deserialize<HeatMatchResult>(match.EvaluationJson, MatchingRules.Json) is { Economics: { } e } h:
                    return new LinkageEconomics(e.SupplierSavingNtdPerYear, e.BuyerSavingNtdPerYear, h.DeliveredKwhPerYear / 1000, h.ParametersVersion);
                case ResourceKind.Byproduct when JsonSerializer.Deserialize<ByproductMatchResult>(match.EvaluationJson, MatchingRules.Json) is { Economics: { } e } b:
                    return new LinkageEconomics(e.SupplierSavingNtdPerMonth * 12, e.BuyerSavingNtdPerMonth * 12, b.TonnesPerMonth * 12, b.ParametersVersion);
            }
        }
        catch (JsonException)
        {
            // An evaluation that no longer reads counts for its linkage and CO₂e, not its money.
        }

        return LinkageEconomics.None;
    }

    private static string DataVersion(IReadOnlyList<MatchCase> matches, IReadOnlyList<WaterBalanceFiling> filings)
    {
        var latest = matches.SelectMany(m => m.Steps.Select(s => s.At).Concat(m.Months.Select(x => x.At))).Concat(filings.Select(f => f.LastChangedAt))
            .DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max();
        return string.Create(CultureInfo.InvariantCulture,
            $"m{matches.Count}.{matches.Sum(m => m.Steps.Count + m.Months.Count)}-f{filings.Count}.{filings.Sum(f => f.Versions.Count)}-{latest.UtcDateTime:yyyyMMddHHmmss}");
    }

    private static IReadOnlyList<SankeyLinkDto> Sankey(WaterBalance? b)
    {
        if (b is null || b.TotalIntakeM3 == 0)
        {
            return [];
        }

        var links = new List<SankeyLinkDto>();
        (string Key, decimal M3)[] sources =
        [
            ("tap", b.TapM3), ("surface", b.SurfaceM3), ("groundwater", b.GroundwaterM3), ("otherSupplier", b.OtherSupplierM3),
            ("reclaimedSystem", b.ReclaimedSystemM3), ("reclaimedNonSystem", b.ReclaimedNonSystemM3), ("desalinated", b.DesalinatedM3),
            ("rainwater", b.RainwaterM3), ("condensate", b.CondensateM3),
        ];
        (string Key, decimal M3)[] uses =
            [("cooling", b.CoolingM3), ("process", b.ProcessM3), ("boiler", b.BoilerM3), ("scrubber", b.ScrubberM3), ("domestic", b.DomesticM3), ("otherUse", b.OtherUseM3)];
        (string Key, decimal M3)[] outflows = [("sewer", b.SewerM3), ("waterBody", b.WaterBodyM3), ("evaporation", b.EvaporationLossM3), ("inProduct", b.InProductM3)];
        links.AddRange(sources.Where(s => s.M3 > 0).Select(s => new SankeyLinkDto(s.Key, "intake", s.M3)));
        if (b.ReuseM3 > 0)
        {
            links.Add(new SankeyLinkDto("reuse", "intake", b.ReuseM3));
        }

        links.AddRange(uses.Where(u => u.M3 > 0).Select(u => new SankeyLinkDto("intake", u.Key, u.M3)));
        var usesTotal = uses.Sum(u => u.M3);
        if (usesTotal > 0)
        {
            // Outflows are filed for the factory as a whole, so each use's outflow follows the outflows' shares.
            var outTotal = outflows.Sum(o => o.M3);
            foreach (var use in uses.Where(u => u.M3 > 0))
            {
                links.AddRange(outflows.Where(o => o.M3 > 0 && outTotal > 0).Select(o => new SankeyLinkDto(use.Key, o.Key, Math.Round(use.M3 * o.M3 / outTotal, 1))));
            }
        }

        return links;
    }
}

/// <summary>One or more parks as loaded for the KPIs, with the version of the records behind them.</summary>
public sealed record LoadedPark(IReadOnlyList<Park> Parks, IReadOnlyDictionary<Guid, Factory> Factories, ParkRecords Records, string DataVersion);
