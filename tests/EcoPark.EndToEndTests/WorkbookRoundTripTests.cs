using System.Net.Http.Json;
using System.Text.Json;
using EcoPark.Application.Workbooks;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace EcoPark.EndToEndTests;

/// <summary>
/// The Excel round trip as the README promises it: export, import the file as it is, and it is accepted; a demand's operating
/// schedule (days per week, hours per day) survives the trip unchanged, and a schedule edited in the file is what is stored.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkbookRoundTripTests(AppUnderTest app)
{
    private const string Password = "EcoPark#Demo2026";

    [Fact]
    public async Task Engineer_DownloadsTheExport_UploadsItUnchanged_AndItIsAccepted()
    {
        var page = await app.SignInAsync("engineer@demo.ecopark.tw", Password);
        await page.GotoAsync("/streams");
        await AppUnderTest.WaitForInteractiveAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("workbook-export").ClickAsync());
        var file = await download.PathAsync();
        await UploadAsync(page, file);

        await AppUnderTest.ScreenshotAsync(page, "workbook-round-trip");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Engineer_ADemandsSchedule_SurvivesTheRoundTripUnchanged_AndAnEditedScheduleIsImported()
    {
        // Set-up: a demand of the engineer's factory that runs 5 days a week, 10 hours a day.
        using var api = await app.ApiAsync("engineer@demo.ecopark.tw", Password);
        var factoryId = (await api.GetFromJsonAsync<JsonElement>("/api/v1/factories")).EnumerateArray()
            .Single(f => f.GetProperty("nameZh").GetString() == "永彩染整股份有限公司").GetProperty("id").GetGuid();
        var name = $"排程往返測試冷卻水 {Guid.NewGuid().ToString("N")[..6]}";
        using (var created = await api.PostAsJsonAsync($"/api/v1/factories/{factoryId}/water-demands",
                   new { name, use = "cooling", flowM3PerDay = 80, reclaimedAllowed = true, daysPerWeek = 5, hoursPerDay = 10 }))
        {
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }

        var page = await app.SignInAsync("engineer@demo.ecopark.tw", Password);
        await page.GotoAsync("/streams");
        await AppUnderTest.WaitForInteractiveAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("workbook-export").ClickAsync());
        // Kept beside the edited copy: the browser's own download goes with its context.
        var exported = Path.Combine(Path.GetTempPath(), $"exported-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(exported);
        var demandSheet = WorkbookLayout.Demands;
        var exportedRow = MiniExcel.Query(exported, useHeaderRow: true, sheetName: demandSheet.Name, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()
            .Single(r => Equals(r[Header(demandSheet, "name")], name));
        Assert.Equal((5d, 10d), (Convert.ToDouble(exportedRow[Header(demandSheet, "daysPerWeek")]), Convert.ToDouble(exportedRow[Header(demandSheet, "hoursPerDay")])));

        await UploadAsync(page, exported);

        Assert.Equal((5, 10m), await ScheduleAsync(api, factoryId, name));
        await page.Context.CloseAsync();

        // The engineer edits the schedule in the exported file (6 days, 16 hours) and imports it.
        var edited = Path.Combine(Path.GetTempPath(), $"edited-{Guid.NewGuid():N}.xlsx");
        var sheets = new Dictionary<string, object>();
        foreach (var sheet in new[] { WorkbookLayout.Demands, WorkbookLayout.DemandLimits, WorkbookLayout.DemandQuality })
        {
            var rows = MiniExcel.Query(exported, useHeaderRow: true, sheetName: sheet.Name, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()
                .Select(r => new Dictionary<string, object?>(r)).ToList();
            foreach (var row in rows.Where(r => sheet == demandSheet && Equals(r[Header(sheet, "name")], name)))
            {
                (row[Header(sheet, "daysPerWeek")], row[Header(sheet, "hoursPerDay")]) = (6, 16);
            }

            if (rows.Count > 0)
            {
                sheets[sheet.Name] = rows;
            }
        }

        MiniExcel.SaveAs(edited, sheets);
        // A page of its own, so that the message read is this upload's.
        page = await app.SignInAsync("engineer@demo.ecopark.tw", Password);
        await page.GotoAsync("/streams");
        await AppUnderTest.WaitForInteractiveAsync(page);
        await UploadAsync(page, edited);

        Assert.Equal((6, 16m), await ScheduleAsync(api, factoryId, name));
        await page.Context.CloseAsync();
        File.Delete(exported);
        File.Delete(edited);
    }

    /// <summary>
    /// Uploads the workbook and waits for the import's message. A loaded clean-clone run once waited 20 s for a message
    /// that never came (perhaps a file set while the circuit was still replacing the page's first input), so the upload is
    /// repeated until the message shows; importing the same workbook again changes nothing.
    /// </summary>
    private static async Task UploadAsync(IPage page, string file)
    {
        var message = page.GetByTestId("streams-message");
        for (var attempt = 1; ; attempt++)
        {
            await page.Locator("input[type=file][accept='.xlsx']").SetInputFilesAsync(file);
            try
            {
                await Assertions.Expect(message).ToContainTextAsync("已匯入", new() { Timeout = 15_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }

        await Assertions.Expect(page.Locator(".mud-alert-text-error, .mud-alert-filled-error, .mud-alert-outlined-error")).ToHaveCountAsync(0);
    }

    /// <summary>The demand's stored schedule, as the API reads it back (one demand of that name: the import updated it, not added one).</summary>
    private static async Task<(int? DaysPerWeek, decimal? HoursPerDay)> ScheduleAsync(HttpClient api, Guid factoryId, string name)
    {
        var demand = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/factories/{factoryId}/water-demands")).EnumerateArray()
            .Select(d => d.GetProperty("stream")).Single(d => d.GetProperty("name").GetString() == name);
        return (demand.GetProperty("daysPerWeek").GetInt32(), demand.GetProperty("hoursPerDay").GetDecimal());
    }

    private static string Header(WorkbookSheet sheet, string field) => sheet.Column(field)!.Header;
}
