using System.Text.Json;
using EcoPark.Application.Streams;
using EcoPark.Domain.Access;
using EcoPark.Domain.Streams;
using EcoPark.Web.Security;

namespace EcoPark.Web.Api;

/// <summary>CRUD for a factory's effluent streams, water demands, heat streams and by-product streams.</summary>
internal static class StreamEndpoints
{
    public static RouteGroupBuilder MapStreamEndpoints(this RouteGroupBuilder api)
    {
        Map<EffluentStream, EffluentStreamInput, EffluentStreams>(api, "effluent-streams", "Effluent streams");
        Map<WaterDemand, WaterDemandStreamInput, WaterDemands>(api, "water-demands", "Water demands");
        Map<HeatStream, HeatStreamInput, HeatStreams>(api, "heat-streams", "Heat streams");
        Map<ByproductStream, ByproductStreamInput, ByproductStreams>(api, "byproduct-streams", "By-product streams");
        return api;
    }

    private static void Map<TStream, TInput, THandler>(RouteGroupBuilder api, string path, string tag)
        where TStream : FactoryStream
        where TInput : StreamInput
        where THandler : StreamHandler<TStream, TInput>
    {
        // The body is read here rather than bound as a TInput parameter: the route-handler analyzer cannot follow generic parameters.
        static THandler Handler(HttpContext http) => http.RequestServices.GetRequiredService<THandler>();

        static async Task<TInput> Body(HttpContext http, CancellationToken ct)
        {
            if (!http.Request.HasJsonContentType())
            {
                throw new BadHttpRequestException("Send the body as application/json.", StatusCodes.Status415UnsupportedMediaType);
            }

            try
            {
                return await http.Request.ReadFromJsonAsync<TInput>(ct) ?? throw new BadHttpRequestException("A request body is required.");
            }
            catch (JsonException e)
            {
                throw new BadHttpRequestException("The request body is not valid JSON.", e);
            }
        }

        var group = api.MapGroup($"/factories/{{factoryId:guid}}/{path}").WithTags(tag);
        group.MapGet("/", async (Guid factoryId, Caller caller, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await Handler(http).ListAsync(caller, factoryId, ct)))
            .WithSummary("The factory's entries, by name");
        group.MapGet("/{id:guid}", async (Guid factoryId, Guid id, Caller caller, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await Handler(http).GetAsync(caller, factoryId, id, ct)))
            .WithSummary("One entry, with warnings on stale or estimated values");
        group.MapPost("/", async (Guid factoryId, Caller caller, HttpContext http, CancellationToken ct) =>
            {
                var created = await Handler(http).CreateAsync(caller, factoryId, await Body(http, ct), ct);
                return TypedResults.Created(LocalPath.Of($"/api/v1/factories/{factoryId}/{path}/{created.Id}"), created);
            })
            .RequireAuthorization(Policies.FactoryEditors)
            .Accepts<TInput>("application/json")
            .WithSummary("Add an entry; 400 names each bad field");
        group.MapPut("/{id:guid}", async (Guid factoryId, Guid id, Caller caller, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await Handler(http).UpdateAsync(caller, factoryId, id, await Body(http, ct), ct)))
            .RequireAuthorization(Policies.FactoryEditors)
            .Accepts<TInput>("application/json")
            .WithSummary("Replace an entry; send the rowVersion you read; 409 when someone saved it in between");
        group.MapDelete("/{id:guid}", async (Guid factoryId, Guid id, Caller caller, HttpContext http, CancellationToken ct) =>
            {
                await Handler(http).DeleteAsync(caller, factoryId, id, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.FactoryEditors)
            .WithSummary("Remove an entry (kept in the audit trail)");
    }
}
