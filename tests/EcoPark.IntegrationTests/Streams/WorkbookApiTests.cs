using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EcoPark.Application.Workbooks;
using EcoPark.Infrastructure.Seeding;
using EcoPark.IntegrationTests.Infrastructure;
using MiniExcelLibs;

namespace EcoPark.IntegrationTests.Streams;

/// <summary>The filing workbook: template, all-or-nothing import, and export of what was imported.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class WorkbookApiTests(DemoAppFixture app)
{
    [Fact]
    public async Task Template_HasEverySheetWithBilingualHeaders()
    {
        using var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email);
        var factory = await app.FactoryNamedAsync("永彩染整股份有限公司");

        var bytes = await engineer.GetByteArrayAsync($"/api/v1/factories/{factory.Id}/workbook/template");

        using var stream = new MemoryStream(bytes);
        Assert.Equal(WorkbookLayout.All.Select(s => s.Name), MiniExcel.GetSheetNames(stream));
        stream.Position = 0;
        var headers = ((IDictionary<string, object?>)MiniExcel.Query(stream, sheetName: WorkbookLayout.Effluents.Name).First()).Values;
        Assert.Contains("平均流量 Avg flow (m³/day)", headers);
    }

    [Fact]
    public async Task Import_200RowsWithThreeBadOnes_ReportsExactlyThoseThree_AndSavesNothing()
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        var factory = await app.FactoryNamedAsync("新綠塑膠股份有限公司");
        var sheets = Workbook(prefix: "Bad", outlets: 40, demands: 13);
        sheets[WorkbookLayout.Effluents.Name][6][Header(WorkbookLayout.Effluents, "minM3PerDay")] = 999; // row 8: min above avg
        sheets[WorkbookLayout.EffluentQuality.Name][30][Header(WorkbookLayout.EffluentQuality, "key")] = "codMgl"; // row 32: unknown key
        sheets[WorkbookLayout.Demands.Name][10][Header(WorkbookLayout.Demands, "flowM3PerDay")] = "about 50"; // row 12: not a number
        Assert.Equal(200, sheets.Values.Sum(rows => rows.Count));

        using var response = await Upload(staff, factory.Id, sheets);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray()
            .Select(p => (p.GetProperty("sheet").GetString(), p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString())).ToList();
        Assert.Equal(
            [
                (WorkbookLayout.Effluents.Name, 8, Header(WorkbookLayout.Effluents, "avgM3PerDay")),
                (WorkbookLayout.EffluentQuality.Name, 32, Header(WorkbookLayout.EffluentQuality, "key")),
                (WorkbookLayout.Demands.Name, 12, Header(WorkbookLayout.Demands, "flowM3PerDay")),
            ],
            problems);
        Assert.Equal("[]", await staff.GetStringAsync($"/api/v1/factories/{factory.Id}/effluent-streams"));
        Assert.Equal("[]", await staff.GetStringAsync($"/api/v1/factories/{factory.Id}/water-demands"));
        Assert.Equal("[]", await staff.GetStringAsync($"/api/v1/factories/{factory.Id}/water-balances"));
    }

    [Fact]
    public async Task Import_CleanWorkbook_SavesEverything_AndTheExportGivesTheSameNumbers()
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "zh-TW");
        var factory = await app.FactoryNamedAsync("青溪紙業股份有限公司");
        var sheets = Workbook(prefix: "Clean", outlets: 5, demands: 4);

        using var response = await Upload(staff, factory.Id, sheets);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, result.GetProperty("filings").GetInt32());
        Assert.Equal(9, result.GetProperty("streams").GetInt32());
        var exported = await staff.GetByteArrayAsync($"/api/v1/factories/{factory.Id}/workbook");
        foreach (var sheet in WorkbookLayout.All.Where(s => sheets[s.Name].Count > 0))
        {
            using var stream = new MemoryStream(exported);
            var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: sheet.Name).Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(sheets[sheet.Name].Count, rows.Count);
            foreach (var expected in sheets[sheet.Name])
            {
                Assert.Contains(rows, actual => sheet.Columns.All(c => Same(expected[c.Header], actual[c.Header])));
            }
        }
    }

    private static bool Same(object? expected, object? actual) =>
        expected is null || (expected is string s && s.Length == 0)
            ? actual is null || (actual is string a && a.Length == 0) || Convert.ToString(actual, System.Globalization.CultureInfo.InvariantCulture) == "0"
            : Convert.ToString(expected, System.Globalization.CultureInfo.InvariantCulture) == Convert.ToString(actual, System.Globalization.CultureInfo.InvariantCulture)
              || (double.TryParse(Convert.ToString(expected, System.Globalization.CultureInfo.InvariantCulture), out var x)
                  && double.TryParse(Convert.ToString(actual, System.Globalization.CultureInfo.InvariantCulture), out var y) && Math.Abs(x - y) < 1e-9);

    private static string Header(WorkbookSheet sheet, string field) => sheet.Column(field)!.Header;

    private static async Task<HttpResponseMessage> Upload(HttpClient client, Guid factoryId, Dictionary<string, List<Dictionary<string, object?>>> sheets)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(sheets.ToDictionary(s => s.Key, s => (object)s.Value));
        var file = new ByteArrayContent(stream.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue(WorkbookEndpointsContentType);
        using var form = new MultipartFormDataContent { { file, "file", "filing.xlsx" } };
        return await client.PostAsync($"/api/v1/factories/{factoryId}/workbook", form);
    }

    private const string WorkbookEndpointsContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>One month's balance, outlets with three quality values each, and demands with two limits each.</summary>
    public static Dictionary<string, List<Dictionary<string, object?>>> Workbook(string prefix, int outlets, int demands)
    {
        var sheets = WorkbookLayout.All.ToDictionary(s => s.Name, _ => new List<Dictionary<string, object?>>());
        Dictionary<string, object?> Row(WorkbookSheet sheet, params (string Field, object? Value)[] values)
        {
            var row = sheet.Columns.ToDictionary(c => c.Header, _ => (object?)null);
            foreach (var (field, value) in values)
            {
                row[Header(sheet, field)] = value;
            }

            sheets[sheet.Name].Add(row);
            return row;
        }

        Row(WorkbookLayout.Balance, ("period", "2025-05"), ("intake.tapM3", 30000), ("rainwaterM3", 300), ("condensateM3", 200), ("uses.coolingM3", 12000),
            ("uses.processM3", 15500), ("uses.boilerM3", 3000), ("circulationM3", 60000), ("coolingTowerCirculationM3", 40000), ("reuseM3", 9500),
            ("outflows.sewerM3", 24000), ("outflows.evaporationLossM3", 6000), ("outflows.inProductM3", 500));
        for (var i = 1; i <= outlets; i++)
        {
            var name = $"{prefix} outlet {i:D2}";
            Row(WorkbookLayout.Effluents, ("name", name), ("minM3PerDay", 100 + i), ("avgM3PerDay", 200 + i), ("maxM3PerDay", 300.5 + i), ("daysPerWeek", 6),
                ("hoursPerDay", 20), ("route", "parkWwtp"), ("dischargeFeeNtdPerM3", 22.5), ("confidential.prices", "Y"), ("confidential.costs", "Y"),
                ("confidential.exactVolumes", i % 2 == 0 ? "Y" : "N"));
            Row(WorkbookLayout.EffluentQuality, ("name", name), ("key", "codMgL"), ("value", 40 + i), ("basis", "lab"), ("sampleDate", "2026-09-15"));
            Row(WorkbookLayout.EffluentQuality, ("name", name), ("key", "ph"), ("value", 7.2), ("basis", "online"));
            Row(WorkbookLayout.EffluentQuality, ("name", name), ("key", "conductivityUsCm"), ("value", 2400 + i), ("basis", "declared"));
        }

        for (var i = 1; i <= demands; i++)
        {
            var name = $"{prefix} demand {i:D2}";
            Row(WorkbookLayout.Demands, ("name", name), ("use", i % 2 == 0 ? "cooling" : "process"), ("flowM3PerDay", 50 + i), ("reclaimedAllowed", "Y"),
                ("blendingAllowed", "N"), ("maxPipeDistanceM", 3000), ("maxPriceNtdPerM3", 15), ("confidential.prices", "Y"), ("confidential.costs", "N"),
                ("confidential.exactVolumes", "Y"));
            Row(WorkbookLayout.DemandLimits, ("name", name), ("key", "ph"), ("min", 6), ("max", 8.5));
            Row(WorkbookLayout.DemandLimits, ("name", name), ("key", "conductivityUsCm"), ("max", 800 + i));
        }

        return sheets;
    }
}
