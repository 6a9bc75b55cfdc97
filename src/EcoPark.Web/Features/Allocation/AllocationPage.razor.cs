using EcoPark.Application.Allocation;
using EcoPark.Application.Common;
using EcoPark.Application.Factories;
using EcoPark.Application.Parks;
using EcoPark.Domain.Access;
using EcoPark.Web.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using ValidationException = FluentValidation.ValidationException;

namespace EcoPark.Web.Features.Allocation;

/// <summary>
/// 園區最適配置: staff set a run's options and start it; the run goes to the job queue and the page polls its status
/// (queued, building with N paths, solving) until it ends. The result shows the links with a Sankey per resource, the greedy
/// plan beside it, the shadow prices, "propose selected" (one match case per chosen link, as the workbench opens them), the
/// export, and the park's runs a page at a time, any two of which can be compared.
/// </summary>
public partial class AllocationPage
{
    private const int PageSize = 10;

    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(1);

    private readonly HashSet<string> resources = ["water"];
    private readonly Dictionary<string, string> errors = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource disposed = new();
    private IReadOnlyList<ParkDto> parks = [];
    private IReadOnlyList<FactoryDto> factories = [];
    private Guid? parkId;
    private string objective = "netBenefit";
    private decimal? budgetNtd;
    private decimal? maxPaybackMonths;
    private int timeLimitSeconds = 30;
    private AllocationRunDto? current;
    private HashSet<AllocationLinkDto> selected = [];
    private HashSet<AllocationRunSummaryDto> compare = [];
    private AllocationRunPage runs = new([], 0);
    private (AllocationRunDto A, AllocationRunDto B)? compared;
    private int page = 1;
    private bool proposing;
    private ProposalOutcome? proposal;
    private bool polling;
    private Caller? caller;

    [Inject]
    private ParkQueries ParkQueries { get; set; } = default!;

    [Inject]
    private AllocationRuns Runs { get; set; } = default!;

    [Inject]
    private FactoryQueries FactoryQueries { get; set; } = default!;

    [Inject]
    private AllocationProposals Proposals { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    private bool Running => current is { Status: "queued" or "building" or "solving" };

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        caller = await LoadCallerAsync();
        parks = [.. (await ParkQueries.ListAsync(caller)).Where(p => AllocationRuns.MayRun(caller, p.Id))];
        factories = await FactoryQueries.ListAsync(caller);
        await ParkChangedAsync(parks.FirstOrDefault()?.Id);
    }

    private async Task ParkChangedAsync(Guid? id)
    {
        parkId = id;
        current = null;
        compared = null;
        compare = [];
        page = 1;
        await LoadRunsAsync();
        if (runs.Items.FirstOrDefault() is { } latest)
        {
            await OpenAsync(latest.Id);
        }
    }

    /// <summary>The run's chosen links on the park map (the park's factories and any other a link reaches); a link with a match opens it.</summary>
    private (IReadOnlyList<MapPoint> Points, IReadOnlyList<MapLink> Links) MapOf(AllocationRunDto run)
    {
        var reached = run.Links.SelectMany(k => new[] { k.SupplyFactoryId, k.DemandFactoryId }).ToHashSet();
        IReadOnlyList<MapPoint> points = [.. factories.Where(f => f.ParkId == run.ParkId || reached.Contains(f.Id))
            .Select(MapPoint.Of)];
        IReadOnlyList<MapLink> links = [.. run.Links.Select((k, i) => new MapLink(
            i.ToString(System.Globalization.CultureInfo.InvariantCulture), k.SupplyFactoryId, k.DemandFactoryId, k.Resource, "chosen",
            $"{k.SupplyFactory} → {k.DemandFactory} · {L["Allocation.Resource." + k.Resource]}", k.MatchId is { } match ? $"matching/cases/{match}" : null))];
        return (points, links);
    }

    private void ToggleResource(string resource, bool on)
    {
        if (on)
        {
            resources.Add(resource);
        }
        else
        {
            resources.Remove(resource);
        }
    }

    private async Task StartAsync()
    {
        if (parkId is not { } park || caller is null)
        {
            return;
        }

        errors.Clear();
        var input = new StartAllocationInput
        {
            Resources = [.. StartAllocationInputValidator.ResourceKeys.Where(resources.Contains)],
            Objective = objective,
            BudgetNtd = budgetNtd,
            MaxPaybackMonths = maxPaybackMonths,
            TimeLimitSeconds = timeLimitSeconds,
        };
        try
        {
            var started = await Runs.StartAsync(caller, park, input, disposed.Token);
            page = 1;
            await LoadRunsAsync();
            await OpenAsync(started.Id);
        }
        catch (ValidationException e)
        {
            foreach (var failure in e.Errors)
            {
                var field = failure.PropertyName.Split('[')[0];
                errors[char.ToLowerInvariant(field[0]) + field[1..]] = failure.ErrorMessage;
            }
        }
    }

