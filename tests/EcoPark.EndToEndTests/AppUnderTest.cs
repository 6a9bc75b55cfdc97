using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.Json;
using EcoPark.Testing;
using Microsoft.Playwright;

namespace EcoPark.EndToEndTests;

/// <summary>
/// The real app as a separate process (demo seeding on a throwaway PostgreSQL), and headless Chromium
/// driven by Playwright. Chromium is the machine's (ECOPARK_CHROMIUM, or /usr/bin/chromium), installed by
/// scripts/test.sh; Playwright downloads no browser of its own.
/// </summary>
public sealed class AppUnderTest : IAsyncLifetime
{
    private readonly StringBuilder appOutput = new();
    private PostgresServer server = default!;
    private Process app = default!;
    private IPlaywright playwright = default!;

    public string BaseUrl { get; private set; } = string.Empty;

    public IBrowser Browser { get; private set; } = default!;

    public static string SolutionRoot { get; } = FindSolutionRoot();

    /// <summary>Where the app's log and the tests' diagnostic screenshots go: the test script names a folder per run.</summary>
    public static string LogFolder { get; } = Environment.GetEnvironmentVariable("ECOPARK_E2E_LOGS") is { Length: > 0 } folder
        ? folder
        : Path.Combine(Path.GetTempPath(), "ecopark-e2e-logs");

    public async Task InitializeAsync()
    {
        server = await PostgresServer.LaunchAsync();
        BaseUrl = $"http://127.0.0.1:{FreePort()}";
        app = StartApp(server.ConnectionString(PostgresServer.NewDatabaseName()));
        await WaitUntilReadyAsync();

        // CI runs the integration tests beside these on two cores: give assertions the same patience as actions.
        Assertions.SetDefaultExpectTimeout(20_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (app is { HasExited: false })
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
        }

        app?.Dispose();
        await server.DisposeAsync();
    }

    /// <summary>A fresh browser context (no cookies) with a page on the app.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "en-US" });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public async Task<IPage> SignInAsync(string email, string password)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#sign-in");
        return page;
    }

    /// <summary>
    /// The app's API as <paramref name="email"/>, with a bearer token from <c>POST /api/v1/auth/login</c>: for a test's set-up
    /// (records the screen under test does not make); the test itself goes through the browser.
    /// </summary>
    public async Task<HttpClient> ApiAsync(string email, string password)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        using var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Waits until the Blazor circuit is connected, so clicks reach the server.</summary>
    public static Task WaitForInteractiveAsync(IPage page) =>
        page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>The text box of a MudBlazor field, whether the test id sits on the input itself or on its frame.</summary>
    public static ILocator Input(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input, [data-testid={testId}] textarea").First;

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath(name), FullPage = true });

    /// <summary>Where a test's screenshot goes: the run's results, never the curated shots under docs.</summary>
    public static string ScreenshotPath(string name)
    {
        var folder = Path.Combine(SolutionRoot, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }

    private Process StartApp(string connectionString)
    {
        var configuration = typeof(AppUnderTest).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var webFolder = Path.Combine(SolutionRoot, "src", "EcoPark.Web");
        var dll = Path.Combine(webFolder, "bin", configuration, "net10.0", "EcoPark.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"Build the solution first: {dll} is missing.");
        }

        var start = new ProcessStartInfo("dotnet", [dll, "--urls", BaseUrl])
        {
            WorkingDirectory = webFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Demo";
        start.Environment["EcoPark__Demo"] = "true";
        start.Environment["ConnectionStrings__EcoPark"] = connectionString;
        start.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(LogFolder, "ecopark-.json");
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app");
        process.OutputDataReceived += (_, e) => { lock (appOutput) { appOutput.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (appOutput) { appOutput.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (app.HasExited)
            {
                break;
            }

            try
            {
                if ((await http.GetAsync($"{BaseUrl}/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy to answer within the probe's timeout (CI shares its cores).
            }

            await Task.Delay(500);
        }

        lock (appOutput)
        {
            throw new InvalidOperationException($"The app did not become ready:\n{appOutput}");
        }
    }

    private static string ChromiumPath()
    {
        var path = Environment.GetEnvironmentVariable("ECOPARK_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"Chromium not found at {path}: run the tests with scripts/test.sh, which installs it, or set ECOPARK_CHROMIUM.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindSolutionRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EcoPark.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("EcoPark.sln not found above the test folder");
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<AppUnderTest>
{
    public const string Name = "browser";
}

/// <summary>
/// A demo app of its own, for a test that judges the whole park (the allocation): the shared app's park is changed by the
/// other browser tests (matches declined, quotes recorded), which decide what the park's optimum is.
/// </summary>
[CollectionDefinition(Name)]
public sealed class FreshParkBrowserCollection : ICollectionFixture<AppUnderTest>
{
    public const string Name = "browser, a park of its own";
}
