using EcoPark.Application.Users;
using EcoPark.Web.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace EcoPark.Web.Features.Account;

/// <summary>The plain HTTP parts of the account UI: signing out and switching the UI language.</summary>
internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // Signing out needs the form's antiforgery token, so that a foreign page cannot sign people out.
        app.MapPost("/account/logout", async (HttpContext http, IAntiforgery antiforgery, SignInManager<ApplicationUser> signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest();
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect("~/account/login");
        });

        // Sets the language cookie only. A GET changes nothing stored: the language menu saves the choice in
        // the user's profile itself, inside the signed-in circuit.
        app.MapGet("/culture/set", ([FromQuery] string? culture, [FromQuery] string? returnUrl, HttpContext http) =>
        {
            if (!SupportedCultures.IsSupported(culture))
            {
                return Results.BadRequest();
            }

            http.Response.WriteCultureCookie(culture!);
            return Results.LocalRedirect(LocalPathOrHome(returnUrl));
        }).AllowAnonymous();
    }

    /// <summary>
    /// <paramref name="url"/> when it is a path on this site made of printable ASCII (as the app's own links
    /// are, percent-encoded), else "/": never another host, and never a control character in a header.
    /// </summary>
    public static string LocalPathOrHome(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
        && url.All(c => c is > ' ' and < '\u007f' and not '\\')
            ? url
            : "/";
}
