using EcoPark.Web.Hosting;
using Microsoft.Extensions.Options;
using Serilog.Events;

namespace EcoPark.IntegrationTests.Operations;

/// <summary>Request logging under load: failures and slow requests always, a sample of the rest, every request in the summary.</summary>
public sealed class RequestLogPolicyTests
{
    private static RequestLogPolicy Policy(int sampleEvery = 3) =>
        new(Options.Create(new RequestLogOptions { SlowMilliseconds = 500, SampleEvery = sampleEvery }));

    [Theory]
    [InlineData(500, 10, false, LogEventLevel.Error)]
    [InlineData(503, 10, false, LogEventLevel.Error)]
    [InlineData(200, 10, true, LogEventLevel.Error)]
    [InlineData(200, 500, false, LogEventLevel.Warning)]
    [InlineData(404, 2000, false, LogEventLevel.Warning)]
    public void FailedOrSlowRequests_AreAlwaysLogged(int status, double elapsedMs, bool threw, LogEventLevel expected)
    {
        var policy = Policy(sampleEvery: 1000);

        Assert.Equal(expected, policy.LevelFor(status, elapsedMs, threw ? new InvalidOperationException() : null));
    }

    [Fact]
    public void OrdinaryRequests_AreLoggedOneInN_AndAllCountedInTheSummary()
    {
        var policy = Policy(sampleEvery: 3);

        var levels = Enumerable.Range(0, 6).Select(i => policy.LevelFor(i % 2 == 0 ? 200 : 404, 20, null)).ToList();
        policy.LevelFor(500, 100, null);
        var counts = policy.TakeCounts();

        Assert.Equal(2, levels.Count(l => l == LogEventLevel.Information));
        Assert.Equal(4, levels.Count(l => l < LogEventLevel.Information));
        Assert.Equal(new RequestLogPolicy.Counts(7, 3, 3, 1, 220, 100), counts);
        Assert.Equal(0, policy.TakeCounts().Requests);
    }
}
