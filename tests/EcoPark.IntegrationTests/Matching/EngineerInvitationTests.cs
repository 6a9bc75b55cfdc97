using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoPark.Application.Parks;
using EcoPark.Infrastructure.Seeding;
using EcoPark.IntegrationTests.Infrastructure;
using Npgsql;

namespace EcoPark.IntegrationTests.Matching;

/// <summary>
/// Staff invite an engineer for a match's factory without an engineer account, where an administrator allows it for the
/// factory's park; the invitee accepts with a password and becomes that factory's engineer. Each test takes up a match with a
/// factory of its own.
/// </summary>
[Collection(DemoAppCollection.Name)]
public sealed class EngineerInvitationTests(DemoAppFixture app)
{
    private const string Password = "Invited#Engineer2026";

    [Fact]
    public async Task Invite_IsRefusedWhileTheSwitchIsOff_ForStaffOfAnotherPark_AndForBadInput()
    {
        var (matchId, _) = await NewMatchAsync();
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        await SwitchAsync(false);

        using var off = await InviteAsync(staff, matchId, Email());
        Assert.Equal(HttpStatusCode.Forbidden, off.StatusCode);
        Assert.Contains("administrator", await off.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        await SwitchAsync(true);
        using var other = await OtherParkStaffAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await InviteAsync(other, matchId, Email())).StatusCode);
        using var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email, "en");
        Assert.Equal(HttpStatusCode.Forbidden, (await InviteAsync(engineer, matchId, Email())).StatusCode);
        Assert.Contains("email", (await ProblemDetailsAssert.ErrorsAsync(await InviteAsync(staff, matchId, "not-an-address"))).Keys);
        using var zh = await app.SignedInAsync(DemoAccounts.Staff.Email, "zh-TW");
        var side = await ProblemDetailsAssert.ErrorsAsync(await zh.PostAsJsonAsync($"/api/v1/matches/{matchId}/invitations", new { side = "middle", name = "王", email = Email() }));
        Assert.Contains("供應方", side["side"][0], StringComparison.Ordinal);
        // The buyer (the dyer) has an engineer account: it is not invited for.
        Assert.Contains("side", (await ProblemDetailsAssert.ErrorsAsync(await InviteAsync(staff, matchId, Email(), side: "buyer"))).Keys);
    }

    [Fact]
    public async Task TheSwitch_IsPerPark_StaffInviteOnlyWhereTheirParkAllowsIt_AndTheServerRefusesElsewhere()
    {
        var (matchId, _) = await NewMatchAsync();
        var (north, south) = await ParksAsync();
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        await SwitchAsync(false, north);
        await SwitchAsync(true, south);

        using var refused = await InviteAsync(staff, matchId, Email());
        var listed = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/matches/{matchId}/invitations");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode); // another park's permission does not count
        Assert.Contains("this park", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(listed.GetProperty("staffMayInvite").GetBoolean());
        Assert.Equal(["supplier"], listed.GetProperty("sidesWithoutEngineer").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(listed.GetProperty("invitableSides").EnumerateArray());
        using var zh = await app.SignedInAsync(DemoAccounts.Staff.Email, "zh-TW");
        Assert.Contains("此園區", await (await InviteAsync(zh, matchId, Email())).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await SwitchAsync(true, north);
        await SwitchAsync(false, south);
        var allowed = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/matches/{matchId}/invitations");

        Assert.Equal(["supplier"], allowed.GetProperty("invitableSides").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.Created, (await InviteAsync(staff, matchId, Email())).StatusCode);
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "en");
        var switches = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/invitation-switches")).EnumerateArray()
            .ToDictionary(s => s.GetProperty("parkId").GetGuid(), s => (s.GetProperty("staffMayInvite").GetBoolean(), s.GetProperty("changedBy").GetString()));
        Assert.Equal((true, DemoAccounts.Administrator.Email), switches[north]);
        Assert.Equal((false, DemoAccounts.Administrator.Email), switches[south]);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync($"/api/v1/parks/{Guid.NewGuid()}/invitation-switch", new { staffMayInvite = true })).StatusCode);
        Assert.Contains("staffMayInvite", (await ProblemDetailsAssert.ErrorsAsync(await admin.PutAsJsonAsync($"/api/v1/parks/{north}/invitation-switch", new { })))
            .Keys, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PutAsJsonAsync($"/api/v1/parks/{north}/invitation-switch", new { staffMayInvite = true })).StatusCode);
    }

    [Fact]
    public async Task Accepting_CreatesAnEngineerOfTheFactory_WhoSeesItAndConsents_AndTheTokenWorksOnce()
    {
        var (matchId, millId) = await NewMatchAsync();
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        await SwitchAsync(true);
        var email = Email();

        using var invited = await InviteAsync(staff, matchId, email);

        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var link = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("link").GetString()!;
        var token = link[(link.LastIndexOf('/') + 1)..];
        var listed = await staff.GetStringAsync($"/api/v1/matches/{matchId}/invitations");
        Assert.Contains(email, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(token, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(token, await TokenHashesAsync(), StringComparison.Ordinal); // only the hash is kept
        using var anonymous = app.Anonymous("en");
        Assert.Contains(email, await anonymous.GetStringAsync($"/api/v1/invitations/{token}"), StringComparison.Ordinal);
        Assert.Contains("password", (await ProblemDetailsAssert.ErrorsAsync(await AcceptAsync(anonymous, token, "short"))).Keys, StringComparer.OrdinalIgnoreCase);

        using var accepted = await AcceptAsync(anonymous, token, Password);

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Contains("token", (await ProblemDetailsAssert.ErrorsAsync(await AcceptAsync(anonymous, token, Password + "x"))).Keys);
        using var engineer = await app.SignedInAsync(email, "en", Password);
        Assert.Equal(HttpStatusCode.OK, (await engineer.GetAsync($"/api/v1/factories/{millId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await engineer.PostAsync($"/api/v1/matches/{matchId}/consent", null)).StatusCode);
        var after = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/matches/{matchId}/invitations");
        Assert.Empty(after.GetProperty("sidesWithoutEngineer").EnumerateArray());
        Assert.True(after.GetProperty("invitations")[0].GetProperty("acceptedAt").ValueKind != JsonValueKind.Null);
        Assert.Contains("side", (await ProblemDetailsAssert.ErrorsAsync(await InviteAsync(staff, matchId, Email()))).Keys); // it has an engineer now
        Assert.Equal(["engineer-invitation-accepted", "engineer-invited"], await HistoryAsync(matchId));
    }

    [Fact]
    public async Task AnExpiredInvitation_IsRefused_AndTheAddressMayBeInvitedAgain()
    {
        var (matchId, _) = await NewMatchAsync();
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        await SwitchAsync(true);
        var email = Email();
        using var invited = await InviteAsync(staff, matchId, email);
        var link = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("link").GetString()!;
        await ExecuteAsync("UPDATE engineer_invitations SET expires_at = now() - interval '1 minute' WHERE email = @email", email);
        using var anonymous = app.Anonymous("en");

        var refused = await ProblemDetailsAssert.ErrorsAsync(await AcceptAsync(anonymous, link[(link.LastIndexOf('/') + 1)..], Password));

        Assert.Contains("expired", refused["token"][0], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Created, (await InviteAsync(staff, matchId, email)).StatusCode);
    }

    [Fact]
    public async Task RacingInvitationsOfOneAddress_CreateOne()
    {
        var (matchId, _) = await NewMatchAsync();
        await SwitchAsync(true);
        var email = Email();
        var clients = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.SignedInAsync(DemoAccounts.Staff.Email, "en")));

        var answers = await Task.WhenAll(clients.Select(c => InviteAsync(c, matchId, email)));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.BadRequest, a.StatusCode));
        Assert.Single((await clients[0].GetFromJsonAsync<JsonElement>($"/api/v1/matches/{matchId}/invitations")).GetProperty("invitations").EnumerateArray());
    }

    [Fact]
    public async Task RacingAcceptsOfOneToken_CreateOneAccount_AndTheOtherIsToldTheLinkIsUsed()
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        await SwitchAsync(true);
        for (var round = 0; round < 3; round++)
        {
            // A factory of its own each round: once one invitation is accepted, the factory has its engineer.
            var (matchId, _) = await NewMatchAsync();
            var email = Email();
            var token = await TokenAsync(await InviteAsync(staff, matchId, email));
            using var first = app.Anonymous("en");
            using var second = app.Anonymous("en");

            var answers = await Task.WhenAll(Task.Run(() => AcceptAsync(first, token, Password)), Task.Run(() => AcceptAsync(second, token, Password)));

            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
            var refused = Assert.Single(answers, a => a.StatusCode != HttpStatusCode.Created);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("already been used", (await ProblemDetailsAssert.ErrorsAsync(refused))["token"][0], StringComparison.Ordinal);
            Assert.Equal(["1"], await QueryAsync($"SELECT count(*)::text FROM users WHERE normalized_email = '{email.ToUpperInvariant()}'", null));
            // The invitation that the one account came from is the one its acceptance recorded.
            Assert.Equal(["1"], await QueryAsync($"SELECT count(*)::text FROM engineer_invitations i JOIN users u ON u.id = i.accepted_by WHERE u.normalized_email = '{email.ToUpperInvariant()}'", null));
        }
    }

    [Fact]
    public async Task RacingAcceptsOfOneAddress_InvitedForTwoFactories_CreateOneAccount_AndTheOtherIsRefusedOnTheAddress()
    {
        var (firstMatch, _) = await NewMatchAsync();
        var (secondMatch, _) = await NewMatchAsync();
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        await SwitchAsync(true);
        var email = Email();
        var tokens = new[] { await TokenAsync(await InviteAsync(staff, firstMatch, email)), await TokenAsync(await InviteAsync(staff, secondMatch, email)) };
        using var first = app.Anonymous("en");
        using var second = app.Anonymous("en");

        var answers = await Task.WhenAll(Task.Run(() => AcceptAsync(first, tokens[0], Password)), Task.Run(() => AcceptAsync(second, tokens[1], Password)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        var refused = Assert.Single(answers, a => a.StatusCode != HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("email", (await ProblemDetailsAssert.ErrorsAsync(refused)).Keys, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(["1"], await QueryAsync($"SELECT count(*)::text FROM users WHERE normalized_email = '{email.ToUpperInvariant()}'", null));
        // The refused invitation was not used up: it stays pending (the rollback undid its taking).
        Assert.Equal(["1"], await QueryAsync($"SELECT count(*)::text FROM engineer_invitations WHERE normalized_email = '{email.ToUpperInvariant()}' AND accepted_at IS NULL", null));
    }

    private static async Task<string> TokenAsync(HttpResponseMessage invited)
    {
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var link = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("link").GetString()!;
        return link[(link.LastIndexOf('/') + 1)..];
    }

    private static string Email() => $"invitee-{Guid.NewGuid():N}@example.com";

    private static Task<HttpResponseMessage> InviteAsync(HttpClient client, Guid matchId, string email, string side = "supplier") =>
        client.PostAsJsonAsync($"/api/v1/matches/{matchId}/invitations", new { side, name = "王工程師", email });

    private static Task<HttpResponseMessage> AcceptAsync(HttpClient client, string token, string password) =>
        client.PostAsJsonAsync($"/api/v1/invitations/{token}/accept", new { password });

    /// <summary>Sets a park's switch: the matches' park (the dyer's, where the new mills are) unless another is named.</summary>
    private async Task SwitchAsync(bool on, Guid? parkId = null)
    {
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "en");
        var park = parkId ?? (await app.FactoryNamedAsync("永彩染整股份有限公司")).ParkId;
        using var response = await admin.PutAsJsonAsync($"/api/v1/parks/{park}/invitation-switch", new { staffMayInvite = on });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The matches' park and the other demo park.</summary>
    private async Task<(Guid North, Guid South)> ParksAsync()
    {
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "en");
        var parks = (await admin.GetFromJsonAsync<List<ParkDto>>("/api/v1/parks"))!;
        var north = (await app.FactoryNamedAsync("永彩染整股份有限公司")).ParkId;
        return (north, parks.First(p => p.Id != north).Id);
    }

    /// <summary>A staff account of the other demo park.</summary>
    private async Task<HttpClient> OtherParkStaffAsync()
    {
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "en");
        var parks = (await admin.GetFromJsonAsync<List<ParkDto>>("/api/v1/parks"))!;
        var dyer = await app.FactoryNamedAsync("永彩染整股份有限公司");
        var email = $"staff-{Guid.NewGuid():N}@example.com";
        using var created = await admin.PostAsJsonAsync("/api/v1/users",
            new { email, displayName = "Other park staff", password = Password, role = "ParkStaff", parkIds = new[] { parks.First(p => p.Id != dyer.ParkId).Id } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return await app.SignedInAsync(email, "en", Password);
    }

    private Task<(Guid MatchId, Guid MillId)> NewMatchAsync() => app.MatchWithNewSupplierAsync("邀請測試");

    private async Task<string> TokenHashesAsync() =>
        string.Join(",", await QueryAsync("SELECT token_hash FROM engineer_invitations", null));

    private async Task<List<string>> HistoryAsync(Guid matchId) =>
        [.. (await QueryAsync("SELECT action FROM audit_entries WHERE entity_id = @id AND action LIKE 'engineer-%'", matchId)).Order(StringComparer.Ordinal)];

    private async Task<List<string>> QueryAsync(string sql, Guid? id)
    {
        await using var connection = new NpgsqlConnection(app.Server.ConnectionString(app.Database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", (object?)id ?? DBNull.Value);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private async Task ExecuteAsync(string sql, string email)
    {
        await using var connection = new NpgsqlConnection(app.Server.ConnectionString(app.Database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("email", email);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
