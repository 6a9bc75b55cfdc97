using Microsoft.AspNetCore.Identity;

namespace EcoPark.Web.Security;

/// <summary>
/// How the API authenticates. A bearer token always works. The sign-in cookie works only for reading (GET
/// and HEAD), so that the pages' download links (workbooks, notices, evidence) keep working; a write with
/// the cookie alone is unauthenticated (401), so a foreign page cannot make a signed-in browser change
/// anything through the API, and the upload endpoints need no antiforgery token from their bearer callers.
/// </summary>
public static class ApiAccess
{
    public const string Scheme = "EcoPark.Api";
    public const string Policy = "EcoPark.Api";

    public static string SchemeFor(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal)
        || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            ? IdentityConstants.BearerScheme
            : IdentityConstants.ApplicationScheme;
}
