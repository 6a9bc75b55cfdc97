using EcoPark.Testing;

namespace EcoPark.IntegrationTests.Infrastructure;

/// <summary>A bare PostgreSQL server; each test makes its own database on it.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public PostgresServer Server { get; private set; } = default!;

    public async Task InitializeAsync() => Server = await PostgresServer.LaunchAsync();

    public Task DisposeAsync() => Server.DisposeAsync().AsTask();
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "bare server";
}
