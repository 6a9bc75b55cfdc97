using EcoPark.Application.Common;
using EcoPark.Application.Factories;
using EcoPark.Application.Jobs;
using EcoPark.Application.Matching;
using EcoPark.Application.Parks;
using EcoPark.Domain.Access;
using EcoPark.Domain.Common;
using EcoPark.Domain.Matching;
using EcoPark.Web.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace EcoPark.Web.Features.Matching;

/// <summary>
/// The staff workbench: the park's stored candidates a page at a time (filtered, sorted and paged in the database, so a
/// circuit holds the visible page only), the map's top links of the current filter, the park's matches, and a pair's
/// explanation computed when its row is opened. Prerendering reads the parks and the table's first page, draws the rows
/// into the HTML and hands them to the interactive circuit as persisted component state (<see cref="WorkbenchFirstPage"/>),
/// so that the first rows show before the circuit starts and the circuit does not read them again; the map, the matches
/// and the recomputation note are read by the circuit only, after the rows.
/// </summary>
public partial class MatchingWorkbenchPage : IDisposable
{
    /// <summary>How many of the filter's top workable pairs the map draws.</summary>
    private const int MaxMapLinks = 15;

    /// <summary>The table's first page size (its <c>RowsPerPage</c>), which the prerendering reads.</summary>
    private const int RowsPerPage = 15;

    /// <summary>The three engines' statuses, each once; the engines declare them worst first, the filter lists them best first.</summary>
    private static readonly IReadOnlyList<string> Statuses =
        [.. EnumKeys.All<WaterMatchStatus>().Concat(EnumKeys.All<HeatMatchStatus>()).Concat(EnumKeys.All<ByproductMatchStatus>()).Distinct().Reverse()];

    private IReadOnlyList<ParkOption> parks = [];
    private IReadOnlyList<FactoryDto>? factories;
    private IReadOnlyList<FactoryDto> parkFactories = [];
    private IReadOnlyList<CandidateDto> links = [];
    private IReadOnlyList<MapPoint> mapPoints = [];
    private IReadOnlyList<MapLink> mapLinks = [];
    private IReadOnlyList<MatchCaseDto> cases = [];
    private MudTable<CandidateRow>? table;
    private WorkbenchFirstPage? prerendered;
    private PersistingComponentStateSubscription persisting;
    private MatchExplanation? selected;
    private JobProgress? recomputing;
    private bool totalIsLowerBound;
    private Guid? parkId;
    private string resource = string.Empty;
    private decimal? minBenefit;
    private string status = string.Empty;
    private bool includeBlocked;
    private bool showInfeasible;
    private bool casesLoaded;
    private bool drawerOpen;
    private bool proposing;
    private bool tryPairOpen;
    private Guid? linkedPark;
    private CaseFilter? caseFilter;

    [Inject]
    private ParkQueries ParkQueries { get; set; } = default!;

    [Inject]
    private FactoryQueries FactoryQueries { get; set; } = default!;

    [Inject]
    private Matchmaking Matchmaking { get; set; } = default!;

    [Inject]
    private MatchCases MatchCases { get; set; } = default!;

    [Inject]
    private PersistentComponentState State { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    /// <summary>A link's park (the dashboard's figures link here filtered), taken once, when the page first picks its park.</summary>
    [SupplyParameterFromQuery(Name = "park")]
    public Guid? ParkQuery { get; set; }

    /// <summary>A link's resource: the first value of the resource filter, and the matches listed.</summary>
    [SupplyParameterFromQuery(Name = "resource")]
    public string? ResourceQuery { get; set; }

    /// <summary>A link's match states, comma-separated keys (<c>agreed,operating</c>): the matches listed.</summary>
    [SupplyParameterFromQuery(Name = "state")]
    public string? StateQuery { get; set; }

    /// <summary>
    /// The table's filter. Only feasible pairs show until staff ask for the others (or pick a status): an infeasible pair
    /// carries nothing (0 a month) and a park has far more of them than of feasible ones.
    /// </summary>
    private CandidateFilter Filter => new(resource.Length == 0 ? null : resource, status.Length == 0 ? null : status, minBenefit, includeBlocked,
        FeasibleOnly: status.Length == 0 && !showInfeasible && !includeBlocked);

    /// <summary>The table's first load: page 1 in rank order, as the prerendering reads it.</summary>
    private static CandidatePaging FirstPaging => new(1, RowsPerPage);

    /// <summary>
    /// The table's rows come from <see cref="LoadPageAsync"/> in the circuit; MudTable calls it only once interactive, so
    /// while prerendering the table is given the prerendered rows instead.
    /// </summary>
    private Func<TableState, CancellationToken, Task<TableData<CandidateRow>>>? ServerData => RendererInfo.IsInteractive ? LoadPageAsync : null;

    private IEnumerable<CandidateRow>? PrerenderedRows => RendererInfo.IsInteractive ? null : prerendered?.Rows;

    /// <summary>The pager's total while prerendering, when the table holds the first page only.</summary>
    private int? PrerenderedTotal => RendererInfo.IsInteractive ? null : prerendered?.Total;

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            await PrerenderFirstPageAsync();
            return;
        }

