namespace EcoPark.Domain.Allocation;

/// <summary>The greedy plan, the pairs in the order they were offered, and the locks it could not place.</summary>
public sealed record GreedyAllocationResult(AllocationPlan Plan, IReadOnlyList<int> Order, IReadOnlyList<PairLock> UnplacedLocks)
{
    public bool Feasible => UnplacedLocks.Count == 0;
}

/// <summary>
/// The plan the workbench implies: pairs ranked by what each is worth on its own (as pair matching judges it: one effluent,
/// blended only with the demand's current water), the best first; each takes the most its best path can carry in what is
/// left, deducting supply, demand, mix headroom and budget as it goes. Locked-in pairs are placed first, locked-out pairs
/// never. Every step keeps every row of the model, so the plan is feasible for the model and serves as the solver's hint
/// and floor. Deterministic: ties go by resource, supply id, demand id.
/// </summary>
public static class GreedyAllocation
{
    public static GreedyAllocationResult Plan(AllocationModel model, AllocationOptions options)
    {
        var state = new State(model, options);
        var bounds = model.PairBounds(options);
        var unplaced = new List<PairLock>();
        var order = new List<int>();
        foreach (var l in options.LockIn)
        {
            if (model.PairIndexOf(l.SupplyId, l.DemandId) is not { } k || bounds[k].Lower != 1)
            {
                unplaced.Add(l);
                continue;
            }

            if (state.Built[k])
            {
                continue; // the same pair locked twice
            }

            if (state.Best(k, fromEmpty: false, minimum: l.MinQuantity, forced: true) is { } step)
            {
                state.Apply(k, step.Path, step.Quantity);
                order.Add(k);
            }
            else
            {
                unplaced.Add(l);
            }
        }

        // The workbench's ranking: each pair alone, against the park as it is today.
        var ranked = new List<(int Pair, Step Step)>();
        for (var k = 0; k < model.Pairs.Count; k++)
        {
            if (bounds[k].Upper == 1 && bounds[k].Lower == 0 && state.Best(k, fromEmpty: true, minimum: PairLock.Smallest, forced: false) is { } alone)
            {
                ranked.Add((k, alone));
            }
        }

        ranked.Sort((a, b) =>
        {
            var byValue = b.Step.Primary.CompareTo(a.Step.Primary);
            byValue = byValue != 0 ? byValue : b.Step.Secondary.CompareTo(a.Step.Secondary);
            return byValue != 0 ? byValue : a.Pair.CompareTo(b.Pair);
        });

        foreach (var (k, _) in ranked)
        {
            if (state.Best(k, fromEmpty: false, minimum: PairLock.Smallest, forced: false) is { } step)
            {
                state.Apply(k, step.Path, step.Quantity);
                order.Add(k);
            }
        }

        return new GreedyAllocationResult(new AllocationPlan(state.Quantities, state.Built), order, unplaced);
    }

    /// <summary>A path's quantity and what it is worth: the objective (primary), and the tie-break (secondary).</summary>
    private sealed record Step(int Path, decimal Quantity, decimal Primary, decimal Secondary);

    private sealed class State
    {
        private const decimal Tolerance = 0.000_000_001m;
        private readonly AllocationModel model;
        private readonly AllocationObjective objective;
        private readonly IReadOnlyList<AllocationRow> rows;
        private readonly List<(int Row, decimal A)>[] pathRows;
        private readonly List<(int Row, decimal B)>[] pairRows;
        private readonly decimal[] activity;
        private readonly decimal[] empty;

        public State(AllocationModel model, AllocationOptions options)
        {
            this.model = model;
            objective = options.Objective;
            rows = model.Rows(options);
            pathRows = [.. model.Paths.Select(_ => new List<(int, decimal)>())];
            pairRows = [.. model.Pairs.Select(_ => new List<(int, decimal)>())];
            for (var r = 0; r < rows.Count; r++)
            {
                foreach (var t in rows[r].PathTerms)
                {
                    pathRows[t.Index].Add((r, t.Coefficient));
                }

                foreach (var t in rows[r].PairTerms)
                {
                    pairRows[t.Index].Add((r, t.Coefficient));
                }
            }

            activity = new decimal[rows.Count];
            empty = new decimal[rows.Count];
            Quantities = new decimal[model.Paths.Count];
            Built = new bool[model.Pairs.Count];
        }

