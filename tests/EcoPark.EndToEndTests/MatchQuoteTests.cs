using Microsoft.Playwright;

namespace EcoPark.EndToEndTests;

/// <summary>
/// Staff record a contractor's pipe quote on a water match (the demo's seeded operating link): a quote without its source
/// is refused on its field, then the quote is listed and the match's explanation counts a money figure that came from a quote.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MatchQuoteTests(AppUnderTest app)
{
    private const string Password = "EcoPark#Demo2026";

    [Fact]
    public async Task Staff_RecordAPipeQuoteOnAMatch_TheExplanationNamesTheQuote()
    {
        var page = await app.SignInAsync("staff@demo.ecopark.tw", Password);
        await page.GotoAsync("/matching");
        await AppUnderTest.WaitForInteractiveAsync(page);
        // The demo's seeded water link (a beverage plant's effluent to a heat treater's cooling tower), operating: quotes still apply.
        await page.GetByTestId("case-table").Locator("tr").Filter(new() { HasText = "清泉飲料股份有限公司" }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("case-state")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("case-quotes")).ToBeVisibleAsync();

        await AppUnderTest.Input(page, "quote-amount").FillAsync("850000");
        await AppUnderTest.Input(page, "quote-source").FillAsync("");
        await page.GetByTestId("quote-record").ClickAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("請說明報價來源");
        await Assertions.Expect(page.GetByTestId("quote-row")).ToHaveCountAsync(0);

        await AppUnderTest.Input(page, "quote-source").FillAsync("永固管線工程 報價單 Q-1127");
        await AppUnderTest.Input(page, "quote-source").PressAsync("Tab"); // the field binds on change: commit it before recording
        await page.GetByTestId("quote-record").ClickAsync();
        var quote = page.GetByTestId("quote-row");
        await Assertions.Expect(quote).ToHaveCountAsync(1);
        await Assertions.Expect(quote).ToContainTextAsync("管線及泵浦");
        await Assertions.Expect(quote).ToContainTextAsync("Q-1127");
        await Assertions.Expect(AppUnderTest.Input(page, "quote-source")).ToHaveValueAsync(""); // a saved quote clears the form
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("請說明報價來源"); // ... without flagging the emptied field

        await page.GetByTestId("case-explanation").ClickAsync();
        await Assertions.Expect(page.GetByTestId("explanation-money-basis")).ToContainTextAsync("報價 1");
        await Assertions.Expect(page.GetByTestId("explanation-reasons")).ToContainTextAsync("以報價取代預設值");
        await AppUnderTest.ScreenshotAsync(page, "matching-case-quote");
        await page.Context.CloseAsync();
    }
}
