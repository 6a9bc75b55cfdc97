using EcoPark.Domain.Allocation;
using Google.OrTools.LinearSolver;

namespace EcoPark.Allocation.Tests;

/// <summary>
/// The best plan by enumeration: every subset of the candidate pairs is built, and for each the flows are the optimum of
/// an LP (GLOP) written here from the park itself (not from the model's rows), so that both the rows and the MILP are
/// checked. A subset that breaks the budget by its pipes alone is skipped.
/// </summary>
internal static class BruteForce
{
    public static decimal Best(AllocationModel model, AllocationOptions options)
    {
        var candidates = Enumerable.Range(0, model.Pairs.Count).Where(k => model.PathsOf(k).Count > 0).ToArray();
        if (candidates.Length > 12)
        {
            throw new InvalidOperationException("Too many pairs to enumerate.");
        }

        var best = 0.0;
        for (var mask = 1; mask < 1 << candidates.Length; mask++)
        {
            var built = candidates.Where((_, i) => (mask & (1 << i)) != 0).ToArray();
            if (Flows(model, options, built) is { } value && value > best)
            {
                best = value;
            }
        }

        return (decimal)best;
    }

    private static double? Flows(AllocationModel model, AllocationOptions options, int[] built)
    {
        var fixedCost = built.Sum(k => (double)model.Pairs[k].InvestmentNtd);
        if (options.BudgetNtd is { } budget && fixedCost > (double)budget)
        {
            return null;
        }

        using var lp = Solver.CreateSolver("GLOP");
        var paths = built.SelectMany(k => model.PathsOf(k)).ToArray();
        var x = paths.ToDictionary(p => p, p => lp.MakeNumVar(0, (double)model.Paths[p].MaxQuantity, $"x{p}"));
        var goal = lp.Objective();
        foreach (var p in paths)
        {
            var path = model.Paths[p];
            goal.SetCoefficient(x[p], (double)(path.SavingNtdPerYearPerUnit - (path.InvestmentNtdPerUnit / model.InvestmentLifeYears)));
        }

        goal.SetMaximization();
        foreach (var s in model.Supplies)
        {
            var row = lp.MakeConstraint(double.NegativeInfinity, (double)s.Capacity);
            foreach (var p in paths.Where(p => model.Paths[p].SupplyId == s.Id))
            {
                row.SetCoefficient(x[p], (double)model.Paths[p].SupplyUsePerUnit);
            }
        }

        foreach (var d in model.Demands)
        {
            var at = paths.Where(p => model.Paths[p].DemandId == d.Id).ToArray();
            var size = lp.MakeConstraint(double.NegativeInfinity, (double)d.Size);
            foreach (var p in at)
            {
                size.SetCoefficient(x[p], 1);
            }

            // The mix of the paths and the current water (the rest of the size) meets each limit: Σ c·x + cur·(size − Σ x) ≤ max · size.
            foreach (var limit in d.MixLimits.Where(l => l.Max is not null))
            {
                var mix = lp.MakeConstraint(double.NegativeInfinity, Math.Max(0, (double)((limit.Max!.Value - limit.CurrentValue) * d.Size)));
                foreach (var p in at)
                {
                    mix.SetCoefficient(x[p], (double)(model.Paths[p].Outlet[limit.Key] - limit.CurrentValue));
                }
            }
        }

        foreach (var k in built)
        {
            // A pair carries at most the overlap of its supply and demand (its largest path's maximum).
            var link = lp.MakeConstraint(double.NegativeInfinity, model.PathsOf(k).Max(p => (double)model.Paths[p].MaxQuantity));
            foreach (var p in model.PathsOf(k))
            {
                link.SetCoefficient(x[p], 1);
            }

            if (options.MaxPaybackMonths is { } months)
            {
                // Investment ≤ months ÷ 12 × annual saving.
                var payback = lp.MakeConstraint(double.NegativeInfinity, -(double)model.Pairs[k].InvestmentNtd);
                foreach (var p in model.PathsOf(k))
                {
                    var path = model.Paths[p];
                    payback.SetCoefficient(x[p], (double)(path.InvestmentNtdPerUnit - (months / 12 * path.SavingNtdPerYearPerUnit)));
                }
            }
        }

        if (options.BudgetNtd is { } b)
        {
            var row = lp.MakeConstraint(double.NegativeInfinity, (double)b - fixedCost);
            foreach (var p in paths)
            {
                row.SetCoefficient(x[p], (double)model.Paths[p].InvestmentNtdPerUnit);
            }
        }

        if (lp.Solve() != Solver.ResultStatus.OPTIMAL)
        {
            return null;
        }

        return goal.Value() - (fixedCost / (double)model.InvestmentLifeYears);
    }
}
