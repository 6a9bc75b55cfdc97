using EcoPark.Application.Allocation;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace EcoPark.Web.Features.Allocation;

/// <summary>A run as a workbook: sheet "summary" (the run against the greedy plan), "links", "greedy" (its links) and "shadow prices".</summary>
public static class AllocationWorkbook
{
    public static byte[] Xlsx(AllocationRunDto run, IStringLocalizer<SharedResource> l)
    {
        Dictionary<string, object?>[] Links(IEnumerable<AllocationLinkDto> links) => [.. links.Select(k => new Dictionary<string, object?>
        {
            [l["Allocation.Resource"]] = l["Allocation.Resource." + k.Resource].Value,
            [l["Allocation.Supply"]] = $"{k.SupplyFactory} {k.SupplyName}".Trim(),
            [l["Allocation.Demand"]] = $"{k.DemandFactory} {k.DemandName}".Trim(),
            [l["Allocation.Quantity"]] = k.Quantity,
            [l["Allocation.Unit"]] = k.Unit,
            [l["Allocation.Treatment"]] = string.Join(" + ", k.Treatment),
            [l["Allocation.Benefit"]] = k.NetAnnualBenefitNtd,
            [l["Allocation.Investment"]] = k.InvestmentNtd,
        })];
        var sheets = new Dictionary<string, object>
        {
            ["summary"] = new[]
            {
                Row(l["Allocation.Status"], l["Allocation.Status." + run.Status].Value, null),
                Row(l["Allocation.Objective.NtdPerYear"], run.ObjectiveNtdPerYear, run.GreedyObjectiveNtdPerYear),
                Row(l["Allocation.Bound"], run.BestBoundNtdPerYear, null),
                Row(l["Allocation.Gap"], run.GapPercent, null),
                Row(l["Allocation.ReusedWater"], run.ReusedWaterM3PerDay, run.GreedyReusedWaterM3PerDay),
                Row(l["Allocation.Investment"], run.Links.Sum(k => k.InvestmentNtd), run.GreedyLinks.Sum(k => k.InvestmentNtd)),
                Row(l["Allocation.SolveSeconds"], run.SolveSeconds, null),
                Row(l["Allocation.Message"], run.Message, null),
            }.Select(r => new Dictionary<string, object?> { [l["Allocation.Measure"]] = r.Measure, [l["Allocation.Optimum"]] = r.Optimum, [l["Allocation.Greedy"]] = r.Greedy }).ToArray(),
            ["links"] = Links(run.Links),
            ["greedy"] = Links(run.GreedyLinks),
            ["shadow prices"] = run.ShadowPrices.Select(p => new Dictionary<string, object?>
            {
                [l["Allocation.Stream"]] = p.StreamName ?? p.StreamId.ToString(),
                [l["Allocation.Side"]] = l["Allocation.Side." + p.Side].Value,
                [l["Allocation.Unit"]] = p.Unit,
                [l["Allocation.ShadowPrice"]] = p.NtdPerYearPerUnit,
            }).ToArray(),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    private static (string Measure, object? Optimum, object? Greedy) Row(string measure, object? optimum, object? greedy) => (measure, optimum, greedy);
}
