using System.Net;
using System.Net.Http.Json;
using EcoPark.Infrastructure.Seeding;
using EcoPark.IntegrationTests.Infrastructure;
using Npgsql;

namespace EcoPark.IntegrationTests.Security;

/// <summary>What a browser session may do through the API, signing out, the language switch, and the security headers.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class CookieAndHeaderTests(DemoAppFixture app)
{
    private const string Own = "永彩染整股份有限公司";

    [Fact]
    public async Task ApiWrite_WithTheSignInCookieOnly_Returns401AndChangesNothing()
    {
        var factory = await app.FactoryNamedAsync(Own);
        using var browser = await app.Factory.SignInWithCookieAsync(DemoAccounts.Engineer.Email, DemoAccounts.Password);
        var input = factory.ToInput();
        input.ContactName = "跨站請求偽造";

        using var response = await browser.PutAsJsonAsync($"/api/v1/factories/{factory.Id}", input);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(factory.ContactName, (await app.FactoryNamedAsync(Own)).ContactName);
    }

    [Fact]
    public async Task Upload_WithTheSignInCookieOnly_Returns401()
    {
        var factory = await app.FactoryNamedAsync(Own);
        using var browser = await app.Factory.SignInWithCookieAsync(DemoAccounts.Engineer.Email, DemoAccounts.Password);
        using var form = new MultipartFormDataContent { { new ByteArrayContent([0x50, 0x4b, 0x03, 0x04]), "file", "streams.xlsx" } };

        using var response = await browser.PostAsync($"/api/v1/factories/{factory.Id}/workbook", form);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ApiRead_WithTheSignInCookie_StillWorksForThePagesDownloadLinks()
    {
        var factory = await app.FactoryNamedAsync(Own);
        using var browser = await app.Factory.SignInWithCookieAsync(DemoAccounts.Engineer.Email, DemoAccounts.Password);

        using var template = await browser.GetAsync($"/api/v1/factories/{factory.Id}/workbook/template");

        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
    }

    [Fact]
    public async Task Logout_FromAForeignOriginWithoutToken_FailsAndTheSessionStays()
    {
        using var browser = await app.Factory.SignInWithCookieAsync(DemoAccounts.Auditor.Email, DemoAccounts.Password);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/logout") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await browser.SendAsync(request);
        using var me = await browser.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task Logout_WithThePagesToken_SignsOut()
    {
        using var browser = await app.Factory.SignInWithCookieAsync(DemoAccounts.Auditor.Email, DemoAccounts.Password);
        var token = await CookieSessions.FormTokenAsync(browser, "/");

        using var response = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        using var me = await browser.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task CultureSet_OnGet_SetsTheCookieButLeavesTheStoredProfileAlone()
    {
        using var browser = await app.Factory.SignInWithCookieAsync(DemoAccounts.Engineer.Email, DemoAccounts.Password);
        var before = await PreferredCultureAsync(DemoAccounts.Engineer.Email);

        using var response = await browser.GetAsync("/culture/set?culture=" + (before == "en" ? "zh-TW" : "en") + "&returnUrl=%2Ffactories");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/factories", response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.Equal(before, await PreferredCultureAsync(DemoAccounts.Engineer.Email));
    }

    [Theory]
    [InlineData("/%01")]
    [InlineData("/%0d%0aSet-Cookie:%20x=1")]
    [InlineData("//evil.example/")]
    [InlineData("/%5cevil.example")]
    [InlineData("https%3A%2F%2Fevil.example")]
    [InlineData("/%E4%B8%AD")]
    public async Task CultureSet_WithAReturnUrlThatIsNotAPlainLocalPath_RedirectsHome(string returnUrl)
    {
        using var client = app.Anonymous();

        using var response = await client.GetAsync("/culture/set?culture=en&returnUrl=" + returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/api/v1/factories")]
    [InlineData("/api/v1/no-such-endpoint")]
    [InlineData("/health/live")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/api-docs")]
    [InlineData("/app.css")]
    [InlineData("/culture/set?culture=en&returnUrl=%2F")]
    public async Task EveryResponse_CarriesNosniffReferrerPolicyAndAContentSecurityPolicy(string path)
    {
        using var client = app.Anonymous();

        using var response = await client.GetAsync(path);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Matches("script-src 'self' 'nonce-[^']+'", csp);
    }

    [Theory]
    [InlineData("/api-docs/")]
    [InlineData("/account/login")]
    public async Task InlineScripts_CarryTheNonceOfTheirResponsesPolicy(string path)
    {
        using var client = app.Anonymous();

        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        var nonce = System.Text.RegularExpressions.Regex.Match(Header(response, "Content-Security-Policy"), "'nonce-([^']+)'").Groups[1].Value;
        var inlineScripts = System.Text.RegularExpressions.Regex.Matches(html, "<script(?![^>]*\\ssrc=)[^>]*>");
        Assert.NotEmpty(inlineScripts);
        Assert.All(inlineScripts, s => Assert.Contains($"nonce=\"{nonce}\"", WebUtility.HtmlDecode(s.Value), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Production_RedirectsToHttps_SendsHsts_AndMarksCookiesSecure()
    {
        var database = Testing.PostgresServer.NewDatabaseName();
        await using var production = new EcoParkFactory(app.Server.ConnectionString(database), demo: false, new Dictionary<string, string?>
        {
            ["EcoPark:Bootstrap:AdminEmail"] = "root@example.tw",
            ["EcoPark:Bootstrap:AdminPassword"] = "Strong#Admin2026",
        });
        using var plain = production.CookieClient(new Uri("http://ecopark.example"));
        using var browser = production.CookieClient(new Uri("https://ecopark.example"));

        using var redirected = await plain.GetAsync("/account/login");
        using var probe = await plain.GetAsync("/health/live");
        using var page = await browser.GetAsync("/account/login");
        using var signIn = await CookieSessions.PostSignInFormAsync(browser, "root@example.tw", "Strong#Admin2026");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.Equal("https://ecopark.example/account/login", redirected.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        Assert.StartsWith("max-age=", Header(page, "Strict-Transport-Security"), StringComparison.Ordinal);
        var setCookies = page.Headers.GetValues("Set-Cookie").Concat(signIn.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(setCookies, c => c.StartsWith("EcoPark.Auth=", StringComparison.Ordinal));
        Assert.All(setCookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} missing on {response.RequestMessage?.RequestUri}");

    private async Task<string> PreferredCultureAsync(string email)
    {
        await using var connection = new NpgsqlConnection(app.Server.ConnectionString(app.Database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT preferred_culture FROM users WHERE email = @email", connection);
        command.Parameters.AddWithValue("email", email);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
