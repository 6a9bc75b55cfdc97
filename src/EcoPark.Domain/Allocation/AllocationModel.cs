using EcoPark.Domain.Common;

namespace EcoPark.Domain.Allocation;

/// <summary>What flows on a path: water (m³/day delivered), heat (kW delivered) or a by-product (t/month).</summary>
public enum AllocationResource
{
    Water,
    Heat,
    Byproduct,
}

/// <summary>What the park-wide plan maximises.</summary>
public enum AllocationObjective
{
    /// <summary>Net annual benefit: savings of both parties less the investment annualised over its life.</summary>
    NetBenefit,

    /// <summary>Reused water (m³/day) first; then the net annual benefit, with the reuse held near its maximum.</summary>
    ReusedWater,
}

/// <summary>A supply with what it still has free, in its resource's unit (m³/day of effluent fed, kW, t/month).</summary>
public sealed record AllocationSupply(Guid Id, AllocationResource Resource, decimal Capacity);

/// <summary>
/// A demand with its size in its resource's unit. A demand that accepts blending carries <see cref="MixLimits"/>: the mix of
/// every path delivered to it and of its current water (which makes up the rest of its size) must meet each of them. A demand
/// without mix limits takes only paths that meet every limit on their own (the mapper keeps no other path for it).
/// </summary>
public sealed record AllocationDemand(Guid Id, AllocationResource Resource, decimal Size)
{
    public IReadOnlyList<MixLimit> MixLimits { get; init; } = [];
}

/// <summary>
/// One additive parameter judged on the mix (concentrations and temperature mix by volume): its bounds and the value of the
/// demand's current water.
/// </summary>
public sealed record MixLimit(string Key, decimal? Min, decimal? Max, decimal CurrentValue);

/// <summary>A connection that can be built between a supply and a demand, with the investment that does not scale with the flow (pipe, pump, exchangers).</summary>
public sealed record AllocationPair(Guid SupplyId, Guid DemandId, AllocationResource Resource, decimal InvestmentNtd);

/// <summary>
/// One way to serve a demand from a supply: as is, or through a treatment train (<see cref="Option"/> names it, "none" as is).
/// Per unit delivered: what both parties save a year (after operating costs), the investment that scales with the flow
/// (treatment capex), and how much of the supply's capacity it uses (1 ÷ the train's recovery, or the heat sent per kW delivered).
/// <see cref="Outlet"/> holds the delivered value of every mix-limited parameter of its demand.
/// </summary>
public sealed record AllocationPath
{
    public const string AsIs = "none";

    public required Guid SupplyId { get; init; }

    public required Guid DemandId { get; init; }

    public string Option { get; init; } = AsIs;

    public IReadOnlyList<string> Treatment { get; init; } = [];

    /// <summary>The most the path can deliver on its own (the pair's overlap of supply and demand, over their common hours).</summary>
    public required decimal MaxQuantity { get; init; }

    public decimal SupplyUsePerUnit { get; init; } = 1;

    public required decimal SavingNtdPerYearPerUnit { get; init; }

    public decimal InvestmentNtdPerUnit { get; init; }

    public IReadOnlyDictionary<string, decimal> Outlet { get; init; } = new Dictionary<string, decimal>();
}

/// <summary>Which constraint a row is.</summary>
public enum AllocationRowKind
{
    Supply,
    Demand,
    Mix,
    Link,
    Budget,
    Payback,
    LockIn,
}

/// <summary>A coefficient on a path's quantity or on a pair's build decision.</summary>
public readonly record struct AllocationTerm(int Index, decimal Coefficient);

/// <summary>
/// One linear row: <c>Lower ≤ Σ path terms · x + Σ pair terms · y ≤ Upper</c> (a null bound is none). <see cref="StreamId"/> names the
/// stream of a supply, demand or mix row, <see cref="PairIndex"/> the pair of a link, payback or lock row.
/// </summary>
public sealed record AllocationRow(string Name, AllocationRowKind Kind, IReadOnlyList<AllocationTerm> PathTerms, IReadOnlyList<AllocationTerm> PairTerms,
    decimal? Lower, decimal? Upper)
{
    public Guid? StreamId { get; init; }

    public int? PairIndex { get; init; }
}

