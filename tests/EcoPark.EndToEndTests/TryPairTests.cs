using Microsoft.Playwright;

namespace EcoPark.EndToEndTests;

/// <summary>Staff try a water pair on the workbench before anyone files: a missing demand flow is named on its field, then a verdict with its economics.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TryPairTests(AppUnderTest app)
{
    private const string Password = "EcoPark#Demo2026";

    [Fact]
    public async Task Staff_TryAWaterPair_SeeTheFieldErrorThenAVerdict()
    {
        var page = await app.SignInAsync("staff@demo.ecopark.tw", Password);
        await page.GotoAsync("/matching");
        await AppUnderTest.WaitForInteractiveAsync(page);
        await page.GetByTestId("open-try-pair").ClickAsync();
        var panel = page.GetByTestId("try-pair");
        await AppUnderTest.Input(page, "try-supply-flow").FillAsync("200");
        await AppUnderTest.Input(page, "try-quality-codMgL").FillAsync("20");
        await AppUnderTest.Input(page, "try-quality-ssMgL").FillAsync("5");
        await AppUnderTest.Input(page, "try-quality-conductivityUsCm").FillAsync("600");
        await page.GetByTestId("try-pair-evaluate").ClickAsync();
        await Assertions.Expect(panel).ToContainTextAsync("流量須大於零。"); // the demand's flow is still 0
        await Assertions.Expect(page.GetByTestId("try-pair-result")).Not.ToBeVisibleAsync();

        await AppUnderTest.Input(page, "try-demand-flow").FillAsync("80");
        await page.GetByTestId("try-pair-evaluate").ClickAsync();
        await Assertions.Expect(page.GetByTestId("try-pair-status")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("try-pair-status")).Not.ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Status\\."));
        await Assertions.Expect(page.GetByTestId("try-pair-payback")).ToContainTextAsync("回收期");
        await Assertions.Expect(panel).Not.ToContainTextAsync("流量須大於零。");
        await AppUnderTest.ScreenshotAsync(page, "matching-try-pair");
        await page.Context.CloseAsync();
    }
}
