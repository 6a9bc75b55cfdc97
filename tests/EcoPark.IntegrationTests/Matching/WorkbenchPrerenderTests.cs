using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using EcoPark.Infrastructure.Seeding;
using EcoPark.IntegrationTests.Infrastructure;
using EcoPark.Web.Features.Matching;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace EcoPark.IntegrationTests.Matching;

/// <summary>
/// The workbench's prerendered HTML (issue 10): the first page of rows is in it, read by the table's own query, and the
/// persisted component state that carries the page into the circuit holds what the rows show and nothing more. The state
/// is read here as the circuit reads it: unprotected with the app's data-protection keys.
/// </summary>
[Collection(DemoAppCollection.Name)]
public sealed partial class WorkbenchPrerenderTests(DemoAppFixture app)
{
    /// <summary>The purpose the server's prerendered state is protected under.</summary>
    private const string StatePurpose = "Microsoft.AspNetCore.Components.Server.State";

    private static readonly string[] RowFields =
    [
        "resource", "supplyStreamId", "supplyName", "supplyFactory", "demandStreamId", "demandName", "demandFactory", "status", "feasible",
        "feasibleAsIs", "quantity", "quantityLow", "quantityHigh", "unit", "distanceM", "netAnnualBenefitNtd", "co2eKgPerYear", "matchState",
        "defaultMoneyInputs",
    ];

    [Fact]
    public async Task Workbench_Prerendered_HoldsTheTablesFirstPageAndPersistsOnlyWhatItsRowsShow()
    {
        using var browser = await app.Factory.SignInWithCookieAsync(DemoAccounts.Staff.Email, DemoAccounts.Password);
        var html = await WorkbenchHtmlAsync(browser);

        var page = FirstPage(html);
        Assert.NotNull(page);
        var first = page.Value;
        var rows = first.GetProperty("rows").EnumerateArray().ToList();
        // The demo park's feasible pairs fit on the first page (15 rows): all of them, each drawn as a row.
        Assert.InRange(rows.Count, 1, 15);
        Assert.Equal(rows.Count, CellPattern().Matches(html).Count);

        // The same page the table's first load asks for (the API runs the same query): the same pairs in the same order.
        var parkId = first.GetProperty("parkId").GetGuid();
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email);
        var api = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/matching/parks/{parkId}/candidates?feasibleOnly=true&pageSize=15");
        Assert.Equal(
            api.GetProperty("items").EnumerateArray().Select(c => (c.GetProperty("supplyStreamId").GetGuid(), c.GetProperty("demandStreamId").GetGuid())),
            rows.Select(r => (r.GetProperty("supplyStreamId").GetGuid(), r.GetProperty("demandStreamId").GetGuid())));
        Assert.Equal(api.GetProperty("total").GetInt32(), first.GetProperty("total").GetInt32());

        // Each row is in the HTML, and the state carries its columns and the two ids that open it: no reasons, payback,
        // margin, factory ids or anything else of the candidate.
        foreach (var row in rows)
        {
            Assert.Equal(RowFields.Order(), row.EnumerateObject().Select(p => p.Name).Order());
            Assert.Contains(row.GetProperty("supplyFactory").GetString()!, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        }

        // A net benefit that rests on defaults is marked in its row, one marker for each such row and none for the others.
        var resting = rows.Count(r => r.GetProperty("netAnnualBenefitNtd").ValueKind == JsonValueKind.Number && r.GetProperty("defaultMoneyInputs").GetInt32() > 0);
        Assert.True(resting > 0, "the demo park's first page has a pair resting on defaults");
        Assert.Equal(resting, MarkerPattern().Matches(html).Count);

        Assert.DoesNotContain("reasons", first.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("payback", first.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("margin", first.GetRawText(), StringComparison.OrdinalIgnoreCase);
        // The park picker's entries: an id and names, not the park's WWTP figures.
        Assert.All(first.GetProperty("parks").EnumerateArray(), p => Assert.Equal(["id", "nameEn", "nameZh"], p.EnumerateObject().Select(x => x.Name).Order()));
    }

    [Theory]
    [InlineData("engineer@demo.ecopark.tw")]
    [InlineData("auditor@demo.ecopark.tw")]
    public async Task Workbench_ForAnotherRole_IsRefusedWithNoRowsAndNoPersistedPage(string email)
    {
        using var browser = await app.Factory.SignInWithCookieAsync(email, DemoAccounts.Password);

        using var response = await browser.GetAsync("/matching");
        var html = await response.Content.ReadAsStringAsync();

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(CellPattern().Matches(html));
        Assert.Null(FirstPage(html));
    }

    private static async Task<string> WorkbenchHtmlAsync(HttpClient browser)
    {
        using var response = await browser.GetAsync("/matching");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The workbench's persisted first page in <paramref name="html"/>, unprotected as the circuit does; null when none.</summary>
    private JsonElement? FirstPage(string html)
    {
        var comment = StatePattern().Match(html);
        if (!comment.Success)
        {
            return null;
        }

        var protector = app.Factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(StatePurpose);
        var state = JsonSerializer.Deserialize<Dictionary<string, byte[]>>(protector.Unprotect(Convert.FromBase64String(comment.Groups[1].Value)))!;
        return state.TryGetValue(WorkbenchFirstPage.StateKey, out var bytes) ? JsonDocument.Parse(Encoding.UTF8.GetString(bytes)).RootElement.Clone() : null;
    }

    [GeneratedRegex("<!--Blazor-Server-Component-State:([A-Za-z0-9+/=_-]+)-->")]
    private static partial Regex StatePattern();

    [GeneratedRegex("data-testid=\"candidate-supply\"")]
    private static partial Regex CellPattern();

    [GeneratedRegex("data-testid=\"benefit-rests-on-defaults\"")]
    private static partial Regex MarkerPattern();
}
