using Microsoft.Playwright;

namespace EcoPark.EndToEndTests;

/// <summary>The administrator creates a user in the browser; a weak password is refused on its field first.</summary>
[Collection(BrowserCollection.Name)]
public sealed class UserAdministrationTests(AppUnderTest app)
{
    [Fact]
    public async Task Administrator_CreatesAnAuditor_WhoCanThenSignIn()
    {
        var page = await app.SignInAsync("admin@demo.ecopark.tw", "EcoPark#Demo2026");
        await page.GotoAsync("/admin/users");
        await AppUnderTest.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("user-row-email")).ToHaveCountAsync(5);

        await page.GetByTestId("create-user").ClickAsync();
        await AppUnderTest.Input(page, "user-email").FillAsync("new.auditor@example.tw");
        await AppUnderTest.Input(page, "user-name").FillAsync("新稽核員");
        await page.Locator("div.mud-select").Filter(new() { Has = page.GetByTestId("user-role") }).First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "稽核人員" }).ClickAsync();
        await AppUnderTest.Input(page, "user-password").FillAsync("short");
        await AppUnderTest.Input(page, "user-password").PressAsync("Tab"); // the field binds on change: commit it before saving
        await page.GetByTestId("save-user").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog").GetByText("密碼至少需要 12 個字元。", new() { Exact = true })).ToBeVisibleAsync();

        await AppUnderTest.Input(page, "user-password").FillAsync("NewAuditor#2026x");
        await AppUnderTest.Input(page, "user-password").PressAsync("Tab");
        await page.GetByTestId("save-user").ClickAsync();
        await Assertions.Expect(page.GetByTestId("user-row-email").Filter(new() { HasText = "new.auditor@example.tw" })).ToHaveCountAsync(1);
        await page.Context.CloseAsync();

        var auditor = await app.SignInAsync("new.auditor@example.tw", "NewAuditor#2026x");
        await Assertions.Expect(auditor.GetByTestId("home-heading")).ToHaveTextAsync("耗水費稽核首頁");
        await auditor.Context.CloseAsync();
    }
}
