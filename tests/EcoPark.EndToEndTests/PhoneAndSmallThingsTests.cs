using Microsoft.Playwright;

namespace EcoPark.EndToEndTests;

/// <summary>
/// The small things a new user meets first: the workbench on a 390 px phone (labelled cards, the app bar on one line,
/// only feasible pairs until asked, negative figures explained, an empty case list that says so), the stream dialogs'
/// titles, the favicon, and the API reference loading nothing from outside.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneAndSmallThingsTests(AppUnderTest app)
{
    private const string Password = "EcoPark#Demo2026";

    [Fact]
    public async Task Workbench_OnAPhone_ShowsLabelledCardsOfFeasiblePairsUnderAOneLineAppBar()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            Locale = "zh-TW",
            ViewportSize = new() { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "staff@demo.ecopark.tw");
        await page.GotoAsync("/matching");
        await AppUnderTest.WaitForInteractiveAsync(page);
        var table = page.GetByTestId("candidate-table");
        var first = table.Locator("tbody tr").First;
        await Assertions.Expect(first).ToBeVisibleAsync();

        // Cards: each cell carries its column's name, shown before the value.
        var quantity = first.Locator("td[data-label='可配對量']");
        await Assertions.Expect(quantity).ToBeVisibleAsync();
        await Assertions.Expect(quantity).Not.ToHaveCSSAsync("display", "table-cell");
        // Only feasible pairs by default: an infeasible pair carries nothing.
        await Assertions.Expect(table.Locator("tbody")).Not.ToContainTextAsync("不可行");

        // The app bar: the title on one line, sign-out on screen, nothing wider than the phone.
        var title = page.Locator(".app-title");
        var lineHeight = await title.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).lineHeight)");
        Assert.True((await title.BoundingBoxAsync())!.Height <= lineHeight * 1.5, "the title wraps");
        var signOut = (await page.GetByTestId("sign-out").BoundingBoxAsync())!;
        Assert.True(signOut.X + signOut.Width <= 390, $"sign-out ends at {signOut.X + signOut.Width} px");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, "the page is wider than the phone");
        await AppUnderTest.ScreenshotAsync(page, "workbench-phone");
        await context.CloseAsync();
    }

    [Fact]
    public async Task Workbench_InfeasiblePairsOnRequest_ANegativeFigureSaysWhyInItsTooltipAndTheDrawer()
    {
        var page = await app.SignInAsync("staff@demo.ecopark.tw", Password);
        await page.GotoAsync("/culture/set?culture=zh-TW&returnUrl=/matching");
        await AppUnderTest.WaitForInteractiveAsync(page);
        var table = page.GetByTestId("candidate-table");
        await Assertions.Expect(table.Locator("tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(table.Locator("tbody")).Not.ToContainTextAsync("不可行");

        await page.Locator("input[data-testid=show-infeasible], [data-testid=show-infeasible] input").First.CheckAsync();
        await Assertions.Expect(table.Locator("tbody")).ToContainTextAsync("不可行");

        // Lowest benefit first: a pair that loses money a year.
        await table.Locator("th").Filter(new() { HasText = "年淨效益" }).Locator(".mud-table-sort-label").ClickAsync();
        // The first row once the sorted page has come back (a click on a row the reload replaces opens nothing).
        var negative = table.Locator("tbody tr").First.GetByTestId("negative-benefit");
        await Assertions.Expect(negative).ToBeVisibleAsync();
        await Assertions.Expect(negative).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("^為負值：每年節省的費用不足以支付"));
        await negative.ClickAsync();
        await Assertions.Expect(page.GetByTestId("explanation-negative-benefit")).ToContainTextAsync("每年節省的費用不足以支付");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Workbench_AParkWithNoMatches_SaysSoInsteadOfAnEmptyList()
    {
        var page = await app.SignInAsync("admin@demo.ecopark.tw", Password);
        await page.GotoAsync("/culture/set?culture=zh-TW&returnUrl=/matching");
        await AppUnderTest.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("candidate-table").Locator("tbody tr").First).ToBeVisibleAsync();

        // The screening parks hold no factories, so no matches either.
        await page.Locator("div.mud-select").Filter(new() { Has = page.GetByTestId("matching-park") }).First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasNotText = "青溪工業區" }).Filter(new() { HasNotText = "溪南工業區" }).First.ClickAsync();

        await Assertions.Expect(page.GetByTestId("cases-empty")).ToHaveTextAsync("目前沒有追蹤中的配對案：開啟一筆可行的配對並提案，即可建立配對案。");
        await Assertions.Expect(page.GetByTestId("case-table")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task StreamDialogs_NameTheirKind_AndTheWasteCodeIsRequiredWithoutAPlausiblePlaceholder()
    {
        var page = await app.SignInAsync("engineer@demo.ecopark.tw", Password);
        await page.GotoAsync("/culture/set?culture=zh-TW&returnUrl=/streams");
        await AppUnderTest.WaitForInteractiveAsync(page);

        await page.GetByTestId("add-effluent").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog-title")).ToHaveTextAsync("新增放流水");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "副產物與廢棄物" }).ClickAsync();
        await page.GetByTestId("add-byproduct").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog-title")).ToHaveTextAsync("新增副產物");
        var wasteCode = AppUnderTest.Input(page, "waste-code");
        Assert.DoesNotMatch(@"[A-Z]-\d{4}", await wasteCode.GetAttributeAsync("placeholder") ?? string.Empty);
        Assert.True(await wasteCode.EvaluateAsync<bool>("e => e.required || e.getAttribute('aria-required') === 'true'"), "the waste code is not required");
        await Assertions.Expect(page.Locator(".mud-input-control").Filter(new() { Has = page.Locator("input[data-testid=waste-code], [data-testid=waste-code] input") })
            .Locator("label")).ToHaveTextAsync("事業廢棄物代碼 *");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ApiReference_AndTheFavicon_LoadNothingFromOutsideTheApp()
    {
        var page = await app.NewPageAsync();
        var outside = new List<string>();
        page.Request += (_, request) =>
        {
            if (Uri.TryCreate(request.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && !url.IsLoopback)
            {
                outside.Add(request.Url);
            }
        };

        await page.GotoAsync("/api-docs/");
        await Assertions.Expect(page.GetByText("EcoPark.Web | v1").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Empty(outside);

        await page.GotoAsync("/account/login");
        var icon = await page.Locator("link[rel=icon]").GetAttributeAsync("href");
        Assert.NotNull(icon);
        var response = await page.APIRequest.GetAsync(icon);
        Assert.Equal(200, response.Status);
        Assert.Contains("svg", response.Headers["content-type"], StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnUnknownAddress_ShowsTheLocalisedNotFoundPage()
    {
        var page = await app.SignInAsync("staff@demo.ecopark.tw", Password);
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToBeVisibleAsync();
        await page.GotoAsync("/culture/set?culture=zh-TW&returnUrl=/");

        var response = await page.GotoAsync("/no-such-page");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByTestId("not-found")).ToContainTextAsync("找不到此頁面");
        await page.Context.CloseAsync();
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#sign-in");
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToBeAttachedAsync();
        await page.GotoAsync("/culture/set?culture=zh-TW&returnUrl=/");
    }
}
