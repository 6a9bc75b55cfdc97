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
        var steps = train.ToArray();
        Span<int> all = stackalloc int[steps.Length];
        for (var i = 0; i < all.Length; i++)
        {
            all[i] = i;
        }

        return Cost(steps, [.. steps.Select(s => 1 / s.Recovery)], all, capexDays);
    }

    /// <summary>The same for the steps at <paramref name="chosen"/> (in order), with each step's 1 ÷ recovery given.</summary>
    private static TrainCost Cost(TreatmentStep[] steps, decimal[] perProduct, ReadOnlySpan<int> chosen, decimal capexDays)
    {
        decimal buyer = 0, supplier = 0, kwh = 0, buyerCapex = 0, supplierCapex = 0, feed = 1;
        for (var k = chosen.Length - 1; k >= 0; k--)
        {
            var step = steps[chosen[k]];
            feed *= perProduct[chosen[k]]; // m³ fed to step k per m³ of product
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

    /// <summary>
    /// The depth-first search. Each step's effect on each judged value is prepared once (a factor, or a pH
    /// it sets), and each depth keeps its own buffer of values, so a node costs no allocation.
    /// </summary>
    private sealed class Search
    {
        private readonly ParameterCheck[] known;
        private readonly TreatmentStep[] steps;
        private readonly decimal capexDays;
        private readonly decimal[][] factors;
        private readonly decimal[] perProduct;
        private readonly double[] fedCost;
        private readonly double[] recovery;
        private double bestApprox = double.MaxValue;
        private readonly int ph;
        private readonly decimal[][] buffers;
        private readonly int[] chosen;
        private decimal bestCost = decimal.MaxValue;

        public Search(ParameterCheck[] known, TreatmentStep[] steps, decimal capexDays)
        {
            this.known = known;
            this.steps = steps;
            this.capexDays = capexDays;
            ph = Array.FindIndex(known, c => c.Key == WaterQuality.Ph);
            perProduct = [.. steps.Select(s => 1 / s.Recovery)];
            fedCost = [.. steps.Select(s => (double)(s.UnitCostNtdPerM3 + (s.CapexNtdPerM3PerDay / capexDays)))];
            recovery = [.. steps.Select(s => (double)s.Recovery)];
            factors = [.. steps.Select(step => known.Select(c => step.Removal.TryGetValue(c.Key, out var f) && c.Key != WaterQuality.Ph ? 1 - f : 1m).ToArray())];
            buffers = [.. Enumerable.Range(0, steps.Length + 2).Select(_ => new decimal[known.Length])];
            chosen = new int[steps.Length];
        }

        public int[]? Best { get; private set; }

        public int Examined { get; private set; }

        public void Run()
        {
            for (var j = 0; j < known.Length; j++)
            {
                buffers[0][j] = known[j].Value!.Value;
            }

            Visit(0, 0, 0);
        }

        /// <summary>
        /// One node: the train <c>chosen[..depth]</c>, whose levelised cost is about <paramref name="approx"/>
        /// (a double kept along the way: adding step m turns cost L into (L + its cost per m³ fed) ÷ its
        /// recovery). The double only prunes where it is clearly above the best; every feasible train is
        /// costed exactly in decimal before it can become the best.
        /// </summary>
        private void Visit(int depth, int next, double approx)
        {
            Examined++;
            if (approx > (bestApprox * (1 + 1e-9)) + 1e-9)
            {
                return; // adding steps never lowers the cost
            }

            var values = buffers[depth];
            if (AllPass(values))
            {
                var cost = Cost(steps, perProduct, chosen.AsSpan(0, depth), capexDays).Levelised;
                if (cost < bestCost)
                {
                    bestCost = cost;
                    bestApprox = (double)cost;
                    Best = chosen[..depth];
                }

                return; // every superset costs at least as much
            }

            var after = buffers[depth + 1];
            for (var i = next; i < steps.Length; i++)
            {
                var factor = factors[i];
                for (var j = 0; j < values.Length; j++)
                {
                    after[j] = j == ph ? steps[i].PhAfter ?? values[j] : factor[j] == 1 ? values[j] : values[j] * factor[j];
                }

                chosen[depth] = i;
                Visit(depth + 1, i + 1, (approx + fedCost[i]) / recovery[i]);
            }
        }

        private bool AllPass(decimal[] values)
        {
            for (var j = 0; j < known.Length; j++)
            {
                if (!LimitJudge.Passes(values[j], known[j].Min, known[j].Max))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
