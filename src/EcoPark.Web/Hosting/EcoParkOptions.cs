namespace EcoPark.Web.Hosting;

/// <summary>The "EcoPark" configuration section (appsettings or EcoPark__* environment variables).</summary>
public sealed class EcoParkOptions
{
    public const string Section = "EcoPark";

    /// <summary>Seed the demo parks and accounts. Only the demo run sets this; production must not.</summary>
    public bool Demo { get; set; }

    /// <summary>Apply pending migrations when the app starts (the demo does; production runs <c>migrate</c> instead).</summary>
    public bool MigrateOnStartup { get; set; }

    public BootstrapOptions Bootstrap { get; set; } = new();

    public MapOptions Map { get; set; } = new();

    public HttpsOptions Https { get; set; } = new();

    public DatabaseOptions Database { get; set; } = new();

    /// <summary>
    /// Run the background job worker (candidate recomputes and rebuilds) in this instance. On by default; an instance
    /// that only serves pages may turn it off as long as another instance runs it, since any instance takes queued work.
    /// </summary>
    public bool JobWorker { get; set; } = true;
}

/// <summary>
/// The connection pool. <see cref="MaxPoolSize"/> stays well below the server's <c>max_connections</c> (100 by
/// default) so that the app never takes every connection (migrations, backups and a second instance need some);
/// a request that finds the pool empty waits <see cref="PoolWaitSeconds"/> and then gets 503 with Retry-After.
/// A <c>Maximum Pool Size</c> or <c>Timeout</c> in the connection string itself wins.
/// </summary>
public sealed class DatabaseOptions
{
    public int MaxPoolSize { get; set; } = 40;

    public int PoolWaitSeconds { get; set; } = 5;
}

/// <summary>
/// Production HTTPS. The app redirects HTTP to <see cref="Port"/> and sends HSTS; behind a TLS-terminating
/// proxy, list the proxy's networks (CIDR) so that its X-Forwarded-Proto and X-Forwarded-For are believed.
/// </summary>
public sealed class HttpsOptions
{
    public int Port { get; set; } = 443;

    public List<string> TrustedProxyNetworks { get; set; } = [];
}

/// <summary>
/// The park map's background. Without a tile URL the map is drawn from factory coordinates alone (no
/// tile server needed); with one, e.g. <c>https://tile.example.org/{z}/{x}/{y}.png</c>, slippy-map tiles
/// are drawn beneath it in the Web Mercator projection.
/// </summary>
public sealed class MapOptions
{
    public string? TileUrl { get; set; }

    /// <summary>The attribution the tile provider asks for, shown under the map.</summary>
    public string? TileAttribution { get; set; }
}

public sealed class BootstrapOptions
{
    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }
}
