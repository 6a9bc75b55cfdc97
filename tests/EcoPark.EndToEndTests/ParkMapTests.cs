using System.Text.Json;
using Microsoft.Playwright;

namespace EcoPark.EndToEndTests;

/// <summary>
/// The workbench's park map: Leaflet (from the app's own origin) draws the demo park's factories and more than one link, the
/// factory names never overlap, on a desktop and on a 390 px phone, and a click on the 113 m WWTP → caster link opens the
/// same explanation as its table row. The screenshots go to docs/screenshots for the issue's closing note.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ParkMapTests(AppUnderTest app)
{
    private const string Password = "EcoPark#Demo2026";

    [Fact]
    public async Task Workbench_OnADesktop_DrawsTheParkWithSeparateNamesAndTheShortLinkOpensItsExplanation()
    {
        var (page, problems) = await OpenWorkbenchAsync(new() { Width = 1366, Height = 900 }, phone: false);
        var map = page.GetByTestId("park-map");
        await AssertDrawnAsync(page, map);

        var wwtp = await FactoryIdAsync(map, "青溪工業區污水處理廠", "Qingxi Industrial Park WWTP");
        var caster = await FactoryIdAsync(map, "鋁鑫金屬股份有限公司", "Lyuxin Aluminium Casting Co., Ltd.");
        var handle = map.Locator($".park-map-link-handle[data-from='{wwtp}'][data-to='{caster}']").First;
        await Assertions.Expect(handle).ToBeVisibleAsync();
        await map.ScrollIntoViewIfNeededAsync();
        await map.ScreenshotAsync(new LocatorScreenshotOptions { Path = AppUnderTest.ScreenshotPath("park-map-workbench-desktop") });

        await handle.ClickAsync();
        await Assertions.Expect(page.GetByTestId("explanation-status")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("explanation").GetByTestId("parameter-table")).ToBeVisibleAsync();
        Assert.True(problems.Count == 0, "browser errors: " + string.Join("\n", problems));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Workbench_OnAPhone_DrawsTheParkWithSeparateNames()
    {
        var (page, problems) = await OpenWorkbenchAsync(new() { Width = 390, Height = 844 }, phone: true);
        var map = page.GetByTestId("park-map");
        await AssertDrawnAsync(page, map);
        await map.ScrollIntoViewIfNeededAsync();
        await map.ScreenshotAsync(new LocatorScreenshotOptions { Path = AppUnderTest.ScreenshotPath("park-map-workbench-phone") });
        var box = await map.BoundingBoxAsync();
        Assert.True(box is not null && box.X + box.Width <= 390, $"the map ends at {box?.X + box?.Width} px");
        Assert.True(problems.Count == 0, "browser errors: " + string.Join("\n", problems));
        await page.Context.CloseAsync();
    }

    private async Task<(IPage Page, List<string> Problems)> OpenWorkbenchAsync(ViewportSize viewport, bool phone)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            Locale = "zh-TW",
            ViewportSize = viewport,
            IsMobile = phone,
            HasTouch = phone,
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add(error);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", "staff@demo.ecopark.tw");
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#sign-in");
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToBeAttachedAsync();
        await page.GotoAsync("/culture/set?culture=zh-TW&returnUrl=/matching");
        await page.GotoAsync("/matching");
        await AppUnderTest.WaitForInteractiveAsync(page);
        return (page, problems);
    }

    /// <summary>The interactive map is up with the park's factories, several links, and names whose boxes do not meet.</summary>
    private static async Task AssertDrawnAsync(IPage page, ILocator map)
    {
        await Assertions.Expect(map).ToHaveAttributeAsync("data-map-state", "live");
        await Assertions.Expect(map.Locator(".leaflet-container")).ToBeVisibleAsync();
        await Assertions.Expect(map.GetByTestId("park-map-fallback")).ToHaveCountAsync(0);
        var points = int.Parse(await map.GetAttributeAsync("data-points") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(points >= 10, $"{points} factories on the map");
        await Assertions.Expect(map.Locator("path.park-map-dot")).ToHaveCountAsync(points);
        await Assertions.Expect(map.Locator("path.park-map-link").Nth(1)).ToBeAttachedAsync(); // more than one link
        await Assertions.Expect(map.Locator(".park-map-label").First).ToBeAttachedAsync();
        // Labels are placed after the map settles; wait for a frame so that the boxes read are the placed ones.
        await page.WaitForTimeoutAsync(300);

        var boxes = await map.EvaluateAsync<JsonElement>(
            @"m => [...m.querySelectorAll('.park-map-label:not(.park-map-label-hidden)')].map(e => { const r = e.getBoundingClientRect(); return { name: e.textContent, left: r.left, top: r.top, right: r.right, bottom: r.bottom }; })");
        var labels = boxes.EnumerateArray().Select(b => (Name: b.GetProperty("name").GetString(), Left: b.GetProperty("left").GetDouble(), Top: b.GetProperty("top").GetDouble(),
            Right: b.GetProperty("right").GetDouble(), Bottom: b.GetProperty("bottom").GetDouble())).ToList();
        Assert.True(labels.Count >= points / 2, $"only {labels.Count} of {points} names shown");
        Assert.All(labels, l => Assert.True(l.Right - l.Left > 20, $"{l.Name} is cut to {l.Right - l.Left} px"));
        for (var i = 0; i < labels.Count; i++)
        {
            for (var j = i + 1; j < labels.Count; j++)
            {
                var (a, b) = (labels[i], labels[j]);
                var meet = a.Left < b.Right && b.Left < a.Right && a.Top < b.Bottom && b.Top < a.Bottom;
                Assert.False(meet, $"the names {a.Name} and {b.Name} overlap");
            }
        }
    }

    private static async Task<string> FactoryIdAsync(ILocator map, string nameZh, string nameEn)
    {
        var dot = map.Locator($"path.park-map-dot[data-name='{nameZh}'], path.park-map-dot[data-name='{nameEn}']").First;
        return await dot.GetAttributeAsync("data-factory-id") ?? throw new InvalidOperationException($"{nameZh} is not on the map");
    }
}
