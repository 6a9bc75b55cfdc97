using Microsoft.Playwright;

namespace EcoPark.EndToEndTests;

/// <summary>The staff home is the park dashboard, built from the demo park's seeded operating linkages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(AppUnderTest app)
{
    [Fact]
    public async Task Staff_SeeTheirParksKpiCards_WithMeasuredReusedWaterAboveZero()
    {
        var page = await app.SignInAsync("staff@demo.ecopark.tw", "EcoPark#Demo2026");

        await Assertions.Expect(page.GetByTestId("park-dashboard")).ToBeVisibleAsync();
        // The figures come from the live circuit (prerendering shows the frame only), so the field is typed into once it is live.
        await AppUnderTest.WaitForInteractiveAsync(page);
        var lastYear = (DateTime.UtcNow.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var period = page.Locator("input[data-testid=dashboard-period], [data-testid=dashboard-period] input").First;
        await period.FillAsync(lastYear);
        await period.PressAsync("Tab");
        // A new period reloads the figures: the heading names the year, and the year's filed balances feed the Sankey below.
        await Assertions.Expect(page.GetByTestId("dashboard-heading")).ToContainTextAsync($" · {lastYear} · ");
        var measured = page.Locator("[data-testid=kpi-card][data-key='measured.waterM3'] [data-testid=kpi-value]");
        await Assertions.Expect(measured).Not.ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^0 "));
        await Assertions.Expect(page.GetByTestId("kpi-card")).ToHaveCountAsync(8);
        // The demo's buyers have not filed their collection-window months: the fee card says the fee saved leaves them out.
        await Assertions.Expect(page.Locator("[data-testid=kpi-card][data-key='savings.waterFeeNtd'] [data-testid=kpi-fee-not-filed]"))
            .ToContainTextAsync("未申報");
        await Assertions.Expect(page.GetByTestId("linkages-by-state")).ToContainTextAsync("運轉中");
        // The park's water balance is drawn as a Sankey: one plotly node per source, use and outflow, labelled in Chinese.
        var sankey = page.GetByTestId("water-balance-sankey");
        await Assertions.Expect(sankey.Locator("svg.main-svg").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(sankey.Locator(".sankey-node").First).ToBeAttachedAsync();
        await Assertions.Expect(sankey).ToContainTextAsync("冷卻用水");
        Assert.True(await sankey.Locator(".sankey-link").CountAsync() >= 3);
        // The park's operating and agreed matches on its map, each opening its case.
        var map = page.GetByTestId("dashboard-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-map-state", "live");
        await Assertions.Expect(map.Locator("path.park-map-link[data-state=operating]").First).ToBeAttachedAsync();
        await AppUnderTest.ScreenshotAsync(page, "dashboard-staff");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Staff_SeeTheLinkagesChart_AndASparklineOnEveryCard_AndAFiguresLinkOpensOnlyItsRecords()
    {
        var page = await app.SignInAsync("staff@demo.ecopark.tw", "EcoPark#Demo2026");
        await AppUnderTest.WaitForInteractiveAsync(page);

        // Linkages by state, drawn: one bar segment per resource and state on record, with the table beneath.
        var chart = page.GetByTestId("linkages-chart");
        await Assertions.Expect(chart.Locator("svg").First).ToBeVisibleAsync();
        Assert.True(await chart.Locator("svg rect, svg path").CountAsync() >= 2);
        await Assertions.Expect(page.GetByTestId("linkages-by-state")).ToContainTextAsync("運轉中");
        // Every one of the eight cards has its 24-month line.
        var cards = page.GetByTestId("kpi-card");
        await Assertions.Expect(cards).ToHaveCountAsync(8);
        for (var i = 0; i < 8; i++)
        {
            await Assertions.Expect(cards.Nth(i).Locator("[data-testid=kpi-sparkline] svg path").First).ToBeAttachedAsync();
        }

        // The measured reused water opens the park's matches behind it: the operating water ones, not the operating heat one.
        await page.Locator("[data-testid=kpi-card][data-key='measured.waterM3'] [data-testid=kpi-value]").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/matching\\?.*resource=water.*state=operating"));
        await Assertions.Expect(page.GetByTestId("case-filter")).ToContainTextAsync("運轉中");
        var rows = page.GetByTestId("case-table").Locator("tbody tr");
        await Assertions.Expect(rows.First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var shown = await rows.CountAsync();
        for (var i = 0; i < shown; i++)
        {
            await Assertions.Expect(rows.Nth(i).Locator("td").First).ToHaveTextAsync("水");
            await Assertions.Expect(rows.Nth(i).Locator(".mud-chip")).ToHaveTextAsync("運轉中");
        }

        await AppUnderTest.ScreenshotAsync(page, "dashboard-linked-matches");
        // Closing the filter lists the park's other matches again: the seeded operating heat match among them.
        await page.GetByTestId("case-filter").Locator("button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("case-filter")).ToHaveCountAsync(0);
        await Assertions.Expect(rows.Filter(new() { HasText = "熱能" }).First).ToBeVisibleAsync();
        Assert.True(await rows.CountAsync() > shown);

        // The overdue figure opens the park's filings filtered to the factories overdue: as many as the card counts, and only their filings.
        await page.GotoAsync("/");
        await AppUnderTest.WaitForInteractiveAsync(page);
        var overdueValue = page.Locator("[data-testid=kpi-card][data-key='filing.overdue'] [data-testid=kpi-value]");
        await Assertions.Expect(overdueValue).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[1-9]"));
        var overdue = int.Parse((await overdueValue.InnerTextAsync()).Split(' ')[0].Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        await overdueValue.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/filings/park\\?.*overdue=true"));
        await Assertions.Expect(page.GetByTestId("filing-overdue-filter")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("overdue-factory")).ToHaveCountAsync(overdue);
        var names = (await page.GetByTestId("overdue-factory").Locator("td:first-child").AllInnerTextsAsync()).ToHashSet();
        var filed = await page.GetByTestId("park-filing-factory").AllInnerTextsAsync();
        Assert.NotEmpty(filed);
        Assert.All(filed, name => Assert.Contains(name, names));
        await AppUnderTest.ScreenshotAsync(page, "dashboard-linked-overdue");
        await page.Context.CloseAsync();
    }
}
