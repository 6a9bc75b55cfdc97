using EcoPark.Application.Workbooks;
using MiniExcelLibs;

namespace EcoPark.Testing;

/// <summary>Filing workbooks in the template's layout, for the import tests and the import benchmark.</summary>
public static class SyntheticWorkbook
{
    /// <summary>One month's balance, outlets with three quality values each, and demands with two limits each.</summary>
    public static Dictionary<string, List<Dictionary<string, object?>>> Sheets(string prefix, int outlets, int demands)
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

    public static byte[] Bytes(Dictionary<string, List<Dictionary<string, object?>>> sheets)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(sheets.ToDictionary(s => s.Key, s => (object)s.Value));
        return stream.ToArray();
    }

    private static string Header(WorkbookSheet sheet, string field) => sheet.Column(field)!.Header;
}
