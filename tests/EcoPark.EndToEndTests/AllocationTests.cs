using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EcoPark.EndToEndTests;

/// <summary>
/// Staff run the park-wide allocation on the demo park: the run goes to the background, the page follows it to its end and
/// shows the links as a Sankey diagram (plotly.js from the app's own origin, under its script policy) and the greedy plan beside the optimum;
/// the chosen links are then proposed as match cases, once each.
/// </summary>
[Collection(FreshParkBrowserCollection.Name)]
public sealed class AllocationTests(AppUnderTest app)
{
    /// <summary>What the page says while a run is under way: queued, building (with its paths) or solving (with the paths and the time used of the limit).</summary>
    private static readonly Regex ProgressText = new(@"排隊中：等待執行…|正在依園區配對建立模型…|正在建立模型：\d+ 條路徑，已 \d+ 秒…|求解中：\d+ 條路徑，已 \d+ 秒（上限 30 秒）…");

    [Fact]
    public async Task Staff_RunTheDemoPark_FollowItsProgress_SeeTheSankeyAndTheGreedyComparison_AndProposeTheChosenLinkOnlyOnce()
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
        // The demo park's run is short (about a second): watch every frame for the progress, from before the click on.
        var progressSeen = page.WaitForFunctionAsync("() => document.querySelector('[data-testid=allocation-progress]')?.innerText || null", null,
            new() { PollingInterval = 20, Timeout = 60_000 });
        await page.GetByTestId("allocation-start").ClickAsync();
        var progress = await (await progressSeen).JsonValueAsync<string>();
        Assert.Matches(ProgressText, progress);

        var result = page.GetByTestId("allocation-result");
        await Assertions.Expect(result).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await Assertions.Expect(page.GetByTestId("allocation-progress")).ToHaveCountAsync(0);
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

        await AppUnderTest.ScreenshotAsync(page, "allocation");

        // Propose a chosen link no case follows yet: one proposed match case opens for it.
        var link = page.GetByTestId("allocation-links").Locator("tbody tr").Filter(new() { HasNot = page.Locator("a") }).First;
        var supplyFactory = (await link.Locator("td").Nth(1).InnerTextAsync()).Split(" · ")[0].Trim();
        var demandFactory = (await link.Locator("td").Nth(2).InnerTextAsync()).Split(" · ")[0].Trim();
        var propose = page.GetByTestId("allocation-propose");
        await Assertions.Expect(propose).ToBeDisabledAsync();
        await link.Locator("input[type=checkbox]").ClickAsync();
        await Assertions.Expect(propose).ToHaveTextAsync("提案所選（1）");
        await propose.ClickAsync();
        var outcome = page.GetByTestId("allocation-proposal-outcome");
        await Assertions.Expect(outcome).ToContainTextAsync("已開啟 1 件媒合案。");
        await Assertions.Expect(outcome).Not.ToContainTextAsync("已有進行中的媒合案");
        var row = page.GetByTestId("allocation-links").Locator("tbody tr").Filter(new() { HasText = supplyFactory }).Filter(new() { HasText = demandFactory });
        await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { Name = "開啟案件" })).ToBeVisibleAsync();
        var opened = await row.GetByRole(AriaRole.Link, new() { Name = "開啟案件" }).GetAttributeAsync("href");
        Assert.Matches("matching/cases/[0-9a-f-]{36}$", opened);
        await Assertions.Expect(propose).ToHaveTextAsync("提案所選（0）");
        await Assertions.Expect(propose).ToBeDisabledAsync();

        // The same link proposed again: nothing opens, the page says a case already follows it, and the link still opens that one case.
        await row.Locator("input[type=checkbox]").ClickAsync();
        await Assertions.Expect(propose).ToHaveTextAsync("提案所選（1）");
        await propose.ClickAsync();
        await Assertions.Expect(outcome).ToContainTextAsync("已開啟 0 件媒合案。");
        await Assertions.Expect(outcome).ToContainTextAsync("1 件已有進行中的媒合案，未重複開啟。");
        await Assertions.Expect(propose).ToHaveTextAsync("提案所選（0）");
        Assert.Equal(opened, await row.GetByRole(AriaRole.Link, new() { Name = "開啟案件" }).GetAttributeAsync("href"));

        // The workbench lists the one proposed case for the pair, and it opens on the proposal's note.
        await page.GotoAsync("/matching");
        await AppUnderTest.WaitForInteractiveAsync(page);
        var cases = page.GetByTestId("case-table").Locator("tbody tr").Filter(new() { HasText = $"{supplyFactory} → {demandFactory}" });
        await Assertions.Expect(cases).ToHaveCountAsync(1);
        await Assertions.Expect(cases.Locator(".mud-chip")).ToHaveTextAsync("已提案");
        await cases.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(opened!) + "$"));
        await Assertions.Expect(page.GetByTestId("case-state")).ToHaveTextAsync("已提案");
        await Assertions.Expect(page.GetByTestId("case-steps")).ToContainTextAsync("依園區最適配置提案。");

        Assert.True(problems.Count == 0, "browser errors: " + string.Join("\n", problems));
        await page.Context.CloseAsync();
    }
}
