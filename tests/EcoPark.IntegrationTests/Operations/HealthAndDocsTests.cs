using System.Net;
using EcoPark.IntegrationTests.Infrastructure;
using EcoPark.Testing;

namespace EcoPark.IntegrationTests.Operations;

public sealed class HealthAndDocsTests
{
    [Fact]
    public async Task Ready_WhileDatabaseIsDown_Returns503_AndRecoversWithoutRestart()
    {
        await using var server = await PostgresServer.LaunchAsync();
        await using var app = new EcoParkFactory(server.ConnectionString(PostgresServer.NewDatabaseName()));
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        await server.StopAsync();
        var whileDown = await client.GetAsync("/health/ready");
        var liveWhileDown = await client.GetAsync("/health/live");
        await server.StartAsync();
        var afterRestart = await RetryUntilOkAsync(client, "/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileDown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, liveWhileDown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterRestart);
    }

    [Theory]
    [InlineData("/openapi/v1.json", "application/json")]
    [InlineData("/api-docs", "text/html")]
    [InlineData("/account/login", "text/html")]
    public async Task PublicDocumentsAndSignInPage_AreServedAnonymously(string path, string mediaType)
    {
        await using var server = await PostgresServer.LaunchAsync();
        await using var app = new EcoParkFactory(server.ConnectionString(PostgresServer.NewDatabaseName()));
        using var client = app.CreateClient(new() { AllowAutoRedirect = true });

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheFactoryEndpoints()
    {
        await using var server = await PostgresServer.LaunchAsync();
        await using var app = new EcoParkFactory(server.ConnectionString(PostgresServer.NewDatabaseName()));
        using var client = app.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/v1/factories/{id}", document, StringComparison.Ordinal);
        Assert.Contains("/api/v1/auth/login", document, StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> RetryUntilOkAsync(HttpClient client, string path)
    {
        var status = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < 20 && status != HttpStatusCode.OK; attempt++)
        {
            status = (await client.GetAsync(path)).StatusCode;
            if (status != HttpStatusCode.OK)
            {
                await Task.Delay(250);
            }
        }

        return status;
    }
}
