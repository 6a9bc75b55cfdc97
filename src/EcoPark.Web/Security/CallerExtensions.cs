using System.Security.Claims;
using EcoPark.Application.Users;
using EcoPark.Domain.Access;

namespace EcoPark.Web.Security;

public static class CallerExtensions
{
    /// <summary>The caller behind a cookie or bearer principal; an anonymous principal gets no roles and sees nothing.</summary>
    public static Task<Caller> LoadAsync(this CallerLoader loader, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            ? loader.LoadAsync(userId, cancellationToken)
            : Task.FromResult(new Caller(Guid.Empty, [], [], []));
}
