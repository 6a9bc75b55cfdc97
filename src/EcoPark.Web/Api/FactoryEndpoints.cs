using EcoPark.Application.Factories;
using EcoPark.Application.Parks;
using EcoPark.Domain.Access;
using EcoPark.Web.Security;

namespace EcoPark.Web.Api;

/// <summary>Parks and factories over HTTP. Every call loads the caller and the handlers filter by scope.</summary>
internal static class FactoryEndpoints
{
    public static RouteGroupBuilder MapFactoryEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/parks", async (Caller caller, ParkQueries parks, CancellationToken ct) =>
                TypedResults.Ok(await parks.ListAsync(caller, ct)))
            .WithSummary("Parks the caller may see");

        var factories = api.MapGroup("/factories").WithTags("Factories");
        factories.MapGet("/", async (Caller caller, FactoryQueries queries, Guid? parkId, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListAsync(caller, parkId, ct)))
            .WithSummary("Factories the caller may see");
        factories.MapGet("/{id:guid}", async (Guid id, Caller caller, FactoryQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetAsync(caller, id, ct)))
            .WithName("GetFactory")
            .WithSummary("One factory; 404 when it does not exist or the caller may not see it");
        factories.MapPost("/", async (FactoryInput input, Caller caller, FactoryCommands commands, CancellationToken ct) =>
            {
                var created = await commands.RegisterAsync(caller, input, ct);
                return TypedResults.CreatedAtRoute(created, "GetFactory", new { id = created.Id });
            })
            .RequireAuthorization(Policies.ParkStaff)
            .WithSummary("Register a factory (administrators, and staff of its park)");
        factories.MapPut("/{id:guid}", async (Guid id, FactoryInput input, Caller caller, FactoryCommands commands, CancellationToken ct) =>
                TypedResults.Ok(await commands.UpdateAsync(caller, id, input, ct)))
            .RequireAuthorization(Policies.FactoryEditors)
            .WithSummary("Edit a factory; send the version you read (409 when someone saved in between)");
        return api;
    }
}
