using Microsoft.Playwright;

namespace EcoPark.EndToEndTests;

/// <summary>
/// Staff run the park-wide allocation on the demo park: the run goes to the background, the page follows it to its end and
/// shows the links as a Sankey diagram (plotly.js from the app's own origin, under its script policy) and the greedy plan beside the optimum.
/// </summary>
[Collection(FreshParkBrowserCollection.Name)]
public sealed class AllocationTests(AppUnderTest app)
{
    [Fact]
    public async Task Staff_RunTheDemoPark_SeeTheSankeyAndTheGreedyComparison()
    {
        var page = await app.SignInAsync("staff@demo.ecopark.tw", "EcoPark#Demo2026");
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add(error);

        await page.GotoAsync("/allocation");
        await AppUnderTest.WaitForInteractiveAsync(page);
        await page.GetByTestId("allocation-start").ClickAsync();

        var result = page.GetByTestId("allocation-result");
        await Assertions.Expect(result).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await Assertions.Expect(page.GetByTestId("allocation-status")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("allocation-comparison").Locator("tbody tr")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("allocation-links").Locator("tbody tr")).Not.ToHaveCountAsync(0);
        // plotly.js draws the diagram as SVG: the script loaded from the app and ran.
        await Assertions.Expect(page.Locator("[data-testid=allocation-sankey-water] svg.main-svg").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=allocation-sankey-water] .sankey-node").First).ToBeAttachedAsync();
        await Assertions.Expect(page.GetByTestId("allocation-runs").Locator("tbody tr")).ToHaveCountAsync(1);
        // The chosen links on the park map (issue #12).
        var map = page.GetByTestId("allocation-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-map-state", "live");
        await Assertions.Expect(map.Locator("path.park-map-link").First).ToBeAttachedAsync();

        var folder = Path.Combine(Path.GetTempPath(), "ecopark-e2e-logs");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "allocation.png"), FullPage = true });
        await AppUnderTest.ScreenshotAsync(page, "allocation");
        Assert.True(problems.Count == 0, "browser errors: " + string.Join("\n", problems));
        await page.Context.CloseAsync();
    }
}
