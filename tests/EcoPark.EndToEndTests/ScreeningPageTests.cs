using Microsoft.Playwright;

namespace EcoPark.EndToEndTests;

/// <summary>The administrator ranks the parks, opens one park's factors and sees the second screen; staff see their own park only.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreeningPageTests(AppUnderTest app)
{
    private const string Password = "EcoPark#Demo2026";

    [Fact]
    public async Task Administrator_SeesTheRankedParks_TheChart_AndAParksFactors_StaffOnlyTheirOwn()
    {
        var page = await app.SignInAsync("admin@demo.ecopark.tw", Password);
        await page.GotoAsync("/screening");
        await AppUnderTest.WaitForInteractiveAsync(page);

        var rows = page.GetByTestId("screening-park");
        await Assertions.Expect(rows.First).ToHaveTextAsync("臺南科技工業區");
        await Assertions.Expect(rows).ToHaveCountAsync(8);
        await Assertions.Expect(page.GetByTestId("screening-chart").Locator("svg").First).ToBeVisibleAsync();
        var guanyin = page.Locator("tr").Filter(new() { Has = page.GetByTestId("screening-park").Filter(new() { HasText = "觀音工業區" }) });
        await Assertions.Expect(guanyin.GetByTestId("screening-total")).ToHaveTextAsync("64 / 90");
        await Assertions.Expect(guanyin.GetByTestId("screening-verdict")).ToContainTextAsync("需除鹽");
        await guanyin.GetByTestId("screening-expand").ClickAsync();
        var factors = page.GetByTestId("screening-factors");
        await Assertions.Expect(factors).ToBeVisibleAsync();
        await Assertions.Expect(factors.Locator("tbody tr")).ToHaveCountAsync(8);
        await Assertions.Expect(factors).ToContainTextAsync("高耗水產業年用水量");
        await AppUnderTest.ScreenshotAsync(page, "screening");
        await page.Context.CloseAsync();

        var staff = await app.SignInAsync("staff@demo.ecopark.tw", Password);
        await staff.GotoAsync("/screening");
        await AppUnderTest.WaitForInteractiveAsync(staff);
        await Assertions.Expect(staff.GetByTestId("screening-park")).ToHaveTextAsync(["青溪工業區"]);
        await staff.Context.CloseAsync();
    }
}
