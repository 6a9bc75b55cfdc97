using EcoPark.Domain.Streams;

namespace EcoPark.Domain.Matching;

/// <summary>
/// The cheapest treatment train that brings every failing parameter within its limit, or why there is none.
/// Costs, energy and capex are per m³ (or per m³/day) of product water, with the recoveries applied:
/// a step k is fed 1 ÷ (r_k × r_k+1 × … × r_n) m³ for each m³ that leaves the train.
/// </summary>
/// <remarks>
/// <para><c>Feasible</c>: false when no train makes every failing parameter pass (see <c>Unfixable</c>).</para>
/// <para><c>Steps</c>: step codes in the order they run (catalogue order).</para>
/// <para><c>Recovery</c>: product ÷ feed of the whole train (the product of the step recoveries).</para>
/// <para><c>OperatingCostNtdPerM3</c>: Σ unit cost × feed per m³ product; split into the buyer's and the supplier's steps.</para>
/// <para><c>LevelisedCostNtdPerM3</c>: operating cost plus capex spread over the investment life and its operating days; the train is chosen by this.</para>
/// <para><c>After</c>: every limited parameter after the train. Unknown stays unknown: treatment never fixes what was not measured.</para>
/// <para><c>Unfixable</c>: failing keys that even every step touching them together cannot bring within the limit.</para>
/// <para><c>TrainsExamined</c>: trains costed by the exact search (the rest were pruned).</para>
/// </remarks>
public sealed record TreatmentPlan(
    bool Feasible,
    IReadOnlyList<string> Steps,
    decimal Recovery,
    decimal OperatingCostNtdPerM3,
    decimal BuyerCostNtdPerM3,
    decimal SupplierCostNtdPerM3,
    decimal LevelisedCostNtdPerM3,
    decimal KwhPerM3,
    decimal BuyerCapexNtdPerM3PerDay,
    decimal SupplierCapexNtdPerM3PerDay,
    IReadOnlyList<ParameterCheck> After,
    IReadOnlyList<string> Unfixable,
    int TrainsExamined)
{
    public decimal CapexNtdPerM3PerDay => BuyerCapexNtdPerM3PerDay + SupplierCapexNtdPerM3PerDay;
}

/// <summary>
/// Finds the cheapest train by an exact search over ordered subsets of the catalogue. Only steps that
/// act on a failing parameter, or set pH while pH is judged, are considered (any other step leaves every
/// judged value as it is and only adds cost). The search is a
/// depth-first include/exclude over those steps, pruned because the cost of a train never falls when a
/// step is added (every step costs ≥ 0 and has recovery ≤ 1): a partial train that already costs as much
/// as the best found, and every superset of a feasible train, are skipped.
/// </summary>
public static class TreatmentPlanner
{
    public static TreatmentPlan Plan(IReadOnlyList<ParameterCheck> checks, TreatmentCatalogue catalogue, decimal operatingDaysPerYear, decimal lifeYears)
    {
        var known = checks.Where(c => c.Value is not null).ToArray();
        var failing = known.Where(c => c.Verdict == Verdict.Fail).ToArray();
        var failingKeys = failing.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        // A step that sets pH matters whenever pH is judged: it may repair a failing pH, or undo what another step did to it.
        var phJudged = known.Any(c => c.Key == WaterQuality.Ph);
        var relevant = catalogue.Steps
            .Where(s => s.Removal.Any(r => r.Value > 0 && failingKeys.Contains(r.Key)) || (phJudged && s.PhAfter is not null))
            .ToArray();

        var unfixable = failing.Where(c => !Fixable(c, relevant)).Select(c => c.Key).ToList();
        if (unfixable.Count > 0)
        {
            return Infeasible(checks, unfixable, 0);
        }

        var search = new Search(known, relevant, operatingDaysPerYear * lifeYears);
        search.Run();
        if (search.Best is not { } best)
        {
            return Infeasible(checks, [], search.Examined);
        }

        var train = best.Select(i => relevant[i]).ToArray();
        var cost = Cost(train, operatingDaysPerYear * lifeYears);
        var after = checks.Select(c => c.Value is { } v ? After(c, Apply(c.Key, v, train)) : c).ToList();
        return new TreatmentPlan(true, [.. train.Select(s => s.Code)], cost.Recovery, cost.Buyer + cost.Supplier, cost.Buyer, cost.Supplier,
            cost.Levelised, cost.Kwh, cost.BuyerCapex, cost.SupplierCapex, after, [], search.Examined);
    }

