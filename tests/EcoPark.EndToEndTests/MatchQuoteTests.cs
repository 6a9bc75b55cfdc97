using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace EcoPark.EndToEndTests;

/// <summary>
/// Staff record a contractor's pipe quote on a water match (the demo's seeded operating link): a quote without its source
/// is refused on its field, then the quote is listed and the match's explanation counts a money figure that came from a quote.
/// On a heat match (the demo's seeded heat link) and a by-product match (taken up in the test's set-up), the panel offers the
/// kinds of quote that resource takes and no others, and the explanation's figures follow the quotes and name them as their basis.
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

    [Fact]
    public async Task Staff_QuoteTheHeatLinksPipeAndExchangers_TheInvestmentIsTheirSum_AndNamesTheQuotes()
    {
        var page = await app.SignInAsync("staff@demo.ecopark.tw", Password);
        await page.GotoAsync("/matching");
        await AppUnderTest.WaitForInteractiveAsync(page);
        // The demo's seeded heat link: a chemical plant's reactor cooling effluent heats a food plant's cleaning water.
        await page.GetByTestId("case-table").Locator("tr").Filter(new() { HasText = "恆信化工股份有限公司" }).Filter(new() { HasText = "禾豐食品股份有限公司" }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("case-quotes")).ToBeVisibleAsync();
        await AppUnderTest.WaitForInteractiveAsync(page);
        await AssertKindsOfferedAsync(page, "供回水管線（投資）", "熱交換器或熱泵（投資）", "操作成本（泵送及熱泵用電）", "雙方議定之熱價");
        await page.GetByTestId("case-explanation").ClickAsync();
        var benefit = page.GetByTestId("explanation-economics").GetByTestId("economics-benefit");
        await Assertions.Expect(benefit).ToBeVisibleAsync();
        var benefitBefore = await benefit.InnerTextAsync();
        await Assertions.Expect(page.GetByTestId("explanation-money-basis")).Not.ToContainTextAsync("報價");

        await RecordQuoteAsync(page, "供回水管線（投資）", "3000000", "聯成保溫管線 報價單 H-0311");
        await RecordQuoteAsync(page, "熱交換器或熱泵（投資）", "2500000", "宏熱設備 報價單 HX-58");

        await Assertions.Expect(page.GetByTestId("quote-row")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("explanation-economics").GetByTestId("economics-investment")).ToContainTextAsync("5,500,000");
        await Assertions.Expect(benefit).Not.ToHaveTextAsync(benefitBefore);
        await Assertions.Expect(page.GetByTestId("explanation-money-basis")).ToContainTextAsync("報價 2");
        await AssertQuotesNamedAsync(page, "管線費用", "熱交換器（含熱泵）");
        await AppUnderTest.ScreenshotAsync(page, "matching-case-heat-quotes");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Staff_QuoteAByproductMatchsTransportAndPretreatment_TheSavingsAndPaybackFollow_AndNameTheQuotes()
    {
        var matchId = await NewByproductMatchAsync();
        var page = await app.SignInAsync("staff@demo.ecopark.tw", Password);
        await page.GotoAsync($"/matching/cases/{matchId}");
        await AppUnderTest.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("case-quotes")).ToBeVisibleAsync();
        await AssertKindsOfferedAsync(page, "運輸及搬運", "前處理投資", "前處理操作成本", "雙方議定之每公噸價格");
        await page.GetByTestId("case-explanation").ClickAsync();
        var economics = page.GetByTestId("explanation-economics");
        await Assertions.Expect(economics.GetByTestId("economics-buyer")).ToBeVisibleAsync();
        await Assertions.Expect(economics.GetByTestId("economics-buyer")).Not.ToContainTextAsync("75,000");
        await Assertions.Expect(economics.GetByTestId("economics-investment")).ToHaveCountAsync(0); // the engine assumes no pretreatment

        // 60 t a month at a virgin price of 1,500 NTD/t, and 250 NTD/t to carry: the buyer saves (1,500 − 250) × 60 = 75,000 a month.
        await RecordQuoteAsync(page, "運輸及搬運", "250", "順安清運 報價單 T-77");
        await Assertions.Expect(economics.GetByTestId("economics-buyer")).ToContainTextAsync("75,000");
        await Assertions.Expect(economics.GetByTestId("economics-supplier")).ToContainTextAsync("120,000"); // 2,000 NTD/t disposal avoided × 60 t
        await Assertions.Expect(page.GetByTestId("explanation-money-basis")).ToContainTextAsync("報價 1");

        // A pretreatment of 1,170,000 NTD, paid back by the pair's 195,000 NTD a month in 6.0 months.
        await RecordQuoteAsync(page, "前處理投資", "1170000", "順安清運 報價單 T-78");
        await Assertions.Expect(economics.GetByTestId("economics-investment")).ToContainTextAsync("1,170,000");
        await Assertions.Expect(economics.GetByTestId("economics-payback")).ToContainTextAsync("6.0");
        await Assertions.Expect(page.GetByTestId("explanation-money-basis")).ToContainTextAsync("報價 2");
        await AssertQuotesNamedAsync(page, "運輸及搬運", "處理設備投資");
        await Assertions.Expect(page.GetByTestId("quote-row")).ToHaveCountAsync(2);
        await AppUnderTest.ScreenshotAsync(page, "matching-case-byproduct-quotes");
        await page.Context.CloseAsync();
    }

    /// <summary>The explanation's reasons name each figure that a quote replaced, one reason per quote.</summary>
    private static async Task AssertQuotesNamedAsync(IPage page, params string[] figures)
    {
        var quoted = page.GetByTestId("explanation-reasons").Locator("li[data-code=quote-used]");
        await Assertions.Expect(quoted).ToHaveCountAsync(figures.Length);
        foreach (var figure in figures)
        {
            await Assertions.Expect(quoted.Filter(new() { HasText = figure })).ToHaveCountAsync(1);
            await Assertions.Expect(quoted.Filter(new() { HasText = figure })).ToContainTextAsync("以報價取代預設值");
        }
    }

    /// <summary>Opens the kind list and checks it holds exactly the resource's kinds, in order; closes it again.</summary>
    private static async Task AssertKindsOfferedAsync(IPage page, params string[] kinds)
    {
        await FeeWorkflowTests.OpenSelectAsync(page, "quote-kind");
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveTextAsync(kinds);
        await page.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    private static async Task RecordQuoteAsync(IPage page, string kind, string amount, string source)
    {
        var rows = await page.GetByTestId("quote-row").CountAsync();
        await FeeWorkflowTests.OpenSelectAsync(page, "quote-kind");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = kind }).ClickAsync();
        await AppUnderTest.Input(page, "quote-amount").FillAsync(amount);
        await AppUnderTest.Input(page, "quote-source").FillAsync(source);
        await AppUnderTest.Input(page, "quote-source").PressAsync("Tab"); // the field binds on change: commit it before recording
        await page.GetByTestId("quote-record").ClickAsync();
        await Assertions.Expect(page.GetByTestId("quote-row")).ToHaveCountAsync(rows + 1);
        await Assertions.Expect(page.GetByTestId("quote-row").Filter(new() { HasText = source })).ToContainTextAsync(kind);
    }

    /// <summary>
    /// A by-product pair of its own, taken up through the API (the demo seeds no by-product match): a paper mill's fly ash
    /// (90 t a month, 2,000 NTD/t to dispose of) for a chemical plant that buys 60 t a month of virgin material at 1,500 NTD/t.
    /// </summary>
    private async Task<Guid> NewByproductMatchAsync()
    {
        using var staff = await app.ApiAsync("staff@demo.ecopark.tw", Password);
        var factories = (await staff.GetFromJsonAsync<JsonElement>("/api/v1/factories")).EnumerateArray()
            .ToDictionary(f => f.GetProperty("nameZh").GetString()!, f => f.GetProperty("id").GetGuid());
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var supply = await CreatedIdAsync(await staff.PostAsJsonAsync($"/api/v1/factories/{factories["青溪紙業股份有限公司"]}/byproduct-streams", new
        {
            name = $"報價畫面測試飛灰 {suffix}",
            direction = "supply",
            category = "flyAsh",
            wasteCode = "D-1102",
            acceptedCodes = Array.Empty<string>(),
            state = "solid",
            tonnesPerMonth = 90,
            regularity = "regular",
            permit = "granted",
            costNtdPerTonne = 2000,
        }));
        var demand = await CreatedIdAsync(await staff.PostAsJsonAsync($"/api/v1/factories/{factories["恆信化工股份有限公司"]}/byproduct-streams", new
        {
            name = $"報價畫面測試飛灰需求 {suffix}",
            direction = "demand",
            category = "flyAsh",
            acceptedCodes = new[] { "D-1102" },
            state = "solid",
            tonnesPerMonth = 60,
            regularity = "regular",
            permit = "none",
            costNtdPerTonne = 1500,
            virginFactorKgCo2ePerTonne = 700,
        }));
        return await CreatedIdAsync(await staff.PostAsJsonAsync("/api/v1/matches", new { supplyStreamId = supply, demandStreamId = demand }));
    }

    private static async Task<Guid> CreatedIdAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
    }
}
