using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EcoPark.Application.Workbooks;
using EcoPark.Infrastructure.Seeding;
using EcoPark.IntegrationTests.Infrastructure;
using EcoPark.Testing;
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
        var sheets = SyntheticWorkbook.Sheets(prefix: "Bad", outlets: 40, demands: 13);
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
        var sheets = SyntheticWorkbook.Sheets(prefix: "Clean", outlets: 5, demands: 4);

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

    [Fact]
    public async Task Template_CarriesNoDataRows_SoAFilledStreamSheetImportsOnItsOwn()
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        var factory = await app.FactoryNamedAsync("聯盛特用化學股份有限公司");
        var template = await staff.GetByteArrayAsync($"/api/v1/factories/{factory.Id}/workbook/template");

        using var stream = new MemoryStream(template);
        Assert.All(WorkbookLayout.All, sheet => Assert.Empty(MiniExcel.Query(stream, useHeaderRow: true, sheetName: sheet.Name)));
        var sheets = WorkbookLayout.All.ToDictionary(s => s.Name, _ => new List<Dictionary<string, object?>>());
        sheets[WorkbookLayout.Effluents.Name].Add(Filled(WorkbookLayout.Effluents, ("name", "Template outlet"), ("minM3PerDay", 100), ("avgM3PerDay", 200),
            ("maxM3PerDay", 300), ("daysPerWeek", 6), ("hoursPerDay", 20), ("route", "parkWwtp"), ("dischargeFeeNtdPerM3", 22.5), ("confidential.prices", "Y"),
            ("confidential.costs", "Y"), ("confidential.exactVolumes", "Y")));
        sheets[WorkbookLayout.EffluentQuality.Name].Add(Filled(WorkbookLayout.EffluentQuality, ("name", "Template outlet"), ("key", "ph"), ("value", 7.2), ("basis", "online")));
        using var imported = await Upload(staff, factory.Id, sheets);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
    }

    [Fact]
    public async Task Export_ImportedUnchanged_SkipsSubmittedPeriods_AndAChangedOneIsAnAmendmentOnlyWithAReason()
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        var factory = await app.FactoryNamedAsync("恆信化工股份有限公司");
        using var filed = await staff.PostAsJsonAsync($"/api/v1/factories/{factory.Id}/water-balances", new
        {
            period = "2024-07",
            submit = true,
            intake = new { tapM3 = 30_000 },
            rainwaterM3 = 300,
            condensateM3 = 200,
            uses = new { coolingM3 = 12_000, processM3 = 17_000, boilerM3 = 1_000, domesticM3 = 500 },
            circulationM3 = 60_000,
            coolingTowerCirculationM3 = 50_000,
            reuseM3 = 9_500,
            outflows = new { sewerM3 = 25_000, evaporationLossM3 = 5_000, inProductM3 = 500 },
        });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);

        var export = await staff.GetByteArrayAsync($"/api/v1/factories/{factory.Id}/workbook");
        using var again = await UploadBytes(staff, factory.Id, export);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var result = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("2024-07", result.GetProperty("skipped").EnumerateArray().Select(p => p.GetString()));
        Assert.Empty(result.GetProperty("amended").EnumerateArray());

        var sheets = WorkbookLayout.All.ToDictionary(s => s.Name, _ => new List<Dictionary<string, object?>>());
        var row = Filled(WorkbookLayout.Balance, ("period", "2024-07"), ("intake.tapM3", 30_000), ("rainwaterM3", 300), ("condensateM3", 200),
            ("uses.coolingM3", 12_000), ("uses.processM3", 17_000), ("uses.boilerM3", 1_000), ("uses.domesticM3", 500), ("circulationM3", 61_000),
            ("coolingTowerCirculationM3", 50_000), ("reuseM3", 9_500), ("outflows.sewerM3", 25_000), ("outflows.evaporationLossM3", 5_000),
            ("outflows.inProductM3", 500));
        sheets[WorkbookLayout.Balance.Name].Add(row);
        using var noReason = await Upload(staff, factory.Id, sheets);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var problem = (await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems")[0];
        Assert.Equal(Header(WorkbookLayout.Balance, WorkbookLayout.AmendmentReasonField), problem.GetProperty("column").GetString());

        row[Header(WorkbookLayout.Balance, WorkbookLayout.AmendmentReasonField)] = "Circulation meter recalibrated";
        using var withReason = await Upload(staff, factory.Id, sheets);
        Assert.Equal(HttpStatusCode.OK, withReason.StatusCode);
        Assert.Equal(["2024-07"], (await withReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("amended").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains("61000", await staff.GetStringAsync($"/api/v1/factories/{factory.Id}/water-balances"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemandQualitySheet_CarriesADemandsCurrentWaterQuality_BothWays()
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        var factory = await app.FactoryNamedAsync("聯盛特用化學股份有限公司");
        var sheets = WorkbookLayout.All.ToDictionary(s => s.Name, _ => new List<Dictionary<string, object?>>());
        sheets[WorkbookLayout.Demands.Name].Add(Filled(WorkbookLayout.Demands, ("name", "Blend demand"), ("use", "cooling"), ("flowM3PerDay", 80),
            ("reclaimedAllowed", "Y"), ("blendingAllowed", "Y"), ("maxPipeDistanceM", 3000), ("maxPriceNtdPerM3", 15), ("confidential.prices", "Y"), ("confidential.costs", "Y"), ("confidential.exactVolumes", "Y")));
        sheets[WorkbookLayout.DemandQuality.Name].Add(Filled(WorkbookLayout.DemandQuality, ("name", "Blend demand"), ("key", "conductivityUsCm"), ("value", 450),
            ("basis", "lab"), ("sampleDate", "2026-09-01")));

        using var imported = await Upload(staff, factory.Id, sheets);

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        using var export = new MemoryStream(await staff.GetByteArrayAsync($"/api/v1/factories/{factory.Id}/workbook"));
        var quality = MiniExcel.Query(export, useHeaderRow: true, sheetName: WorkbookLayout.DemandQuality.Name).Cast<IDictionary<string, object?>>()
            .Single(r => (string?)r[Header(WorkbookLayout.DemandQuality, "name")] == "Blend demand");
        Assert.Equal(450d, Convert.ToDouble(quality[Header(WorkbookLayout.DemandQuality, "value")], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task DemandSchedule_GivenOrBlank_RoundTrips_AndAnOutOfRangeDayCountIsRefusedOnItsColumn()
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        var factory = await app.FactoryNamedAsync("聯盛特用化學股份有限公司");
        var sheets = WorkbookLayout.All.ToDictionary(s => s.Name, _ => new List<Dictionary<string, object?>>());
        Dictionary<string, object?> Demand(string name, object? days, object? hours) => Filled(WorkbookLayout.Demands, ("name", name), ("use", "cooling"),
            ("flowM3PerDay", 60), ("reclaimedAllowed", "Y"), ("blendingAllowed", "N"), ("daysPerWeek", days), ("hoursPerDay", hours),
            ("confidential.prices", "Y"), ("confidential.costs", "Y"), ("confidential.exactVolumes", "Y"));
        sheets[WorkbookLayout.Demands.Name].Add(Demand("Weekday demand", 5, 10));
        sheets[WorkbookLayout.Demands.Name].Add(Demand("Unscheduled demand", null, null));

        using (var imported = await Upload(staff, factory.Id, sheets))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }

        using var export = new MemoryStream(await staff.GetByteArrayAsync($"/api/v1/factories/{factory.Id}/workbook"));
        var rows = MiniExcel.Query(export, useHeaderRow: true, sheetName: WorkbookLayout.Demands.Name).Cast<IDictionary<string, object?>>()
            .ToDictionary(r => (string)r[Header(WorkbookLayout.Demands, "name")]!);
        var days = Header(WorkbookLayout.Demands, "daysPerWeek");
        var hours = Header(WorkbookLayout.Demands, "hoursPerDay");
        Assert.Equal(5d, Convert.ToDouble(rows["Weekday demand"][days], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(10d, Convert.ToDouble(rows["Weekday demand"][hours], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(rows["Unscheduled demand"][days] is null or "");
        Assert.True(rows["Unscheduled demand"][hours] is null or "");

        // The form's rule: 1–7 days a week, 0.5–24 hours a day, reported on the cell's own column.
        var bad = WorkbookLayout.All.ToDictionary(s => s.Name, _ => new List<Dictionary<string, object?>>());
        bad[WorkbookLayout.Demands.Name].Add(Demand("Eight-day demand", 8, 30));
        using var refused = await Upload(staff, factory.Id, bad);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problems = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray()
            .ToDictionary(p => p.GetProperty("column").GetString()!, p => p.GetProperty("message").GetString());
        Assert.Equal("Must be between 1 and 7.", problems[days]);
        Assert.Equal("Must be between 0.5 and 24.", problems[hours]);
    }

    private static Dictionary<string, object?> Filled(WorkbookSheet sheet, params (string Field, object? Value)[] values)
    {
        var row = sheet.Columns.ToDictionary(c => c.Header, _ => (object?)null);
        foreach (var (field, value) in values)
        {
            row[Header(sheet, field)] = value;
        }

        return row;
    }

    private static async Task<HttpResponseMessage> UploadBytes(HttpClient client, Guid factoryId, byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(WorkbookEndpointsContentType);
        using var form = new MultipartFormDataContent { { file, "file", "filing.xlsx" } };
        return await client.PostAsync($"/api/v1/factories/{factoryId}/workbook", form);
    }

    private static bool Same(object? expected, object? actual) =>
        expected is null || (expected is string s && s.Length == 0)
            ? actual is null || (actual is string a && a.Length == 0) || Convert.ToString(actual, System.Globalization.CultureInfo.InvariantCulture) == "0"
            : Convert.ToString(expected, System.Globalization.CultureInfo.InvariantCulture) == Convert.ToString(actual, System.Globalization.CultureInfo.InvariantCulture)
              || (double.TryParse(Convert.ToString(expected, System.Globalization.CultureInfo.InvariantCulture), out var x)
                  && double.TryParse(Convert.ToString(actual, System.Globalization.CultureInfo.InvariantCulture), out var y) && Math.Abs(x - y) < 1e-9);

    private static string Header(WorkbookSheet sheet, string field) => sheet.Column(field)!.Header;

    private static Task<HttpResponseMessage> Upload(HttpClient client, Guid factoryId, Dictionary<string, List<Dictionary<string, object?>>> sheets) =>
        UploadBytes(client, factoryId, SyntheticWorkbook.Bytes(sheets));

    private const string WorkbookEndpointsContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
