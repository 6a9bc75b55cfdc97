namespace EcoPark.Testing;

/// <summary>
/// initdb + pg_ctl on this machine's PostgreSQL server binaries (ECOPARK_PG_BIN, or the newest under
/// /usr/lib/postgresql). PostgreSQL refuses to run as root, so as root the cluster runs as "postgres".
/// Tuned for tests: no fsync, trust authentication, loopback only.
/// </summary>
public sealed class LocalPostgresCluster : PostgresServer
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"ecopark-pg-{Guid.NewGuid():N}");
    private readonly string binDir = FindBinDir();
    private readonly int port = FreePort();
    private bool initialised;

    public override string Kind => "local cluster";

    private string DataDir => Path.Combine(folder, "data");

    private static bool IsRoot => Environment.UserName == "root";

    public override string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={port};Database={database};Username=postgres;Pooling=true;Timeout=15;Command Timeout=60";

    public override async Task StartAsync()
    {
        if (!initialised)
        {
            Directory.CreateDirectory(folder);
            if (IsRoot)
            {
                await ProcessRunner.RunAsync("chown", ["postgres", folder]);
            }

            await AsOwnerAsync(Path.Combine(binDir, "initdb"), ["-D", DataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
            initialised = true;
        }

        var options = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        await AsOwnerAsync(Path.Combine(binDir, "pg_ctl"), ["-D", DataDir, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o", options, "start"]);
    }

    public override Task StopAsync() =>
        AsOwnerAsync(Path.Combine(binDir, "pg_ctl"), ["-D", DataDir, "-m", "immediate", "-w", "stop"]);

    public override async ValueTask DisposeAsync()
    {
        if (initialised)
        {
            try
            {
                await StopAsync();
            }
            catch (InvalidOperationException)
            {
                // Already stopped.
            }
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static string FindBinDir()
    {
        var configured = Environment.GetEnvironmentVariable("ECOPARK_PG_BIN");
        if (!string.IsNullOrEmpty(configured) && File.Exists(Path.Combine(configured, "initdb")))
        {
            return configured;
        }

        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .ToList()
            : [];
        return candidates.FirstOrDefault()
            ?? throw new InvalidOperationException("No PostgreSQL server binaries found: run the tests with scripts/test.sh, which installs them, or set ECOPARK_PG_BIN.");
    }

    private Task AsOwnerAsync(string program, string[] arguments) =>
        IsRoot
            ? ProcessRunner.RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments])
            : ProcessRunner.RunAsync(program, arguments);
}
