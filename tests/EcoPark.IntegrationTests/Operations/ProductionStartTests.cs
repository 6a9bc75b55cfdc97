using EcoPark.Infrastructure.Seeding;
using EcoPark.IntegrationTests.Infrastructure;
using EcoPark.Testing;

namespace EcoPark.IntegrationTests.Operations;

/// <summary>A production start (Demo off) refuses demo accounts and default passwords.</summary>
[Collection(ServerCollection.Name)]
public sealed class ProductionStartTests(ServerFixture fixture)
{
    [Fact]
    public async Task ProductionStart_OnDatabaseWithDemoAccounts_Refuses()
    {
        var database = PostgresServer.NewDatabaseName();
        await using (var demo = new EcoParkFactory(fixture.Server.ConnectionString(database)))
        {
            _ = demo.Server;
        }

        await using var production = new EcoParkFactory(fixture.Server.ConnectionString(database), demo: false, Bootstrap("root@example.tw", "Strong#Admin2026"));

        var error = Assert.ThrowsAny<Exception>(() => production.Server);
        Assert.Contains("demo accounts", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoAccounts.Password)]
    [InlineData("ChangeMe#2026!")]
    public async Task ProductionStart_WithDefaultAdminPassword_Refuses(string password)
    {
        await using var production = new EcoParkFactory(
            fixture.Server.ConnectionString(PostgresServer.NewDatabaseName()), demo: false, Bootstrap("root@example.tw", password));

        var error = Assert.ThrowsAny<Exception>(() => production.Server);
        Assert.Contains("default password", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProductionStart_WithoutAnyAdministrator_DemandsBootstrapSettings()
    {
        await using var production = new EcoParkFactory(fixture.Server.ConnectionString(PostgresServer.NewDatabaseName()), demo: false);

        var error = Assert.ThrowsAny<Exception>(() => production.Server);
        Assert.Contains("EcoPark__Bootstrap__AdminEmail", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProductionStart_WithOwnAdmin_StartsWithoutDemoData()
    {
        await using var production = new EcoParkFactory(
            fixture.Server.ConnectionString(PostgresServer.NewDatabaseName()), demo: false, Bootstrap("root@example.tw", "Strong#Admin2026"));
        using var client = production.CreateClient();

        using var login = await client.PostAsync("/api/v1/auth/login", System.Net.Http.Json.JsonContent.Create(new { email = "root@example.tw", password = "Strong#Admin2026" }));
        using var demoLogin = await client.PostAsync("/api/v1/auth/login", System.Net.Http.Json.JsonContent.Create(new { email = DemoAccounts.Administrator.Email, password = DemoAccounts.Password }));

        Assert.True(login.IsSuccessStatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, demoLogin.StatusCode);
    }

    private static Dictionary<string, string?> Bootstrap(string email, string password) => new()
    {
        ["EcoPark:Bootstrap:AdminEmail"] = email,
        ["EcoPark:Bootstrap:AdminPassword"] = password,
    };
}
