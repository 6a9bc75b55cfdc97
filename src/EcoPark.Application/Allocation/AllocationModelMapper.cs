using EcoPark.Domain.Allocation;
using EcoPark.Domain.Matching;
using EcoPark.Domain.Streams;

namespace EcoPark.Application.Allocation;

/// <summary>One water pair as the engine evaluated it, with the two streams it was evaluated on.</summary>
public sealed record WaterPairEvaluation(WaterSupplyInput Supply, WaterDemandInput Demand, WaterMatchResult Result);

/// <summary>One heat pair as the engine evaluated it.</summary>
public sealed record HeatPairEvaluation(HeatSupplyInput Supply, HeatDemandInput Demand, HeatMatchResult Result);

/// <summary>One by-product pair as the engine evaluated it.</summary>
public sealed record ByproductPairEvaluation(ByproductSupplyInput Supply, ByproductDemandInput Demand, ByproductMatchResult Result);

/// <summary>
/// Builds the park-wide allocation model from the engine's pair evaluations (docs/decisions/0014-park-allocation.md), so that
/// the optimum weighs exactly what the workbench shows pair by pair:
/// <list type="bullet">
/// <item>A pair the engine blocks (law, refusal, no free volume, out of reach) and a water pair with an unmeasured limited
/// parameter (a lab test first) never enter.</item>
/// <item>Water: a path as is when the effluent meets every limit, or, at a demand that accepts blending and whose current
/// water is known for every limit, when it meets the non-additive ones (pH) and the additive ones are left to the mix rows;
/// and a path through the engine's cheapest train when there is one. Per m³/day delivered: both parties' saving a year, the
/// train's capex and its feed (1 ÷ recovery); per pair: pipe and pump.</item>
/// <item>Heat: pairs the engine finds physically feasible (temperatures, ΔT_min, schedules), with the heat sent per kW delivered.</item>
/// <item>By-products: pairs whose codes and properties match.</item>
/// </list>
/// Supplies bring their free capacity (the engine's inputs are after agreed and operating matches).
/// </summary>
public static class AllocationModelMapper
{
    public static AllocationModel Build(WaterMatchContext context, IEnumerable<WaterPairEvaluation> water,
        IEnumerable<HeatPairEvaluation>? heat = null, IEnumerable<ByproductPairEvaluation>? byproducts = null)
    {
        var supplies = new Dictionary<Guid, AllocationSupply>();
        var demands = new Dictionary<Guid, AllocationDemand>();
        var pairs = new List<AllocationPair>();
        var paths = new List<AllocationPath>();
        foreach (var e in water)
        {
            if (e.Result.IsBlocked || e.Result.Parameters.Any(c => c.Verdict == Verdict.Unknown))
            {
                continue;
            }

            var demand = demands.TryGetValue(e.Demand.Id, out var known) ? known : WaterDemand(e.Demand, context);
            var found = WaterPaths(e, demand, context);
            if (found.Count == 0)
            {
                continue;
            }

            supplies.TryAdd(e.Supply.Id, new AllocationSupply(e.Supply.Id, AllocationResource.Water, e.Supply.FreeFlowM3PerDay));
            demands.TryAdd(e.Demand.Id, demand);
            pairs.Add(new AllocationPair(e.Supply.Id, e.Demand.Id, AllocationResource.Water, found.Max(f => f.PipeNtd)));
            paths.AddRange(found.Select(f => f.Path));
        }

        foreach (var e in heat ?? [])
        {
            if (!e.Result.PhysicallyFeasible || e.Result.Economics is not { } economics || e.Result.DeliveredKw <= 0)
            {
                continue;
            }

            var delivered = e.Result.DeliveredKw;
            supplies.TryAdd(e.Supply.Id, new AllocationSupply(e.Supply.Id, AllocationResource.Heat, e.Supply.LoadKw));
            demands.TryAdd(e.Demand.Id, new AllocationDemand(e.Demand.Id, AllocationResource.Heat, e.Demand.LoadKw));
            pairs.Add(new AllocationPair(e.Supply.Id, e.Demand.Id, AllocationResource.Heat, economics.InvestmentNtd));
            paths.Add(new AllocationPath
            {
                SupplyId = e.Supply.Id,
                DemandId = e.Demand.Id,
                Option = e.Result.HeatPumpElectricKw is null ? AllocationPath.AsIs : "heat-pump",
                MaxQuantity = delivered,
                // The supply gives the heat sent less what a heat pump adds from electricity.
                SupplyUsePerUnit = Math.Max(0.000_001m, (e.Result.SentKw - (e.Result.HeatPumpElectricKw ?? 0)) / delivered),
                SavingNtdPerYearPerUnit = (economics.NetAnnualBenefitNtd + (economics.InvestmentNtd / context.Parameters.InvestmentLifeYears)) / delivered,
            });
        }

        foreach (var e in byproducts ?? [])
        {
            if (e.Result.Status is not (ByproductMatchStatus.Feasible or ByproductMatchStatus.Uneconomic) || e.Result.Economics is not { } economics
                || e.Result.TonnesPerMonth <= 0)
            {
                continue;
            }

            supplies.TryAdd(e.Supply.Id, new AllocationSupply(e.Supply.Id, AllocationResource.Byproduct, e.Supply.TonnesPerMonth));
            demands.TryAdd(e.Demand.Id, new AllocationDemand(e.Demand.Id, AllocationResource.Byproduct, e.Demand.TonnesPerMonth));
            pairs.Add(new AllocationPair(e.Supply.Id, e.Demand.Id, AllocationResource.Byproduct, 0));
            paths.Add(new AllocationPath
            {
                SupplyId = e.Supply.Id,
                DemandId = e.Demand.Id,
                MaxQuantity = e.Result.TonnesPerMonth,
                SavingNtdPerYearPerUnit = economics.NetAnnualBenefitNtd / e.Result.TonnesPerMonth,
            });
        }

        return new AllocationModel(supplies.Values, demands.Values, pairs, paths, context.Parameters.InvestmentLifeYears);
    }

