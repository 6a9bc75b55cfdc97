using EcoPark.Application.Allocation;
using Microsoft.Extensions.Localization;

namespace EcoPark.Web.Features.Allocation;

/// <summary>Two runs side by side (for example with and without a budget): one row per figure, the older run first.</summary>
public static class AllocationComparison
{
    public static IEnumerable<(string Label, string A, string B)> Rows(AllocationRunDto a, AllocationRunDto b, IStringLocalizer<SharedResource> l)
    {
        yield return (l["Allocation.Status"], l["Allocation.Status." + a.Status], l["Allocation.Status." + b.Status]);
        yield return (l["Allocation.Objective"], l["Allocation.Objective." + a.Options.Objective], l["Allocation.Objective." + b.Options.Objective]);
        yield return (l["Allocation.Budget"], Money(a.Options.BudgetNtd), Money(b.Options.BudgetNtd));
        yield return (l["Allocation.MaxPayback"], a.Options.MaxPaybackMonths?.ToString("0.#") ?? "—", b.Options.MaxPaybackMonths?.ToString("0.#") ?? "—");
        yield return (l["Allocation.Objective.NtdPerYear"], Money(a.ObjectiveNtdPerYear), Money(b.ObjectiveNtdPerYear));
        yield return (l["Allocation.ReusedWater"], a.ReusedWaterM3PerDay?.ToString("N1") ?? "—", b.ReusedWaterM3PerDay?.ToString("N1") ?? "—");
        yield return (l["Allocation.Investment"], Money(a.Links.Sum(k => k.InvestmentNtd)), Money(b.Links.Sum(k => k.InvestmentNtd)));
        yield return (l["Allocation.Links"], a.Links.Count.ToString(), b.Links.Count.ToString());
        var onlyA = a.Links.Count(k => !b.Links.Any(m => m.SupplyStreamId == k.SupplyStreamId && m.DemandStreamId == k.DemandStreamId));
        var onlyB = b.Links.Count(k => !a.Links.Any(m => m.SupplyStreamId == k.SupplyStreamId && m.DemandStreamId == k.DemandStreamId));
        yield return (l["Allocation.LinksOnlyHere"], onlyA.ToString(), onlyB.ToString());
    }

    /// <summary>NTD as the page shows it: whole numbers with separators, a dash for none.</summary>
    public static string Money(decimal? value) => value is { } v ? v.ToString("N0") : "—";
}
