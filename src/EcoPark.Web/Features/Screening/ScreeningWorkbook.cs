using EcoPark.Application.Screening;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace EcoPark.Web.Features.Screening;

/// <summary>The ranked screen as a workbook: sheet "ranking" (one row per park), sheet "factors" (one row per park and factor).</summary>
public static class ScreeningWorkbook
{
    public static byte[] Xlsx(IReadOnlyList<ParkScreeningDto> parks, IStringLocalizer<SharedResource> l)
    {
        var sheets = new Dictionary<string, object>
        {
            ["ranking"] = parks.Select(p => new Dictionary<string, object?>
            {
                [l["Screening.Rank"]] = p.Rank,
                [l["Park.Name"]] = p.NameZh,
                ["name (en)"] = p.NameEn,
                [l["Screening.Total"]] = p.TotalPoints,
                [l["Screening.Unknown"]] = p.UnknownPoints,
                [l["Screening.Max"]] = p.MaxPoints,
                [l["Screening.Verdict"]] = l["Screening.Verdict." + p.SecondScreen.Verdict].Value,
                [l["Screening.Reasons"]] = string.Join("; ", p.SecondScreen.Reasons.Select(r => l["Screening.Reason." + r].Value)),
                [l["Screening.InputSource"]] = p.InputSource,
                [l["Screening.InputAsOf"]] = p.InputAsOf?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["rule set"] = $"{p.RuleSet} v{p.RuleVersion}",
            }).ToArray(),
            ["factors"] = parks.SelectMany(p => p.Factors.Select(f => new Dictionary<string, object?>
            {
                [l["Park.Name"]] = p.NameZh,
                [l["Screening.Factor"]] = $"{f.Number}. {l["Screening.Factor." + f.Key]}",
                [l["Screening.Value"]] = f.Value?.ToString(),
                [l["Screening.Unit"]] = f.Unit,
                [l["Screening.Band"]] = f.Band,
                [l["Screening.Score"]] = f.Score,
                [l["Screening.Weight"]] = f.Weight,
                [l["Screening.Points"]] = f.Points,
                [l["Screening.Source"]] = l["Screening.Source." + f.Source].Value,
            })).ToArray(),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }
}