    /// <summary>
    /// A water demand, with mix limits when it accepts blending and its current water is known for every limit: every
    /// limit but pH (which does not mix linearly and is judged per path).
    /// </summary>
    private static AllocationDemand WaterDemand(WaterDemandInput demand, WaterMatchContext context)
    {
        var limits = context.LimitsFor(demand);
        var current = limits.Select(l => LimitJudge.Find(demand.CurrentWaterQuality, l.Key)?.Value).ToList();
        var mixable = demand.BlendingAllowed && limits.Count > 0 && current.All(v => v is not null);
        return new AllocationDemand(demand.Id, AllocationResource.Water, demand.FlowM3PerDay)
        {
            MixLimits = mixable
                ? [.. limits.Select((l, i) => (l, i)).Where(x => x.l.Key != WaterQuality.Ph).Select(x => new MixLimit(x.l.Key, x.l.Min, x.l.Max, current[x.i]!.Value))]
                : [],
        };
    }

    private static List<(AllocationPath Path, decimal PipeNtd)> WaterPaths(WaterPairEvaluation e, AllocationDemand demand, WaterMatchContext context)
    {
        var (supply, d, r) = e;
        // As the engine: without storage, water passes only while both run.
        var hours = Math.Min(supply.HoursPerDay, d.HoursPerDay ?? supply.HoursPerDay);
        var free = supply.FreeFlowM3PerDay * hours / supply.HoursPerDay;
        var need = d.FlowM3PerDay * hours / (d.HoursPerDay ?? supply.HoursPerDay);
        var mixKeys = demand.MixLimits.Select(l => l.Key).ToHashSet(StringComparer.Ordinal);
        var found = new List<(AllocationPath, decimal)>();

        var passesAlone = r.Parameters.All(c => c.Verdict == Verdict.Pass);
        var passesPerPath = r.Parameters.Where(c => !mixKeys.Contains(c.Key)).All(c => c.Verdict == Verdict.Pass);
        var asIsFlow = Math.Min(free, need);
        if ((passesAlone || (mixKeys.Count > 0 && passesPerPath)) && asIsFlow >= WaterMatcher.MinimumFlowM3PerDay)
        {
            var economics = r.Route == WaterRoute.AsIs && r.Economics is { } chosen ? chosen : WaterMatcher.RouteEconomics(supply, d, context, null, asIsFlow);
            found.Add(Path(supply, d, AllocationPath.AsIs, [], asIsFlow, 1, economics, r.Parameters, mixKeys));
        }

        if (r.Treatment is { Feasible: true } plan)
        {
            var flow = Math.Min(free * plan.Recovery, need);
            if (flow >= WaterMatcher.MinimumFlowM3PerDay)
            {
                var economics = r.Route == WaterRoute.Treatment && r.Economics is { } chosen ? chosen : WaterMatcher.RouteEconomics(supply, d, context, plan, flow);
                found.Add(Path(supply, d, string.Join("+", plan.Steps), plan.Steps, flow, plan.Recovery, economics, plan.After, mixKeys));
            }
        }

        return found;
    }

    private static (AllocationPath, decimal) Path(WaterSupplyInput supply, WaterDemandInput demand, string option, IReadOnlyList<string> treatment, decimal flow,
        decimal recovery, WaterEconomics economics, IReadOnlyList<ParameterCheck> delivered, HashSet<string> mixKeys) =>
        (new AllocationPath
        {
            SupplyId = supply.Id,
            DemandId = demand.Id,
            Option = option,
            Treatment = treatment,
            MaxQuantity = flow,
            SupplyUsePerUnit = 1 / recovery,
            SavingNtdPerYearPerUnit = (economics.BuyerSavingNtdPerM3 + economics.SupplierSavingNtdPerM3) * economics.OperatingDaysPerYear,
            InvestmentNtdPerUnit = economics.FlowM3PerDay > 0 ? economics.TreatmentCapexNtd / economics.FlowM3PerDay : 0,
            Outlet = delivered.Where(c => mixKeys.Contains(c.Key)).ToDictionary(c => c.Key, c => c.Value!.Value),
        }, economics.PipeNtd + economics.PumpNtd);
}
