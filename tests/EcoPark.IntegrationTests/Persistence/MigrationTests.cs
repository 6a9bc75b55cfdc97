using EcoPark.Infrastructure.Persistence;
using EcoPark.IntegrationTests.Infrastructure;
using EcoPark.Testing;
using Microsoft.EntityFrameworkCore;

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

    private EcoParkDbContext CreateContext(string database) =>
        new(new DbContextOptionsBuilder<EcoParkDbContext>()
            .UseNpgsql(fixture.Server.ConnectionString(database))
            .UseSnakeCaseNamingConvention()
            .Options);
}
