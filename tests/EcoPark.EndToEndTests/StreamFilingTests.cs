using Microsoft.Playwright;

namespace EcoPark.EndToEndTests;

/// <summary>Filing streams in the browser: an engineer adds an outlet with its quality; staff see the legal block on food process water.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StreamFilingTests(AppUnderTest app)
{
    private const string Password = "EcoPark#Demo2026";

    [Fact]
    public async Task Engineer_AddsAnOutletWithQuality_AndFindsItBySearch()
    {
        var page = await app.SignInAsync("engineer@demo.ecopark.tw", Password);
        await page.GotoAsync("/streams");
        await AppUnderTest.WaitForInteractiveAsync(page);
        await page.GetByTestId("add-effluent").ClickAsync();

        await AppUnderTest.Input(page, "stream-name").FillAsync("染整放流口 E2E");
        await AppUnderTest.Input(page, "effluent-avg").FillAsync("420");
        await page.Locator(".mud-dialog").GetByLabel("最大流量 (m³/日)").FillAsync("600");
        await page.GetByTestId("quality-add").ClickAsync();
        await AppUnderTest.Input(page, "value-value").FillAsync("7.3");
        await AppUnderTest.ScreenshotAsync(page, "effluent-dialog");
        await page.GetByTestId("save-stream").ClickAsync();

        await Assertions.Expect(page.GetByTestId("streams-message")).ToContainTextAsync("已儲存");
        var row = page.GetByTestId("effluent-table").Locator("tr").Filter(new() { HasText = "染整放流口 E2E" });
        await Assertions.Expect(row).ToContainTextAsync("pH 7.3");
        await AppUnderTest.Input(page, "streams-search").FillAsync("不存在的名稱");
        await Assertions.Expect(row).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Staff_AddingFoodProcessWater_SeeThatReclaimedWaterIsBarredByLaw()
    {
        var page = await app.SignInAsync("staff@demo.ecopark.tw", Password);
        await page.GotoAsync("/streams");
        await AppUnderTest.WaitForInteractiveAsync(page);
        await page.Locator("div.mud-select").Filter(new() { Has = page.GetByTestId("streams-factory") }).First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "禾豐食品股份有限公司" }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "用水需求" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("demand-table")).ToContainTextAsync("產品調配用水");

        await page.GetByTestId("add-demand").ClickAsync();

        await Assertions.Expect(page.GetByTestId("reclaimed-barred")).ToContainTextAsync("依法不得使用");
        await Assertions.Expect(page.GetByTestId("limits-hint")).ToContainTextAsync("baseline-2019");
        await AppUnderTest.ScreenshotAsync(page, "food-demand-dialog");
        await page.Context.CloseAsync();
    }
}
