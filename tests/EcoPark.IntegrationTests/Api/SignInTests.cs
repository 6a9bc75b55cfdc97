using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoPark.Domain.Access;
using EcoPark.Infrastructure.Seeding;
using EcoPark.IntegrationTests.Infrastructure;

namespace EcoPark.IntegrationTests.Api;

[Collection(DemoAppCollection.Name)]
public sealed class SignInTests(DemoAppFixture app)
{
    [Fact]
    public async Task Login_WithDemoAccount_ReturnsAccessToken()
    {
        using var client = app.Anonymous();

        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = DemoAccounts.Auditor.Email, password = DemoAccounts.Password });

        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("accessToken").GetString()));
    }

    [Theory]
    [InlineData("/api/v1/auth/register")]
    [InlineData("/api/v1/auth/forgotPassword")]
    [InlineData("/api/v1/auth/manage/2fa")]
    public async Task IdentityEndpointsBeyondLoginAndRefresh_AreNotOffered(string path)
    {
        using var client = await app.SignedInAsync(DemoAccounts.Administrator.Email);

        using var response = await client.PostAsJsonAsync(path, new { email = "self@example.tw", password = "Self#Register2026", enable = true });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task CreateUser_WeakPassword_Returns400NamingPasswordInChinese()
    {
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "zh-TW");

        using var response = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            email = $"weak-{Guid.NewGuid():N}@example.tw",
            displayName = "弱密碼",
            password = "short",
            role = Roles.Auditor,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var messages = body.RootElement.GetProperty("errors").GetProperty("password").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("密碼至少需要 12 個字元。", messages);
    }

    [Fact]
    public async Task CreateUser_EngineerWithoutFactory_Returns400NamingFactoryIds()
    {
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "en");

        using var response = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            email = $"noscope-{Guid.NewGuid():N}@example.tw",
            displayName = "No scope",
            password = "NoScope#Test2026",
            role = Roles.FactoryEngineer,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("factoryIds", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUser_AsStaff_IsForbidden()
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email);

        using var response = await staff.PostAsJsonAsync("/api/v1/users", new { email = "x@example.tw", displayName = "x", password = "Xx#1234567890", role = Roles.Auditor });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
