using Microsoft.Playwright;

namespace EcoPark.EndToEndTests;

/// <summary>The public KPI page without signing in (and without JavaScript), and the staff dashboard's report downloads.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PublicKpiPageTests(AppUnderTest app)
{
    [Fact]
    public async Task Anonymous_OpensThePublicPage_WithoutJavaScript_AndSeesTheDemoParksPublishedFigures()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, JavaScriptEnabled = false, Locale = "zh-TW" });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/public");
        await page.GetByTestId("public-park-link").Filter(new() { HasText = "青溪工業區" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("public-park-name")).ToHaveTextAsync("青溪工業區");
        var shown = page.Locator("[data-testid=public-figure][data-suppressed=false]");
        Assert.True(await shown.CountAsync() > 0);
        await Assertions.Expect(page.Locator("[data-testid=public-figure][data-key='predicted.waterM3PerDay']")).Not.ToContainTextAsync("未顯示");
        await Assertions.Expect(page.GetByTestId("public-months")).ToBeVisibleAsync();
        Assert.DoesNotContain("污水處理廠", await page.ContentAsync(), StringComparison.Ordinal);
        await AppUnderTest.ScreenshotAsync(page, "public");
        await context.CloseAsync();
    }

    [Fact]
    public async Task Staff_SeeTheDashboard_WithReportDownloads_ForThePeriodShown()
    {
        var page = await app.SignInAsync("staff@demo.ecopark.tw", "EcoPark#Demo2026");

        await Assertions.Expect(page.GetByTestId("park-dashboard")).ToBeVisibleAsync();
        await AppUnderTest.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("download-annual-pdf")).ToBeVisibleAsync();
        var period = page.Locator("input[data-testid=dashboard-period], [data-testid=dashboard-period] input").First;
        await period.FillAsync((DateTime.UtcNow.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await period.PressAsync("Tab");
        var annualPdf = page.GetByTestId("download-annual-pdf");
        await Assertions.Expect(annualPdf).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex($"reports/annual\\?period={DateTime.UtcNow.Year - 1}&format=pdf$"));
        var download = await page.RunAndWaitForDownloadAsync(() => annualPdf.ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        await AppUnderTest.ScreenshotAsync(page, "dashboard");
        await page.Context.CloseAsync();
    }
}
