using Microsoft.Playwright;

namespace EcoPark.EndToEndTests;

/// <summary>
/// Staff find the park WWTP's effluent for the aluminium caster's cooling water, read the explanation,
/// propose the match and take it to "agreed"; the caster's engineer sees the opportunity without the
/// supplier's name or costs.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MatchingWorkflowTests(AppUnderTest app)
{
    private const string Password = "EcoPark#Demo2026";
    private const string Wwtp = "青溪工業區污水處理廠";

    [Fact]
    public async Task Staff_ProposeACandidateAndTakeItToAgreed_TheBuyerSeesItAnonymised()
    {
        var page = await app.SignInAsync("staff@demo.ecopark.tw", Password);
        await page.GotoAsync("/matching");
        await AppUnderTest.WaitForInteractiveAsync(page);
        var row = page.GetByTestId("candidate-table").Locator("tr").Filter(new() { HasText = "鑄造直接接觸冷卻水" }).Filter(new() { HasText = Wwtp });
        await Assertions.Expect(row).ToContainTextAsync("可直接使用");
        await row.ClickAsync();

        await Assertions.Expect(page.GetByTestId("explanation-status")).ToHaveTextAsync("可直接使用");
        await Assertions.Expect(page.GetByTestId("explanation").GetByTestId("parameter-table")).ToContainTextAsync("導電度");
        await Assertions.Expect(page.GetByTestId("explanation-economics")).ToBeVisibleAsync();
        await AppUnderTest.ScreenshotAsync(page, "matching-explanation");
        await page.GetByTestId("propose").ClickAsync();

        await Assertions.Expect(page.GetByTestId("case-state")).ToHaveTextAsync("已提案");
        await page.GetByTestId("advance").ClickAsync();
        await Assertions.Expect(page.GetByTestId("case-state")).ToHaveTextAsync("已聯繫");
        await page.GetByTestId("advance").ClickAsync();
        await Assertions.Expect(page.GetByTestId("case-state")).ToHaveTextAsync("協商中");
        await AppUnderTest.Input(page, "agreed-quantity").FillAsync("40");
        await AppUnderTest.Input(page, "case-note").FillAsync("雙方簽約，每日 40 m³");
        await page.GetByTestId("agree").ClickAsync();
        await Assertions.Expect(page.GetByTestId("case-state")).ToHaveTextAsync("已達成協議");
        await Assertions.Expect(page.GetByTestId("case-steps")).ToContainTextAsync("雙方簽約");
        await AppUnderTest.ScreenshotAsync(page, "matching-case-agreed");
        await page.Context.CloseAsync();

        var buyer = await app.SignInAsync("engineer2@demo.ecopark.tw", Password);
        await buyer.GotoAsync("/opportunities");
        await AppUnderTest.WaitForInteractiveAsync(buyer);
        // The engineer's language may have been switched by another test, so this checks data, not wording.
        var opportunity = buyer.Locator("[data-testid=opportunity][data-industry=wwtp][data-state=agreed]").Filter(new() { HasText = "鑄造直接接觸冷卻水" });
        await Assertions.Expect(opportunity.GetByTestId("opportunity-sentence")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("20–50 m³/(day|日)")); // the supplier keeps exact volumes confidential
        await Assertions.Expect(buyer.Locator("body")).Not.ToContainTextAsync(Wwtp);
        await Assertions.Expect(buyer.Locator("body")).Not.ToContainTextAsync("/m³");
        await AppUnderTest.ScreenshotAsync(buyer, "opportunities-anonymised");
        await buyer.Context.CloseAsync();
    }
}
