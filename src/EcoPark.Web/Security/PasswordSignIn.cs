using EcoPark.Application.Users;
using Microsoft.AspNetCore.Identity;

namespace EcoPark.Web.Security;

/// <summary>The outcome of checking an e-mail and password: the user, a refusal, or how long to wait first.</summary>
public sealed record SignInAttempt(ApplicationUser? User, TimeSpan RetryAfter)
{
    public bool Succeeded => User is not null;

    public bool Throttled => RetryAfter > TimeSpan.Zero;
}

/// <summary>
/// The one password check behind the sign-in page and the token endpoint. A wrong password, an unknown
/// account and an account an administrator locked all get the same refusal, after the same work (an
/// unknown account's password is checked against a throwaway hash), and all count towards the same
/// increasing delays. Failures never lock the account and never touch its existing sessions.
/// </summary>
public sealed class PasswordSignIn(SignInManager<ApplicationUser> signIn, IPasswordHasher<ApplicationUser> hasher, SignInThrottle throttle)
{
    private static string? throwawayHash;

    public async Task<SignInAttempt> CheckAsync(string email, string password, HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress?.ToString();
        var wait = throttle.RetryAfter(email, address);
        if (wait > TimeSpan.Zero)
        {
            return new SignInAttempt(null, wait);
        }

        var users = signIn.UserManager;
        var user = await users.FindByEmailAsync(email.Trim());
        bool succeeded;
        if (user is null)
        {
            throwawayHash ??= hasher.HashPassword(new ApplicationUser(), Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(new ApplicationUser(), throwawayHash, password);
            succeeded = false;
        }
        else
        {
            succeeded = await users.CheckPasswordAsync(user, password) && await signIn.CanSignInAsync(user) && !await users.IsLockedOutAsync(user);
        }

        if (!succeeded)
        {
            throttle.RecordFailure(email, address);
            return new SignInAttempt(null, TimeSpan.Zero);
        }

        throttle.RecordSuccess(email);
        return new SignInAttempt(user, TimeSpan.Zero);
    }
}
