using System.Globalization;
using System.Net;
using System.Text.Json;
using EcoPark.Domain.Common;
using EcoPark.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EcoPark.IntegrationTests.Api;

/// <summary>
/// An aggregate's refusal that reaches the API unhandled is told by its code in the caller's language; an unknown
/// address is a localised page for a browser and problem details under /api.
/// </summary>
[Collection(DemoAppCollection.Name)]
public sealed class LanguageAndErrorPageTests(DemoAppFixture app)
{
    [Theory]
    [InlineData("zh-TW", "數值不可為負數。")]
    [InlineData("en", "A value cannot be negative.")]
    public async Task ADomainRefusal_ReachingTheApi_IsWordedByItsCodeInTheCallersLanguage(string culture, string expected)
    {
        using var scope = app.Factory.Services.CreateScope();
        var handler = scope.ServiceProvider.GetServices<IExceptionHandler>().Single(h => h.GetType().Name == "ApiExceptionHandler");
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Path = "/api/v1/factories";
        http.Response.Body = new MemoryStream();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            Assert.True(await handler.TryHandleAsync(http, new DomainException("intake.tapM3", "negative", "tapM3 cannot be negative."), CancellationToken.None));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        Assert.Equal(400, http.Response.StatusCode);
        http.Response.Body.Position = 0;
        using var problem = await JsonDocument.ParseAsync(http.Response.Body);
        Assert.Equal(expected, problem.RootElement.GetProperty("errors").GetProperty("intake.tapM3")[0].GetString());
    }

    [Fact]
    public async Task AnUnknownPage_InABrowser_IsALocalisedNotFoundPage()
    {
        using var browser = app.Anonymous();
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        using var response = await browser.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("找不到此頁面", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownApiAddress_KeepsProblemDetails()
    {
        using var client = app.Anonymous("en");

        using var response = await client.GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
