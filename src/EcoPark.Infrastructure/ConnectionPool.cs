using Npgsql;

namespace EcoPark.Infrastructure;

/// <summary>The Npgsql connection pool's limits (see docs/decisions/0012-request-cost.md).</summary>
public static class ConnectionPool
{
    /// <summary>
    /// The connection string with the pool's limits: at most <paramref name="maxPoolSize"/> connections, and
    /// <paramref name="waitSeconds"/> to wait for one (Npgsql's Timeout, which also bounds opening a connection)
    /// before the request fails as "pool exhausted". Limits the connection string sets itself are kept.
    /// </summary>
    public static string WithLimits(string connectionString, int maxPoolSize, int waitSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoolSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(waitSeconds, 1);
        var given = new NpgsqlConnectionStringBuilder(connectionString);
        var limited = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Names(given, "Maximum Pool Size", "Max Pool Size", "MaxPoolSize"))
        {
            limited.MaxPoolSize = maxPoolSize;
        }

        if (!Names(given, "Timeout"))
        {
            limited.Timeout = waitSeconds;
        }

        return limited.ConnectionString;
    }

    private static bool Names(NpgsqlConnectionStringBuilder builder, params string[] keys) =>
        builder.Keys.Any(k => keys.Contains(k, StringComparer.OrdinalIgnoreCase));
}
