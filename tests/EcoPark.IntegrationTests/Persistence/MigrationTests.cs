using System.Text.Json.Nodes;
using EcoPark.Application.Matching;
using EcoPark.Domain.Common;
using EcoPark.Domain.Matching;
using EcoPark.Domain.Parks;
using EcoPark.Infrastructure.Persistence;
using EcoPark.Infrastructure.Seeding;
using EcoPark.IntegrationTests.Infrastructure;
using EcoPark.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EcoPark.IntegrationTests.Persistence;

[Collection(ServerCollection.Name)]
public sealed class MigrationTests(ServerFixture fixture)
{
    [Fact]
    public async Task Migrate_EmptyDatabase_CreatesTheWholeSchema()
    {
        var database = PostgresServer.NewDatabaseName();
        await fixture.Server.CreateDatabaseAsync(database);
        await using var db = CreateContext(database);

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var tables = await db.Database.SqlQueryRaw<string>(
            "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'").ToListAsync();
        Assert.Superset(
            new HashSet<string> { "parks", "factories", "users", "roles", "user_roles", "user_park_scopes", "user_factory_scopes", "data_protection_keys" },
            tables.ToHashSet());
    }

    [Fact]
    public async Task Model_HasNoChangesMissingFromTheMigrations()
    {
        await using var db = CreateContext(PostgresServer.NewDatabaseName());

        Assert.False(db.Database.HasPendingModelChanges(), "The model differs from the last migration: add a migration.");
    }

    [Fact]
    public async Task Migrate_Twice_IsANoOp()
    {
        var database = PostgresServer.NewDatabaseName();
        await using (var first = CreateContext(database))
        {
            await first.Database.MigrateAsync();
        }

        await using var second = CreateContext(database);
        await second.Database.MigrateAsync();

        Assert.Equal(second.Database.GetMigrations(), await second.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task CreateAndMigrate_ADatabaseThatDoesNotExistYet_LogsNoError()
    {
        var database = PostgresServer.NewDatabaseName();
        var log = new RecordingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(log).SetMinimumLevel(LogLevel.Debug));
        await using var db = new EcoParkDbContext(new DbContextOptionsBuilder<EcoParkDbContext>()
            .UseNpgsql(fixture.Server.ConnectionString(database))
            .UseSnakeCaseNamingConvention()
            .UseLoggerFactory(loggers)
            .Options);

        await DatabaseInitializer.CreateAndMigrateAsync(db, loggers.CreateLogger("start"), CancellationToken.None);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Empty(log.Entries.Where(e => e.Level >= LogLevel.Warning).Select(e => e.Message));
        Assert.Contains(log.Entries, e => e.Message.Contains("does not exist yet", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Migrate_TheOneInvitationSwitch_BecomesOnePerPark_OnForEveryParkOnlyWhereItWasOn(bool wasOn)
    {
        var database = PostgresServer.NewDatabaseName();
        await using var db = CreateContext(database);
        await db.GetService<IMigrator>().MigrateAsync("20261202131219_EngineerInvitations");
        Guid[] parks = [Guid.NewGuid(), Guid.NewGuid()];
        foreach (var (id, i) in parks.Select((id, i) => (id, i)))
        {
            db.Parks.Add(new Park(id, new BilingualName($"遷移測試園區 {i}", $"Migration park {i}"), "桃園市", new GeoPoint(25, 121), new CubicMetresPerDay(1000),
                new CubicMetresPerDay(100)));
        }

        await db.SaveChangesAsync();
        var admin = Guid.NewGuid();
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO invitation_switch (id, staff_may_invite, changed_by, changed_at) VALUES (1, {wasOn}, {admin}, {DateTimeOffset.UtcNow})");

        await db.Database.MigrateAsync();

        var rows = await db.ParkInvitationSwitches.AsNoTracking().ToListAsync();
        if (wasOn)
        {
            Assert.Equal(parks.Order(), rows.Select(r => r.ParkId).Order());
            Assert.All(rows, r => Assert.Equal((true, admin), (r.StaffMayInvite, r.ChangedBy)));
        }
        else
        {
            Assert.Empty(rows);
        }
    }

    [Fact]
    public async Task Migrate_StoredRuleJson_BecomesTheTypedVersionOfItsKind_AndMigratingDownRestoresIt()
    {
        const string before = "20261203114926_CandidateDefaultMoneyInputs";
        var database = PostgresServer.NewDatabaseName();
        await using var db = CreateContext(database);
        await db.GetService<IMigrator>().MigrateAsync(before);
        var parameters = MatchingRules.Serialize(MatchingDefaults.Parameters() with { Version = "migrated-p", GridKgCo2ePerKwh = 0.123m });
        var treatments = MatchingRules.Serialize(MatchingDefaults.Treatments() with { Version = "migrated-t" });
        var at = DateTimeOffset.UtcNow;
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO matching_rule_sets (kind, version, effective_from, json, note, created_at) VALUES ('Parameters', 'migrated-p', {MatchingDefaults.EffectiveFrom}, {parameters}::jsonb, '遷移', {at}), ('Treatments', 'migrated-t', {MatchingDefaults.EffectiveFrom}, {treatments}::jsonb, '遷移', {at})");

        await db.Database.MigrateAsync();

        var records = await db.MatchingRuleSets.AsNoTracking().ToListAsync();
        var p = Assert.Single(records, r => r.Version == "migrated-p");
        var t = Assert.Single(records, r => r.Version == "migrated-t");
        Assert.Equal((MatchingRuleKind.Parameters, (object?)null), (p.Kind, p.Treatments));
        Assert.Equal((MatchingRuleKind.Treatments, (object?)null), (t.Kind, t.Parameters));
        Assert.Equal(0.123m, p.Parameters!.GridKgCo2ePerKwh);
        Assert.Equal(MatchingDefaults.Treatments().Steps.Count, t.Treatments!.Steps.Count);
        // jsonb keeps no key order, so the documents are compared as trees.
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(parameters), JsonNode.Parse(MatchingRules.Serialize(p.Parameters))), "the parameters read back differ");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(treatments), JsonNode.Parse(MatchingRules.Serialize(t.Treatments))), "the catalogue read back differs");
        await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(
            "UPDATE matching_rule_sets SET treatments = parameters WHERE version = 'migrated-p'"));

        await db.GetService<IMigrator>().MigrateAsync(before);

        var restored = await db.Database.SqlQueryRaw<string>(
            "SELECT json::text AS \"Value\" FROM matching_rule_sets WHERE version IN ('migrated-p', 'migrated-t') ORDER BY version").ToListAsync();
        Assert.Equal(2, restored.Count);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(parameters), JsonNode.Parse(restored[0])), "the parameters going down differ");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(treatments), JsonNode.Parse(restored[1])), "the catalogue going down differs");
    }

    private EcoParkDbContext CreateContext(string database) =>
        new(new DbContextOptionsBuilder<EcoParkDbContext>()
            .UseNpgsql(fixture.Server.ConnectionString(database))
            .UseSnakeCaseNamingConvention()
            .Options);
}

/// <summary>Keeps every log entry, with its level, for a test to read.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly List<(LogLevel Level, string Message)> entries = [];

    public IReadOnlyList<(LogLevel Level, string Message)> Entries
    {
        get
        {
            lock (entries)
            {
                return [.. entries];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Recorder(this);

    public void Dispose()
    {
    }

    private sealed class Recorder(RecordingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (owner.entries)
            {
                owner.entries.Add((logLevel, formatter(state, exception)));
            }
        }
    }
}
