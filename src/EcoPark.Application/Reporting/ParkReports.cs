using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EcoPark.Application.Abstractions;
using EcoPark.Application.Common;
using EcoPark.Domain.Access;
using EcoPark.Domain.Common;
using EcoPark.Domain.Matching;
using EcoPark.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Reporting;

/// <summary>
/// A park's monthly or annual report as PDF or xlsx, for the park's staff, administrators and auditors. A report is generated on
/// request from the KPIs and stored with the version of what it was built from; the same request on the same data returns the stored file.
/// </summary>
public sealed class ParkReports(IEcoParkDbContextFactory dbFactory, TimeProvider clock, IStringLocalizer<Messages> l, IParkReportPdf pdf)
{
    /// <summary>Changes when the report's layout or content changes, so that a new layout is never answered with an old stored file.</summary>
    public const string LayoutVersion = "park-report-1";

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<ParkReportFile> GetAsync(Caller caller, Guid parkId, string? kind, string? period, string? format, IReportText text,
        CancellationToken cancellationToken = default)
    {
        if (!ParkKpiQueries.MayRead(caller, parkId))
        {
            throw new NotFoundException(l["Park.NotFound"]);
        }

        var reportKind = ParseKind(kind);
        var reportFormat = ParseFormat(format);
        var reportPeriod = ParsePeriod(reportKind, period);
        var today = Today;

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var loaded = await ParkKpiQueries.LoadAsync(db, parkId, cancellationToken) ?? throw new NotFoundException(l["Park.NotFound"]);
        var kpis = ParkKpiQueries.ToDto(loaded, reportPeriod, today);
        var factors = await FactorsAsync(db, kpis.RuleSetVersions, cancellationToken);
        var version = Version(loaded.DataVersion, reportKind, reportPeriod, reportFormat, kpis.LastClosedMonth, kpis.RuleSetVersions, factors);
        var fileName = string.Create(CultureInfo.InvariantCulture,
            $"park-report-{reportKind.Key()}-{reportPeriod}.{(reportFormat == ReportFormat.Pdf ? "pdf" : "xlsx")}");
        var contentType = reportFormat == ReportFormat.Pdf ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

        var stored = await FindAsync(db, parkId, reportKind, reportPeriod, reportFormat, version, cancellationToken);
        if (stored is not null)
        {
            return new ParkReportFile(fileName, contentType, stored.Content, version, FromStore: true);
        }

        var content = Content(loaded, kpis, reportKind, reportPeriod, today, version, factors, text);
        var bytes = reportFormat == ReportFormat.Pdf ? pdf.Render(content) : ParkReportWorkbook.Xlsx(content);
        var report = new ParkReport(Guid.NewGuid(), parkId, reportKind, reportPeriod, reportFormat, version, bytes,
            Convert.ToHexStringLower(SHA256.HashData(bytes)), caller.UserId == Guid.Empty ? null : caller.UserId, clock.GetUtcNow());
        db.ParkReports.Add(report);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // Another request stored the same report first: answer with its copy, so both callers get the same file.
            db.ChangeTracker.Clear();
            var first = await FindAsync(db, parkId, reportKind, reportPeriod, reportFormat, version, cancellationToken);
            return new ParkReportFile(fileName, contentType, first?.Content ?? bytes, version, FromStore: first is not null);
        }