        if (State.TryTakeFromJson<WorkbenchFirstPage>(WorkbenchFirstPage.StateKey, out var restored) && restored is not null)
        {
            // The prerendered parks and rows: the table's first load takes the rows instead of reading them again.
            prerendered = restored;
            parks = restored.Parks;
            await ParkChangedAsync(restored.ParkId);
            return;
        }

        // No prerendering (an in-app navigation): the circuit reads everything, the rows through the table's first load.
        var caller = await LoadCallerAsync();
        parks = await ParkOptionsAsync(caller);
        await ParkChangedAsync(parks.FirstOrDefault()?.Id);
    }

    /// <summary>
    /// Prerendering: the parks and the first page of the first park, with the same query as the table's first load, kept
    /// for the HTML and persisted for the circuit. The rest of the page is read by the circuit.
    /// </summary>
    private async Task PrerenderFirstPageAsync()
    {
        var caller = await LoadCallerAsync();
        parks = await ParkOptionsAsync(caller);
        parkId = linkedPark is { } linked && parks.Any(p => p.Id == linked) ? linked : parks.FirstOrDefault()?.Id;
        var page = parkId is { } id ? await Matchmaking.ParkCandidatesAsync(caller, id, Filter, FirstPaging) : new CandidatePage([], 0);
        totalIsLowerBound = page.TotalIsLowerBound;
        prerendered = new WorkbenchFirstPage(parks, parkId, Filter, FirstPaging, [.. page.Items.Select(CandidateRow.Of)], page.Total, page.TotalIsLowerBound);
        persisting = State.RegisterOnPersisting(() =>
        {
            if (prerendered is { } first)
            {
                State.PersistAsJson(WorkbenchFirstPage.StateKey, first);
            }

            return Task.CompletedTask;
        });
    }

    private async Task<IReadOnlyList<ParkOption>> ParkOptionsAsync(Caller caller) =>
        [.. (await ParkQueries.ListAsync(caller)).Where(p => caller.IsAdministrator || caller.ParkIds.Contains(p.Id)).Select(ParkOption.Of)];

    private async Task ParkChangedAsync(Guid? id)
    {
        if (linkedPark is { } linked && parks.Any(p => p.Id == linked))
        {
            id = linked;
        }

        linkedPark = null;
        parkId = id;
        await ReloadAsync();
    }

    /// <summary>
    /// The table from its first page, then what goes beside it: the map's links, the park's matches, the recomputation
    /// under way. The rows come first, as they are what staff wait for; the table draws them before the rest is read.
    /// </summary>
    private async Task ReloadAsync()
    {
        if (parkId is not { } id)
        {
            return;
        }

        if (table is not null)
        {
            await table.ReloadServerData();
        }

        var caller = await LoadCallerAsync();
        // The factories are for the map only, so they are read after the rows, once per page.
        factories ??= await FactoryQueries.ListAsync(caller);
        parkFactories = [.. factories.Where(f => f.ParkId == id)];
        var top = await Matchmaking.ParkCandidatesAsync(caller, id, Filter with { FeasibleOnly = true }, new CandidatePaging(1, MaxMapLinks * 4));
        links = [.. top.Items.Where(c => c.Feasible && parkFactories.Any(f => f.Id == c.SupplyFactoryId) && parkFactories.Any(f => f.Id == c.DemandFactoryId)).Take(MaxMapLinks)];
        // Points and links together, so that the map is drawn once with both.
        mapPoints = [.. parkFactories.Select(MapPoint.Of)];
        mapLinks = [.. links.Select(MapLinkOf)];
        cases = await MatchCases.ListAsync(caller, id);
        casesLoaded = true;
        recomputing = await Matchmaking.RecomputingAsync();
    }

    /// <summary>The filters a link brings (see the query parameters), before the page reads anything.</summary>
    protected override void OnInitialized()
    {
        var filter = CaseFilter.Of(ResourceQuery, StateQuery);
        caseFilter = filter.IsEmpty ? null : filter;
        resource = filter.Resource ?? resource;
        linkedPark = ParkQuery;
    }

    private string CaseFilterText(CaseFilter filter) =>
        L["Matching.CaseFilter", string.Join(" · ", new[] { filter.Resource is { } r ? L["Resource." + r].Value : null }
            .Concat(filter.States.Select(s => L["State." + s].Value)).OfType<string>())];

    /// <summary>
    /// A page of the table. The first load after prerendering is answered by the prerendered rows when it asks for the
    /// same page (once: the rows are dropped after it); every other load is read from the database.
    /// </summary>
    private async Task<TableData<CandidateRow>> LoadPageAsync(TableState state, CancellationToken cancellationToken)
    {
        var first = prerendered;
        prerendered = null;
        if (parkId is not { } id)
        {
            return new TableData<CandidateRow> { Items = [], TotalItems = 0 };
        }

        var sort = state.SortDirection == SortDirection.None || string.IsNullOrEmpty(state.SortLabel)
            ? "rank"
            : state.SortDirection == SortDirection.Descending ? "-" + state.SortLabel : state.SortLabel;
        var paging = new CandidatePaging(state.Page + 1, state.PageSize, sort);
        if (first is not null && first.Answers(id, Filter, paging))
        {
            totalIsLowerBound = first.TotalIsLowerBound;
            return new TableData<CandidateRow> { Items = first.Rows, TotalItems = first.Total };
        }

        var page = await Matchmaking.ParkCandidatesAsync(await LoadCallerAsync(), id, Filter, paging, cancellationToken);
        totalIsLowerBound = page.TotalIsLowerBound;
        return new TableData<CandidateRow> { Items = [.. page.Items.Select(CandidateRow.Of)], TotalItems = page.Total };
    }

    /// <summary>A candidate on the map: solid once its match operates, dashed before; a click opens the same explanation as its row.</summary>
    private MapLink MapLinkOf(CandidateDto c)
    {
        var distance = c.DistanceM is { } m ? " · " + L["Map.Metres", m.ToString("N0")] : string.Empty;
        var state = c.MatchState is { } s ? L["State." + s].Value : L.Status(c.Status);
        var label = $"{c.SupplyFactory} → {c.DemandFactory} · {L["Resource." + c.Resource]}{distance} · {state}";
        return new MapLink(LinkKey(c), c.SupplyFactoryId, c.DemandFactoryId, c.Resource, c.MatchState ?? c.Status, label, null);
    }

    private static string LinkKey(CandidateDto c) => $"{c.SupplyStreamId:N}-{c.DemandStreamId:N}";

    private Task OpenLinkAsync(string key) =>
        links.FirstOrDefault(c => LinkKey(c) == key) is { } candidate ? OpenAsync(candidate.SupplyStreamId, candidate.DemandStreamId) : Task.CompletedTask;

    private async Task OpenAsync(Guid supplyStreamId, Guid demandStreamId)
    {
        try
        {
            selected = await Matchmaking.ExplainAsync(await LoadCallerAsync(), supplyStreamId, demandStreamId);
            drawerOpen = true;
        }
        catch (NotFoundException e)
        {
            Snackbar.Add(e.Message, Severity.Error);
        }
    }

    private async Task ProposeAsync()
    {
        if (selected is null)
        {
            return;
        }

        proposing = true;
        try
        {
            var match = await MatchCases.TakeUpAsync(await LoadCallerAsync(), new TakeUpInput { SupplyStreamId = selected.Candidate.SupplyStreamId, DemandStreamId = selected.Candidate.DemandStreamId });
            Snackbar.Add(L["Matching.Proposed"], Severity.Success);
            Navigation.NavigateTo($"matching/cases/{match.Id}");
        }
        catch (FluentValidation.ValidationException e)
        {
            Snackbar.Add(string.Join(" ", e.Errors.Select(x => x.ErrorMessage)), Severity.Error);
        }
        catch (NotFoundException e)
        {
            Snackbar.Add(e.Message, Severity.Error);
        }
        finally
        {
            proposing = false;
        }
    }

    public void Dispose()
    {
        persisting.Dispose();
        GC.SuppressFinalize(this);
    }
}
