using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace EcoPark.Testing;

/// <summary>
/// A throwaway PostgreSQL server for tests: a Testcontainers container where a Docker engine answers,
/// otherwise a private cluster this class creates in a temporary folder and deletes afterwards.
/// </summary>
public abstract class PostgresServer : IAsyncDisposable
{
    public abstract string Kind { get; }

    public static async Task<PostgresServer> LaunchAsync()
    {
        PostgresServer server = await DockerAnswersAsync()
            ? new ContainerPostgresServer()
            : new LocalPostgresCluster();
        await server.StartAsync();
        return server;
    }

    /// <summary>A connection string to <paramref name="database"/> (created by EF's migrations if missing).</summary>
    public abstract string ConnectionString(string database);

    /// <summary>A fresh, unique database name, so tests never see each other's data.</summary>
    public static string NewDatabaseName(string prefix = "ecopark_test") => $"{prefix}_{Guid.NewGuid():N}"[..40];

    public async Task CreateDatabaseAsync(string database)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    public abstract Task StartAsync();

    /// <summary>Takes the server down (the database "goes away") until <see cref="StartAsync"/> brings it back.</summary>
    public abstract Task StopAsync();

    public abstract ValueTask DisposeAsync();

    protected static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> DockerAnswersAsync()
    {
        try
        {
            await ProcessRunner.RunAsync("docker", ["info", "--format", "{{.ServerVersion}}"], TimeSpan.FromSeconds(10));
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
