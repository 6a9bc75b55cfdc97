using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoPark.Application.Abstractions;
using EcoPark.Application.Allocation;
using EcoPark.Domain.Access;
using EcoPark.Domain.Matching;
using EcoPark.Infrastructure.Seeding;
using EcoPark.Web;
using EcoPark.Web.Features.Allocation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace EcoPark.IntegrationTests.Allocation;

/// <summary>From a run's result: "propose selected", two runs compared, and the workbook export.</summary>
public sealed partial class AllocationApiTests
{
    [Fact]
    public async Task ProposeSelected_OpensACasePerLinkInOneStep_AndProposingAgainOpensNoDuplicate()
    {
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "en");
        var park = await BlockedPlanParkAsync(admin);
        var run = await RunAsync(admin, park.Id, new { resources = new[] { "water" }, objective = "netBenefit", timeLimitSeconds = 60 });
        var id = run.GetProperty("id").GetGuid();
        var links = Links(run, "links").Select(l => new AllocationPairKey(l.Supply, l.Demand)).ToList();
        Assert.True(links.Count >= 2, $"the blocked plan has {links.Count} links");
        var proposals = app.Factory.Services.GetRequiredService<AllocationProposals>();
        var caller = await AdministratorAsync();
        var notALink = new AllocationPairKey(park.Second, park.Process);

