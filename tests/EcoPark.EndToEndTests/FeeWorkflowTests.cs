using Microsoft.Playwright;

namespace EcoPark.EndToEndTests;

/// <summary>The auditor's fee case and the engineer's estimate, driven through the real UI.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FeeWorkflowTests(AppUnderTest app)
{
    private const string Password = "EcoPark#Demo2026";

    [Fact]
    public async Task Auditor_OpensCase_DecidesClaims_Decides_AndDownloadsTheNotice()
    {
        var page = await app.SignInAsync("auditor@demo.ecopark.tw", Password);
        await page.GotoAsync("/fees/cases");
        await AppUnderTest.WaitForInteractiveAsync(page);

        await page.GetByTestId("open-case").ClickAsync();
        await OpenSelectAsync(page, "case-factory-select");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "鋼聯熱處理股份有限公司" }).ClickAsync();
        await page.GetByTestId("confirm-open-case").ClickAsync();
        await Assertions.Expect(page.GetByTestId("case-heading")).ToContainTextAsync("鋼聯熱處理股份有限公司");
        await AppUnderTest.WaitForInteractiveAsync(page);

        var firstMonth = await page.GetByTestId("month-row").First.Locator("td").First.InnerTextAsync();
        await page.GetByTestId($"edit-{firstMonth}").ClickAsync();
        await AppUnderTest.Input(page, "month-tap").FillAsync("30000");
        await page.GetByTestId("save-month").ClickAsync();
        await Assertions.Expect(page.GetByTestId("month-row").First).ToContainTextAsync("30,000");
        await ConfirmEmptyMonthsZeroAsync(page);

        await AddClaimAsync(page, kindText: null, amount: "10000");
        await AddClaimAsync(page, kindText: "第 8 條水源保育費用", amount: "5000");
        await Assertions.Expect(page.GetByTestId("claim-row")).ToHaveCountAsync(2);

        await DecideClaimAsync(page.GetByTestId("accept-claim").Nth(0), page, "收據相符");
        await DecideClaimAsync(page.GetByTestId("reject-claim").Nth(1), page, "缺少核准函");
        await Assertions.Expect(page.GetByTestId("claim-decision").Nth(0)).ToContainTextAsync("准予");
        await Assertions.Expect(page.GetByTestId("claim-decision").Nth(1)).ToContainTextAsync("駁回");

        await page.GetByTestId("calculate").ClickAsync();
        // One month of 30,000 m³, not verified: 21,000 × 3 = 63,000, less the accepted 10,000.
        await Assertions.Expect(page.GetByTestId("net-fee")).ToHaveTextAsync("53,000");
        await page.GetByTestId("decide").ClickAsync();
        await Assertions.Expect(page.GetByTestId("decide-amount")).ToContainTextAsync("53,000");
        await page.GetByTestId("decide-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("case-status")).ToHaveTextAsync("已核定");
        await AppUnderTest.ScreenshotAsync(page, "fee-case-decided");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("notice-xlsx").ClickAsync());
        Assert.StartsWith("EP-", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var noticeUrl = await page.GetByTestId("notice-html").GetAttributeAsync("href");
        var notice = await page.Context.NewPageAsync();
        await notice.GotoAsync(app.BaseUrl + "/" + noticeUrl);
        await Assertions.Expect(notice.GetByTestId("notice-net")).ToHaveTextAsync("53,000");
        await AppUnderTest.ScreenshotAsync(notice, "fee-notice");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Engineer_SeesTheEstimateForOwnFactoryOnly_WithTheBenchmarkSaving()
    {
        var page = await app.SignInAsync("engineer@demo.ecopark.tw", Password);
        await page.GotoAsync("/fees/estimate");
        await AppUnderTest.WaitForInteractiveAsync(page);

        await OpenSelectAsync(page, "estimate-factory");
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveTextAsync(["永彩染整股份有限公司"]);
        await page.Keyboard.PressAsync("Escape");

        await AppUnderTest.Input(page, "typical-tap").FillAsync("30000");
        await page.GetByTestId("fill-months").ClickAsync();
        await page.GetByTestId("estimate").ClickAsync();

        // Not verified: 21,000 × 6 × 3 = 378,000; reaching the benchmark: × 2 = 252,000.
        await Assertions.Expect(page.GetByTestId("baseline").GetByTestId("net-fee")).ToHaveTextAsync("378,000");
        await Assertions.Expect(page.GetByTestId("saving")).ToHaveTextAsync("126,000 NTD");
        // The 2019 draft, as a comparison: 180,000 m³ in the half-year → 12,000 × 1 + 18,000 × 2 + 144,000 × 3.
        await Assertions.Expect(page.GetByTestId("draft-2019-comparison")).ToContainTextAsync("依 2019 草案則為 480,000 元");
        await AppUnderTest.ScreenshotAsync(page, "fee-estimate");

        await page.GotoAsync("/fees/cases");
        await Assertions.Expect(page.GetByText("您沒有開啟此頁面的權限。")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }


    /// <summary>Confirms each window month that has no figures as zero, one at a time, as an auditor would.</summary>
    internal static async Task ConfirmEmptyMonthsZeroAsync(IPage page)
    {
        var left = await page.GetByTestId("confirm-zero").CountAsync();
        while (left > 0)
        {
            await page.GetByTestId("confirm-zero").First.ClickAsync();
            await Assertions.Expect(page.GetByTestId("confirm-zero")).ToHaveCountAsync(--left);
        }
    }

    /// <summary>A MudSelect's own input can be hidden behind the shown value: open it through its visible frame.</summary>
    internal static Task OpenSelectAsync(IPage page, string testId) =>
        page.Locator("div.mud-select").Filter(new() { Has = page.GetByTestId(testId) }).First.ClickAsync();

    internal static async Task AddClaimAsync(IPage page, string? kindText, string amount)
    {
        await page.GetByTestId("add-claim").ClickAsync();
        if (kindText is not null)
        {
            await OpenSelectAsync(page, "claim-kind");
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = kindText }).ClickAsync();
        }

        await AppUnderTest.Input(page, "claim-amount").FillAsync(amount);
        await page.GetByTestId("save-claim").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
    }

    internal static async Task DecideClaimAsync(ILocator button, IPage page, string comment)
    {
        await button.ClickAsync();
        await AppUnderTest.Input(page, "prompt-text").FillAsync(comment);
        await page.GetByTestId("prompt-ok").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
    }
}
