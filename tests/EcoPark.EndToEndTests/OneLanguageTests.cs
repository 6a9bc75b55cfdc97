using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EcoPark.EndToEndTests;

/// <summary>
/// One language at a time: every main page of every role, in Traditional Chinese, shows no raw key (a camelCase or
/// kebab-case word of latin letters such as <c>marginalFeeNtdPerM3</c> or <c>reverse-osmosis</c>), and the explanation
/// drawer, the filing form and the API speak the user's language.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class OneLanguageTests(AppUnderTest app)
{
    private const string Password = "EcoPark#Demo2026";

    /// <summary>Latin tokens that are real text, not keys: units, chemistry, and the two rates' names.</summary>
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal) { "pH", "kW", "kWh", "kgCO", "tCO", "mL", "mg", "µS" };

    public static TheoryData<string, string> RolePages() => new()
    {
        { "admin@demo.ecopark.tw", "/" }, { "admin@demo.ecopark.tw", "/parks" }, { "admin@demo.ecopark.tw", "/factories" },
        { "admin@demo.ecopark.tw", "/streams" }, { "admin@demo.ecopark.tw", "/filings" }, { "admin@demo.ecopark.tw", "/filings/park" },
        { "admin@demo.ecopark.tw", "/matching" }, { "admin@demo.ecopark.tw", "/screening" }, { "admin@demo.ecopark.tw", "/admin/users" },
        { "staff@demo.ecopark.tw", "/" }, { "staff@demo.ecopark.tw", "/factories" }, { "staff@demo.ecopark.tw", "/streams" },
        { "staff@demo.ecopark.tw", "/filings/park" }, { "staff@demo.ecopark.tw", "/matching" }, { "staff@demo.ecopark.tw", "/screening" },
        { "engineer@demo.ecopark.tw", "/" }, { "engineer@demo.ecopark.tw", "/factories" }, { "engineer@demo.ecopark.tw", "/streams" },
        { "engineer@demo.ecopark.tw", "/filings" }, { "engineer@demo.ecopark.tw", "/opportunities" },
        { "engineer2@demo.ecopark.tw", "/opportunities" },
        { "auditor@demo.ecopark.tw", "/" }, { "auditor@demo.ecopark.tw", "/parks" }, { "auditor@demo.ecopark.tw", "/factories" },
        { "auditor@demo.ecopark.tw", "/filings" },
        { "admin@demo.ecopark.tw", "/allocation" }, { "admin@demo.ecopark.tw", "/admin/publications" }, { "admin@demo.ecopark.tw", "/fees/cases" },
        { "admin@demo.ecopark.tw", "/fees/rules" }, { "staff@demo.ecopark.tw", "/allocation" }, { "staff@demo.ecopark.tw", "/parks" },
        { "staff@demo.ecopark.tw", "/fees/estimate" }, { "engineer@demo.ecopark.tw", "/fees/estimate" }, { "engineer@demo.ecopark.tw", "/fees/rules" },
        { "auditor@demo.ecopark.tw", "/fees/cases" }, { "auditor@demo.ecopark.tw", "/fees/estimate" }, { "auditor@demo.ecopark.tw", "/fees/rules" },
    };

    /// <summary>Pages with an id in their address, reached as a user reaches them: from a list, by a click on its first entry.</summary>
    public static TheoryData<string, string, string, string> DetailPages() => new()
    {
        { "staff@demo.ecopark.tw", "/matching", "[data-testid=case-table] tbody tr", "/matching/cases/" },
        { "staff@demo.ecopark.tw", "/filings/park", "[data-testid=park-filing-table] .mud-table-body tr", "/filings/" },
        { "engineer@demo.ecopark.tw", "/filings", "[data-testid=new-filing]", "/new" },
    };

    /// <summary>Pages without sign-in: the public KPI pages, the sign-in page, a stale invitation and an unknown address.</summary>
    public static TheoryData<string> AnonymousPages() => new()
    {
        "/public", "/account/login", "/account/access-denied", "/account/invitation/not-a-token", "/no-such-page",
    };

    [Theory]
    [MemberData(nameof(RolePages))]
    public async Task EveryMainPage_InTraditionalChinese_ShowsNoRawKey(string email, string path)
    {
        var page = await SignInInChineseAsync(email);
        await page.GotoAsync(path);
        await AppUnderTest.WaitForInteractiveAsync(page);
        await SettledAsync(page);

        Assert.Empty(RawKeys(await page.Locator("body").InnerTextAsync()));
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(DetailPages))]
    public async Task EveryDetailPage_InTraditionalChinese_ShowsNoRawKey(string email, string listPath, string firstEntry, string detailPath)
    {
        var page = await SignInInChineseAsync(email);
        await page.GotoAsync(listPath);
        await AppUnderTest.WaitForInteractiveAsync(page);
        await SettledAsync(page);
        await page.Locator(firstEntry).First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains(detailPath, StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await AppUnderTest.WaitForInteractiveAsync(page);
        await SettledAsync(page);

        Assert.Empty(RawKeys(await page.Locator("body").InnerTextAsync()));
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(AnonymousPages))]
    public async Task EveryPageWithoutSignIn_InTraditionalChinese_ShowsNoRawKey(string path)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/culture/set?culture=zh-TW&returnUrl=" + Uri.EscapeDataString(path));
        await SettledAsync(page);

        var text = await page.Locator("body").InnerTextAsync();
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", text);
        Assert.Empty(RawKeys(text));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AFeeCasePage_InTraditionalChinese_ShowsNoRawKey()
    {
        // The demo seeds no fee case: the auditor opens one, as on a first morning.
        var page = await FeeAuditTests.OpenCaseAsync(app, "禾豐食品股份有限公司");
        await page.GotoAsync("/culture/set?culture=zh-TW&returnUrl=" + Uri.EscapeDataString(new Uri(page.Url).AbsolutePath));
        await AppUnderTest.WaitForInteractiveAsync(page);
        await SettledAsync(page);

        Assert.Empty(RawKeys(await page.Locator("body").InnerTextAsync()));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ThePublicParkPage_InTraditionalChinese_ShowsNoRawKey()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/culture/set?culture=zh-TW&returnUrl=/public");
        await page.GetByTestId("public-park-link").First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/public/parks/", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await SettledAsync(page);

        Assert.Empty(RawKeys(await page.Locator("body").InnerTextAsync()));
        await page.Context.CloseAsync();
    }

    /// <summary>The circuit renders the data after the frame: wait until nothing is loading, then a little longer for the last render.</summary>
    private static async Task SettledAsync(IPage page)
    {
        await Assertions.Expect(page.Locator(".mud-table-loading-progress, .mud-progress-linear, .mud-progress-circular")).ToHaveCountAsync(0);
        await page.WaitForTimeoutAsync(1_500);
    }

    [Fact]
    public async Task TheExplanationDrawer_InTraditionalChinese_NamesInputsStepsAndLimitsInChinese()
    {
        var page = await SignInInChineseAsync("staff@demo.ecopark.tw");
        await page.GotoAsync("/matching");
        await AppUnderTest.WaitForInteractiveAsync(page);
        var rows = page.GetByTestId("candidate-table").Locator("tbody tr");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();

        // A water pair: its reasons (defaults used), its limits' source and its inputs are what leaked English keys.
        await rows.Filter(new() { HasText = "鑄造直接接觸冷卻水" }).Filter(new() { HasText = "青溪工業區污水處理廠" }).First.ClickAsync();
        var drawer = page.GetByTestId("explanation");
        await Assertions.Expect(drawer.GetByTestId("explanation-economics")).ToBeVisibleAsync();
        await drawer.GetByText("計算依據").First.ClickAsync();
        await Assertions.Expect(drawer.Locator("td[data-name=marginalFeeNtdPerM3]")).ToHaveTextAsync("每立方公尺節省之耗水費");

        var text = await drawer.InnerTextAsync();
        Assert.Empty(RawKeys(text));
        Assert.DoesNotContain("m³/day", text, StringComparison.Ordinal);
        Assert.DoesNotContain("default-used", text, StringComparison.Ordinal);
        Assert.Contains("限值來源：", text, StringComparison.Ordinal);
        await AppUnderTest.ScreenshotAsync(page, "explanation-zh");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheFilingForm_ANegativeVolume_IsFlaggedOnItsFieldInChinese()
    {
        var page = await SignInInChineseAsync("engineer@demo.ecopark.tw");
        await page.GotoAsync("/filings");
        await AppUnderTest.WaitForInteractiveAsync(page);
        await page.GetByTestId("new-filing").ClickAsync();
        await AppUnderTest.WaitForInteractiveAsync(page);

        await AppUnderTest.Input(page, "field-tap").FillAsync("-5");

        var field = page.Locator(".mud-input-control").Filter(new() { Has = page.Locator("input[data-testid=field-tap], [data-testid=field-tap] input") });
        await Assertions.Expect(field.Locator(".mud-input-helper-text.mud-input-error")).ToHaveTextAsync("數值不可為負數。");
        await Assertions.Expect(page.GetByTestId("figures-problem")).ToHaveTextAsync("自來水：數值不可為負數。");
        Assert.Empty(RawKeys(await page.Locator("body").InnerTextAsync()));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheMatchingWorkbench_InEnglish_NamesFactoriesInEnglishAndUnitsInWords()
    {
        var page = await app.SignInAsync("staff@demo.ecopark.tw", Password);
        await page.GotoAsync("/culture/set?culture=en&returnUrl=/matching");
        await AppUnderTest.WaitForInteractiveAsync(page);
        var table = page.GetByTestId("candidate-table");
        await Assertions.Expect(table.Locator("tbody tr").First).ToBeVisibleAsync();

        await Assertions.Expect(table).Not.ToContainTextAsync("股份有限公司");
        await Assertions.Expect(table).ToContainTextAsync("Co., Ltd.");
        await page.GotoAsync("/culture/set?culture=zh-TW&returnUrl=/");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("default-used (marginalFeeNtdPerM3)", "default-used,marginalFeeNtdPerM3")]
    [InlineData("限值來源：demand / baseline:baseline-2019", "")]
    [InlineData("逆滲透 → reverse-osmosis", "reverse-osmosis")]
    [InlineData("uses.domesticM3: 0 → 5", "domesticM3")]
    [InlineData("pH 7.3 · 40 kWh · 12 kgCO₂e · staff@demo.ecopark.tw · /api-docs", "")]
    public void TheRawKeyPattern_FindsKeysAndSparesUnitsAddressesAndPaths(string text, string keys) =>
        Assert.Equal(keys.Length == 0 ? [] : keys.Split(','), RawKeys(text));

    /// <summary>The camelCase and kebab-case words of latin letters in a text, less the allowed tokens.</summary>
    internal static IReadOnlyList<string> RawKeys(string text) =>
        [.. RawKey().Matches(text).Select(m => m.Value).Where(w => !Allowed.Contains(w)).Distinct()];

    private async Task<IPage> SignInInChineseAsync(string email)
    {
        var page = await app.SignInAsync(email, Password);
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToBeVisibleAsync();
        // Another test may have switched this user to English: this browser's cookie decides.
        await page.GotoAsync("/culture/set?culture=zh-TW&returnUrl=/");
        return page;
    }

    [GeneratedRegex(@"(?<![\w@/-])(?:[a-z]+[A-Z][A-Za-z0-9]*|[a-z]+(?:-[a-z]+)+)(?![\w@/-])")]
    private static partial Regex RawKey();
}