    private async Task OpenAsync(Guid id)
    {
        if (parkId is not { } park || caller is null)
        {
            return;
        }

        current = await Runs.GetAsync(caller, park, id, disposed.Token);
        selected = [];
        proposal = null;
        if (Running && !polling)
        {
            _ = PollAsync(park, id);
        }
    }

    /// <summary>Reads the run's status every second until it ends, then shows the result and refreshes the list.</summary>
    private async Task PollAsync(Guid park, Guid id)
    {
        polling = true;
        try
        {
            using var timer = new PeriodicTimer(PollEvery);
            while (await timer.WaitForNextTickAsync(disposed.Token))
            {
                if (current?.Id != id || caller is null)
                {
                    return;
                }

                var run = await Runs.GetAsync(caller, park, id, disposed.Token);
                await InvokeAsync(async () =>
                {
                    current = run;
                    if (!Running)
                    {
                        await LoadRunsAsync();
                    }

                    StateHasChanged();
                });
                if (run.Status is not ("queued" or "building" or "solving"))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The page was left.
        }
        finally
        {
            polling = false;
        }
    }

    private async Task CancelAsync()
    {
        if (current is { } run && caller is not null)
        {
            try
            {
                current = await Runs.CancelAsync(caller, run.ParkId, run.Id, disposed.Token);
            }
            catch (ConflictException e)
            {
                Snackbar.Add(e.Message, Severity.Info);
            }
        }
    }

    private async Task LoadRunsAsync()
    {
        runs = parkId is { } park && caller is not null ? await Runs.ListAsync(caller, park, page, PageSize, disposed.Token) : new([], 0);
    }

    private async Task PageAsync(int step)
    {
        page = Math.Max(1, page + step);
        await LoadRunsAsync();
    }

    private async Task CompareAsync()
    {
        if (compare.Count != 2 || parkId is not { } park || caller is null)
        {
            return;
        }

        var two = compare.OrderBy(r => r.RequestedAt).ToList();
        compared = (await Runs.GetAsync(caller, park, two[0].Id, disposed.Token), await Runs.GetAsync(caller, park, two[1].Id, disposed.Token));
    }

    /// <summary>Opens a match case for each selected link, proposed, exactly as the workbench does for one pair; says which a case already followed.</summary>
    private async Task ProposeSelectedAsync()
    {
        if (current is not { } run || caller is null)
        {
            return;
        }

        proposing = true;
        AllocationProposalResult result;
        try
        {
            result = await Proposals.ProposeAsync(caller, run.ParkId, run.Id, [.. selected.Select(k => new AllocationPairKey(k.SupplyStreamId, k.DemandStreamId))],
                L["Allocation.ProposeNote"], disposed.Token);
        }
        finally
        {
            proposing = false;
        }

        // Kept on the page until staff close it or open another run: a refusal's reason must not fade before it is read.
        var refused = result.Refused.Select(r => run.Links.FirstOrDefault(k => k.SupplyStreamId == r.SupplyStreamId && k.DemandStreamId == r.DemandStreamId) is { } link
            ? $"{Side(link.SupplyFactory, link.SupplyName)} → {Side(link.DemandFactory, link.DemandName)}: {r.Reason}"
            : r.Reason).ToList();
        await OpenAsync(run.Id);
        proposal = new ProposalOutcome(result.Opened.Count, result.AlreadyOpen.Count, refused);
    }

    private bool Has(string field) => errors.ContainsKey(field);

    private string? Error(string field) => errors.GetValueOrDefault(field);

    /// <summary>Queued; building (with the number of paths once the pairs are evaluated); solving, with the seconds used of the limit.</summary>
    private string ProgressText(AllocationRunDto run)
    {
        var seconds = Math.Max(0, (int)(DateTimeOffset.UtcNow - (run.StartedAt ?? DateTimeOffset.UtcNow)).TotalSeconds);
        return run.Status switch
        {
            "queued" => L["Allocation.Progress.queued"],
            "building" when run.Paths is { } paths => L["Allocation.Progress.buildingPaths", paths, seconds],
            "building" => L["Allocation.Progress.building"],
            _ => L["Allocation.Progress.solving", run.Paths ?? 0, seconds, run.Options.TimeLimitSeconds],
        };
    }

    private static Color StatusColor(string status) => status switch
    {
        "optimal" => Color.Success,
        "feasible" or "timeLimit" => Color.Info,
        "infeasible" or "cancelled" => Color.Warning,
        _ => Color.Error,
    };

    private static string Money(decimal? value) => AllocationComparison.Money(value);

    private string Side(string factory, string? stream) => stream is null ? factory : $"{factory} · {stream}";

    private string ExportHref(AllocationRunDto run) => $"/api/v1/parks/{run.ParkId}/allocations/{run.Id}/export";

    private static decimal Sum(IEnumerable<AllocationLinkDto> links, string resource) => links.Where(k => k.Resource == resource).Sum(k => k.Quantity);

    private IEnumerable<(string Label, string Optimum, string Greedy, string Difference)> Comparison(AllocationRunDto run)
    {
        foreach (var resource in StartAllocationInputValidator.ResourceKeys.Where(r => run.Options.Resources.Contains(r)))
        {
            var (a, b) = (Sum(run.Links, resource), Sum(run.GreedyLinks, resource));
            yield return ($"{L["Allocation.Resource." + resource]} ({L["Allocation.UnitOf." + resource]})", a.ToString("N1"), b.ToString("N1"), (a - b).ToString("+#,0.0;-#,0.0;0"));
        }

        var (o, g) = (run.ObjectiveNtdPerYear ?? 0, run.GreedyObjectiveNtdPerYear ?? 0);
        yield return (L["Allocation.Objective.NtdPerYear"], Money(o), Money(g), (o - g).ToString("+#,0;-#,0;0"));
        var (i, j) = (run.Links.Sum(k => k.InvestmentNtd), run.GreedyLinks.Sum(k => k.InvestmentNtd));
        yield return (L["Allocation.Investment"], Money(i), Money(j), (i - j).ToString("+#,0;-#,0;0"));
        yield return (L["Allocation.Links"], run.Links.Count.ToString(), run.GreedyLinks.Count.ToString(), (run.Links.Count - run.GreedyLinks.Count).ToString("+0;-0;0"));
    }

    /// <summary>The demands the optimum serves and the greedy plan leaves without reuse.</summary>
    private List<string> OnlyOptimumServes(AllocationRunDto run)
    {
        var greedy = run.GreedyLinks.Select(k => k.DemandStreamId).ToHashSet();
        return [.. run.Links.Where(k => !greedy.Contains(k.DemandStreamId)).GroupBy(k => k.DemandStreamId).Select(g => Side(g.First().DemandFactory, g.First().DemandName))];
    }

    /// <summary>Supplies → treatment (or "as is") → demands, one node per supply, train and demand.</summary>
    private (IReadOnlyList<SankeyNode> Nodes, IReadOnlyList<SankeyFlow> Flows) Sankey(IReadOnlyList<AllocationLinkDto> links)
    {
        var nodes = new List<SankeyNode>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        int Node(string key, string label, string color)
        {
            if (!index.TryGetValue(key, out var i))
            {
                index[key] = i = nodes.Count;
                nodes.Add(new SankeyNode(label, color));
            }

            return i;
        }

        var flows = new List<SankeyFlow>();
        foreach (var link in links)
        {
            var supply = Node("s:" + link.SupplyStreamId, Side(link.SupplyFactory, link.SupplyName), "#4c78a8");
            var train = link.Treatment.Count == 0 ? L["Allocation.AsIs"].Value : string.Join(" + ", link.Treatment);
            var treatment = Node("t:" + train, train, "#9d9da1");
            var demand = Node("d:" + link.DemandStreamId, Side(link.DemandFactory, link.DemandName), "#54a24b");
            flows.Add(new SankeyFlow(supply, treatment, link.Quantity));
            flows.Add(new SankeyFlow(treatment, demand, link.Quantity));
        }

        return (nodes, flows);
    }

    private IEnumerable<(string Label, string A, string B)> CompareRows(AllocationRunDto a, AllocationRunDto b) => AllocationComparison.Rows(a, b, L);

    public void Dispose()
    {
        disposed.Cancel();
        disposed.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>What the last "propose selected" did, as the page shows it: cases opened, links already followed, and each refusal with its link.</summary>
    private sealed record ProposalOutcome(int Opened, int AlreadyOpen, IReadOnlyList<string> Refused);
}
