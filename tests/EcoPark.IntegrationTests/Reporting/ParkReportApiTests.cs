using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoPark.Infrastructure.Seeding;
using EcoPark.IntegrationTests.Infrastructure;
using MiniExcelLibs;
using Npgsql;
using Xunit.Abstractions;

namespace EcoPark.IntegrationTests.Reporting;

/// <summary>The monthly and annual park reports on the demo park: the PDF's Chinese text, the workbook's sheets, the stored copy.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class ParkReportApiTests(DemoAppFixture app, ITestOutputHelper output)
{
    private static readonly string LastYear = (DateTime.UtcNow.Year - 1).ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task AnnualPdf_ForTheDemoPark_HasItsChineseNameAndMethodsPage_InExtractableText()
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "zh-TW");
        var park = (await app.FactoryNamedAsync("青溪工業區污水處理廠")).ParkId;

        using var response = await staff.GetAsync($"/api/v1/parks/{park}/reports/annual?period={LastYear}&format=pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var text = PdfText.Extract(pdf);
        output.WriteLine($"{pdf.Length} bytes; text starts: {text[..Math.Min(400, text.Length)]}");
        Assert.Contains("青溪工業區", text, StringComparison.Ordinal);
        Assert.Contains("Qingxi Industrial Park", text, StringComparison.Ordinal);
        Assert.Contains("方法說明", text, StringComparison.Ordinal);
        Assert.Contains("反事實基準", text, StringComparison.Ordinal);
        Assert.Contains("再利用水量（實測）", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnnualXlsx_OpensWithItsSheets_AndHasTheKpiRows()
    {
        using var auditor = await app.SignedInAsync(DemoAccounts.Auditor.Email, "en");
        var park = (await app.FactoryNamedAsync("青溪工業區污水處理廠")).ParkId;

        using var response = await auditor.GetAsync($"/api/v1/parks/{park}/reports/annual?period={LastYear}&format=xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["kpis", "linkages", "filing", "methods"], MiniExcel.GetSheetNames(stream));
        var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "kpis").Cast<IDictionary<string, object?>>().ToList();
        var measured = rows.Single(r => (string?)r["key"] == "measured.waterM3");
        Assert.True(Convert.ToDecimal(measured["數值"], CultureInfo.InvariantCulture) > 0);
        Assert.Contains(rows, r => (string?)r["key"] == "emissions.co2eAvoidedTonnes");
        var methods = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "methods").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(methods, r => (string?)r["item"] == "自來水" && r["version"] is not null);
    }

    [Fact]
    public async Task MonthlyXlsx_HasTheKpiApisFiguresForTheSameMonth()
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "zh-TW");
        var park = (await app.FactoryNamedAsync("青溪工業區污水處理廠")).ParkId;
        var month = $"{LastYear}-09";

        var kpis = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/parks/{park}/kpis?period={month}");
        using var response = await staff.GetAsync($"/api/v1/parks/{park}/reports/monthly?period={month}&format=xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var sheet = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "kpis").Cast<IDictionary<string, object?>>()
            .ToDictionary(r => (string)r["key"]!, r => (Value: Convert.ToDecimal(r["數值"], CultureInfo.InvariantCulture), Unit: (string?)r["單位"], Basis: (string?)r["依據"]));
        var api = kpis.GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!);
        output.WriteLine(string.Join("; ", sheet.Select(r => $"{r.Key} = {r.Value.Value}")));

        // Every figure of the month, and nothing else, with the API's value, unit and basis; the month has measured reused water.
        Assert.Equal(api.Keys.Order(StringComparer.Ordinal), sheet.Keys.Order(StringComparer.Ordinal));
        Assert.All(api, f =>
        {
            Assert.Equal(f.Value.GetProperty("value").GetDecimal(), sheet[f.Key].Value);
            Assert.Equal(f.Value.GetProperty("unit").GetString(), sheet[f.Key].Unit);
            Assert.Equal(f.Value.GetProperty("basis").GetString(), sheet[f.Key].Basis);
        });
        Assert.True(sheet["measured.waterM3"].Value > 0);
    }

    [Fact]
    public async Task SecondRequest_OnTheSameData_ReturnsTheStoredReport_KeptOnceWithItsDataVersion()
    {
        using var admin = await app.SignedInAsync(DemoAccounts.Administrator.Email, "en");
        var park = (await app.FactoryNamedAsync("青溪工業區污水處理廠")).ParkId;
        var month = $"{LastYear}-10";

        var first = await admin.GetByteArrayAsync($"/api/v1/parks/{park}/reports/monthly?period={month}&format=pdf");
        var second = await admin.GetByteArrayAsync($"/api/v1/parks/{park}/reports/monthly?period={month}&format=pdf");

        Assert.Equal(first, second);
        await using var connection = new NpgsqlConnection(app.Server.ConnectionString(app.Database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*), min(length(data_version)), min(size_bytes) FROM park_reports WHERE park_id = @park AND kind = 'Monthly' AND period = @period AND format = 'Pdf'",
            connection);
        command.Parameters.AddWithValue("park", park);
        command.Parameters.AddWithValue("period", month);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(1L, reader.GetInt64(0));
        Assert.Equal(64, reader.GetInt32(1));
        Assert.Equal(first.LongLength, reader.GetInt64(2));
    }

    [Theory]
    [InlineData("weekly", "2025", "pdf", "kind")]
    [InlineData("annual", "2025", "docx", "format")]
    [InlineData("annual", "2025-13", "pdf", "period")]
    [InlineData("annual", "2025-03", "pdf", "period")]
    [InlineData("monthly", "2025", "xlsx", "period")]
    public async Task Reports_WithABadKindPeriodOrFormat_Are400NamingTheField(string kind, string period, string format, string field)
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "zh-TW");
        var park = (await app.FactoryNamedAsync("青溪工業區污水處理廠")).ParkId;

        using var response = await staff.GetAsync($"/api/v1/parks/{park}/reports/{kind}?period={period}&format={format}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await ProblemDetailsAssert.ErrorsAsync(response))[field].Single();
        Assert.Matches("[\u4e00-\u9fff]", message);
    }
}
