using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EcoPark.Domain.Access;
using EcoPark.Infrastructure.Seeding;
using EcoPark.IntegrationTests.Infrastructure;
using Npgsql;

namespace EcoPark.IntegrationTests.Security;

/// <summary>Sign-in throttling instead of lockout, one answer for every refusal, and single-use refresh tokens.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class SignInHardeningTests(DemoAppFixture app)
{
    private const string Password = "Harden#Test2026";

    [Fact]
    public async Task FiveWrongPasswords_NeitherLockTheAccountNorStripTheRolesOfItsTokens()
    {
        var email = await app.CreateUserAsync(Roles.Auditor, Password);
        var address = NewAddress();
        var token = (await LoginAsync(email, Password, address)).Token!;

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await LoginResponseAsync(email, "Wrong#Password1", address);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(email, Password, address)).Status);
        Assert.Equal(new[] { Roles.Auditor }, await RolesWithTokenAsync(token));
    }

    [Fact]
    public async Task FiveWrongPasswords_ForTheAdministrator_LeaveItsSessionsWorking()
    {
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email);
        var address = NewAddress();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await LoginResponseAsync(DemoAccounts.Administrator.Email, "Wrong#Password1", address);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var users = await admin.GetAsync("/api/v1/users");
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password, NewAddress())).Status);
    }

    [Fact]
    public async Task WrongPassword_UnknownAccount_AndLockedAccount_GetTheSameAnswer()
    {
        var known = await app.CreateUserAsync(Roles.Auditor, Password);
        var locked = await app.CreateUserAsync(Roles.Auditor, Password);
        await ExecuteSqlAsync("UPDATE users SET lockout_end = now() + interval '1 day' WHERE email = @email", locked);

        var answers = new List<string>();
        foreach (var (email, password) in new[] { (known, "Wrong#Password1"), ($"nobody-{Guid.NewGuid():N}@example.tw", Password), (locked, Password) })
        {
            using var response = await LoginResponseAsync(email, password, NewAddress());
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            answers.Add($"{(int)response.StatusCode} {body.RootElement.GetProperty("title").GetString()} {Detail(body)}");
        }

        Assert.StartsWith("401 ", answers[0], StringComparison.Ordinal);
        Assert.Single(answers.Distinct());
    }

    [Fact]
    public async Task RepeatedFailures_AreAnswered429WithRetryAfter_ForRealAndUnknownAccountsAlike()
    {
        foreach (var email in new[] { await app.CreateUserAsync(Roles.Auditor, Password), $"nobody-{Guid.NewGuid():N}@example.tw" })
        {
            for (var i = 0; i < 6; i++)
            {
                using var wrong = await LoginResponseAsync(email, "Wrong#Password1", NewAddress());
                Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            }

            // Even the right password waits: the attempt is refused before the password is looked at.
            using var throttled = await LoginResponseAsync(email, Password, NewAddress());
            Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
            Assert.True(throttled.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After missing");
            Assert.Equal("application/problem+json", throttled.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task ManyAttemptsFromOneAddress_AreCutOffByTheRateLimiterWith429()
    {
        var email = await app.CreateUserAsync(Roles.Auditor, Password);
        var address = NewAddress();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 31; i++)
        {
            statuses.Add((await LoginAsync(email, Password, address)).Status);
        }

        Assert.All(statuses.Take(30), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[30]);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(email, Password, NewAddress())).Status);
    }

    [Fact]
    public async Task SignInPage_AfterRepeatedFailures_Answers429WithRetryAfter()
    {
        var email = await app.CreateUserAsync(Roles.Auditor, Password);
        using var client = app.Factory.CookieClient();
        for (var i = 0; i < 6; i++)
        {
            using var wrong = await CookieSessions.PostSignInFormAsync(client, email, "Wrong#Password1", NewAddress());
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var throttled = await CookieSessions.PostSignInFormAsync(client, email, Password, NewAddress());

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.NotNull(throttled.Headers.RetryAfter);
    }

    [Fact]
    public async Task RefreshToken_WorksOnce_AndItsReuseRevokesTheNewOneToo()
    {
        var email = await app.CreateUserAsync(Roles.Auditor, Password);
        var first = await LoginAsync(email, Password, NewAddress());

        var second = await RefreshAsync(first.RefreshToken!);
        var reused = await RefreshAsync(first.RefreshToken!);
        var afterReuse = await RefreshAsync(second.RefreshToken!);

        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.Equal(new[] { Roles.Auditor }, await RolesWithTokenAsync(second.Token!));
        Assert.Equal(HttpStatusCode.Unauthorized, reused.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, afterReuse.Status);
    }

    [Fact]
    public async Task RefreshToken_Rotates_EachNewOneWorkingOnce()
    {
        var email = await app.CreateUserAsync(Roles.Auditor, Password);
        var tokens = await LoginAsync(email, Password, NewAddress());
        for (var i = 0; i < 3; i++)
        {
            var next = await RefreshAsync(tokens.RefreshToken!);
            Assert.Equal(HttpStatusCode.OK, next.Status);
            tokens = next;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync("not-a-token")).Status);
    }

    [Fact]
    public async Task RefreshToken_OfADeletedUser_IsRefused()
    {
        var email = await app.CreateUserAsync(Roles.Auditor, Password);
        var tokens = await LoginAsync(email, Password, NewAddress());
        await ExecuteSqlAsync("DELETE FROM users WHERE email = @email", email);

        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(tokens.RefreshToken!)).Status);
    }

    private static string NewAddress() => $"198.51.{Random.Shared.Next(0, 256)}.{Random.Shared.Next(1, 255)}";

    private static string? Detail(JsonDocument body) => body.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;

    private async Task<HttpResponseMessage> LoginResponseAsync(string email, string password, string address)
    {
        using var client = app.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { email, password }) };
        request.Headers.Add(EcoParkFactory.ClientAddressHeader, address);
        return await client.SendAsync(request);
    }

    private async Task<Tokens> LoginAsync(string email, string password, string address)
    {
        using var response = await LoginResponseAsync(email, password, address);
        return await TokensAsync(response);
    }

    private async Task<Tokens> RefreshAsync(string refreshToken)
    {
        using var client = app.Anonymous();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken });
        return await TokensAsync(response);
    }

    private static async Task<Tokens> TokensAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return new Tokens(response.StatusCode, null, null);
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new Tokens(response.StatusCode, body.RootElement.GetProperty("accessToken").GetString(), body.RootElement.GetProperty("refreshToken").GetString());
    }

    private async Task<string[]> RolesWithTokenAsync(string token)
    {
        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var me = await client.GetAsync("/api/v1/me");
        me.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await me.Content.ReadAsStringAsync());
        return [.. body.RootElement.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!)];
    }

    private async Task ExecuteSqlAsync(string sql, string email)
    {
        await using var connection = new NpgsqlConnection(app.Server.ConnectionString(app.Database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("email", email);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private sealed record Tokens(HttpStatusCode Status, string? Token, string? RefreshToken);
}
