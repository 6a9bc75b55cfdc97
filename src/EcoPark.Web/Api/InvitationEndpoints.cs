using EcoPark.Application.Users;
using EcoPark.Domain.Access;
using EcoPark.Web.Security;

namespace EcoPark.Web.Api;

/// <summary>
/// Engineer invitations: the administrators' switch for each park, staff inviting from a match, and the invitee's anonymous acceptance.
/// There is no mail server, so the link in the answer is the delivery: the staff member passes it on.
/// </summary>
internal static class InvitationEndpoints
{
    public static RouteGroupBuilder MapInvitationEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/invitation-switches", async (Caller caller, EngineerInvitations handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListSwitchesAsync(caller, ct)))
            .RequireAuthorization(Policies.Administrators).WithTags("Users")
            .WithSummary("For each park, whether its staff may invite engineers, and which administrator changed it when");
        api.MapPut("/parks/{parkId:guid}/invitation-switch", async (Guid parkId, SwitchInput input, Caller caller, EngineerInvitations handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.SetSwitchAsync(caller, parkId, input.StaffMayInvite, ct)))
            .RequireAuthorization(Policies.Administrators).WithTags("Users")
            .WithSummary("Allow or stop one park's staff inviting engineers ({ staffMayInvite }); a park is off until an administrator turns it on");
        var matches = api.MapGroup("/matches").WithTags("Matching");
        matches.MapGet("/{id:guid}/invitations", async (Guid id, Caller caller, EngineerInvitations handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(caller, id, ct)))
            .RequireAuthorization(Policies.ParkStaff)
            .WithSummary("The match's engineer invitations (never the token), whether staff may invite, and the sides whose factory has no engineer");
        matches.MapPost("/{id:guid}/invitations", async (Guid id, InviteEngineerInput input, Caller caller, EngineerInvitations handler, HttpContext http,
                CancellationToken ct) =>
            {
                var issued = await handler.InviteAsync(caller, id, input, ct);
                return TypedResults.Created(LocalPath.Of($"/api/v1/matches/{id}/invitations"), new { issued.Invitation, link = Link(http, issued.Token) });
            })
            .RequireAuthorization(Policies.ParkStaff)
            .WithSummary("Staff invite an engineer for one side ({ side = supplier|buyer, name, email }) of a factory without an engineer account; "
                + "201 with the one-time link to pass on (valid 7 days)");
        var invitations = api.MapGroup("/invitations").WithTags("Users").AllowAnonymous();
        invitations.MapGet("/{token}", async (string token, EngineerInvitations handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.PreviewAsync(token, ct)))
            .WithSummary("The invitation a link carries (name, e-mail, factory) while it can be accepted");
        invitations.MapPost("/{token}/accept", async (string token, AcceptInvitationInput input, EngineerInvitations handler, CancellationToken ct) =>
            {
                var user = await handler.AcceptAsync(token, input, ct);
                return TypedResults.Created(LocalPath.Of($"/api/v1/me"), new { id = user.Id, email = user.Email });
            })
            .WithSummary("Accept an invitation with a password ({ password }, Identity's rules): an engineer account bound to the factory; the token works once");
        return api;
    }

    /// <summary>The page the invitee opens, on this site.</summary>
    public static string Link(HttpContext http, string token) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/account/invitation/{token}";

    public sealed record SwitchInput(bool? StaffMayInvite);
}
