using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using EcoPark.Application;
using EcoPark.Application.Users;
using EcoPark.Infrastructure;
using EcoPark.Infrastructure.Persistence;
using EcoPark.Infrastructure.Reporting;
using EcoPark.Infrastructure.Seeding;
using EcoPark.Web.Api;
using EcoPark.Web.Localization;
using EcoPark.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;
using Serilog;

namespace EcoPark.Web.Hosting;

public static class ServiceRegistration
{
    private const string ChallengeScheme = "EcoPark.Challenge";

    public static void AddEcoParkServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        // Each host gets its own logger (the static one is left alone), so several hosts in one process,
        // as in the integration tests, never share or freeze a logger.
        services.AddSerilog(
            (sp, log) => log.ReadFrom.Configuration(configuration).ReadFrom.Services(sp).Enrich.FromLogContext(),
            preserveStaticLogger: true);

        var options = configuration.GetSection(EcoParkOptions.Section).Get<EcoParkOptions>() ?? new EcoParkOptions();
        services.Configure<EcoParkOptions>(configuration.GetSection(EcoParkOptions.Section));
        if (options.Demo)
        {
            // The demo runs from build output, where MudBlazor's static files come from the package folder.
            builder.WebHost.UseStaticWebAssets();
        }

        var connectionString = configuration.GetConnectionString("EcoPark");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("Set the connection string ConnectionStrings__EcoPark (see README).");
        }

        services.AddEcoParkApplication();
        services.AddEcoParkInfrastructure(ConnectionPool.WithLimits(connectionString, options.Database.MaxPoolSize, options.Database.PoolWaitSeconds));
        services.AddScoped<DatabaseInitializer>();
        services.AddHostedService<DatabaseStartup>();
        if (options.JobWorker)
        {
            services.AddHostedService<CandidateStartupCheck>();
            services.AddHostedService<AllocationStartupCheck>();
            services.AddHostedService<JobWorker>();
        }
        services.AddDataProtection().SetApplicationName("EcoPark").PersistKeysToDbContext<EcoParkDbContext>();

        services.AddIdentityApiEndpoints<ApplicationUser>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.Password.RequiredLength = 12;
                identity.Password.RequireDigit = true;
                identity.Password.RequireLowercase = true;
                identity.Password.RequireUppercase = true;
                identity.Password.RequireNonAlphanumeric = true;
                identity.Password.RequiredUniqueChars = 6;
                // Wrong passwords never lock an account (they are throttled, see SignInThrottle); lockout stays
                // available to administrators, and a locked account is refused like a wrong password.
                identity.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<ApplicationRole>()
            .AddEntityFrameworkStores<EcoParkDbContext>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "EcoPark.Auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = SecurityHeaders.CookiePolicy(builder.Environment);
            cookie.LoginPath = "/account/login";
            cookie.AccessDeniedPath = "/account/access-denied";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });
        // Identity's API setup challenges with the bearer scheme; pages should send people to the sign-in
        // page instead, so challenges and forbids go to the cookie outside /api.
        services.AddAuthentication(auth =>
            {
                auth.DefaultChallengeScheme = ChallengeScheme;
                auth.DefaultForbidScheme = ChallengeScheme;
            })
            .AddPolicyScheme(ChallengeScheme, null, policy => policy.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api") ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddPolicyScheme(ApiAccess.Scheme, null, policy =>
            {
                policy.ForwardDefaultSelector = ApiAccess.SchemeFor;
                policy.ForwardChallenge = IdentityConstants.BearerScheme;
                policy.ForwardForbid = IdentityConstants.BearerScheme;
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiAccess.Policy, policy => policy.AddAuthenticationSchemes(ApiAccess.Scheme).RequireAuthenticatedUser());
        services.Configure<AuthorizationOptions>(Policies.Add);
        // Unreadable bodies reach ApiExceptionHandler as exceptions, so that the 400 names the field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddAntiforgery(antiforgery => antiforgery.Cookie.SecurePolicy = SecurityHeaders.CookiePolicy(builder.Environment));
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();

        var signInLimits = configuration.GetSection(SignInLimits.Section).Get<SignInLimits>() ?? new SignInLimits();
        services.AddSingleton(signInLimits);
        services.AddEcoParkSignInRateLimit(signInLimits);
        PublicRateLimit.Add(services, configuration);
        services.Configure<ReportFontOptions>(configuration.GetSection(ReportFontOptions.Section));
        services.AddSingleton<ReportText>();
        services.AddScoped<PasswordSignIn>();
        services.AddEcoParkCallerBinding();
        services.AddScoped<TokenIssuer>();
        builder.AddEcoParkSecurityHeaders(options);

        // Write Chinese text as is, not as &#x...; entities: pages are a third smaller and readable in source.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddTransient<MudBlazor.MudLocalizer, ResourceMudLocalizer>();
        services.AddEcoParkLocalization();

        services.Configure<RequestLogOptions>(configuration.GetSection(RequestLogOptions.Section));
        services.AddSingleton<RequestLogPolicy>();
        services.AddHostedService<RequestLogSummary>();
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            json.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        });
        services.AddOpenApi();
        services.AddHealthChecks().AddDbContextCheck<EcoParkDbContext>("database", tags: ["ready"]);
    }
}
