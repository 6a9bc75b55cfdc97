using System.Globalization;
using MiniExcelLibs;

namespace EcoPark.Application.Reporting;

/// <summary>A park report as a workbook: sheets "kpis", "linkages", "filing" and "methods".</summary>
public static class ParkReportWorkbook
{
    public static byte[] Xlsx(ParkReportContent c)
    {
        var t = c.Text;
        var sheets = new Dictionary<string, object>
        {
            ["kpis"] = c.Figures.Select(f => new Dictionary<string, object?>
            {
                ["key"] = f.Key,
                [t.Zh("Report.Figure")] = t.Zh("Kpi." + f.Key),
                ["figure"] = t.En("Kpi." + f.Key),
                [t.Zh("Report.Value")] = f.Value,
                [t.Zh("Report.Unit")] = f.Unit,
                [t.Zh("Report.Basis")] = f.Basis,
                [t.Zh("Report.Contributors")] = f.Contributors,
            }).ToArray(),
            ["linkages"] = c.Linkages.Select(x => new Dictionary<string, object?>
            {
                [t.Zh("Dashboard.Resource")] = t.Zh("Resource." + x.Resource),
                [t.Zh("Dashboard.State")] = t.Zh("State." + x.State),
                [t.Zh("Report.Supplier")] = x.SupplierZh,
                [t.Zh("Report.Buyer")] = x.BuyerZh,
                [t.Zh("Report.Since")] = x.Since?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }).DefaultIfEmpty(new Dictionary<string, object?> { [t.Zh("Dashboard.Resource")] = "–" }).ToArray(),
            ["filing"] = c.Filed.Select(n => new Dictionary<string, object?>
            {
                [t.Zh("Report.LastClosedMonth")] = c.LastClosedMonth,
                [t.Zh("Report.Factory")] = n,
                [t.Zh("Report.FilingStatus")] = t.Zh("Report.Filed"),
            })
                .Concat(c.Overdue.Select(n => new Dictionary<string, object?>
                {
                    [t.Zh("Report.LastClosedMonth")] = c.LastClosedMonth,
                    [t.Zh("Report.Factory")] = n,
                    [t.Zh("Report.FilingStatus")] = t.Zh("Report.OverdueMark"),
                }))
                .DefaultIfEmpty(new Dictionary<string, object?> { [t.Zh("Report.LastClosedMonth")] = c.LastClosedMonth }).ToArray(),
            ["methods"] = Methods(c).ToArray(),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    private static IEnumerable<Dictionary<string, object?>> Methods(ParkReportContent c)
    {
        var t = c.Text;
        Dictionary<string, object?> Row(string item, string? version, object? value, string? unit) => new()
        {
            ["item"] = item,
            ["version"] = version,
            ["value"] = value,
            ["unit"] = unit,
        };
        yield return Row(t.Zh("Report.Period"), null, c.Period, null);
        yield return Row(t.Zh("Report.DataVersion"), c.DataVersion, null, null);
        yield return Row(t.Zh("Report.Counterfactual"), null, t.Zh("Report.CounterfactualText"), null);
        yield return Row(t.Zh("Report.MeasuredApart"), null, t.Zh("Report.MeasuredApartText"), null);
        foreach (var v in c.RuleSetVersions)
        {
            yield return Row(t.Zh("Report.RuleSet"), v, null, null);
        }

        foreach (var f in c.EmissionFactors)
        {
            yield return Row(t.Zh("Report.Factor." + f.Key), f.Version, f.Value, f.Unit);
        }
    }
}
