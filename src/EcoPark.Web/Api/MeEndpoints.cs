using EcoPark.Application.Users;
using EcoPark.Web.Security;

namespace EcoPark.Web.Api;

internal static class MeEndpoints
{
    public static RouteGroupBuilder MapMeEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/me", async (HttpContext http, CallerLoader callers, CancellationToken ct) =>
            {
                var caller = await callers.LoadAsync(http.User, ct);
                return TypedResults.Ok(new
                {
                    caller.UserId,
                    Roles = caller.RoleNames.Order().ToArray(),
                    caller.ParkIds,
                    caller.FactoryIds,
                });
            })
            .WithSummary("Who the caller is: roles and scopes");
        return api;
    }
}
