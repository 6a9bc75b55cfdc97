using Microsoft.Playwright;

namespace EcoPark.EndToEndTests;

/// <summary>Park staff record a new version of their park's screening figures; the form checks each field, the county is picked from a list, and the ranking and history show the new version.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreeningInputsFormTests(AppUnderTest app)
{
    [Fact]
    public async Task Staff_RecordsTheirParksFigures_AFieldErrorShowsInChinese_AndTheNewVersionIsRankedAndListed()
    {
        var page = await app.SignInAsync("staff@demo.ecopark.tw", "EcoPark#Demo2026");
        await page.GotoAsync("/screening");
        await AppUnderTest.WaitForInteractiveAsync(page);
        var row = page.Locator("tr").Filter(new() { Has = page.GetByTestId("screening-park").Filter(new() { HasText = "青溪工業區" }) });
        await row.GetByTestId("screening-edit").ClickAsync();

        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog.GetByTestId("screening-history")).ToBeVisibleAsync(); // loaded and pre-filled before typing
        var source = "端對端測試 " + Guid.NewGuid().ToString("N")[..8];
        await dialog.GetByLabel("數據來源").FillAsync(source);
        var land = dialog.GetByLabel("污水廠擴建用地（公頃）");
        await land.FillAsync("-1");
        await land.BlurAsync();
        await Assertions.Expect(dialog.GetByText("須介於 0 與", new() { Exact = false }).First).ToBeVisibleAsync();
        await dialog.GetByTestId("save-screening").ClickAsync();
        await Assertions.Expect(dialog).ToBeVisibleAsync(); // refused: nothing saved

        await land.FillAsync("3.5");
        await land.BlurAsync();
        // The county is picked from Taiwan's 22 by name (the park's own, so the ranking does not move), not typed.
        await FeeWorkflowTests.OpenSelectAsync(page, "screening-county");
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(22);
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "桃園市" }).ClickAsync();
        await Assertions.Expect(AppUnderTest.Input(page, "screening-county")).ToHaveValueAsync("桃園市");
        await dialog.GetByTestId("save-screening").ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(row.GetByTestId("screening-input-source")).ToContainTextAsync(source);

        await row.GetByTestId("screening-edit").ClickAsync();
        await Assertions.Expect(dialog.GetByTestId("screening-history").Locator("tbody tr").First).ToContainTextAsync(source);
        await Assertions.Expect(dialog.GetByLabel("污水廠擴建用地（公頃）")).ToHaveValueAsync("3.50");
        await Assertions.Expect(AppUnderTest.Input(page, "screening-county")).ToHaveValueAsync("桃園市");
        await AppUnderTest.ScreenshotAsync(page, "screening-inputs-form");
        await page.Context.CloseAsync();
    }
}
