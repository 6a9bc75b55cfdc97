using EcoPark.Domain.Access;

namespace EcoPark.Web.Api;

internal static class MeEndpoints
{
    public static RouteGroupBuilder MapMeEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/me", async (Caller caller, CancellationToken ct) =>
            {
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
