using EcoPark.Application.Factories;
using EcoPark.Application.Matching;
using EcoPark.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace EcoPark.Web.Features.Matching;

/// <summary>The park drawn from factory coordinates, with the top links of the workbench's current filter as lines; configured map tiles, if any, beneath.</summary>
public partial class ParkMap
{
    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    [Inject]
    private IOptions<EcoParkOptions> Options { get; set; } = default!;

    private const int Width = 640, Height = 420, Pad = 40;

    public const int MaxLinks = 15;

    [Parameter, EditorRequired]
    public IReadOnlyList<FactoryDto> Factories { get; set; } = [];

    [Parameter, EditorRequired]
    public IReadOnlyList<CandidateDto> Candidates { get; set; } = [];

    private string? TileUrl => string.IsNullOrWhiteSpace(Options.Value.Map.TileUrl) ? null : Options.Value.Map.TileUrl;

    private IEnumerable<CandidateDto> Links =>
        Candidates.Where(c => c.Feasible && Factories.Any(f => f.Id == c.SupplyFactoryId) && Factories.Any(f => f.Id == c.DemandFactoryId)).Take(MaxLinks);

    private FactoryDto Factory(Guid id) => Factories.First(f => f.Id == id);

    private string Tile(int zoom, int x, int y) => TileUrl!.Replace("{z}", Invariant(zoom)).Replace("{x}", Invariant(x)).Replace("{y}", Invariant(y));

    private static string Invariant(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Colour(string resource) => resource switch { "water" => "#1565c0", "heat" => "#c62828", _ => "#8d6e63" };

    private static string ShortName(string name) => name.Length > 6 ? name[..6] : name;

    /// <summary>
    /// How coordinates become map pixels. With tiles: Web Mercator at the deepest zoom (≤ 18) where the park
    /// fits, so the tiles line up. Without: an equal-scale equirectangular fit of the park's extent.
    /// </summary>
    private sealed record View(Func<double, double, (double X, double Y)> Pixel, double OffsetX, double OffsetY, int Zoom, bool WithTiles)
    {
        public (double X, double Y) Project(FactoryDto factory)
        {
            var (x, y) = Pixel(factory.Latitude, factory.Longitude);
            return (Math.Round(x - OffsetX, 1), Math.Round(y - OffsetY, 1));
        }

        public IEnumerable<(int Zoom, int X, int Y, double Left, double Top)> Tiles()
        {
            if (!WithTiles)
            {
                yield break;
            }

            for (var tx = (int)Math.Floor(OffsetX / 256); tx * 256 < OffsetX + Width; tx++)
            {
                for (var ty = (int)Math.Floor(OffsetY / 256); ty * 256 < OffsetY + Height; ty++)
                {
                    yield return (Zoom, tx, ty, tx * 256 - OffsetX, ty * 256 - OffsetY);
                }
            }
        }

        public static View Fit(IReadOnlyList<FactoryDto> factories, int width, int height, int pad, bool withTiles)
        {
            Func<double, double, (double, double)> pixel;
            var zoom = 0;
            if (withTiles)
            {
                zoom = 18;
                while (zoom > 0 && !Fits(Mercator(zoom)))
                {
                    zoom--;
                }

                pixel = Mercator(zoom);
            }
            else
            {
                var (minLat, maxLat) = (factories.Min(f => f.Latitude), factories.Max(f => f.Latitude));
                var (minLon, maxLon) = (factories.Min(f => f.Longitude), factories.Max(f => f.Longitude));
                var cos = Math.Cos((minLat + maxLat) / 2 * Math.PI / 180);
                var scale = Math.Min((width - 2 * pad) / Math.Max((maxLon - minLon) * cos, 1e-4), (height - 2 * pad) / Math.Max(maxLat - minLat, 1e-4));
                pixel = (lat, lon) => (lon * cos * scale, -lat * scale);
            }

            var points = factories.Select(f => pixel(f.Latitude, f.Longitude)).ToList();
            var (minX, maxX, minY, maxY) = (points.Min(p => p.Item1), points.Max(p => p.Item1), points.Min(p => p.Item2), points.Max(p => p.Item2));
            // Centre the park in the frame.
            return new View(pixel, minX - (width - (maxX - minX)) / 2, minY - (height - (maxY - minY)) / 2, zoom, withTiles);

            bool Fits(Func<double, double, (double X, double Y)> project)
            {
                var xs = factories.Select(f => project(f.Latitude, f.Longitude)).ToList();
                return xs.Max(p => p.X) - xs.Min(p => p.X) <= width - 2 * pad && xs.Max(p => p.Y) - xs.Min(p => p.Y) <= height - 2 * pad;
            }
        }

        private static Func<double, double, (double X, double Y)> Mercator(int zoom)
        {
            var size = 256 * Math.Pow(2, zoom);
            return (lat, lon) =>
            {
                var sin = Math.Sin(lat * Math.PI / 180);
                return ((lon + 180) / 360 * size, (0.5 - Math.Log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size);
            };
        }
    }
}
