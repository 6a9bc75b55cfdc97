using Npgsql;
using Testcontainers.PostgreSql;

namespace EcoPark.Testing;

/// <summary>PostgreSQL 15 in a Testcontainers container, used where a Docker engine answers.</summary>
public sealed class ContainerPostgresServer : PostgresServer
{
    private readonly PostgreSqlContainer container = new PostgreSqlBuilder("postgres:15-alpine").Build();
    private bool started;

    public override string Kind => "Testcontainers";

    public override string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(container.GetConnectionString()) { Database = database, Timeout = 15 }.ConnectionString;

    public override async Task StartAsync()
    {
        // The first start creates the container; later starts resume it, keeping its mapped port.
        if (started)
        {
            await container.UnpauseAsync();
            return;
        }

        await container.StartAsync();
        started = true;
    }

    public override Task StopAsync() => container.PauseAsync();

    public override ValueTask DisposeAsync() => container.DisposeAsync();
}
