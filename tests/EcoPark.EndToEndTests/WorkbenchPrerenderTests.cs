using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EcoPark.EndToEndTests;

/// <summary>
/// The workbench's first rows come with the page (issue 10): they are in the prerendered HTML before the Blazor script has
/// run, the circuit shows the same rows without reading them again, and the table pages on from there.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkbenchPrerenderTests(AppUnderTest app)
{
    private const string Password = "EcoPark#Demo2026";

    [Fact]
    public async Task Workbench_FirstRowsComeWithThePage_TheCircuitKeepsThemWithoutReadingThemAgain_AndPagesOn()
    {
        var page = await app.SignInAsync("staff@demo.ecopark.tw", Password);
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToBeVisibleAsync();
        // Another test may have switched this user to English: this browser's cookie decides.
        await page.GotoAsync("/culture/set?culture=zh-TW&returnUrl=/");

        // The Blazor script is held back, so the page stays as the server prerendered it until it is let through.
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/_framework/blazor.web.js", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        await page.GotoAsync("/matching", new() { WaitUntil = WaitUntilState.Commit });
        var table = page.GetByTestId("candidate-table");
        var rows = table.Locator("tbody tr:has([data-testid=candidate-supply])");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("interactive")).ToHaveCountAsync(0);
        var parties = table.Locator("tbody [data-testid=candidate-supply], tbody [data-testid=candidate-demand]");
        var prerendered = await parties.AllInnerTextsAsync();
        Assert.Contains(prerendered, r => r.Contains("股份有限公司", StringComparison.Ordinal));
        var prerenderedRows = await rows.CountAsync();
        await Assertions.Expect(table.Locator(".mud-table-pagination-caption").Last).ToHaveTextAsync(new Regex($"^第 1[–-]{prerenderedRows} 筆，共(超過)? ?\\d+ 筆$"));
        // A net benefit that rests on the engine's defaults carries the marker, with its tooltip in the page's language.
        var marked = rows.Filter(new() { Has = page.GetByTestId("benefit-rests-on-defaults") });
        await Assertions.Expect(marked.First.GetByTestId("benefit-rests-on-defaults")).ToHaveAttributeAsync("title", new Regex("^採用預設值：此淨效益有 \\d+ 項金額"));
        var markedRows = await marked.CountAsync();

        // Before the circuit starts, the language turns English. A circuit that read the first page again would name the
        // factories in English; the prerendered page it was handed names them as the HTML did (the labels around them are
        // the circuit's own, in English).
        Assert.True((await page.Context.APIRequest.GetAsync("/culture/set?culture=en&returnUrl=/")).Ok);
        release.SetResult();
        await AppUnderTest.WaitForInteractiveAsync(page);
        await Assertions.Expect(table.Locator("thead")).ToContainTextAsync("Supply");
        await Assertions.Expect(rows).ToHaveCountAsync(prerenderedRows);
        Assert.Equal(prerendered, await parties.AllInnerTextsAsync());
        await Assertions.Expect(marked).ToHaveCountAsync(markedRows);
        await Assertions.Expect(marked.First.GetByTestId("benefit-rests-on-defaults")).ToHaveAttributeAsync("title", new Regex("^Rests on defaults: \\d+ of the money figures"));

        // The filters and the pager read from the database again: the infeasible pairs, page 2, in English.
        await page.Locator("input[data-testid=show-infeasible], [data-testid=show-infeasible] input").First.CheckAsync();
        var pager = table.Locator(".mud-table-pagination-caption").Last;
        await Assertions.Expect(pager).ToHaveTextAsync(new Regex("^1[–-]15 of (more than )?\\d+$"));
        await Assertions.Expect(table.Locator("tbody")).ToContainTextAsync("Co., Ltd.");
        await Assertions.Expect(table.Locator("tbody")).Not.ToContainTextAsync("股份有限公司");
        var pageOne = await rows.AllInnerTextsAsync();
        await table.Locator(".mud-table-pagination-next-button").ClickAsync();
        await Assertions.Expect(pager).ToHaveTextAsync(new Regex("^16[–-]\\d+ of (more than )?\\d+$"));
        // The pager moves on before the page's rows arrive: wait for them.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await rows.AllInnerTextsAsync()).SequenceEqual(pageOne) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        await Assertions.Expect(rows).Not.ToHaveCountAsync(0);
        Assert.NotEqual(pageOne, await rows.AllInnerTextsAsync());

        // A row of page 2 opens its explanation.
        await rows.First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("explanation-status")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
