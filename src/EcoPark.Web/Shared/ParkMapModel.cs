namespace EcoPark.Web.Shared;

/// <summary>A factory on the park map: its name in the reader's language, its coordinates and where a click on it goes.</summary>
public sealed record MapPoint(Guid Id, string Name, double Latitude, double Longitude, string? Href)
{
    /// <summary>A factory the reader may open: a click goes to its park's factory list.</summary>
    public static MapPoint Of(Application.Factories.FactoryDto factory) =>
        new(factory.Id, Names.Pick(factory.NameZh, factory.NameEn), factory.Latitude, factory.Longitude, $"factories?park={factory.ParkId}");
}

/// <summary>
/// A line between two factories on the park map. <see cref="Resource"/> (water, heat, byproduct) picks the colour;
/// <see cref="State"/> "operating" draws it solid, anything else dashed. <see cref="Key"/> is what a click hands back to the
/// host page when it asked for link clicks; otherwise the click goes to <see cref="Href"/>.
/// </summary>
public sealed record MapLink(string Key, Guid FromId, Guid ToId, string Resource, string State, string Label, string? Href);

/// <summary>
/// How the server-drawn map (shown before the interactive one starts, or if it cannot) places factories: an equal-scale
/// equirectangular fit of the park's extent into the frame, centred, with a margin.
/// </summary>
public sealed class MapProjection
{
    private readonly double scale, cos, offsetX, offsetY;

    private MapProjection(double scale, double cos, double offsetX, double offsetY)
    {
        this.scale = scale;
        this.cos = cos;
        this.offsetX = offsetX;
        this.offsetY = offsetY;
    }

    public static MapProjection Fit(IReadOnlyList<MapPoint> points, double width, double height, double pad)
    {
        if (points.Count == 0)
        {
            return new MapProjection(1, 1, -width / 2, -height / 2);
        }

        var (minLat, maxLat) = (points.Min(f => f.Latitude), points.Max(f => f.Latitude));
        var (minLon, maxLon) = (points.Min(f => f.Longitude), points.Max(f => f.Longitude));
        var cos = Math.Cos((minLat + maxLat) / 2 * Math.PI / 180);
        // A park of one site (or sites in a row) still gets a finite scale.
        var scale = Math.Min((width - 2 * pad) / Math.Max((maxLon - minLon) * cos, 1e-4), (height - 2 * pad) / Math.Max(maxLat - minLat, 1e-4));
        var (minX, maxX) = (minLon * cos * scale, maxLon * cos * scale);
        var (minY, maxY) = (-maxLat * scale, -minLat * scale);
        return new MapProjection(scale, cos, minX - (width - (maxX - minX)) / 2, minY - (height - (maxY - minY)) / 2);
    }

    public (double X, double Y) Project(double latitude, double longitude) =>
        (Math.Round(longitude * cos * scale - offsetX, 1), Math.Round(-latitude * scale - offsetY, 1));
}
