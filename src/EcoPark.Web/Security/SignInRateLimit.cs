using System.Globalization;
using System.Threading.RateLimiting;
using EcoPark.Application.Users;
using Microsoft.Extensions.Localization;

namespace EcoPark.Web.Security;

/// <summary>
/// Every sign-in attempt (the sign-in form, the token and refresh endpoints) from one client address counts
/// against a sliding one-minute window, enforced by ASP.NET Core's rate limiter. Beyond it, and while an
/// account or address waits out its delay, the answer is 429 with Retry-After.
/// </summary>
public static class SignInRateLimit
{
    public const string Policy = "sign-in";

    public static void AddEcoParkSignInRateLimit(this IServiceCollection services, SignInLimits limits) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(10);
                return WriteTooManyAsync(context.HttpContext, wait);
            };
            options.AddPolicy(Policy, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetSlidingWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = limits.AttemptsPerAddressPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    SegmentsPerWindow = 6,
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(string.Empty));
        });

    /// <summary>Whole seconds to wait, never zero.</summary>
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    /// <summary>429 problem details with Retry-After, in the caller's language.</summary>
    public static ValueTask WriteTooManyAsync(HttpContext http, TimeSpan wait)
    {
        var seconds = Seconds(wait);
        var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return new(TypedResults.Problem(title: l["Login.TooMany", seconds], statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(http));
    }
}
