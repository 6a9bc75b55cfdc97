using System.Globalization;
using Microsoft.Extensions.Options;
using Serilog.Events;

namespace EcoPark.Web.Hosting;

/// <summary>
/// The "EcoPark:RequestLog" section. Request logging stays readable under load: failed (5xx or thrown) and slow
/// requests are always logged, every <see cref="SampleEvery"/>th other request is logged at Information, and a
/// summary of all requests (counts by status class, mean and slowest time) is logged every <see cref="SummarySeconds"/>.
/// </summary>
public sealed class RequestLogOptions
{
    public const string Section = "EcoPark:RequestLog";

    public int SlowMilliseconds { get; set; } = 1000;

    /// <summary>1 logs every request.</summary>
    public int SampleEvery { get; set; } = 100;

    public int SummarySeconds { get; set; } = 60;
}

/// <summary>Decides the level of each request's log event and keeps the counts for the periodic summary.</summary>
public sealed class RequestLogPolicy(IOptions<RequestLogOptions> options)
{
    private readonly Lock gate = new();
    private long seen;
    private Counts counts = new();

    public LogEventLevel LevelFor(int statusCode, double elapsedMilliseconds, Exception? exception)
    {
        var settings = options.Value;
        lock (gate)
        {
            counts = counts.Add(statusCode, elapsedMilliseconds, exception is not null);
        }

        if (exception is not null || statusCode >= StatusCodes.Status500InternalServerError)
        {
            return LogEventLevel.Error;
        }

        if (elapsedMilliseconds >= settings.SlowMilliseconds)
        {
            return LogEventLevel.Warning;
        }

        return Interlocked.Increment(ref seen) % Math.Max(1, settings.SampleEvery) == 0 ? LogEventLevel.Information : LogEventLevel.Debug;
    }

    /// <summary>The counts since the last call, and a fresh start.</summary>
    public Counts TakeCounts()
    {
        lock (gate)
        {
            var taken = counts;
            counts = new Counts();
            return taken;
        }
    }

    public sealed record Counts(long Requests = 0, long Ok = 0, long ClientErrors = 0, long ServerErrors = 0, double TotalMilliseconds = 0, double SlowestMilliseconds = 0)
    {
        public Counts Add(int statusCode, double elapsedMilliseconds, bool failed) => this with
        {
            Requests = Requests + 1,
            Ok = Ok + (statusCode < 400 && !failed ? 1 : 0),
            ClientErrors = ClientErrors + (statusCode is >= 400 and < 500 && !failed ? 1 : 0),
            ServerErrors = ServerErrors + (statusCode >= 500 || failed ? 1 : 0),
            TotalMilliseconds = TotalMilliseconds + elapsedMilliseconds,
            SlowestMilliseconds = Math.Max(SlowestMilliseconds, elapsedMilliseconds),
        };

        public double MeanMilliseconds => Requests == 0 ? 0 : TotalMilliseconds / Requests;
    }
}

/// <summary>Logs the request summary at Information every <see cref="RequestLogOptions.SummarySeconds"/>, when there were requests.</summary>
internal sealed class RequestLogSummary(RequestLogPolicy policy, IOptions<RequestLogOptions> options, ILogger<RequestLogSummary> logger, TimeProvider clock)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.SummarySeconds)), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var counts = policy.TakeCounts();
                if (counts.Requests > 0)
                {
                    logger.LogInformation(
                        "{Requests} requests in the last {Seconds} s: {Ok} ok, {ClientErrors} client errors, {ServerErrors} server errors; mean {MeanMs} ms, slowest {SlowestMs} ms",
                        counts.Requests, options.Value.SummarySeconds, counts.Ok, counts.ClientErrors, counts.ServerErrors,
                        counts.MeanMilliseconds.ToString("F1", CultureInfo.InvariantCulture), counts.SlowestMilliseconds.ToString("F0", CultureInfo.InvariantCulture));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
