using Microsoft.Playwright;

namespace EcoPark.EndToEndTests;

/// <summary>An engineer files a month and submits; staff see it; another factory's engineer does not.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FilingWorkflowTests(AppUnderTest app)
{
    private const string Password = "EcoPark#Demo2026";

    [Fact]
    public async Task Engineer_FilesAndSubmitsAMonth_StaffSeeIt_AnotherEngineerDoesNot()
    {
        var page = await app.SignInAsync("engineer@demo.ecopark.tw", Password);
        await page.GotoAsync("/filings");
        await AppUnderTest.WaitForInteractiveAsync(page);
        await page.GetByTestId("new-filing").ClickAsync();
        await AppUnderTest.WaitForInteractiveAsync(page);

        foreach (var (field, value) in new[]
        {
            ("tap", "30000"), ("process", "29000"), ("domestic", "1000"), ("circulation", "60000"), ("coolingTower", "50000"),
            ("reuse", "10000"), ("sewer", "25000"), ("evaporation", "5000"),
        })
        {
            await AppUnderTest.Input(page, $"field-{field}").FillAsync(value);
        }

        // (60,000 + 10,000) / 100,000 and (70,000 − 50,000) / (100,000 − 50,000)
        await Assertions.Expect(page.GetByTestId("r1")).ToHaveTextAsync("70.0 %");
        await Assertions.Expect(page.GetByTestId("r2")).ToHaveTextAsync("40.0 %");
        await Assertions.Expect(page.GetByTestId("closure-check")).ToContainTextAsync("以內");
        await AppUnderTest.ScreenshotAsync(page, "filing-form");
        await page.GetByTestId("submit-filing").ClickAsync();
        await Assertions.Expect(page.GetByTestId("filing-status")).ToHaveTextAsync("已送出");
        var filingUrl = new Uri(page.Url).AbsolutePath;
        await page.Context.CloseAsync();

        var staff = await app.SignInAsync("staff@demo.ecopark.tw", Password);
        await staff.GotoAsync("/filings/park");
        await Assertions.Expect(staff.GetByTestId("park-filing-factory").Filter(new() { HasText = "永彩染整股份有限公司" })).ToHaveCountAsync(1);
        await staff.Context.CloseAsync();

        var other = await app.SignInAsync("engineer2@demo.ecopark.tw", Password);
        await other.GotoAsync(filingUrl);
        await Assertions.Expect(other.GetByTestId("r1")).ToHaveCountAsync(0);
        await Assertions.Expect(other.Locator(".mud-alert")).ToBeVisibleAsync();
        await other.Context.CloseAsync();
    }

}
