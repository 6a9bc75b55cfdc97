using Microsoft.Playwright;

namespace EcoPark.EndToEndTests;

/// <summary>The factory form checks each field as the user types, and the server refuses duplicates.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FactoryFormTests(AppUnderTest app)
{
    [Fact]
    public async Task RegisterFactory_BadUnifiedBusinessNumber_ShowsFieldMessageAndSavesNothing()
    {
        var page = await app.SignInAsync("staff@demo.ecopark.tw", "EcoPark#Demo2026");
        await page.GotoAsync("/factories");
        await AppUnderTest.WaitForInteractiveAsync(page);
        const int staffParkFactories = 14; // the demo park; no browser test adds a factory
        await Assertions.Expect(page.GetByTestId("factory-name")).ToHaveCountAsync(staffParkFactories);

        await page.GetByTestId("register-factory").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.GetByLabel("中文名稱").FillAsync("表單測試工廠");
        await dialog.GetByLabel("統一編號").FillAsync("12345678");
        await dialog.GetByLabel("統一編號").BlurAsync();

        await Assertions.Expect(dialog.GetByText("統一編號檢查碼不正確，請確認號碼。")).ToBeVisibleAsync();
        await dialog.GetByTestId("save-factory").ClickAsync();
        await Assertions.Expect(dialog).ToBeVisibleAsync(); // still open: nothing was saved
        await AppUnderTest.ScreenshotAsync(page, "factory-form-invalid");
        await dialog.GetByText("取消").ClickAsync();
        await Assertions.Expect(page.GetByTestId("factory-name")).ToHaveCountAsync(staffParkFactories);
        await page.Context.CloseAsync();
    }
}
