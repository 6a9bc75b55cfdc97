using System.Data.Common;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EcoPark.Application.Factories;
using EcoPark.Infrastructure.Persistence;
using EcoPark.Infrastructure.Seeding;
using EcoPark.IntegrationTests.Infrastructure;
using EcoPark.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace EcoPark.IntegrationTests.Operations;

/// <summary>
/// How many database round trips an API call makes, counted by an EF command interceptor on an app of its
/// own (nothing else runs against it while a request is counted). The caller is loaded once, in one query.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class QueriesPerRequestTests(ServerFixture server, ITestOutputHelper output)
{
    [Fact]
    public async Task ApiCalls_LoadTheCallerOnceInOneQuery()
    {
        var counter = new CommandCounter();
        await using var app = new EcoParkFactory(server.Server.ConnectionString(PostgresServer.NewDatabaseName()))
            .WithWebHostBuilder(b => b
                .UseSetting("EcoPark:JobWorker", "false") // the job worker polls the queue: it would be counted with the request
                .ConfigureTestServices(s => s.ConfigureDbContext<EcoParkDbContext>(o => o.AddInterceptors(counter))));
        using var client = app.CreateClient();
        using var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = DemoAccounts.Engineer.Email, password = DemoAccounts.Password });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var factory = (await client.GetFromJsonAsync<List<FactoryDto>>("/api/v1/factories"))!.Single();

        var me = await CountAsync(client, counter, "/api/v1/me");
        var factories = await CountAsync(client, counter, "/api/v1/factories");
        var one = await CountAsync(client, counter, $"/api/v1/factories/{factory.Id}");
        var streams = await CountAsync(client, counter, $"/api/v1/factories/{factory.Id}/effluent-streams");

        output.WriteLine($"queries: /me {me}, /factories {factories}, /factories/{{id}} {one}, /factories/{{id}}/effluent-streams {streams}");
        Assert.Equal(1, me);
        Assert.InRange(factories, 2, 3);
        Assert.InRange(one, 2, 3);
        Assert.InRange(streams, 2, 4);
    }

    /// <summary>The round trips of the second of two identical calls (the first warms caches such as the key ring).</summary>
    private static async Task<int> CountAsync(HttpClient client, CommandCounter counter, string path)
    {
        (await client.GetAsync(path)).EnsureSuccessStatusCode();
        counter.Reset();
        (await client.GetAsync(path)).EnsureSuccessStatusCode();
        return counter.Count;
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public void Reset() => Interlocked.Exchange(ref count, 0);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref count);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref count);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Interlocked.Increment(ref count);
            return base.ReaderExecuting(command, eventData, result);
        }
    }
}
