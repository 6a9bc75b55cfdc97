using EcoPark.Application.Parks;
using EcoPark.Application.Reporting;
using EcoPark.Domain.Access;
using EcoPark.Domain.Common;
using EcoPark.Domain.Matching;
using EcoPark.Domain.Reporting;
using EcoPark.Web.Features.Matching;
using EcoPark.Web.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EcoPark.Web.Features.Dashboard;

/// <summary>
/// The park at a glance for staff (their park), administrators and auditors (a park, or all parks together): KPI cards with
/// their trends, the measured and predicted reused water, the linkages by state, the overdue filings, the matches waiting
/// longest, the water balance as a Sankey and the park map.
/// </summary>
public partial class ParkDashboard
{
    private const string AllParks = "all";

    [Parameter, EditorRequired]
    public Caller Caller { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<ParkDto> Parks { get; set; } = [];

    /// <summary>A KPI card: its figure, the address of the records behind it (filtered as the figure is), and its monthly trend.</summary>
    private sealed record Card(string Key, Func<ParkKpisDto, string> Href, Func<KpiTrendPoint, double> Trend);

    private static readonly Card[] Cards =
    [
        new("measured.waterM3", k => CaseFilter.Link(k.ParkId, "water", "operating"), t => (double)t.MeasuredWaterM3),
        new("predicted.waterM3PerDay", k => CaseFilter.Link(k.ParkId, "water", CaseFilter.Committed), t => (double)t.PredictedWaterM3),
        new("linkages.operating", k => CaseFilter.Link(k.ParkId, null, "operating"), t => t.OperatingLinkages),
        new("savings.netBenefitNtd", k => CaseFilter.Link(k.ParkId, null, CaseFilter.Committed), t => (double)t.NetBenefitNtd),
        new("savings.waterFeeNtd", k => CaseFilter.Link(k.ParkId, "water", CaseFilter.Committed), t => (double)t.WaterFeeNtd),
        new("emissions.co2eAvoidedTonnes", k => CaseFilter.Link(k.ParkId, null, CaseFilter.Committed), t => (double)t.Co2eAvoidedTonnes),
        new("water.r2Percent", k => FilingsLink(k), t => (double)(t.R2Percent ?? 0)),
        new("filing.overdue", k => FilingsLink(k, overdue: true), t => t.FilingOverdue ?? 0),
    ];

    private readonly ChartOptions sparkOptions = new() { ShowLegend = false, ShowToolTips = false };
    private ParkKpisDto? kpis;
    private string selectedPark = AllParks;
    private string periodText = string.Empty;
    private string? periodError;
    private string[] trendLabels = [];
    private List<ChartSeries<double>> waterSeries = [];
    private List<ChartSeries<double>> linkageSeries = [];
    private string[] linkageLabels = [];
    private List<SankeyNode> balanceNodes = [];
    private List<SankeyFlow> balanceFlows = [];
    private (IReadOnlyList<MapPoint> Points, IReadOnlyList<MapLink> Links)? map;

    protected override async Task OnInitializedAsync()
    {
        var lastMonth = Kpis.Today.AddMonths(-1);
        periodText = new ReportPeriod(lastMonth.Year, lastMonth.Month).ToString();
        selectedPark = Caller.SeesEverything && Parks.Count != 1 ? AllParks : Parks.FirstOrDefault()?.Id.ToString() ?? AllParks;
        if (RendererInfo.IsInteractive)
        {
            // Prerendering shows the frame only; the interactive circuit computes the KPIs, once per page load.
            await LoadAsync();
        }
    }

    /// <summary>The committed matches by resource; a click on one opens its case.</summary>
    private (IReadOnlyList<MapPoint>, IReadOnlyList<MapLink>) MapOf(ParkMapDto dto)
    {
        var names = dto.Factories.ToDictionary(f => f.Id, f => Names.Pick(f.NameZh, f.NameEn));
        string Name(Guid id) => names.TryGetValue(id, out var name) ? name : "–";
        return (
            [.. dto.Factories.Select(f => new MapPoint(f.Id, names[f.Id], f.Latitude, f.Longitude, null))],
            [.. dto.Matches.Select(m => new MapLink(m.MatchId.ToString(), m.SupplyFactoryId, m.DemandFactoryId, m.Resource, m.State,
                $"{Name(m.SupplyFactoryId)} → {Name(m.DemandFactoryId)} · {L["Resource." + m.Resource]} · {L["State." + m.State]}", $"matching/cases/{m.MatchId}"))]);
    }

    private static string MonthOf(string period) => period.Length == 4 ? period + "-12" : period;

    /// <summary>The park's filings page: the filings of the KPIs' period (those the water figures sum), or the factories overdue.</summary>
    private static string FilingsLink(ParkKpisDto k, bool overdue = false)
    {
        var park = k.ParkId is { } id ? $"park={id}&" : string.Empty;
        return overdue ? $"filings/park?{park}overdue=true" : $"filings/park?{park}period={k.Period}";
    }

    private List<ChartSeries<double>> Spark(Func<KpiTrendPoint, double> pick) =>
        [new ChartSeries<double> { Name = string.Empty, Data = new ChartData<double>([.. kpis!.Trend.Select(pick)]) }];

    private async Task ParkChangedAsync(string value)
    {
        selectedPark = value;
        await LoadAsync();
    }

    private async Task PeriodChangedAsync(string value)
    {
        periodText = value;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (!ReportPeriod.TryParse(periodText, out var period))
        {
            periodError = L["Dashboard.PeriodHelp"];
            return;
        }

        periodError = null;
        Guid? park = selectedPark == AllParks ? null : Guid.Parse(selectedPark);
        if (park is null && !Caller.SeesEverything)
        {
            return;
        }

        kpis = await Kpis.GetAsync(Caller, park, period);
        map = park is { } one ? MapOf(await Kpis.MapAsync(Caller, one)) : null;
        trendLabels = [.. kpis.Trend.Select((t, i) => i % 6 == 0 ? t.Month : string.Empty)];
        waterSeries =
        [
            new ChartSeries<double> { Name = L["Kpi.measured.waterM3"], Data = new ChartData<double>([.. kpis.Trend.Select(t => (double)t.MeasuredWaterM3)]) },
            new ChartSeries<double> { Name = L["Kpi.predicted.waterM3"], Data = new ChartData<double>([.. kpis.Trend.Select(t => (double)t.PredictedWaterM3)]) },
        ];
        (balanceNodes, balanceFlows) = BalanceDiagram(kpis.Sankey);
        (linkageLabels, linkageSeries) = LinkageChart(kpis.Linkages);
    }

    /// <summary>Linkages by state as stacked bars: one bar per state on record (in the states' order), one series per resource.</summary>
    private (string[], List<ChartSeries<double>>) LinkageChart(IReadOnlyList<LinkageCountDto> counts)
    {
        var states = EnumKeys.All<MatchState>().Where(s => counts.Any(c => c.State == s)).ToList();
        var series = EnumKeys.All<ResourceKind>().Where(r => counts.Any(c => c.Resource == r))
            .Select(r => new ChartSeries<double>
            {
                Name = L["Resource." + r],
                Data = new ChartData<double>([.. states.Select(s => (double)counts.Where(c => c.Resource == r && c.State == s).Sum(c => c.Count))]),
            });
        return ([.. states.Select(s => L["State." + s].Value)], [.. series]);
    }

    /// <summary>
    /// The water balance as a Sankey: sources and reuse on the left, the intake, the uses, then the outflows.
    /// Nodes take the flows' keys in order of first appearance, which the query gives left to right.
    /// </summary>
    private (List<SankeyNode>, List<SankeyFlow>) BalanceDiagram(IReadOnlyList<SankeyLinkDto> links)
    {
        var index = new Dictionary<string, int>();
        var nodes = new List<SankeyNode>();
        var outflows = links.Select(l => l.Target).Except(links.Select(l => l.Source)).ToHashSet();
        int Node(string key)
        {
            if (!index.TryGetValue(key, out var i))
            {
                i = index[key] = nodes.Count;
                var colour = key switch { "reuse" => "#2e7d32", "intake" => "#1565c0", _ when outflows.Contains(key) => "#8d6e63", _ => "#4c78a8" };
                nodes.Add(new SankeyNode(L["Flow." + key], colour));
            }

            return i;
        }

        var flows = links.Where(l => l.M3 > 0).Select(l => new SankeyFlow(Node(l.Source), Node(l.Target), l.M3)).ToList();
        return (nodes, flows);
    }
}