        // Two staff propose the same links at once: the open-pair index lets one case per pair through.
        var first = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => proposals.ProposeAsync(caller, park.Id, id, [.. links, notALink], "from the run"))));

        Assert.Equal(Keys(links), Keys(first.SelectMany(r => r.Opened).Select(o => new AllocationPairKey(o.SupplyStreamId, o.DemandStreamId))));
        Assert.All(first, r => Assert.Equal(Keys(links), Keys(r.Opened.Concat(r.AlreadyOpen).Select(o => new AllocationPairKey(o.SupplyStreamId, o.DemandStreamId)))));
        Assert.All(first, r => Assert.Equal([notALink], r.Refused.Select(x => new AllocationPairKey(x.SupplyStreamId, x.DemandStreamId))));
        Assert.All(first, r => Assert.Contains("not one of the run", r.Refused[0].Reason, StringComparison.Ordinal));
        var cases = await OpenCasesAsync(links);
        Assert.Equal(links.Count, cases.Count);
        Assert.All(cases, c => Assert.Equal(MatchState.Proposed, c.State));
        Assert.Equal(cases.Select(c => c.Id).Order(), first.SelectMany(r => r.Opened).Select(o => o.MatchId).Order());

        var again = await proposals.ProposeAsync(caller, park.Id, id, links, "once more");

        Assert.Empty(again.Opened);
        Assert.Empty(again.Refused);
        Assert.Equal(cases.Select(c => c.Id).Order(), again.AlreadyOpen.Select(o => o.MatchId).Order());
        Assert.Equal(links.Count, (await OpenCasesAsync(links)).Count);
        // The run now shows each link's case.
        var shown = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/parks/{park.Id}/allocations/{id}");
        Assert.All(shown.GetProperty("links").EnumerateArray(), l => Assert.Contains(l.GetProperty("matchId").GetGuid(), cases.Select(c => c.Id)));
    }

    [Fact]
    public async Task TwoRunsCompared_WithAndWithoutABudget_ShowBothRunsFigures()
    {
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "en");
        var park = await BlockedPlanParkAsync(admin);
        var free = await RunAsync(admin, park.Id, new { resources = new[] { "water" }, objective = "netBenefit", timeLimitSeconds = 60 });
        var tight = await RunAsync(admin, park.Id, new { resources = new[] { "water" }, objective = "netBenefit", budgetNtd = 0, timeLimitSeconds = 60 });
        var runs = app.Factory.Services.GetRequiredService<AllocationRuns>();
        var caller = await AdministratorAsync();
        var a = await runs.GetAsync(caller, park.Id, free.GetProperty("id").GetGuid());
        var b = await runs.GetAsync(caller, park.Id, tight.GetProperty("id").GetGuid());
        Assert.True(a.ObjectiveNtdPerYear > b.ObjectiveNtdPerYear, $"the budget does not bind: {a.ObjectiveNtdPerYear} and {b.ObjectiveNtdPerYear}");

        var rows = InEnglish(l => AllocationComparison.Rows(a, b, l).ToDictionary(r => r.Label, r => (r.A, r.B)));

        Assert.Equal(("—", "0"), rows["Investment budget (NTD)"]);
        Assert.Equal((a.ObjectiveNtdPerYear!.Value.ToString("N0", CultureInfo.InvariantCulture), b.ObjectiveNtdPerYear!.Value.ToString("N0", CultureInfo.InvariantCulture)),
            rows["Net benefit (NTD/yr)"]);
        Assert.Equal((a.ReusedWaterM3PerDay!.Value.ToString("N1", CultureInfo.InvariantCulture), b.ReusedWaterM3PerDay!.Value.ToString("N1", CultureInfo.InvariantCulture)),
            rows["Reused water (m³/day)"]);
        Assert.Equal((a.Links.Sum(k => k.InvestmentNtd).ToString("N0", CultureInfo.InvariantCulture), b.Links.Sum(k => k.InvestmentNtd).ToString("N0", CultureInfo.InvariantCulture)),
            rows["Investment (NTD)"]);
        Assert.Equal((a.Links.Count.ToString(CultureInfo.InvariantCulture), b.Links.Count.ToString(CultureInfo.InvariantCulture)), rows["Links"]);
        Assert.Equal(0m, b.Links.Sum(k => k.InvestmentNtd));
    }

    [Fact]
    public async Task TheExport_HoldsTheRunsLinksAndHeadlineFigures()
    {
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "en");
        var park = await BlockedPlanParkAsync(admin);
        var run = await RunAsync(admin, park.Id, new { resources = new[] { "water" }, objective = "netBenefit", timeLimitSeconds = 60 });

        using var export = await admin.GetAsync($"/api/v1/parks/{park.Id}/allocations/{run.GetProperty("id").GetGuid()}/export");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        Assert.Equal(["summary", "links", "greedy", "shadow prices"], MiniExcel.GetSheetNames(stream));
        var summary = Sheet(stream, "summary").ToDictionary(r => (string)r["A"]!, r => (Optimum: r["B"], Greedy: r["C"]));
        Assert.Equal(run.GetProperty("objectiveNtdPerYear").GetDecimal(), Number(summary.Single(r => r.Key.StartsWith("Net benefit", StringComparison.Ordinal)).Value.Optimum));
        Assert.Equal(run.GetProperty("greedyObjectiveNtdPerYear").GetDecimal(), Number(summary.Single(r => r.Key.StartsWith("Net benefit", StringComparison.Ordinal)).Value.Greedy));
        Assert.Equal(run.GetProperty("reusedWaterM3PerDay").GetDecimal(), Number(summary.Single(r => r.Key.StartsWith("Reused water", StringComparison.Ordinal)).Value.Optimum));
        Assert.Equal(run.GetProperty("greedyReusedWaterM3PerDay").GetDecimal(), Number(summary.Single(r => r.Key.StartsWith("Reused water", StringComparison.Ordinal)).Value.Greedy));
        Assert.Equal("Optimal", summary["Status"].Optimum?.ToString());
        foreach (var (sheet, property) in new[] { ("links", "links"), ("greedy", "greedyLinks") })
        {
            var expected = run.GetProperty(property).EnumerateArray().ToList();
            var rows = Sheet(stream, sheet);
            Assert.Equal(expected.Count, rows.Count);
            foreach (var (link, row) in expected.Zip(rows))
            {
                Assert.Equal($"{link.GetProperty("supplyFactory").GetString()} {link.GetProperty("supplyName").GetString()}", row["B"]);
                Assert.Equal($"{link.GetProperty("demandFactory").GetString()} {link.GetProperty("demandName").GetString()}", row["C"]);
                Assert.Equal(link.GetProperty("quantity").GetDecimal(), Number(row["D"]));
                Assert.Equal(link.GetProperty("unit").GetString(), row["E"]);
                Assert.Equal(string.Join(" + ", link.GetProperty("treatment").EnumerateArray().Select(t => t.GetString())), row["F"]?.ToString() ?? string.Empty);
                Assert.Equal(link.GetProperty("netAnnualBenefitNtd").GetDecimal(), Number(row["G"]));
                Assert.Equal(link.GetProperty("investmentNtd").GetDecimal(), Number(row["H"]));
            }
        }

        Assert.Equal(run.GetProperty("shadowPrices").GetArrayLength(), Sheet(stream, "shadow prices").Count);
    }

    /// <summary>A sheet's rows below its header, by column letter.</summary>
    private static List<IDictionary<string, object?>> Sheet(Stream stream, string name)
    {
        stream.Position = 0;
        return [.. MiniExcel.Query(stream, sheetName: name).Skip(1).Cast<IDictionary<string, object?>>()];
    }

    private static List<string> Keys(IEnumerable<AllocationPairKey> keys) => [.. keys.Select(k => $"{k.SupplyStreamId}:{k.DemandStreamId}").Order(StringComparer.Ordinal)];

    private static decimal Number(object? cell) => Convert.ToDecimal(cell, CultureInfo.InvariantCulture);

    private T InEnglish<T>(Func<IStringLocalizer<SharedResource>, T> read)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            return read(app.Factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>());
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }

    private async Task<Caller> AdministratorAsync()
    {
        await using var db = await app.Factory.Services.GetRequiredService<IEcoParkDbContextFactory>().CreateAsync();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == DemoAccounts.Administrator.Email);
        return new Caller(user.Id, [Roles.Administrator], [], []);
    }

    private async Task<List<MatchCase>> OpenCasesAsync(IReadOnlyList<AllocationPairKey> links)
    {
        var supplies = links.Select(k => k.SupplyStreamId).ToList();
        await using var db = await app.Factory.Services.GetRequiredService<IEcoParkDbContextFactory>().CreateAsync();
        var cases = await db.MatchCases.AsNoTracking().Where(m => supplies.Contains(m.SupplyStreamId) && m.State != MatchState.Declined && m.State != MatchState.Ended).ToListAsync();
        return [.. cases.Where(m => links.Contains(new AllocationPairKey(m.SupplyStreamId, m.DemandStreamId)))];
    }
}
