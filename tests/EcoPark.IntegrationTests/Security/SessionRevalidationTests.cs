using EcoPark.Application.Users;
using EcoPark.Domain.Access;
using EcoPark.IntegrationTests.Infrastructure;
using EcoPark.Web.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EcoPark.IntegrationTests.Security;

/// <summary>An open Blazor circuit re-checks its user within a minute and drops a removed role or user.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class SessionRevalidationTests(DemoAppFixture app)
{
    [Fact]
    public void Circuits_UseTheRevalidatingProvider_CheckingAtLeastOnceAMinute()
    {
        using var scope = app.Factory.Services.CreateScope();

        Assert.IsType<RevalidatingIdentityStateProvider>(scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
        Assert.InRange(RevalidatingIdentityStateProvider.Interval, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Session_AfterItsRoleIsRemoved_IsNoLongerCurrent()
    {
        var email = await app.CreateUserAsync(Roles.Auditor, "Revalidate#2026");
        using var scope = app.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>().CreateUserPrincipalAsync(user);
        var sessions = scope.ServiceProvider.GetRequiredService<SessionValidator>();
        Assert.True(await sessions.IsCurrentAsync(principal));

        Assert.True((await users.RemoveFromRoleAsync(user, Roles.Auditor)).Succeeded);

        Assert.False(await sessions.IsCurrentAsync(principal));
    }

    [Fact]
    public async Task Session_AfterItsUserIsDeletedOrLocked_IsNoLongerCurrent()
    {
        using var scope = app.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        var sessions = scope.ServiceProvider.GetRequiredService<SessionValidator>();
        var deleted = (await users.FindByEmailAsync(await app.CreateUserAsync(Roles.Auditor, "Revalidate#2026")))!;
        var locked = (await users.FindByEmailAsync(await app.CreateUserAsync(Roles.Auditor, "Revalidate#2026")))!;
        var deletedPrincipal = await signIn.CreateUserPrincipalAsync(deleted);
        var lockedPrincipal = await signIn.CreateUserPrincipalAsync(locked);

        Assert.True((await users.DeleteAsync(deleted)).Succeeded);
        Assert.True((await users.SetLockoutEndDateAsync(locked, DateTimeOffset.UtcNow.AddDays(1))).Succeeded);

        Assert.False(await sessions.IsCurrentAsync(deletedPrincipal));
        Assert.False(await sessions.IsCurrentAsync(lockedPrincipal));
    }
}