        return new ParkReportFile(fileName, contentType, bytes, version, FromStore: false);
    }

    private static Task<ParkReport?> FindAsync(IEcoParkDbContext db, Guid parkId, ReportKind kind, ReportPeriod period, ReportFormat format, string version,
        CancellationToken cancellationToken)
    {
        var text = period.ToString();
        return db.ParkReports.AsNoTracking()
            .FirstOrDefaultAsync(r => r.ParkId == parkId && r.Kind == kind && r.Period == text && r.Format == format && r.DataVersion == version, cancellationToken);
    }

    private ReportKind ParseKind(string? kind) => kind switch
    {
        "monthly" => ReportKind.Monthly,
        "annual" => ReportKind.Annual,
        _ => throw DomainGuard.Invalid("kind", l["Report.KindUnknown"]),
    };

    private ReportFormat ParseFormat(string? format) => format switch
    {
        null or "pdf" => ReportFormat.Pdf,
        "xlsx" => ReportFormat.Xlsx,
        _ => throw DomainGuard.Invalid("format", l["Report.FormatUnknown"]),
    };

    /// <summary>An annual report takes a year, a monthly one a month; without one, the last closed year or month.</summary>
    private ReportPeriod ParsePeriod(ReportKind kind, string? period)
    {
        if (period is null)
        {
            var lastMonth = Today.AddMonths(-1);
            return kind == ReportKind.Annual ? ReportPeriod.LastClosedYear(Today) : new ReportPeriod(lastMonth.Year, lastMonth.Month);
        }

        if (!ReportPeriod.TryParse(period, out var parsed))
        {
            throw DomainGuard.Invalid("period", l["Report.PeriodFormat"]);
        }

        if (parsed.IsMonth != (kind == ReportKind.Monthly))
        {
            throw DomainGuard.Invalid("period", l[kind == ReportKind.Monthly ? "Report.PeriodMonthly" : "Report.PeriodAnnual"]);
        }

        return parsed;
    }

    /// <summary>A hash of everything the report is built from, so that equal inputs give an equal version and any change a new one.</summary>
    private static string Version(string records, ReportKind kind, ReportPeriod period, ReportFormat format, string lastClosedMonth,
        IReadOnlyList<string> ruleSets, IReadOnlyList<ReportEmissionFactor> factors)
    {
        var text = string.Join('|', [LayoutVersion, records, kind.Key(), period.ToString(), format.Key(), lastClosedMonth, .. ruleSets,
            .. factors.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Version}:{f.Key}={f.Value}"))]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The emission factors of the matching rule-set versions the linkages were evaluated with.</summary>
    private static async Task<IReadOnlyList<ReportEmissionFactor>> FactorsAsync(IEcoParkDbContext db, IReadOnlyList<string> versions, CancellationToken cancellationToken)
    {
        var records = await db.MatchingRuleSets.AsNoTracking()
            .Where(r => r.Kind == MatchingRuleKind.Parameters && versions.Contains(r.Version)).OrderBy(r => r.Version).ToListAsync(cancellationToken);
        var list = new List<ReportEmissionFactor>();
        foreach (var p in MatchingRuleSetRecord.ParametersOf(records))
        {
            list.Add(new ReportEmissionFactor(p.Version, "grid", p.GridKgCo2ePerKwh, "kgCO2e/kWh"));
            list.Add(new ReportEmissionFactor(p.Version, "tapWater", p.Water.TapKgCo2ePerM3, "kgCO2e/m3"));
            list.AddRange(p.Heat.Fuels.Select(f => new ReportEmissionFactor(p.Version, "fuel." + f.Fuel.Key(), f.KgCo2ePerKwh, "kgCO2e/kWh")));
            list.Add(new ReportEmissionFactor(p.Version, "truck", p.Byproduct.TruckKgCo2ePerTonneKm, "kgCO2e/t·km"));
        }

        return list;
    }

    private static ParkReportContent Content(LoadedPark loaded, ParkKpisDto kpis, ReportKind kind, ReportPeriod period, DateOnly today, string version,
        IReadOnlyList<ReportEmissionFactor> factors, IReportText text)
    {
        string Name(Guid id) => loaded.Factories.TryGetValue(id, out var f) ? f.Name.Zh : "–";
        var filing = KpiCalculator.Compute(loaded.Records, period, today).Filing;
        var linkages = loaded.Records.Linkages
            .Select(x => (x.Match, State: x.StateOn(period.End)))
            .Where(x => x.State is not null)
            .OrderBy(x => x.Match.Resource).ThenByDescending(x => x.State)
            .Select(x => new ReportLinkage(x.Match.Resource.Key(), x.State!.Value.Key(), Name(x.Match.SupplyFactoryId), Name(x.Match.DemandFactoryId),
                x.Match.Steps.Where(s => s.State == x.State && s.EventDate <= period.End).Select(s => (DateOnly?)s.EventDate).Min()));
        var months = kind == ReportKind.Annual ? 12 : KpiCalculator.TrendMonths;
        return new ParkReportContent(kind, period.ToString(), kpis.ParkNameZh, kpis.ParkNameEn, version, DateTimeOffset.UtcNow, kpis.Figures,
            [.. kpis.Trend.TakeLast(months)], kpis.Linkages, [.. linkages], filing.LastClosedMonth, [.. filing.Filed.Select(Name).Order(StringComparer.Ordinal)],
            [.. filing.Overdue.Select(Name).Order(StringComparer.Ordinal)], kpis.RuleSetVersions, factors, text);
    }
}