/// <summary>
/// The park-wide allocation as a mixed-integer linear model (docs/decisions/0014-park-allocation.md): a quantity x per path
/// (0 ≤ x ≤ its maximum) and a build decision y per pair. Supplies, demands, pairs and paths are kept in a fixed order (by
/// resource and id), so that the same inputs always give the same model. Pure: the solver lives behind an interface.
/// </summary>
public sealed class AllocationModel
{
    private readonly Dictionary<(Guid, Guid), int> pairIndex = [];
    private readonly int[][] pathsOfPair;
    private readonly int[] pairOfPath;

    public AllocationModel(IEnumerable<AllocationSupply> supplies, IEnumerable<AllocationDemand> demands, IEnumerable<AllocationPair> pairs,
        IEnumerable<AllocationPath> paths, decimal investmentLifeYears)
    {
        if (investmentLifeYears <= 0)
        {
            throw new DomainException("investmentLifeYears", "allocation.life", "The investment life must be positive.");
        }

        InvestmentLifeYears = investmentLifeYears;
        Supplies = [.. supplies.OrderBy(s => s.Resource).ThenBy(s => s.Id)];
        Demands = [.. demands.OrderBy(d => d.Resource).ThenBy(d => d.Id)];
        Pairs = [.. pairs.OrderBy(p => p.Resource).ThenBy(p => p.SupplyId).ThenBy(p => p.DemandId)];
        var supplyById = Supplies.ToDictionary(s => s.Id);
        var demandById = Demands.ToDictionary(d => d.Id);
        for (var i = 0; i < Pairs.Count; i++)
        {
            var pair = Pairs[i];
            if (!supplyById.TryGetValue(pair.SupplyId, out var s) || !demandById.TryGetValue(pair.DemandId, out var d) || s.Resource != pair.Resource || d.Resource != pair.Resource)
            {
                throw new DomainException("pairs", "allocation.pair", $"Pair {pair.SupplyId} → {pair.DemandId} needs a supply and a demand of its resource.");
            }

            if (!pairIndex.TryAdd((pair.SupplyId, pair.DemandId), i))
            {
                throw new DomainException("pairs", "allocation.pair", $"Pair {pair.SupplyId} → {pair.DemandId} is given twice.");
            }

            if (pair.InvestmentNtd < 0)
            {
                throw new DomainException("pairs", "allocation.investment", "An investment cannot be negative.");
            }
        }

        Paths = [.. paths.OrderBy(p => PairIndexOf(p.SupplyId, p.DemandId) ?? -1).ThenBy(p => p.Option, StringComparer.Ordinal)];
        pairOfPath = new int[Paths.Count];
        var grouped = new List<int>[Pairs.Count];
        for (var i = 0; i < grouped.Length; i++)
        {
            grouped[i] = [];
        }

        for (var i = 0; i < Paths.Count; i++)
        {
            var path = Paths[i];
            var k = PairIndexOf(path.SupplyId, path.DemandId)
                ?? throw new DomainException("paths", "allocation.path", $"Path {path.SupplyId} → {path.DemandId} has no pair.");
            if (path.MaxQuantity < 0 || path.SupplyUsePerUnit <= 0 || path.InvestmentNtdPerUnit < 0)
            {
                throw new DomainException("paths", "allocation.path", $"Path {path.SupplyId} → {path.DemandId} ({path.Option}) has a negative quantity, use or investment.");
            }

            var demand = demandById[path.DemandId];
            if (demand.MixLimits.FirstOrDefault(l => !path.Outlet.ContainsKey(l.Key)) is { } missing)
            {
                throw new DomainException("paths", "allocation.outlet", $"Path {path.SupplyId} → {path.DemandId} ({path.Option}) lacks {missing.Key}, a mix limit of its demand.");
            }

            grouped[k].Add(i);
            pairOfPath[i] = k;
        }

        pathsOfPair = [.. grouped.Select(g => g.ToArray())];
    }

    public IReadOnlyList<AllocationSupply> Supplies { get; }

    public IReadOnlyList<AllocationDemand> Demands { get; }

    public IReadOnlyList<AllocationPair> Pairs { get; }

    public IReadOnlyList<AllocationPath> Paths { get; }

    public decimal InvestmentLifeYears { get; }

    public int? PairIndexOf(Guid supplyId, Guid demandId) => pairIndex.TryGetValue((supplyId, demandId), out var i) ? i : null;

    public IReadOnlyList<int> PathsOf(int pair) => pathsOfPair[pair];

    public int PairOf(int path) => pairOfPath[path];

    /// <summary>Net annual benefit per unit on a path: its saving less its scaling investment over the life.</summary>
    public decimal Margin(int path) => Paths[path].SavingNtdPerYearPerUnit - (Paths[path].InvestmentNtdPerUnit / InvestmentLifeYears);

