using EcoPark.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace EcoPark.Web.Shared;

/// <summary>
/// The park map used by the workbench, the allocation result and the dashboard. The server renders an SVG of the factories and
/// links (usable before the circuit's script runs, and if the map script fails); once interactive, wwwroot/js/parkmap.js draws
/// the same on a Leaflet map with pan and zoom, names placed so that they do not overlap, and clickable dots and links. Without
/// a configured tile URL the map has no background; with one, its tiles lie beneath.
/// </summary>
public partial class ParkMap : IAsyncDisposable
{
    private const int Width = 640, Height = 420, Pad = 40;

    // One drawing at a time: a render can come while the previous one's map is still being created.
    private readonly SemaphoreSlim drawing = new(1, 1);
    private ElementReference canvas;
    private IJSObjectReference? module;
    private IJSObjectReference? map;
    private DotNetObjectReference<ParkMap>? self;
    private string? drawn;
    private bool live;
    private bool failed;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ILogger<ParkMap> Logger { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    [Inject]
    private IOptions<EcoParkOptions> Options { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<MapPoint> Points { get; set; } = [];

    [Parameter, EditorRequired]
    public IReadOnlyList<MapLink> Links { get; set; } = [];

    /// <summary>When set, a click on a link calls this with the link's key instead of following its href.</summary>
    [Parameter]
    public EventCallback<string> OnLinkClick { get; set; }

    /// <summary>What the host says about the links shown (e.g. which ones), after the map's own help.</summary>
    [Parameter]
    public string? Caption { get; set; }

    [Parameter]
    public string TestId { get; set; } = "park-map";

    private string MapState => live ? "live" : failed ? "failed" : "static";

    private IEnumerable<MapLink> DrawnLinks => Links.Where(l => Points.Any(p => p.Id == l.FromId) && Points.Any(p => p.Id == l.ToId));

    private IEnumerable<string> Resources => Links.Select(l => l.Resource).Distinct().Order(StringComparer.Ordinal);

    private MapPoint Point(Guid id) => Points.First(p => p.Id == id);

    internal static string Colour(string resource) => resource switch { "water" => "#1565c0", "heat" => "#c62828", _ => "#8d6e63" };

    private static bool Dashed(MapLink link) => link.State != "operating";

    /// <summary>Called by the map script when a link is clicked and the host page asked for link clicks.</summary>
    [JSInvokable]
    public Task LinkClicked(string key) => OnLinkClick.InvokeAsync(key);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Draw again only when what is shown changed (the host re-renders for many other reasons).
        var key = string.Join("|", Points.Select(p => $"{p.Id}:{p.Name}:{p.Latitude}:{p.Longitude}")) + "#" + string.Join("|", Links.Select(l => $"{l.Key}:{l.State}:{l.Label}"));
        // Nothing to draw until the host has loaded its factories (it renders once before, while loading).
        if (key == drawn || failed || (Points.Count == 0 && map is null))
        {
            return;
        }

        drawn = key;
        await drawing.WaitAsync();
        try
        {
            module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/parkmap.js");
            self ??= DotNetObjectReference.Create(this);
            await DisposeMapAsync();
            var tiles = Options.Value.Map;
            map = await module.InvokeAsync<IJSObjectReference>("create", canvas, new
            {
                tileUrl = string.IsNullOrWhiteSpace(tiles.TileUrl) ? null : tiles.TileUrl,
                tileAttribution = tiles.TileAttribution,
                points = Points.Select(p => new { id = p.Id, name = p.Name, lat = p.Latitude, lon = p.Longitude, href = p.Href }),
                links = DrawnLinks.Select(l => new { key = l.Key, fromId = l.FromId, toId = l.ToId, resource = l.Resource, state = l.State, label = l.Label, href = l.Href, callback = OnLinkClick.HasDelegate }),
            }, self);
            if (!live)
            {
                live = true;
                StateHasChanged();
            }
        }
        catch (JSException e)
        {
            // The map script did not load or run: the server-drawn map stays.
            Logger.LogWarning(e, "The interactive park map could not start; the drawn map stays");
            failed = true;
            live = false;
            StateHasChanged();
        }
        catch (JSDisconnectedException)
        {
            // The circuit went away while drawing.
        }
        finally
        {
            drawing.Release();
        }
    }

    private async Task DisposeMapAsync()
    {
        if (map is null || module is null)
        {
            return;
        }

        var old = map;
        map = null;
        await module.InvokeVoidAsync("dispose", old);
        await old.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await DisposeMapAsync();
            if (module is not null)
            {
                await module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit has ended; the browser has dropped the map with the page.
        }

        self?.Dispose();
        GC.SuppressFinalize(this);
    }
}
