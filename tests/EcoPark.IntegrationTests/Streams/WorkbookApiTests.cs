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

    private static bool Same(object? expected, object? actual) =>
        expected is null || (expected is string s && s.Length == 0)
            ? actual is null || (actual is string a && a.Length == 0) || Convert.ToString(actual, System.Globalization.CultureInfo.InvariantCulture) == "0"
            : Convert.ToString(expected, System.Globalization.CultureInfo.InvariantCulture) == Convert.ToString(actual, System.Globalization.CultureInfo.InvariantCulture)
              || (double.TryParse(Convert.ToString(expected, System.Globalization.CultureInfo.InvariantCulture), out var x)
                  && double.TryParse(Convert.ToString(actual, System.Globalization.CultureInfo.InvariantCulture), out var y) && Math.Abs(x - y) < 1e-9);

    private static string Header(WorkbookSheet sheet, string field) => sheet.Column(field)!.Header;

    private static async Task<HttpResponseMessage> Upload(HttpClient client, Guid factoryId, Dictionary<string, List<Dictionary<string, object?>>> sheets)
    {
        var file = new ByteArrayContent(SyntheticWorkbook.Bytes(sheets));
        file.Headers.ContentType = new MediaTypeHeaderValue(WorkbookEndpointsContentType);
        using var form = new MultipartFormDataContent { { file, "file", "filing.xlsx" } };
        return await client.PostAsync($"/api/v1/factories/{factoryId}/workbook", form);
    }

    private const string WorkbookEndpointsContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