    /// <summary>The pair's fixed investment spread over the life, NTD a year.</summary>
    public decimal AnnualFixedCost(int pair) => Pairs[pair].InvestmentNtd / InvestmentLifeYears;

    /// <summary>The most a pair carries over all its paths together (the big-M of its link row).</summary>
    public decimal LinkBound(int pair) => pathsOfPair[pair].Length == 0 ? 0 : pathsOfPair[pair].Max(p => Paths[p].MaxQuantity);

    /// <summary>Locks that cannot hold whatever the solver does: a pair locked in that is not a candidate, or a pair locked both in and out.</summary>
    public IReadOnlyList<AllocationLockProblem> LockProblems(AllocationOptions options)
    {
        var problems = new List<AllocationLockProblem>();
        var outs = options.LockOut.Select(l => (l.SupplyId, l.DemandId)).ToHashSet();
        foreach (var lockIn in options.LockIn)
        {
            if (PairIndexOf(lockIn.SupplyId, lockIn.DemandId) is not { } k || pathsOfPair[k].Length == 0)
            {
                problems.Add(new(lockIn, AllocationLockReason.NotACandidate));
            }
            else if (outs.Contains((lockIn.SupplyId, lockIn.DemandId)))
            {
                problems.Add(new(lockIn, AllocationLockReason.LockedInAndOut));
            }
            else if (LinkBound(k) < lockIn.MinQuantity)
            {
                problems.Add(new(lockIn, AllocationLockReason.Infeasible));
            }
        }

        return problems;
    }

    /// <summary>Each pair's bounds on y: 1 when locked in, 0 when locked out or without a path, else 0–1.</summary>
    public (int Lower, int Upper)[] PairBounds(AllocationOptions options)
    {
        var bounds = new (int, int)[Pairs.Count];
        for (var k = 0; k < bounds.Length; k++)
        {
            bounds[k] = pathsOfPair[k].Length == 0 ? (0, 0) : (0, 1);
        }

        foreach (var l in options.LockOut)
        {
            if (PairIndexOf(l.SupplyId, l.DemandId) is { } k)
            {
                bounds[k] = (0, 0);
            }
        }

        foreach (var l in options.LockIn)
        {
            if (PairIndexOf(l.SupplyId, l.DemandId) is { } k && bounds[k].Item2 == 1)
            {
                bounds[k] = (1, 1);
            }
        }

        return bounds;
    }

    /// <summary>
    /// Pairs that no optimum of the net benefit needs: at a demand without mix limits, a pair not locked in whose best margin
    /// over the most it can carry does not cover its annualised fixed investment. Dropping one only frees supply, demand and
    /// budget for the others (its flow helps no mix there), so the solver may fix its build decision at 0.
    /// </summary>
    public bool[] NeverPays(AllocationOptions options)
    {
        var never = new bool[Pairs.Count];
        if (options.Objective != AllocationObjective.NetBenefit)
        {
            return never;
        }

        var locked = options.LockIn.Select(l => (l.SupplyId, l.DemandId)).ToHashSet();
        var mixed = Demands.Where(d => d.MixLimits.Count > 0).Select(d => d.Id).ToHashSet();
        for (var k = 0; k < Pairs.Count; k++)
        {
            var pair = Pairs[k];
            if (pathsOfPair[k].Length == 0 || locked.Contains((pair.SupplyId, pair.DemandId)) || mixed.Contains(pair.DemandId))
            {
                continue;
            }

            var best = pathsOfPair[k].Max(p => Math.Max(0, Margin(p)));
            never[k] = (best * LinkBound(k)) - AnnualFixedCost(k) <= 0;
        }

        return never;
    }

