using EcoPark.Application.Users;
using EcoPark.Domain.Access;
using EcoPark.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace EcoPark.Web.Shared;

/// <summary>A page that needs to know the signed-in caller (roles and scopes, fresh from the database).</summary>
public abstract class CallerComponentBase : ComponentBase
{
    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private CallerLoader CallerLoader { get; set; } = default!;

    protected async Task<Caller> LoadCallerAsync() => await CallerLoader.LoadAsync((await AuthenticationState).User);
}
