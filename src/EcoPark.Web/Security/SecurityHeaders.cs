using EcoPark.Web.Hosting;
using Microsoft.AspNetCore.HttpOverrides;

namespace EcoPark.Web.Security;

/// <summary>
/// Headers on every response (pages, API, static files, errors): no MIME sniffing, no referrer beyond the
/// origin, no framing, and one content security policy that Blazor Server, MudBlazor and the API reference
/// run under. Scripts load only from this origin or carry the per-request nonce (the import map and the API
/// reference's start-up script); MudBlazor sets styles inline, so styles may be inline but never remote. In
/// production the app also sends HSTS, redirects to HTTPS and marks its cookies Secure.
/// </summary>
public static class SecurityHeaders
{
    public static void AddEcoParkSecurityHeaders(this WebApplicationBuilder builder, EcoParkOptions options)
    {
        var production = builder.Environment.IsProduction();
        var tileOrigin = TileOrigin(options.Map.TileUrl);
        builder.Services.AddSecurityHeaderPolicies().SetDefaultPolicy(Policy(production, tileOrigin));
        if (!production)
        {
            return;
        }

        builder.Services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.IncludeSubDomains = true;
        });
        builder.Services.AddHttpsRedirection(https => https.HttpsPort = options.Https.Port);
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            // Behind a TLS-terminating proxy the scheme and the client address come from its headers, but only
            // from the proxies named in configuration (by default, only a proxy on this machine is trusted).
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var network in options.Https.TrustedProxyNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
    }

    /// <summary>Security headers first, so that they are on every answer; HTTPS and HSTS in production (health probes stay on HTTP).</summary>
    public static void UseEcoParkSecurityHeaders(this WebApplication app)
    {
        if (app.Environment.IsProduction())
        {
            app.UseForwardedHeaders();
        }

        app.UseSecurityHeaders();
        if (app.Environment.IsProduction())
        {
            app.UseHsts();
            app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), https => https.UseHttpsRedirection());
        }
    }

    /// <summary>Cookies are Secure in production and follow the request elsewhere (the demo runs on plain HTTP).</summary>
    public static CookieSecurePolicy CookiePolicy(IHostEnvironment environment) =>
        environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    private static HeaderPolicyCollection Policy(bool production, string? tileOrigin)
    {
        var policy = new HeaderPolicyCollection()
            .AddContentTypeOptionsNoSniff()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddFrameOptionsDeny()
            .AddCrossOriginOpenerPolicy(coop => coop.SameOrigin())
            .AddPermissionsPolicyWithDefaultSecureDirectives()
            .RemoveServerHeader()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self().WithNonce();
                csp.AddStyleSrc().Self().UnsafeInline();
                var images = csp.AddImgSrc().Self().Data();
                if (tileOrigin is not null)
                {
                    images.From(tileOrigin);
                }

                csp.AddFontSrc().Self().Data();
                csp.AddConnectSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFormAction().Self();
                csp.AddFrameAncestors().None();
                if (production)
                {
                    csp.AddUpgradeInsecureRequests();
                }
            });
        return policy;
    }

    /// <summary>The scheme and host of the configured map tiles, which the map loads as images.</summary>
    private static string? TileOrigin(string? tileUrl) =>
        !string.IsNullOrWhiteSpace(tileUrl) && Uri.TryCreate(tileUrl.Replace("{", string.Empty, StringComparison.Ordinal).Replace("}", string.Empty, StringComparison.Ordinal), UriKind.Absolute, out var uri)
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;
}
