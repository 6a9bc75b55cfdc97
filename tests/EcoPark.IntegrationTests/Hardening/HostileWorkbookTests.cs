using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using EcoPark.Application.Workbooks;
using EcoPark.Infrastructure.Seeding;
using EcoPark.IntegrationTests.Infrastructure;
using EcoPark.Testing;

namespace EcoPark.IntegrationTests.Hardening;

/// <summary>Workbooks that used to throw inside the reader: each must come back as problems in the usual list.</summary>
[Collection(DemoAppCollection.Name)]
public sealed partial class HostileWorkbookTests(DemoAppFixture app)
{
    /// <summary>A number no synthetic row uses, replaced in the sheet's XML by the hostile cell value.</summary>
    private const string Marker = "424242.5";

    [Theory]
    [InlineData("avgM3PerDay", "1E+308")]
    [InlineData("avgM3PerDay", "NaN")]
    [InlineData("avgM3PerDay", "1E+29")]
    [InlineData("daysPerWeek", "99999999999")]
    public async Task NumericCellBeyondItsType_IsARowProblem(string field, string cell)
    {
        var sheets = SyntheticWorkbook.Sheets(prefix: "Cell" + field + cell, outlets: 1, demands: 0);
        sheets[WorkbookLayout.Effluents.Name][0][WorkbookLayout.Effluents.Column(field)!.Header] = double.Parse(Marker, System.Globalization.CultureInfo.InvariantCulture);
        var bytes = Rewrite(SyntheticWorkbook.Bytes(sheets), xml => xml.Replace(">" + Marker + "<", ">" + cell + "<", StringComparison.Ordinal));

        var problems = await RefusedAsync(bytes);

        Assert.Contains((WorkbookLayout.Effluents.Name, 2, WorkbookLayout.Effluents.Column(field)!.Header), problems.Select(p => (p.Sheet, p.Row, p.Column)));
    }

    [Theory]
    [InlineData("dtd")]
    [InlineData("invalid-xml")]
    [InlineData("missing-sheet-part")]
    public async Task BrokenPackage_IsAFileProblem(string damage)
    {
        var bytes = SyntheticWorkbook.Bytes(SyntheticWorkbook.Sheets(prefix: "Broken " + damage, outlets: 2, demands: 1));
        bytes = damage switch
        {
            "dtd" => Rewrite(bytes, xml => xml.Replace("?>", "?><!DOCTYPE lol [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>", StringComparison.Ordinal)),
            "invalid-xml" => Rewrite(bytes, xml => xml[..(xml.Length / 2)] + "<broken attr=>"),
            _ => Remove(bytes),
        };

        var problems = await RefusedAsync(bytes);

        Assert.NotEmpty(problems);
    }

    [Fact]
    public async Task SheetDeclaringAMillionEmptyRows_IsRefusedEarlyByTheRowLimit()
    {
        var bytes = SyntheticWorkbook.Bytes(SyntheticWorkbook.Sheets(prefix: "Rows", outlets: 1, demands: 0));
        bytes = Rewrite(bytes, xml =>
        {
            var end = SheetDataEnd().Match(xml);
            var prefix = end.Groups[1].Value;
            var rows = new StringBuilder();
            for (var r = 3; r < 1_000_003; r++)
            {
                rows.Append('<').Append(prefix).Append("row r=\"").Append(r).Append("\"/>");
            }

            return xml.Insert(end.Index, rows.ToString());
        });
        var clock = Stopwatch.StartNew();

        var problems = await RefusedAsync(bytes);

        Assert.Contains(problems, p => p.Row == FilingWorkbooks.MaxRowsPerSheet + 2);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
    }

    private async Task<List<(string Sheet, int Row, string Column)>> RefusedAsync(byte[] bytes)
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        var factory = await app.FactoryNamedAsync("新綠塑膠股份有限公司");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var form = new MultipartFormDataContent { { file, "file", "hostile.xlsx" } };

        using var response = await staff.PostAsync($"/api/v1/factories/{factory.Id}/workbook", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray()
            .Select(p => (p.GetProperty("sheet").GetString()!, p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString()!))];
    }

    /// <summary>Rewrites the worksheet part that holds the effluent outlets (the second sheet).</summary>
    internal static byte[] Rewrite(byte[] workbook, Func<string, string> change)
    {
        using var buffer = new MemoryStream();
        buffer.Write(workbook);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry(EffluentSheetPart)!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(EffluentSheetPart).Open(), new UTF8Encoding(false));
            writer.Write(change(xml));
        }

        return buffer.ToArray();
    }

    private static byte[] Remove(byte[] workbook)
    {
        using var buffer = new MemoryStream();
        buffer.Write(workbook);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(EffluentSheetPart)!.Delete();
        }

        return buffer.ToArray();
    }

    private const string EffluentSheetPart = "xl/worksheets/sheet2.xml";

    [GeneratedRegex("</([A-Za-z]+:)?sheetData>")]
    private static partial Regex SheetDataEnd();
}
