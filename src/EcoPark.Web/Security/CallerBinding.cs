using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Claims;
using EcoPark.Application.Users;
using EcoPark.Domain.Access;

namespace EcoPark.Web.Security;

/// <summary>
/// Binds the <see cref="Caller"/> into endpoint handlers: a handler that takes a <c>Caller</c> parameter gets the
/// caller of its request, loaded once (one query) by this middleware after authorization, so a refused request
/// never reaches the database and no handler loads the caller by hand. Roles and scopes are read on every
/// request, so a changed role counts at the next call. Only endpoints whose handler asks for a caller pay for it.
/// </summary>
public static class CallerBinding
{
    private static readonly ConcurrentDictionary<Endpoint, bool> Wanted = new();

    public static IServiceCollection AddEcoParkCallerBinding(this IServiceCollection services)
    {
        services.AddScoped<RequestCaller>();
        // Minimal APIs see Caller as a service and resolve it at binding time, after the middleware has set it.
        services.AddScoped(sp => sp.GetRequiredService<RequestCaller>().Caller
            ?? throw new InvalidOperationException("The caller is bound only for endpoints whose handler takes a Caller parameter; pages use CallerComponentBase."));
        return services;
    }

    /// <summary>Goes after UseAuthorization, so that 401 and 403 are decided before the caller is loaded.</summary>
    public static IApplicationBuilder UseEcoParkCallerBinding(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint() is { } endpoint && Wanted.GetOrAdd(endpoint, TakesCaller))
            {
                var loader = context.RequestServices.GetRequiredService<CallerLoader>();
                context.RequestServices.GetRequiredService<RequestCaller>().Caller = await loader.LoadAsync(context.User, context.RequestAborted);
            }

            await next(context);
        });

    /// <summary>The caller behind a cookie or bearer principal; an anonymous principal gets no roles and sees nothing.</summary>
    public static Task<Caller> LoadAsync(this CallerLoader loader, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            ? loader.LoadAsync(userId, cancellationToken)
            : Task.FromResult(new Caller(Guid.Empty, [], [], []));

    private static bool TakesCaller(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<MethodInfo>()?.GetParameters().Any(p => p.ParameterType == typeof(Caller)) == true;

    /// <summary>The request's caller, set by the middleware.</summary>
    public sealed class RequestCaller
    {
        public Caller? Caller { get; set; }
    }
}
