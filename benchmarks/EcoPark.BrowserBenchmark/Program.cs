using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

// The matching workbench as a staff member's browser sees it (issue 10): the time from navigation to its first candidate
// row, and to a row that answers a click, beside the home page's first content in the same run; and the memory each open
// workbench tab holds in the app, beside that of a home page tab: the app's heap with the tabs open, less before,
// divided by the tabs.
// Usage: dotnet EcoPark.BrowserBenchmark.dll <base url> <app pid> [tabs] [repeats]
var baseUrl = args[0].TrimEnd('/') + "/";
var appPid = int.Parse(args[1], CultureInfo.InvariantCulture);
var tabs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
var repeats = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5;
var chromium = Environment.GetEnvironmentVariable("ECOPARK_CHROMIUM") ?? "/usr/bin/chromium";

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = chromium,
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

// One signed-in browser context; every tab in it shares the staff member's cookie, as a user's tabs would.
var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "zh-TW", ViewportSize = new() { Width = 1366, Height = 900 } });
var login = await context.NewPageAsync();
await login.GotoAsync("account/login");
await login.FillAsync("#email", "staff@demo.ecopark.tw");
await login.FillAsync("#password", "EcoPark#Demo2026");
await login.ClickAsync("#sign-in");
await login.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
await login.CloseAsync();

const string FirstRow = "[data-testid=candidate-table] tbody tr:has([data-testid=candidate-supply])";
const string Live = "[data-testid=interactive]";

async Task<(double FirstContentMs, double FirstRowMs, double ClickableMs)> OpenWorkbenchAsync()
{
    var page = await context.NewPageAsync();
    var clock = Stopwatch.StartNew();
    await page.GotoAsync("matching", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
    await page.Locator("[data-testid=candidate-table]").WaitForAsync(new() { Timeout = 120_000 });
    var content = clock.Elapsed.TotalMilliseconds;
    await page.Locator(FirstRow).First.WaitForAsync(new() { Timeout = 120_000 });
    var row = clock.Elapsed.TotalMilliseconds;
    await page.Locator(Live).WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });
    await page.Locator(FirstRow).First.ClickAsync();
    await page.Locator("[data-testid=explanation-drawer] [data-testid=explanation]").WaitForAsync(new() { Timeout = 120_000 });
    var clickable = clock.Elapsed.TotalMilliseconds;
    await page.CloseAsync();
    return (content, row, clickable);
}

async Task<double> OpenHomeAsync()
{
    var page = await context.NewPageAsync();
    var clock = Stopwatch.StartNew();
    await page.GotoAsync(string.Empty, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
    await page.Locator("[data-testid=park-dashboard]").WaitForAsync(new() { Timeout = 120_000 });
    var ms = clock.Elapsed.TotalMilliseconds;
    await page.CloseAsync();
    return ms;
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

static string Ms(double value) => value.ToString("N0", CultureInfo.InvariantCulture) + " ms";

// A first visit warms the app's caches and the JIT; it is not counted.
await OpenHomeAsync();
await OpenWorkbenchAsync();
var home = new List<double>();
var workbench = new List<(double FirstContentMs, double FirstRowMs, double ClickableMs)>();
for (var i = 0; i < repeats; i++)
{
    home.Add(await OpenHomeAsync());
    workbench.Add(await OpenWorkbenchAsync());
}

Console.WriteLine($"home page, first content (baseline), median of {repeats}: {Ms(Median(home))} (range {Ms(home.Min())}–{Ms(home.Max())})");
Console.WriteLine($"workbench, table frame, median of {repeats}: {Ms(Median(workbench.Select(w => w.FirstContentMs)))}");
Console.WriteLine($"workbench, first candidate row, median of {repeats}: {Ms(Median(workbench.Select(w => w.FirstRowMs)))} (range {Ms(workbench.Min(w => w.FirstRowMs))}–{Ms(workbench.Max(w => w.FirstRowMs))})");
Console.WriteLine($"workbench, row clicked and explanation open, median of {repeats}: {Ms(Median(workbench.Select(w => w.ClickableMs)))}");

// The app's live managed heap, after the full collection that taking a heap dump forces (GCDUMP: the dotnet-gcdump tool,
// which the run script installs); without it, the process's resident set, which also counts garbage not yet collected.
var gcdump = Environment.GetEnvironmentVariable("GCDUMP");
var memoryBasis = gcdump is null ? "resident set (VmRSS), an upper bound" : "live managed heap after a full GC";

long HeapBytes()
{
    if (gcdump is null)
    {
        var line = File.ReadLines($"/proc/{appPid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    var file = Path.Combine(Path.GetTempPath(), $"ecopark-bench-{Guid.NewGuid():N}.gcdump");
    Run(gcdump, $"collect -p {appPid} -o {file}");
    var report = Run(gcdump, $"report {file}");
    File.Delete(file);
    // The report's first figure is the heap's size: "   12,345,678  GC Heap bytes".
    var heap = report.Split('\n').First(l => l.Contains("GC Heap bytes", StringComparison.Ordinal));
    return long.Parse(heap.Trim().Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
}

static string Run(string program, string arguments)
{
    using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
    var output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{program} {arguments}: exit {process.ExitCode}: {output}{process.StandardError.ReadToEnd()}");
}

async Task<double> MegabytesPerTabAsync(string path, string ready)
{
    var before = HeapBytes();
    var pages = new List<IPage>();
    for (var i = 0; i < tabs; i++)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await page.Locator(ready).First.WaitForAsync(new() { Timeout = 120_000 });
        await page.Locator(Live).WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });
        pages.Add(page);
    }

    // Let the circuits settle (the dashboard's and workbench's first loads finish after the page is live).
    await Task.Delay(3_000);
    var after = HeapBytes();
    foreach (var page in pages)
    {
        await page.CloseAsync();
    }

    return (after - before) / 1024.0 / 1024.0 / tabs;
}

var homeMb = await MegabytesPerTabAsync(string.Empty, "[data-testid=park-dashboard] [data-testid=kpi-card]");
var workbenchMb = await MegabytesPerTabAsync("matching", FirstRow);
Console.WriteLine($"memory per open home page tab (baseline), {tabs} tabs, {memoryBasis}: {homeMb.ToString("N2", CultureInfo.InvariantCulture)} MB");
Console.WriteLine($"memory per open workbench tab, {tabs} tabs, {memoryBasis}: {workbenchMb.ToString("N2", CultureInfo.InvariantCulture)} MB");
