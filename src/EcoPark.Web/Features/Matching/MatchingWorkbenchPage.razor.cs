using EcoPark.Application.Common;
using EcoPark.Application.Factories;
using EcoPark.Application.Jobs;
using EcoPark.Application.Matching;
using EcoPark.Application.Parks;
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
/// explanation computed when its row is opened. Nothing is loaded while prerendering: the interactive circuit loads once.
/// </summary>
public partial class MatchingWorkbenchPage
{
    /// <summary>How many of the filter's top workable pairs the map draws.</summary>
    private const int MaxMapLinks = 15;

    /// <summary>The three engines' statuses, each once; the engines declare them worst first, the filter lists them best first.</summary>
    private static readonly IReadOnlyList<string> Statuses =
        [.. EnumKeys.All<WaterMatchStatus>().Concat(EnumKeys.All<HeatMatchStatus>()).Concat(EnumKeys.All<ByproductMatchStatus>()).Distinct().Reverse()];

    private IReadOnlyList<ParkDto> parks = [];
    private IReadOnlyList<FactoryDto>? factories;
    private IReadOnlyList<FactoryDto> parkFactories = [];
    private IReadOnlyList<CandidateDto> links = [];
    private IReadOnlyList<MapPoint> mapPoints = [];
    private IReadOnlyList<MapLink> mapLinks = [];
    private IReadOnlyList<MatchCaseDto> cases = [];
    private MudTable<CandidateDto>? table;
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

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            // Prerendering: the page's frame only; the interactive circuit loads the data, once.
            return;
        }

        var caller = await LoadCallerAsync();
        parks = [.. (await ParkQueries.ListAsync(caller)).Where(p => caller.IsAdministrator || caller.ParkIds.Contains(p.Id))];
        await ParkChangedAsync(parks.FirstOrDefault()?.Id);
    }

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

    private async Task<TableData<CandidateDto>> LoadPageAsync(TableState state, CancellationToken cancellationToken)
    {
        if (parkId is not { } id)
        {
            return new TableData<CandidateDto> { Items = [], TotalItems = 0 };
        }

        var sort = state.SortDirection == SortDirection.None || string.IsNullOrEmpty(state.SortLabel)
            ? "rank"
            : state.SortDirection == SortDirection.Descending ? "-" + state.SortLabel : state.SortLabel;
        var page = await Matchmaking.ParkCandidatesAsync(await LoadCallerAsync(), id, Filter, new CandidatePaging(state.Page + 1, state.PageSize, sort), cancellationToken);
        totalIsLowerBound = page.TotalIsLowerBound;
        return new TableData<CandidateDto> { Items = page.Items, TotalItems = page.Total };
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

    private Task OpenLinkAsync(string key) => links.FirstOrDefault(c => LinkKey(c) == key) is { } candidate ? OpenAsync(candidate) : Task.CompletedTask;

    private async Task OpenAsync(CandidateDto candidate)
    {
        try
        {
            selected = await Matchmaking.ExplainAsync(await LoadCallerAsync(), candidate.SupplyStreamId, candidate.DemandStreamId);
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
}
