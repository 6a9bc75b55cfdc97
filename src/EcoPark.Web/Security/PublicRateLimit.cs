using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace EcoPark.Web.Security;

/// <summary>How many anonymous public-KPI requests one client address may make per minute (EcoPark:PublicKpis).</summary>
public sealed class PublicKpiLimits
{
    public const string Section = "EcoPark:PublicKpis";

    public int RequestsPerAddressPerMinute { get; set; } = 120;
}

/// <summary>
/// The anonymous KPI API counts against a fixed one-minute window per client address (ASP.NET Core's rate limiter, as sign-in
/// does); beyond it the answer is 429 with Retry-After. The answers themselves are cached (see PublicKpis).
/// </summary>
public sealed class PublicRateLimit(PublicKpiLimits limits) : IRateLimiterPolicy<string>
{
    public const string Policy = "public-kpis";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = (context, _) =>
    {
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(60);
        context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.HttpContext.Response.Headers.RetryAfter = SignInRateLimit.Seconds(wait).ToString(CultureInfo.InvariantCulture);
        return ValueTask.CompletedTask;
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetFixedWindowLimiter(httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.RequestsPerAddressPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(PublicKpiLimits.Section).Get<PublicKpiLimits>() ?? new PublicKpiLimits());
        services.AddRateLimiter(options => options.AddPolicy<string, PublicRateLimit>(Policy));
    }
}
