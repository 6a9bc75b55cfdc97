using Microsoft.Playwright;

namespace EcoPark.EndToEndTests;

/// <summary>The Excel round trip as the README promises it: export, import the file as it is, and it is accepted.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkbookRoundTripTests(AppUnderTest app)
{
    private const string Password = "EcoPark#Demo2026";

    [Fact]
    public async Task Engineer_DownloadsTheExport_UploadsItUnchanged_AndItIsAccepted()
    {
        var page = await app.SignInAsync("engineer@demo.ecopark.tw", Password);
        await page.GotoAsync("/streams");
        await AppUnderTest.WaitForInteractiveAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("workbook-export").ClickAsync());
        var file = await download.PathAsync();
        await page.Locator("input[type=file][accept='.xlsx']").SetInputFilesAsync(file);

        var message = page.GetByTestId("streams-message");
        await Assertions.Expect(message).ToContainTextAsync("已匯入");
        await Assertions.Expect(page.Locator(".mud-alert-text-error, .mud-alert-filled-error, .mud-alert-outlined-error")).ToHaveCountAsync(0);
        await AppUnderTest.ScreenshotAsync(page, "workbook-round-trip");
        await page.Context.CloseAsync();
    }
}
