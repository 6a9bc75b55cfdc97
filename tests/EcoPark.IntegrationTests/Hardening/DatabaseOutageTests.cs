using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using EcoPark.Application.Factories;
using EcoPark.Infrastructure.Seeding;
using EcoPark.IntegrationTests.Infrastructure;
using EcoPark.Testing;

namespace EcoPark.IntegrationTests.Hardening;

public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task WriteWhileTheDatabaseIsDown_Returns503WithRetryAfter_AndWorksAgainAfterwards()
    {
        await using var server = await PostgresServer.LaunchAsync();
        await using var app = new EcoParkFactory(server.ConnectionString(PostgresServer.NewDatabaseName()));
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        using var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = DemoAccounts.Engineer.Email, password = DemoAccounts.Password });
        var token = (await login.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var factory = (await client.GetFromJsonAsync<List<FactoryDto>>("/api/v1/factories"))!.Single();
        var url = $"/api/v1/factories/{factory.Id}/effluent-streams";

        await server.StopAsync();
        using var whileDown = await InputBoundsTests.PostJsonAsync(client, url, InputBoundsTests.Effluent("Outage outlet"));
        await server.StartAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileDown.StatusCode);
        Assert.Equal("application/problem+json", whileDown.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(whileDown.Headers.RetryAfter?.Delta);
        var status = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < 40 && status == HttpStatusCode.ServiceUnavailable; attempt++)
        {
            using var retry = await InputBoundsTests.PostJsonAsync(client, url, InputBoundsTests.Effluent("Outage outlet"));
            status = retry.StatusCode;
            if (status == HttpStatusCode.ServiceUnavailable)
            {
                await Task.Delay(250);
            }
        }

        Assert.Equal(HttpStatusCode.Created, status);
    }
}
