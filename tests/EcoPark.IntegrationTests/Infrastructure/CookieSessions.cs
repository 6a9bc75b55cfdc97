using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EcoPark.IntegrationTests.Infrastructure;

/// <summary>Browser-like sessions: the sign-in page's form, its antiforgery token and the auth cookie.</summary>
public static partial class CookieSessions
{
    public static HttpClient CookieClient(this EcoParkFactory factory, Uri? baseAddress = null) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = baseAddress ?? new Uri("http://localhost"),
        });

    /// <summary>Signs in through the sign-in page, as a browser does; the client then carries the auth cookie.</summary>
    public static async Task<HttpClient> SignInWithCookieAsync(this EcoParkFactory factory, string email, string password, Uri? baseAddress = null)
    {
        var client = factory.CookieClient(baseAddress);
        using var response = await PostSignInFormAsync(client, email, password);
        Assert.True((int)response.StatusCode is >= 300 and < 400, $"sign-in answered {(int)response.StatusCode}");
        return client;
    }

    public static async Task<HttpResponseMessage> PostSignInFormAsync(HttpClient client, string email, string password, string? clientAddress = null)
    {
        var token = await FormTokenAsync(client, "/account/login");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["Input.Email"] = email,
                ["Input.Password"] = password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        if (clientAddress is not null)
        {
            request.Headers.Add(EcoParkFactory.ClientAddressHeader, clientAddress);
        }

        return await client.SendAsync(request);
    }

    /// <summary>The antiforgery token of the first form on <paramref name="path"/>.</summary>
    public static async Task<string> FormTokenAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var match = TokenPattern().Match(await response.Content.ReadAsStringAsync());
        Assert.True(match.Success, $"no antiforgery token on {path}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
