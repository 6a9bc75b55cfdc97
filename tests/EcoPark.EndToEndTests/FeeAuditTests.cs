using Microsoft.Playwright;

namespace EcoPark.EndToEndTests;

/// <summary>No irreversible step on incomplete data: empty months block the decision, claims say what they changed, the verification form keeps its input.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FeeAuditTests(AppUnderTest app)
{
    private const string Password = "EcoPark#Demo2026";

    [Fact]
    public async Task Auditor_CannotDecideOnEmptyMonths_SeesWhyAnAcceptedClaimChangedNothing_AndConfirmsTheDecision()
    {
        var page = await OpenCaseAsync("恆信化工股份有限公司");
        var firstMonth = await page.GetByTestId("month-row").First.Locator("td").First.InnerTextAsync();
        await page.GetByTestId($"edit-{firstMonth}").ClickAsync();
        await AppUnderTest.Input(page, "month-tap").FillAsync("30000");
        await page.GetByTestId("save-month").ClickAsync();
        await Assertions.Expect(page.GetByTestId("month-missing")).ToHaveCountAsync(5);

        await FeeWorkflowTests.AddClaimAsync(page, kindText: "使用再生水及海淡水", amount: "12000");
        await FeeWorkflowTests.DecideClaimAsync(page.GetByTestId("accept-claim").First, page, "水錶紀錄相符");
        await page.GetByTestId("calculate").ClickAsync();

        // Five of the six months are empty: the calculation names them, and Decide stays off.
        await Assertions.Expect(page.GetByTestId("blocking-problem")).ToContainTextAsync("2025-12、2026-01、2026-02、2026-03、2026-04");
        await Assertions.Expect(page.GetByTestId("decide")).ToBeDisabledAsync();
        // The accepted 12,000 m³ took nothing off, and the case says why.
        await Assertions.Expect(page.GetByTestId("claim-no-effect")).ToContainTextAsync("減徵表");
        await Assertions.Expect(page.GetByTestId("claim-row-effect")).ToContainTextAsync("減徵表");
        await AppUnderTest.ScreenshotAsync(page, "fee-case-months-missing");

        await FeeWorkflowTests.ConfirmEmptyMonthsZeroAsync(page);
        await Assertions.Expect(page.GetByTestId("month-row").Nth(1)).ToContainTextAsync("確認為零");
        await page.GetByTestId("calculate").ClickAsync();
        await Assertions.Expect(page.GetByTestId("blocking-problem")).ToHaveCountAsync(0);
        await page.GetByTestId("decide").ClickAsync();

        await Assertions.Expect(page.GetByTestId("decide-amount")).ToContainTextAsync("63,000");
        await Assertions.Expect(page.GetByTestId("decide-irreversible")).ToContainTextAsync("無法復原");
        await AppUnderTest.ScreenshotAsync(page, "fee-decide-dialog");
        await page.GetByTestId("decide-cancel").ClickAsync();
        await Assertions.Expect(page.GetByTestId("case-status")).ToHaveTextAsync("審查中");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task VerificationForm_KeepsWhatWasTyped_TakesATypedDate_AndRefusesOneAfterToday()
    {
        var page = await OpenCaseAsync("聯盛特用化學股份有限公司");
        await AppUnderTest.Input(page, "verification-issuer").FillAsync("示範驗證機構");
        await AppUnderTest.Input(page, "verification-rate").FillAsync("72");
        await page.GetByTestId("save-verification").ClickAsync();

        await Assertions.Expect(page.GetByText("請填寫查證日期。")).ToBeVisibleAsync();
        await Assertions.Expect(AppUnderTest.Input(page, "verification-issuer")).ToHaveValueAsync("示範驗證機構");
        await Assertions.Expect(AppUnderTest.Input(page, "verification-rate")).ToHaveValueAsync("72");
        await Assertions.Expect(page.GetByText("Null")).ToHaveCountAsync(0);

        var date = AppUnderTest.Input(page, "verification-date");
        await date.FillAsync(DateTime.Today.AddDays(3).ToString("yyyy-MM-dd"));
        await date.PressAsync("Tab");
        await page.GetByTestId("save-verification").ClickAsync();
        await Assertions.Expect(page.GetByText("查證日期不可晚於今天。")).ToBeVisibleAsync();

        await date.FillAsync("2026-03-01");
        await date.PressAsync("Tab");
        await page.GetByTestId("save-verification").ClickAsync();
        await Assertions.Expect(page.GetByText("示範驗證機構 · 2026-03-01")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    private Task<IPage> OpenCaseAsync(string factory) => OpenCaseAsync(app, factory);

    /// <summary>An auditor opens a fee case for <paramref name="factory"/> and lands on its page.</summary>
    internal static async Task<IPage> OpenCaseAsync(AppUnderTest app, string factory)
    {
        var page = await app.SignInAsync("auditor@demo.ecopark.tw", Password);
        await page.GotoAsync("/fees/cases");
        await AppUnderTest.WaitForInteractiveAsync(page);
        await page.GetByTestId("open-case").ClickAsync();
        await FeeWorkflowTests.OpenSelectAsync(page, "case-factory-select");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = factory }).ClickAsync();
        await page.GetByTestId("confirm-open-case").ClickAsync();
        await Assertions.Expect(page.GetByTestId("case-heading")).ToContainTextAsync(factory);
        await AppUnderTest.WaitForInteractiveAsync(page);
        return page;
    }
}
