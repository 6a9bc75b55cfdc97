using EcoPark.Application.Users;
using EcoPark.Domain.Access;

namespace EcoPark.Web.Api;

/// <summary>User administration for API clients; administrators only (checked again by the handler).</summary>
internal static class UserEndpoints
{
    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users").RequireAuthorization(policy => policy.RequireRole(Roles.Administrator));
        users.MapGet("/", async (Caller caller, UserAdministration admin, CancellationToken ct) =>
                TypedResults.Ok(await admin.ListAsync(caller, ct)))
            .WithSummary("Every user with roles and scopes");
        users.MapPost("/", async (CreateUserInput input, Caller caller, UserAdministration admin, CancellationToken ct) =>
            {
                var id = await admin.CreateAsync(caller, input, ct);
                return TypedResults.Created(LocalPath.Of($"/api/v1/users/{id}"), new { id });
            })
            .WithSummary("Create a user with one role and its scope (parks for staff, factories for engineers)");
        return api;
    }
}
