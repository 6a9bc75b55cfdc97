using System.Text.Json;
using EcoPark.Application.Common;
using EcoPark.Domain.Common;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace EcoPark.Web.Api;

/// <summary>
/// Turns the use cases' exceptions into RFC 7807 problem details for API callers: 400 naming each bad
/// field (camelCase, as in the request body), also for a body that cannot be read into its field (a
/// number beyond decimal, a string for a number); 403, 404 and 409; and 503 with Retry-After while the
/// database cannot be reached, in the caller's language (an aggregate's refusal by its code, see <see cref="DomainGuard"/>).
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, IStringLocalizer<SharedResource> l, IStringLocalizer<EcoPark.Application.Messages> messages,
    ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!httpContext.Request.Path.StartsWithSegments("/api") && exception is not BadHttpRequestException)
        {
            return false;
        }

        if (IsDatabaseUnavailable(exception))
        {
            logger.LogWarning(exception, "Database unavailable during {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = new ProblemDetails { Title = l["Problem.Unavailable"], Status = StatusCodes.Status503ServiceUnavailable },
                Exception = exception,
            });
        }

        ProblemDetails problem = exception switch
        {
            ValidationException v => new HttpValidationProblemDetails(ToErrors(v)) { Title = l["Problem.Validation"] },
            BadHttpRequestException { InnerException: JsonException j } => new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { [JsonField(j.Path)] = [l["Problem.JsonValue"]] })
            {
                Title = l["Problem.Validation"],
            },
            // A refusal the use case did not translate: its code's text in the caller's language (Domain.{code}).
            DomainException d => new HttpValidationProblemDetails(new Dictionary<string, string[]> { [d.Field] = [DomainGuard.Message(messages, d)] })
            {
                Title = l["Problem.Validation"],
            },
            BadHttpRequestException b => new ProblemDetails { Title = l["Problem.BadRequest"], Detail = b.Message, Status = b.StatusCode },
            NotFoundException n => new ProblemDetails { Title = n.Message, Status = StatusCodes.Status404NotFound },
            ForbiddenException f => new ProblemDetails { Title = f.Message, Status = StatusCodes.Status403Forbidden },
            ConflictException c => new ProblemDetails { Title = c.Message, Status = StatusCodes.Status409Conflict },
            _ => new ProblemDetails { Title = l["Problem.Unexpected"], Status = StatusCodes.Status500InternalServerError },
        };
        problem.Status ??= StatusCodes.Status400BadRequest;
        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Unexpected failure of {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = problem.Status.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    public static Dictionary<string, string[]> ToErrors(ValidationException exception) =>
        exception.Errors
            .GroupBy(e => JsonName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());

    /// <summary>How long a caller should wait before retrying a request refused while the database is down.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>
    /// The database could not be reached (refused, reset, shut down, timed out), or every pooled connection was
    /// taken for longer than the pool wait (Npgsql's "connection pool has been exhausted", an NpgsqlException
    /// around a TimeoutException): a retry later may succeed.
    /// </summary>
    public static bool IsDatabaseUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true } or System.Net.Sockets.SocketException || e is NpgsqlException { InnerException: TimeoutException or IOException })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>$.intake.tapM3</c> → <c>intake.tapM3</c>; the whole body (<c>$</c>) is <c>body</c>.</summary>
    public static string JsonField(string? path) =>
        path is null or "$" || !path.StartsWith('$') ? "body" : path.TrimStart('$').TrimStart('.');

    /// <summary><c>Address.Street</c> → <c>address.street</c>, matching the JSON the caller sent.</summary>
    private static string JsonName(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
}
