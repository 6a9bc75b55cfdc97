using System.Globalization;
using EcoPark.Application.Users;
using Microsoft.AspNetCore.Localization;

namespace EcoPark.Web.Localization;

/// <summary>
/// zh-TW is the default UI language and English the second. The UI follows the culture cookie, which the
/// sign-in sets from the user's saved choice; browsers' Accept-Language is honoured only by the API, so a
/// first visit always opens in Traditional Chinese.
/// </summary>
public static class LocalizationSetup
{
    public static IServiceCollection AddEcoParkLocalization(this IServiceCollection services) =>
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = SupportedCultures.All.Select(c => new CultureInfo(c)).ToList();
            options.DefaultRequestCulture = new RequestCulture(SupportedCultures.Default);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new ApiAcceptLanguageProvider(),
            ];
        });

    public static IApplicationBuilder UseEcoParkLocalization(this IApplicationBuilder app) => app.UseRequestLocalization();

    /// <summary>The cookie value that makes <paramref name="culture"/> the UI language.</summary>
    public static void WriteCultureCookie(this HttpResponse response, string culture) =>
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = response.HttpContext.Request.IsHttps });

    private sealed class ApiAcceptLanguageProvider : AcceptLanguageHeaderRequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
            httpContext.Request.Path.StartsWithSegments("/api")
                ? base.DetermineProviderCultureResult(httpContext)
                : NullProviderCultureResult;
    }
}
