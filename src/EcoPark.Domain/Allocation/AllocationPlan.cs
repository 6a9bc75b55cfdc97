namespace EcoPark.Domain.Allocation;

/// <summary>One path of a link with what it carries.</summary>
public sealed record AllocationLinkPath(string Option, IReadOnlyList<string> Treatment, decimal Quantity);

/// <summary>
/// A connection of the plan: the pair, what flows on its paths, its net annual benefit (savings less the annualised
/// investment) and its investment.
/// </summary>
public sealed record AllocationLink(Guid SupplyId, Guid DemandId, AllocationResource Resource, decimal Quantity, IReadOnlyList<AllocationLinkPath> Paths,
    decimal NetAnnualBenefitNtd, decimal InvestmentNtd);

/// <summary>
/// A plan: a quantity per path of the model and which pairs are built (a pair carrying anything is built). Judged by the
/// model it belongs to, in decimal.
/// </summary>
public sealed class AllocationPlan
{
    public AllocationPlan(IReadOnlyList<decimal> quantities, IReadOnlyList<bool> built)
    {
        Quantities = quantities;
        Built = built;
    }

    public IReadOnlyList<decimal> Quantities { get; }

    public IReadOnlyList<bool> Built { get; }

    public static AllocationPlan Empty(AllocationModel model) => new(new decimal[model.Paths.Count], new bool[model.Pairs.Count]);

    /// <summary>Net annual benefit of the plan, NTD a year.</summary>
    public decimal NetBenefitNtd(AllocationModel model)
    {
        decimal total = 0;
        for (var p = 0; p < Quantities.Count; p++)
        {
            total += model.Margin(p) * Quantities[p];
        }

        for (var k = 0; k < Built.Count; k++)
        {
            total -= Built[k] ? model.AnnualFixedCost(k) : 0;
        }

        return total;
    }

    /// <summary>Water delivered for reuse, m³/day.</summary>
    public decimal ReusedWaterM3PerDay(AllocationModel model) =>
        Enumerable.Range(0, Quantities.Count).Where(model.IsWater).Sum(p => Quantities[p]);

    public decimal InvestmentNtd(AllocationModel model) =>
        Enumerable.Range(0, Quantities.Count).Sum(p => model.Paths[p].InvestmentNtdPerUnit * Quantities[p])
        + Enumerable.Range(0, Built.Count).Where(k => Built[k]).Sum(k => model.Pairs[k].InvestmentNtd);

    /// <summary>The objective's value: net benefit, or reused water.</summary>
    public decimal Objective(AllocationModel model, AllocationObjective objective) =>
        objective == AllocationObjective.NetBenefit ? NetBenefitNtd(model) : ReusedWaterM3PerDay(model);

    /// <summary>
    /// Whether this plan is better than another under the objective: net benefit first (reused water on a tie), or reused
    /// water first (net benefit on a tie). Differences within the tolerance count as ties.
    /// </summary>
    public bool IsBetterThan(AllocationPlan other, AllocationModel model, AllocationObjective objective, decimal tolerance = 0.000_001m)
    {
        var (a1, a2) = Score(model, objective);
        var (b1, b2) = other.Score(model, objective);
        var t1 = tolerance * Math.Max(1, Math.Abs(b1));
        return a1 > b1 + t1 || (a1 >= b1 - t1 && a2 > b2 + (tolerance * Math.Max(1, Math.Abs(b2))));
    }

    private (decimal, decimal) Score(AllocationModel model, AllocationObjective objective) =>
        objective == AllocationObjective.NetBenefit ? (NetBenefitNtd(model), ReusedWaterM3PerDay(model)) : (ReusedWaterM3PerDay(model), NetBenefitNtd(model));

    /// <summary>
    /// The rows (and bounds) the plan breaks beyond the tolerance, by name; empty when it is feasible. The tolerance is
    /// relative to each row's size, as a solver's is.
    /// </summary>
    public IReadOnlyList<string> Violations(AllocationModel model, AllocationOptions options, decimal tolerance = 0.000_001m)
    {
        var broken = new List<string>();
        var bounds = model.PairBounds(options);
        for (var p = 0; p < Quantities.Count; p++)
        {
            var q = Quantities[p];
            var max = model.Paths[p].MaxQuantity;
            if (q < -tolerance || q > max + (tolerance * Math.Max(1, max)))
            {
                broken.Add($"bounds:{model.Paths[p].SupplyId}:{model.Paths[p].DemandId}:{model.Paths[p].Option}");
            }
        }

        for (var k = 0; k < Built.Count; k++)
        {
            var y = Built[k] ? 1 : 0;
            if (y < bounds[k].Lower || y > bounds[k].Upper)
            {
                broken.Add($"build:{model.Pairs[k].SupplyId}:{model.Pairs[k].DemandId}");
            }
        }

        foreach (var row in model.Rows(options))
        {
            decimal activity = 0, size = 0;
            foreach (var t in row.PathTerms)
            {
                activity += t.Coefficient * Quantities[t.Index];
                size += Math.Abs(t.Coefficient * Quantities[t.Index]);
            }

            foreach (var t in row.PairTerms)
            {
                var y = Built[t.Index] ? 1 : 0;
                activity += t.Coefficient * y;
                size += Math.Abs(t.Coefficient * y);
            }

            var slack = tolerance * Math.Max(1, Math.Max(size, Math.Abs(row.Upper ?? row.Lower ?? 0)));
            if ((row.Upper is { } hi && activity > hi + slack) || (row.Lower is { } lo && activity < lo - slack))
            {
                broken.Add(row.Name);
            }
        }

        return broken;
    }

    /// <summary>The built connections with what they carry, in the model's order.</summary>
    public IReadOnlyList<AllocationLink> Links(AllocationModel model)
    {
        var links = new List<AllocationLink>();
        for (var k = 0; k < Built.Count; k++)
        {
            if (!Built[k])
            {
                continue;
            }

            var pair = model.Pairs[k];
            var paths = model.PathsOf(k).Where(p => Quantities[p] > 0)
                .Select(p => new AllocationLinkPath(model.Paths[p].Option, model.Paths[p].Treatment, Quantities[p])).ToList();
            var benefit = model.PathsOf(k).Sum(p => model.Margin(p) * Quantities[p]) - model.AnnualFixedCost(k);
            var investment = pair.InvestmentNtd + model.PathsOf(k).Sum(p => model.Paths[p].InvestmentNtdPerUnit * Quantities[p]);
            links.Add(new(pair.SupplyId, pair.DemandId, pair.Resource, paths.Sum(p => p.Quantity), paths, benefit, investment));
        }

        return links;
    }
}
