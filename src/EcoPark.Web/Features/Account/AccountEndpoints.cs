using EcoPark.Application.Abstractions;
using EcoPark.Application.Users;
using EcoPark.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace EcoPark.Web.Features.Account;

/// <summary>The plain HTTP parts of the account UI: signing out and switching the UI language.</summary>
internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (SignInManager<ApplicationUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/account/login");
        });

        // Remembers the choice in a cookie and, for a signed-in user, in their profile, so it follows them to
        // other browsers at the next sign-in.
        app.MapGet("/culture/set", async (
            [FromQuery] string culture,
            [FromQuery] string? returnUrl,
            HttpContext http,
            IEcoParkDbContextFactory dbFactory,
            UserManager<ApplicationUser> users,
            CancellationToken ct) =>
        {
            if (!SupportedCultures.IsSupported(culture))
            {
                return Results.BadRequest();
            }

            http.Response.WriteCultureCookie(culture);
            if (http.User.Identity?.IsAuthenticated == true && users.GetUserId(http.User) is { } id && Guid.TryParse(id, out var userId))
            {
                await using var db = await dbFactory.CreateAsync(ct);
                await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredCulture, culture), ct);
            }

            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "~/");
        });
    }

    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
