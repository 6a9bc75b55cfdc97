using EcoPark.Application.Factories;
using EcoPark.Application.Parks;
using EcoPark.Application.Users;
using EcoPark.Web.Security;

namespace EcoPark.Web.Api;

/// <summary>Parks and factories over HTTP. Every call loads the caller and the handlers filter by scope.</summary>
internal static class FactoryEndpoints
{
    public static RouteGroupBuilder MapFactoryEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/parks", async (HttpContext http, CallerLoader callers, ParkQueries parks, CancellationToken ct) =>
                TypedResults.Ok(await parks.ListAsync(await callers.LoadAsync(http.User, ct), ct)))
            .WithSummary("Parks the caller may see");

        var factories = api.MapGroup("/factories").WithTags("Factories");
        factories.MapGet("/", async (HttpContext http, CallerLoader callers, FactoryQueries queries, Guid? parkId, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListAsync(await callers.LoadAsync(http.User, ct), parkId, ct)))
            .WithSummary("Factories the caller may see");
        factories.MapGet("/{id:guid}", async (Guid id, HttpContext http, CallerLoader callers, FactoryQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetAsync(await callers.LoadAsync(http.User, ct), id, ct)))
            .WithName("GetFactory")
            .WithSummary("One factory; 404 when it does not exist or the caller may not see it");
        factories.MapPost("/", async (FactoryInput input, HttpContext http, CallerLoader callers, FactoryCommands commands, CancellationToken ct) =>
            {
                var created = await commands.RegisterAsync(await callers.LoadAsync(http.User, ct), input, ct);
                return TypedResults.CreatedAtRoute(created, "GetFactory", new { id = created.Id });
            })
            .RequireAuthorization(Policies.ParkStaff)
            .WithSummary("Register a factory (administrators, and staff of its park)");
        factories.MapPut("/{id:guid}", async (Guid id, FactoryInput input, HttpContext http, CallerLoader callers, FactoryCommands commands, CancellationToken ct) =>
                TypedResults.Ok(await commands.UpdateAsync(await callers.LoadAsync(http.User, ct), id, input, ct)))
            .RequireAuthorization(Policies.FactoryEditors)
            .WithSummary("Edit a factory; send the version you read (409 when someone saved in between)");
        return api;
    }
}
