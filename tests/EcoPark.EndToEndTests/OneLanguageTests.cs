using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Playwright;

namespace EcoPark.EndToEndTests;

/// <summary>
/// One language at a time: every main page of every role, every detail page and every page without sign-in, walked once
/// in Traditional Chinese and once in English, shows no raw key (a camelCase or kebab-case word of latin letters such as
/// <c>marginalFeeNtdPerM3</c> or <c>reverse-osmosis</c>); in English it shows no Chinese either, but for the language
/// menu's own name for Chinese. The explanation drawer, the filing form and the API speak the user's language.
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
        await OpenDetailAsync(page, listPath, firstEntry, detailPath);

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

    [Theory]
    [MemberData(nameof(RolePages))]
    public async Task EveryMainPage_InEnglish_ShowsNoRawKeyAndNoChinese(string email, string path)
    {
        var page = await SignInInEnglishAsync(email);
        await page.GotoAsync(path);
        await AppUnderTest.WaitForInteractiveAsync(page);
        await SettledAsync(page);

        await AssertEnglishAsync(page);
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(DetailPages))]
    public async Task EveryDetailPage_InEnglish_ShowsNoRawKeyAndNoChinese(string email, string listPath, string firstEntry, string detailPath)
    {
        var page = await SignInInEnglishAsync(email);
        await OpenDetailAsync(page, listPath, firstEntry, detailPath);

        await AssertEnglishAsync(page);
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(AnonymousPages))]
    public async Task EveryPageWithoutSignIn_InEnglish_ShowsNoRawKeyAndNoChinese(string path)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/culture/set?culture=en&returnUrl=" + Uri.EscapeDataString(path));
        await SettledAsync(page);

        Assert.Matches("[A-Za-z]{4,}", await page.Locator("body").InnerTextAsync());
        await AssertEnglishAsync(page);
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

    /// <summary>
    /// From the list to its first entry's page, as a user gets there. The click is repeated while the address has not changed:
    /// a click that lands just before the row's handler is wired (or a navigation that finished before a wait began) would
    /// otherwise leave the test waiting for a navigation that never comes.
    /// </summary>
    private static async Task OpenDetailAsync(IPage page, string listPath, string firstEntry, string detailPath)
    {
        await page.GotoAsync(listPath);
        await AppUnderTest.WaitForInteractiveAsync(page);
        await SettledAsync(page);
        for (var attempt = 0; attempt < 3 && !page.Url.Contains(detailPath, StringComparison.Ordinal); attempt++)
        {
            await page.Locator(firstEntry).First.ClickAsync();
            for (var i = 0; i < 50 && !page.Url.Contains(detailPath, StringComparison.Ordinal); i++)
            {
                await Task.Delay(100);
            }
        }

        Assert.Contains(detailPath, page.Url, StringComparison.Ordinal);
        await AppUnderTest.WaitForInteractiveAsync(page);
        await SettledAsync(page);
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

    [Theory]
    [InlineData("繁體中文 · English · Sign in", "")]
    [InlineData("Factory 禾豐食品股份有限公司 · 狀態：已核定", "禾豐食品股份有限公司,狀態：已核定")]
    [InlineData("Years 2024、2025 (㐀)", "、,㐀")]
    public void TheChinesePattern_FindsIdeographsAndChinesePunctuationAndSparesTheLanguageMenu(string text, string runs) =>
        Assert.Equal(runs.Length == 0 ? [] : runs.Split(','), ChineseRuns(text));

    /// <summary>
    /// The runs of Chinese in a text: CJK ideographs (U+4E00–U+9FFF, U+3400–U+4DBF) with the CJK and full-width punctuation
    /// between them, less the language menu's name for Chinese.
    /// </summary>
    internal static IReadOnlyList<string> ChineseRuns(string text) =>
        [.. Chinese().Matches(text).Select(m => m.Value).Where(w => w != ChineseInChinese).Distinct()];

    /// <summary>
    /// An English page: no raw key in its text (a hyphenated or camelCase word the English resources themselves write is
    /// prose), and no Chinese in its text nor in what a user reads off its controls (a field's value, placeholder, tooltip
    /// or accessible name), but for what users typed in Chinese: a contact's name, a stream's name, a note.
    /// </summary>
    private async Task AssertEnglishAsync(IPage page)
    {
        var text = await page.Locator("body").InnerTextAsync();
        var controls = await page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll('input, textarea, [placeholder], [title], [aria-label]')]
                .flatMap(e => [e.value, e.getAttribute('placeholder'), e.getAttribute('title'), e.getAttribute('aria-label')])
                .filter(v => v)
            """);
        Assert.Empty(RawKeys(text).Except(EnglishProse.Value).ToList());
        var chinese = ChineseRuns(text + "\n" + string.Join("\n", controls));
        if (chinese.Count > 0)
        {
            var typed = await TypedInChineseAsync();
            Assert.Empty(chinese.Except(typed).ToList());
        }
    }

    /// <summary>The words the raw-key pattern matches in the English resources' values (the neutral files): real English such as <c>water-shortage</c>.</summary>
    private static readonly Lazy<HashSet<string>> EnglishProse = new(() =>
    [
        .. new[] { Path.Combine("EcoPark.Web", "Resources", "SharedResource.resx"), Path.Combine("EcoPark.Application", "Resources", "Messages.resx") }
            .Select(file => XDocument.Load(Path.Combine(AppUnderTest.SolutionRoot, "src", file)))
            .SelectMany(resx => resx.Descendants("data").Select(d => (string?)d.Element("value") ?? string.Empty))
            .SelectMany(value => RawKey().Matches(value).Select(m => m.Value)),
    ]);

    /// <summary>
    /// The Chinese runs of what the app stores as users typed it, read through the API by the administrator, who reads it
    /// all: contact and display names, stream names, notes, sources. A name with an English twin (<c>nameZh</c>, <c>parkNameZh</c>)
    /// and a county (the screens translate Taiwan's list) do not count: an English page shows their English.
    /// </summary>
    private async Task<HashSet<string>> TypedInChineseAsync()
    {
        using var api = await app.ApiAsync("admin@demo.ecopark.tw", Password);
        async Task<JsonElement> Get(string path) => await api.GetFromJsonAsync<JsonElement>("/api/v1/" + path);

        var documents = new List<JsonElement> { await Get("users"), await Get("screening"), await Get("fees/rule-sets") };
        var factories = await Get("factories");
        documents.Add(factories);
        foreach (var id in factories.EnumerateArray().Select(f => f.GetProperty("id").GetString()))
        {
            foreach (var kind in new[] { "effluent-streams", "water-demands", "heat-streams", "byproduct-streams" })
            {
                documents.Add(await Get($"factories/{id}/{kind}"));
            }
        }

        foreach (var id in (await Get("parks")).EnumerateArray().Select(p => p.GetProperty("id").GetString()))
        {
            documents.Add(await Get($"matches?parkId={id}"));
        }

        return [.. documents.SelectMany(d => TypedStrings(d, null)).SelectMany(ChineseRuns)];
    }

    private static IEnumerable<string> TypedStrings(JsonElement element, string? property) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => TypedStrings(p.Value, p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(e => TypedStrings(e, property)),
        JsonValueKind.String when property is not null && !property.EndsWith("Zh", StringComparison.Ordinal)
            && !property.EndsWith("ounty", StringComparison.Ordinal) => [element.GetString()!],
        _ => [],
    };

    private Task<IPage> SignInInChineseAsync(string email) => SignInInAsync(email, "zh-TW");

    private Task<IPage> SignInInEnglishAsync(string email) => SignInInAsync(email, "en");

    private async Task<IPage> SignInInAsync(string email, string culture)
    {
        var page = await app.SignInAsync(email, Password);
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToBeVisibleAsync();
        // Another test may have switched this user's language: this browser's cookie decides.
        await page.GotoAsync($"/culture/set?culture={culture}&returnUrl=/");
        return page;
    }

    /// <summary>The one Chinese word an English page shows: the language menu names Chinese in Chinese, as a reader of it would look for it.</summary>
    private const string ChineseInChinese = "繁體中文";

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}\p{IsCJKUnifiedIdeographsExtensionA}\p{IsCJKSymbolsandPunctuation}\uFF01-\uFF5E]+")]
    private static partial Regex Chinese();

    [GeneratedRegex(@"(?<![\w@/-])(?:[a-z]+[A-Z][A-Za-z0-9]*|[a-z]+(?:-[a-z]+)+)(?![\w@/-])")]
    private static partial Regex RawKey();
}