        public decimal[] Quantities { get; }

        public bool[] Built { get; }

        /// <summary>The best single path of a pair from the state as it is (or from an empty park), or null when none is worth taking.</summary>
        public Step? Best(int k, bool fromEmpty, decimal minimum, bool forced)
        {
            var act = fromEmpty ? empty : activity;
            var opening = fromEmpty || !Built[k];
            Step? best = null;
            foreach (var p in model.PathsOf(k))
            {
                if (Interval(p, k, opening, act, forced ? minimum : 0) is not { } range)
                {
                    continue;
                }

                var margin = model.Margin(p);
                var water = model.IsWater(p);
                var take = objective == AllocationObjective.ReusedWater && water ? true : margin > 0;
                var t = take ? range.Hi : range.Lo;
                var benefit = (margin * t) - (opening ? model.AnnualFixedCost(k) : 0);
                var reuse = water ? t : 0;
                var step = objective == AllocationObjective.NetBenefit ? new Step(p, t, benefit, reuse) : new Step(p, t, reuse, benefit);
                var worth = forced || (t >= minimum && (objective == AllocationObjective.NetBenefit ? benefit > 0 : reuse > 0 || benefit > 0));
                if (worth && (best is null || step.Primary > best.Primary || (step.Primary == best.Primary && step.Secondary > best.Secondary)))
                {
                    best = step;
                }
            }

            return best;
        }

        public void Apply(int k, int p, decimal t)
        {
            if (!Built[k])
            {
                Built[k] = true;
                foreach (var (r, b) in pairRows[k])
                {
                    activity[r] += b;
                }
            }

            Quantities[p] += t;
            foreach (var (r, a) in pathRows[p])
            {
                activity[r] += a * t;
            }
        }

        /// <summary>
        /// The quantities t on path p that keep every row it (or the pair's opening) touches, or null when none does. A row's
        /// lower bound that is not met yet (a lock's minimum) does not bind the others' steps.
        /// </summary>
        private (decimal Lo, decimal Hi)? Interval(int p, int k, bool opening, decimal[] act, decimal minimum)
        {
            decimal lo = minimum, hi = model.Paths[p].MaxQuantity;
            var touched = new Dictionary<int, (decimal A, decimal B)>();
            foreach (var (r, a) in pathRows[p])
            {
                touched[r] = (touched.GetValueOrDefault(r).A + a, touched.GetValueOrDefault(r).B);
            }

            if (opening)
            {
                foreach (var (r, b) in pairRows[k])
                {
                    touched[r] = (touched.GetValueOrDefault(r).A, touched.GetValueOrDefault(r).B + b);
                }
            }

            foreach (var (r, (a, b)) in touched)
            {
                var row = rows[r];
                var c = act[r] + b;
                var slack = Tolerance * Math.Max(1, Math.Abs(row.Upper ?? row.Lower ?? 0));
                if (row.Upper is { } upper && !Bound(a, upper - c, slack, ref lo, ref hi, below: true))
                {
                    return null;
                }

                if (row.Lower is { } lower && row.Kind != AllocationRowKind.LockIn && !Bound(a, lower - c, slack, ref lo, ref hi, below: false))
                {
                    return null;
                }
            }

            return lo <= hi + Tolerance ? (lo, Math.Max(lo, hi)) : null;
        }

        /// <summary>Narrows [lo, hi] by a·t ≤ room (below) or a·t ≥ room; false when no t can meet it.</summary>
        private static bool Bound(decimal a, decimal room, decimal slack, ref decimal lo, ref decimal hi, bool below)
        {
            if (a == 0)
            {
                return below ? room >= -slack : room <= slack;
            }

            var t = room / a;
            if (below == a > 0)
            {
                hi = Math.Min(hi, t);
            }
            else
            {
                lo = Math.Max(lo, t);
            }

            return true;
        }
    }
}
