using EcoPark.Application.Common;
using EcoPark.Domain.Common;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EcoPark.Web.Api;

/// <summary>
/// Turns the use cases' exceptions into RFC 7807 problem details for API callers: 400 naming each bad
/// field (camelCase, as in the request body), 403, 404 and 409, in the caller's language.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, IStringLocalizer<SharedResource> l, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!httpContext.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }

        ProblemDetails problem = exception switch
        {
            ValidationException v => new HttpValidationProblemDetails(ToErrors(v)) { Title = l["Problem.Validation"] },
            DomainException d => new HttpValidationProblemDetails(new Dictionary<string, string[]> { [d.Field] = [d.Message] })
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

    /// <summary><c>Address.Street</c> → <c>address.street</c>, matching the JSON the caller sent.</summary>
    private static string JsonName(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
}
