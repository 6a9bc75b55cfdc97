using System.Net.Http.Headers;
using System.Net.Http.Json;
using EcoPark.Application.Factories;
using EcoPark.Infrastructure.Seeding;
using EcoPark.Testing;
using Npgsql;

namespace EcoPark.IntegrationTests.Infrastructure;

/// <summary>One PostgreSQL server and one demo-seeded app for the whole collection.</summary>
public sealed class DemoAppFixture : IAsyncLifetime
{
    private readonly Dictionary<string, string> tokens = [];

    public PostgresServer Server { get; private set; } = default!;

    public EcoParkFactory Factory { get; private set; } = default!;

    public string Database { get; } = PostgresServer.NewDatabaseName();

    public async Task InitializeAsync()
    {
        Server = await PostgresServer.LaunchAsync();
        Factory = new EcoParkFactory(Server.ConnectionString(Database));
        _ = Factory.Server; // start now: migrate and seed
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Server.DisposeAsync();
    }

    public HttpClient Anonymous(string? language = null)
    {
        var client = Factory.CreateClient(new() { AllowAutoRedirect = false });
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }

    /// <summary>A client carrying a bearer token from <c>POST /api/v1/auth/login</c>.</summary>
    public async Task<HttpClient> SignedInAsync(string email, string? language = null, string password = DemoAccounts.Password)
    {
        if (!tokens.TryGetValue(email, out var token))
        {
            using var anonymous = Anonymous();
            var response = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
            response.EnsureSuccessStatusCode();
            token = (await response.Content.ReadFromJsonAsync<LoginResponse>())!.AccessToken;
            tokens[email] = token;
        }

        var client = Anonymous(language);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A new account with <paramref name="role"/> (no scopes), made by the administrator; returns its e-mail.</summary>
    public async Task<string> CreateUserAsync(string role, string password)
    {
        var email = $"user-{Guid.NewGuid():N}@example.tw";
        using var admin = await SignedInAsync(DemoAccounts.Administrator.Email);
        using var response = await admin.PostAsJsonAsync("/api/v1/users", new { email, displayName = "Test user", password, role });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return email;
    }

    /// <summary>Every factory, as the administrator sees it: the tests' way of finding demo records.</summary>
    public async Task<IReadOnlyList<FactoryDto>> AllFactoriesAsync()
    {
        using var admin = await SignedInAsync(DemoAccounts.Administrator.Email);
        return (await admin.GetFromJsonAsync<List<FactoryDto>>("/api/v1/factories"))!;
    }

    public async Task<FactoryDto> FactoryNamedAsync(string nameZh) =>
        (await AllFactoriesAsync()).Single(f => f.NameZh == nameZh);

    /// <summary>
    /// A water match taken up by the demo staff between a newly registered factory (the supplier, with no engineer
    /// account) and the dyer (the buyer, with one): the case for consent on a factory's behalf and for invitations.
    /// </summary>
    public async Task<(Guid MatchId, Guid MillId)> MatchWithNewSupplierAsync(string label)
    {
        using var admin = await SignedInAsync(DemoAccounts.Administrator.Email, "en");
        using var staff = await SignedInAsync(DemoAccounts.Staff.Email, "en");
        var dyer = await FactoryNamedAsync("永彩染整股份有限公司");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        using var registered = await admin.PostAsJsonAsync("/api/v1/factories", TestFactories.Input(dyer.ParkId, $"{label}{suffix}", TestFactories.NextBusinessNumber(),
            $"彰化縣{label}路{suffix}號", dyer.Latitude + 0.003, dyer.Longitude));
        var mill = (await registered.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        using var effluent = await staff.PostAsJsonAsync($"/api/v1/factories/{mill}/effluent-streams", new
        {
            name = "Rinse outlet",
            minM3PerDay = 100,
            avgM3PerDay = 200,
            maxM3PerDay = 300,
            route = "parkWwtp",
            dischargeFeeNtdPerM3 = 12,
            quality = new[] { new { key = "codMgL", value = 30, basis = "lab", sampleDate = "2026-11-02" } },
        });
        var supply = (await effluent.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        using var need = await staff.PostAsJsonAsync($"/api/v1/factories/{dyer.Id}/water-demands",
            new { name = $"Cooling {suffix}", use = "cooling", flowM3PerDay = 50, reclaimedAllowed = true });
        var demand = (await need.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        using var taken = await staff.PostAsJsonAsync("/api/v1/matches", new { supplyStreamId = supply, demandStreamId = demand });
        if (taken.StatusCode != System.Net.HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"taking up the match answered {taken.StatusCode}: {await taken.Content.ReadAsStringAsync()}");
        }

        return ((await taken.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid(), mill);
    }

    /// <summary>Factory ids straight from the database, bypassing the API under test.</summary>
    public async Task<List<Guid>> FactoryIdsInDatabaseAsync(string? parkNameZh = null)
    {
        await using var connection = new NpgsqlConnection(Server.ConnectionString(Database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT f.id FROM factories f JOIN parks p ON p.id = f.park_id WHERE @park::text IS NULL OR p.name_zh = @park", connection);
        command.Parameters.AddWithValue("park", (object?)parkNameZh ?? DBNull.Value);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private sealed record LoginResponse(string AccessToken);
}

[CollectionDefinition(Name)]
public sealed class DemoAppCollection : ICollectionFixture<DemoAppFixture>
{
    public const string Name = "demo app";
}
