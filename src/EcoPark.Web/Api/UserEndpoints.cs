using EcoPark.Application.Users;
using EcoPark.Domain.Access;
using EcoPark.Web.Security;

namespace EcoPark.Web.Api;

/// <summary>User administration for API clients; administrators only (checked again by the handler).</summary>
internal static class UserEndpoints
{
    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users").RequireAuthorization(policy => policy.RequireRole(Roles.Administrator));
        users.MapGet("/", async (HttpContext http, CallerLoader callers, UserAdministration admin, CancellationToken ct) =>
                TypedResults.Ok(await admin.ListAsync(await callers.LoadAsync(http.User, ct), ct)))
            .WithSummary("Every user with roles and scopes");
        users.MapPost("/", async (CreateUserInput input, HttpContext http, CallerLoader callers, UserAdministration admin, CancellationToken ct) =>
            {
                var id = await admin.CreateAsync(await callers.LoadAsync(http.User, ct), input, ct);
                return TypedResults.Created(LocalPath.Of($"/api/v1/users/{id}"), new { id });
            })
            .WithSummary("Create a user with one role and its scope (parks for staff, factories for engineers)");
        return api;
    }
}
