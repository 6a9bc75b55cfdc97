using EcoPark.Application.Users;
using FluentValidation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace EcoPark.Web.Security;

/// <summary>The body of <c>POST /api/v1/auth/refresh</c>.</summary>
public sealed record RefreshRequest(string? RefreshToken);

/// <summary>
/// <c>POST /api/v1/auth/login</c> and <c>/refresh</c>, in place of Identity's: the same bearer access tokens
/// (Identity's format and lifetime), but single-use refresh tokens kept in the database, one answer for
/// every refused sign-in, and throttling instead of lockout. Identity's other endpoints (registration,
/// e-mail flows, two-factor set-up) are not offered: administrators make the accounts.
/// </summary>
internal static class TokenEndpoints
{
    public static void MapTokenEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Auth").AllowAnonymous().RequireRateLimiting(SignInRateLimit.Policy);

        auth.MapPost("/login", async (LoginInput input, HttpContext http, IValidator<LoginInput> validator, PasswordSignIn signIns, TokenIssuer tokens,
            IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            await validator.ValidateAndThrowAsync(input, ct);
            var attempt = await signIns.CheckAsync(input.Email, input.Password, http);
            if (attempt.Throttled)
            {
                await SignInRateLimit.WriteTooManyAsync(http, attempt.RetryAfter);
                return Results.Empty;
            }

            return attempt.User is { } user
                ? TypedResults.Ok(await tokens.IssueAsync(user, null, ct))
                : TypedResults.Problem(title: l["Login.Failed"], statusCode: StatusCodes.Status401Unauthorized);
        }).WithSummary("Sign in: a bearer access token and a single-use refresh token");

        auth.MapPost("/refresh", async (RefreshRequest body, RefreshTokens refreshTokens, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn,
            TokenIssuer tokens, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var redeemed = await refreshTokens.RedeemAsync(body.RefreshToken, ct);
            var user = redeemed is { } r ? await users.FindByIdAsync(r.UserId.ToString()) : null;
            if (user is null || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
            {
                return Results.Problem(title: l["Login.RefreshInvalid"], statusCode: StatusCodes.Status401Unauthorized);
            }

            return TypedResults.Ok(await tokens.IssueAsync(user, redeemed!.Value.FamilyId, ct));
        }).WithSummary("Trade a refresh token (once) for new tokens; a reused one revokes its whole family");
    }
}

/// <summary>Issues Identity's bearer access token with a database-backed refresh token.</summary>
public sealed class TokenIssuer(IOptionsMonitor<BearerTokenOptions> bearerOptions, SignInManager<ApplicationUser> signIn, RefreshTokens refreshTokens, TimeProvider clock)
{
    public async Task<AccessTokenResponse> IssueAsync(ApplicationUser user, Guid? familyId, CancellationToken cancellationToken)
    {
        var options = bearerOptions.Get(IdentityConstants.BearerScheme);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var now = clock.GetUtcNow();
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + options.BearerTokenExpiration };
        return new AccessTokenResponse
        {
            AccessToken = options.BearerTokenProtector.Protect(new AuthenticationTicket(principal, properties, IdentityConstants.BearerScheme)),
            ExpiresIn = (long)options.BearerTokenExpiration.TotalSeconds,
            RefreshToken = await refreshTokens.IssueAsync(user.Id, familyId, cancellationToken),
        };
    }
}