    /// <summary>The value of one parameter after a train: removals multiply; pH takes the last step's setting.</summary>
    public static decimal Apply(string key, decimal value, IReadOnlyList<TreatmentStep> train)
    {
        foreach (var step in train)
        {
            value = Apply(key, value, step);
        }

        return value;
    }

    /// <summary>The value of one parameter after one step.</summary>
    public static decimal Apply(string key, decimal value, TreatmentStep step) =>
        key == WaterQuality.Ph ? step.PhAfter ?? value
        : step.Removal.TryGetValue(key, out var fraction) ? value * (1 - fraction)
        : value;

    /// <summary>Cost, energy and capex of a train per m³ (or per m³/day) of product water, and its recovery.</summary>
    public static TrainCost Cost(IReadOnlyList<TreatmentStep> train, decimal capexDays)
    {
        decimal buyer = 0, supplier = 0, kwh = 0, buyerCapex = 0, supplierCapex = 0, feed = 1;
        for (var k = train.Count - 1; k >= 0; k--)
        {
            var step = train[k];
            feed /= step.Recovery; // m³ fed to step k per m³ of product
            kwh += step.KwhPerM3 * feed;
            if (step.Side == TreatmentSide.Buyer)
            {
                buyer += step.UnitCostNtdPerM3 * feed;
                buyerCapex += step.CapexNtdPerM3PerDay * feed;
            }
            else
            {
                supplier += step.UnitCostNtdPerM3 * feed;
                supplierCapex += step.CapexNtdPerM3PerDay * feed;
            }
        }

        var levelised = buyer + supplier + ((buyerCapex + supplierCapex) / capexDays);
        return new TrainCost(1 / feed, buyer, supplier, levelised, kwh, buyerCapex, supplierCapex);
    }

    private static bool Fixable(ParameterCheck check, IReadOnlyList<TreatmentStep> steps)
    {
        if (check.Key == WaterQuality.Ph)
        {
            return steps.Any(s => s.PhAfter is { } ph && LimitJudge.Compare(ph, check.Min, check.Max).Verdict == Verdict.Pass);
        }

        // Removal only lowers a value, so all the steps that touch the key together give its lowest value.
        return LimitJudge.Compare(Apply(check.Key, check.Value!.Value, steps), check.Min, check.Max).Verdict == Verdict.Pass;
    }

    private static ParameterCheck After(ParameterCheck before, decimal value)
    {
        var (verdict, headroom, margin) = LimitJudge.Compare(value, before.Min, before.Max);
        return before with { Value = value, Verdict = verdict, Headroom = headroom, Margin = margin };
    }

    private static TreatmentPlan Infeasible(IReadOnlyList<ParameterCheck> checks, IReadOnlyList<string> unfixable, int examined) =>
        new(false, [], 1, 0, 0, 0, 0, 0, 0, 0, checks, unfixable, examined);

    /// <summary>Per m³ (or m³/day) of product water.</summary>
    public sealed record TrainCost(decimal Recovery, decimal Buyer, decimal Supplier, decimal Levelised, decimal Kwh, decimal BuyerCapex, decimal SupplierCapex);

    private sealed class Search(ParameterCheck[] known, TreatmentStep[] steps, decimal capexDays)
    {
        private readonly List<int> chosen = [];
        private decimal bestCost = decimal.MaxValue;

        public int[]? Best { get; private set; }

        public int Examined { get; private set; }

        public void Run()
        {
            var values = known.Select(c => c.Value!.Value).ToArray();
            Visit(0, values);
        }

        private void Visit(int next, decimal[] values)
        {
            var train = chosen.Select(i => steps[i]).ToArray();
            var cost = Cost(train, capexDays).Levelised;
            Examined++;
            if (cost >= bestCost)
            {
                return; // adding steps never lowers the cost
            }

            if (AllPass(values))
            {
                bestCost = cost;
                Best = [.. chosen];
                return; // every superset costs at least as much
            }

            for (var i = next; i < steps.Length; i++)
            {
                chosen.Add(i);
                Visit(i + 1, Applied(values, steps[i]));
                chosen.RemoveAt(chosen.Count - 1);
            }
        }

        private decimal[] Applied(decimal[] values, TreatmentStep step)
        {
            var after = (decimal[])values.Clone();
            for (var j = 0; j < known.Length; j++)
            {
                after[j] = Apply(known[j].Key, after[j], step);
            }

            return after;
        }

        private bool AllPass(decimal[] values)
        {
            for (var j = 0; j < known.Length; j++)
            {
                if (LimitJudge.Compare(values[j], known[j].Min, known[j].Max).Verdict != Verdict.Pass)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