    /// <summary>Every row of the model under the options, in a fixed order.</summary>
    public IReadOnlyList<AllocationRow> Rows(AllocationOptions options)
    {
        var rows = new List<AllocationRow>();
        var bySupply = new Dictionary<Guid, List<AllocationTerm>>();
        var byDemand = new Dictionary<Guid, List<AllocationTerm>>();
        for (var p = 0; p < Paths.Count; p++)
        {
            Add(bySupply, Paths[p].SupplyId, new(p, Paths[p].SupplyUsePerUnit));
            Add(byDemand, Paths[p].DemandId, new(p, 1));
        }

        foreach (var s in Supplies.Where(s => bySupply.ContainsKey(s.Id)))
        {
            rows.Add(new($"supply:{s.Id}", AllocationRowKind.Supply, bySupply[s.Id], [], null, s.Capacity) { StreamId = s.Id });
        }

        foreach (var d in Demands.Where(d => byDemand.ContainsKey(d.Id)))
        {
            rows.Add(new($"demand:{d.Id}", AllocationRowKind.Demand, byDemand[d.Id], [], null, d.Size) { StreamId = d.Id });
            foreach (var limit in d.MixLimits)
            {
                // Σ (c − current) · x, since the current water makes up the rest of the size. A current water that already fails
                // a bound may not be made worse (the row's bound is then 0).
                var terms = byDemand[d.Id].Select(t => new AllocationTerm(t.Index, Paths[t.Index].Outlet[limit.Key] - limit.CurrentValue)).ToList();
                if (limit.Max is { } max)
                {
                    rows.Add(new($"mix:{d.Id}:{limit.Key}:max", AllocationRowKind.Mix, terms, [], null, Math.Max(0, (max - limit.CurrentValue) * d.Size)) { StreamId = d.Id });
                }

                if (limit.Min is { } min)
                {
                    rows.Add(new($"mix:{d.Id}:{limit.Key}:min", AllocationRowKind.Mix, terms, [], Math.Min(0, (min - limit.CurrentValue) * d.Size), null) { StreamId = d.Id });
                }
            }
        }

        for (var k = 0; k < Pairs.Count; k++)
        {
            if (pathsOfPair[k].Length == 0)
            {
                continue;
            }

            var pathTerms = pathsOfPair[k].Select(p => new AllocationTerm(p, 1)).ToList();
            rows.Add(new($"link:{Pairs[k].SupplyId}:{Pairs[k].DemandId}", AllocationRowKind.Link, pathTerms, [new(k, -LinkBound(k))], null, 0) { PairIndex = k });
            if (options.MaxPaybackMonths is { } months)
            {
                // Each connection built pays back its investment within the months: investment ≤ months ÷ 12 × annual saving.
                var terms = pathsOfPair[k].Select(p => new AllocationTerm(p, Paths[p].InvestmentNtdPerUnit - (months / 12 * Paths[p].SavingNtdPerYearPerUnit))).ToList();
                rows.Add(new($"payback:{Pairs[k].SupplyId}:{Pairs[k].DemandId}", AllocationRowKind.Payback, terms, [new(k, Pairs[k].InvestmentNtd)], null, 0) { PairIndex = k });
            }
        }

        if (options.BudgetNtd is { } budget)
        {
            rows.Add(new("budget", AllocationRowKind.Budget,
                [.. Enumerable.Range(0, Paths.Count).Where(p => Paths[p].InvestmentNtdPerUnit != 0).Select(p => new AllocationTerm(p, Paths[p].InvestmentNtdPerUnit))],
                [.. Enumerable.Range(0, Pairs.Count).Where(k => pathsOfPair[k].Length > 0 && Pairs[k].InvestmentNtd != 0).Select(k => new AllocationTerm(k, Pairs[k].InvestmentNtd))],
                null, budget));
        }

        foreach (var l in options.LockIn)
        {
            if (PairIndexOf(l.SupplyId, l.DemandId) is { } k && pathsOfPair[k].Length > 0)
            {
                rows.Add(new($"lock:{l.SupplyId}:{l.DemandId}", AllocationRowKind.LockIn, [.. pathsOfPair[k].Select(p => new AllocationTerm(p, 1))], [], l.MinQuantity, null) { PairIndex = k });
            }
        }

        return rows;
    }

    /// <summary>The objective's coefficients on the paths and the pairs: net benefit, or reused water (m³/day) alone.</summary>
    public (decimal[] Paths, decimal[] Pairs) Objective(AllocationObjective objective)
    {
        var paths = new decimal[Paths.Count];
        var pairs = new decimal[Pairs.Count];
        for (var p = 0; p < paths.Length; p++)
        {
            paths[p] = objective == AllocationObjective.NetBenefit ? Margin(p) : IsWater(p) ? 1 : 0;
        }

        if (objective == AllocationObjective.NetBenefit)
        {
            for (var k = 0; k < pairs.Length; k++)
            {
                pairs[k] = -AnnualFixedCost(k);
            }
        }

        return (paths, pairs);
    }

    public bool IsWater(int path) => Pairs[PairOf(path)].Resource == AllocationResource.Water;

    private static void Add(Dictionary<Guid, List<AllocationTerm>> map, Guid key, AllocationTerm term)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(term);
    }
}
