using EcoPark.Domain.Streams;

namespace EcoPark.Domain.Matching;

/// <summary>
/// Judges one effluent against one water demand: scope and hard blocks, every limited parameter,
/// the cheapest treatment train, the largest blend share, and the economics and carbon of the best route.
/// Pure and deterministic; see docs/decisions/0005-matching-model.md for every formula.
/// </summary>
public static class WaterMatcher
{
    /// <summary>Below this a route carries nothing (a numerical floor, not a rule).</summary>
    public const decimal MinimumFlowM3PerDay = 0.001m;

    public static WaterMatchResult Evaluate(WaterSupplyInput supply, WaterDemandInput demand, WaterMatchContext context)
    {
        var p = context.Parameters;
        var reasons = new List<MatchReason>();
        var inputs = new List<MatchInput>
        {
            new("supplyFreeFlowM3PerDay", supply.FreeFlowM3PerDay, "m³/day", supply.FlowSource),
            new("demandFlowM3PerDay", demand.FlowM3PerDay, "m³/day", InputSource.Filed),
        };

        var samePark = supply.ParkId == demand.ParkId;
        var scope = MatchScope.Judge(supply.Location, demand.Location, samePark, p.Water.MaxPipeDistanceM, demand.MaxPipeDistanceM, p.InParkDistanceWhenUnknownM);
        scope.AddReasons(reasons, inputs);
        AddHardBlocks(supply, demand, reasons);

        var limits = context.LimitsFor(demand);
        var limitsSource = demand.Limits.Count > 0 ? "demand" : $"baseline:{context.Baseline?.Version ?? "none"}";
        if (limits.Count == 0)
        {
            reasons.Add(new(MatchCodes.NoLimits, ReasonKind.DataQuality, $"No limits apply to {demand.Use} water: nothing was judged."));
        }

        var checks = LimitJudge.Judge(supply.Quality, limits, context.Today, p.StaleAfterDays);
        LimitJudge.AddDataQuality(checks, supply.Quality, reasons, p.StaleAfterDays);
        foreach (var check in checks)
        {
            if (check.Value is { } value)
            {
                inputs.Add(new($"quality.{check.Key}", value, Unit(check.Key), check.Source!.Value));
            }

            if (check.Verdict == Verdict.Fail)
            {
                reasons.Add(new(MatchCodes.ParameterFails, ReasonKind.Quality,
                    $"{check.Key} is {check.Value} against {Bounds(check)} (headroom {check.Headroom}).", check.Key));
            }
        }

        var blocked = reasons.Any(r => r.Kind == ReasonKind.HardBlock);
        var anyFail = checks.Any(c => c.Verdict == Verdict.Fail);
        var anyUnknown = checks.Any(c => c.Verdict == Verdict.Unknown);
        var feasibleAsIs = !blocked && checks.All(c => c.Verdict == Verdict.Pass);
        if (blocked)
        {
            // Treatment and blending cannot lift a hard block: nothing further is worked out.
            return new WaterMatchResult(supply.Id, demand.Id, WaterMatchStatus.Blocked, false, WaterRoute.None, reasons, checks, limitsSource,
                samePark, (decimal?)scope.DistanceM, 0, null, null, null, Tightest(checks), inputs, p.Version, context.Treatments.Version);
        }

        var treatment = anyFail ? TreatmentPlanner.Plan(checks, context.Treatments, p.DaysPerMonth * 12, p.InvestmentLifeYears) : null;
        var blend = demand.BlendingAllowed ? Blending.Solve(limits, supply.Quality, demand.CurrentWaterQuality, context.Today, p.StaleAfterDays) : null;
        if (blend is { UnknownKeys.Count: > 0 })
        {
            reasons.Add(new(MatchCodes.BlendUnknownParameter, ReasonKind.DataQuality,
                $"No blend share: {string.Join(", ", blend.UnknownKeys)} unknown in the effluent or in the current water."));
        }

        if (treatment is { Feasible: false })
        {
            reasons.Add(new(MatchCodes.TreatmentInfeasible, ReasonKind.Quality, treatment.Unfixable.Count > 0
                ? $"No step in catalogue {context.Treatments.Version} brings {string.Join(", ", treatment.Unfixable)} within the limit."
                : $"No train from catalogue {context.Treatments.Version} meets every limit at once."));
        }

        var options = new List<Option>();
        if (!anyFail)
        {
            var flow = Math.Min(supply.FreeFlowM3PerDay, demand.FlowM3PerDay);
            options.Add(Cost(WaterRoute.AsIs, flow, flow, null, checks, supply, demand, context, scope));
        }
        else
        {
            if (blend is { Share: > 0 } mix)
            {
                var flow = Math.Min(supply.FreeFlowM3PerDay, mix.Share.Value * demand.FlowM3PerDay);
                options.Add(Cost(WaterRoute.Blending, flow, flow, null, mix.AtShare, supply, demand, context, scope));
            }

            if (treatment is { Feasible: true })
            {
                var flow = Math.Min(supply.FreeFlowM3PerDay * treatment.Recovery, demand.FlowM3PerDay);
                options.Add(Cost(WaterRoute.Treatment, flow, flow / treatment.Recovery, treatment, treatment.After, supply, demand, context, scope));
            }
        }

        // The route with the higher net annual benefit; on a tie the one listed first (as is, blending, treatment).
        // A flow below a thousandth of a m³ a day is no route (a numerical floor, e.g. a blend share of 10⁻²⁰).
        options.RemoveAll(o => o.Economics.FlowM3PerDay < MinimumFlowM3PerDay);
        var chosen = options.Count == 0 ? null : options.Aggregate((a, b) => b.Economics.NetAnnualBenefitNtd > a.Economics.NetAnnualBenefitNtd ? b : a);
        var status = chosen is null ? WaterMatchStatus.Infeasible
            : anyUnknown ? WaterMatchStatus.NeedsLabTest
            : chosen.Route switch
            {
                WaterRoute.AsIs => WaterMatchStatus.FeasibleAsIs,
                WaterRoute.Blending => WaterMatchStatus.FeasibleWithBlending,
                _ => WaterMatchStatus.FeasibleWithTreatment,
            };

        if (chosen is not null)
        {
            reasons.AddRange(chosen.Reasons);
            inputs.AddRange(chosen.Inputs);
            if (chosen.Route == WaterRoute.Treatment)
            {
                reasons.Add(new(MatchCodes.TreatmentNeeded, ReasonKind.Quality, $"Treatment: {string.Join(" → ", treatment!.Steps)}."));
            }
            else if (chosen.Route == WaterRoute.Blending)
            {
                reasons.Add(new(MatchCodes.BlendNeeded, ReasonKind.Quality, $"Blend at most {blend!.Share:P2} effluent with the current water."));
            }
        }

        return new WaterMatchResult(supply.Id, demand.Id, status, feasibleAsIs, chosen?.Route ?? WaterRoute.None, reasons, checks, limitsSource,
            samePark, (decimal?)scope.DistanceM, chosen?.Economics.FlowM3PerDay ?? 0, treatment, blend, chosen?.Economics,
            Tightest(chosen?.Delivered ?? checks), inputs, p.Version, context.Treatments.Version);
    }

    /// <summary>
    /// Ranks results: pairs with a route first, then by net annual benefit (highest first), then by the
    /// tightest margin (more headroom first), then by supply and demand id so the order is stable.
    /// </summary>
    public static IReadOnlyList<WaterMatchResult> Rank(IEnumerable<WaterMatchResult> results) =>
        [.. results
            .OrderBy(r => r.Economics is null ? 1 : 0)
            .ThenByDescending(r => r.Economics?.NetAnnualBenefitNtd ?? decimal.MinValue)
            .ThenByDescending(r => r.TightestMargin ?? decimal.MinValue)
            .ThenBy(r => r.SupplyId)
            .ThenBy(r => r.DemandId)];

    /// <summary>
    /// Screens, then evaluates every candidate the screen keeps (on all cores), then ranks the results.
    /// Set <see cref="WaterScreeningOptions.MaxCandidatesPerDemand"/> to bound the work.
    /// </summary>
    public static IReadOnlyList<WaterMatchResult> FindMatches(IReadOnlyList<WaterSupplyInput> supplies, IReadOnlyList<WaterDemandInput> demands, WaterMatchContext context, WaterScreeningOptions? options = null)
    {
        var candidates = WaterScreening.Screen(supplies, demands, context, options).Candidates;
        var results = new WaterMatchResult[candidates.Count];
        Parallel.For(0, candidates.Count, i => results[i] = Evaluate(supplies[candidates[i].SupplyIndex], demands[candidates[i].DemandIndex], context));
        return Rank(results);
    }

    private static void AddHardBlocks(WaterSupplyInput supply, WaterDemandInput demand, List<MatchReason> reasons)
    {
        if (WaterDemand.ReclaimedBarredByLaw(demand.Industry, demand.Use))
        {
            reasons.Add(new(MatchCodes.FoodMedicalProcess, ReasonKind.HardBlock,
                "Food and medical-product makers may not use recycled or reclaimed water in their process (law)."));
            reasons.Add(new(MatchCodes.ReclaimedNotAllowed, ReasonKind.HardBlock, "Reclaimed water is barred by law for this use."));
        }
        else if (!demand.ReclaimedAllowed)
        {
            reasons.Add(new(MatchCodes.ReclaimedNotAllowed, ReasonKind.HardBlock, "The demand accepts no reclaimed water."));
        }

        if (supply.FreeFlowM3PerDay <= 0)
        {
            reasons.Add(new(MatchCodes.SupplyCommitted, ReasonKind.HardBlock, "The supply's volume is already committed to agreed matches."));
        }
    }

    private static Option Cost(WaterRoute route, decimal flow, decimal feed, TreatmentPlan? plan, IReadOnlyList<ParameterCheck> delivered,
        WaterSupplyInput supply, WaterDemandInput demand, WaterMatchContext context, MatchScope scope)
    {
        var p = context.Parameters;
        var w = p.Water;
        var reasons = new List<MatchReason>();
        var inputs = new List<MatchInput>();
        var price = Given(demand.CurrentWaterPriceNtdPerM3, w.DefaultTapPriceNtdPerM3, "waterPriceNtdPerM3", "NTD/m³", inputs, reasons);
        var fee = Given(demand.MarginalFeeNtdPerM3, w.MarginalFeeNtdPerM3, "marginalFeeNtdPerM3", "NTD/m³", inputs, reasons);
        var discharge = Given(supply.DischargeFeeNtdPerM3, w.DefaultDischargeFeeNtdPerM3, "dischargeFeeNtdPerM3", "NTD/m³", inputs, reasons);
        var transfer = w.TransferPriceNtdPerM3;
        var buyerTreatment = plan?.BuyerCostNtdPerM3 ?? 0;
        var supplierTreatment = plan?.SupplierCostNtdPerM3 ?? 0;
        var buyerPerM3 = price + fee - buyerTreatment - transfer;
        var supplierPerM3 = discharge + transfer - supplierTreatment;
        var days = p.DaysPerMonth;
        var buyerMonthly = buyerPerM3 * flow * days;
        var supplierMonthly = supplierPerM3 * flow * days;

        var length = Math.Max(scope.CostDistanceM * p.PipeRoutingFactor, p.MinimumPipeLengthM);
        var (pipeClass, lines) = PipeFor(w.PipeClasses, feed);
        var pipe = length * pipeClass.CostNtdPerM * lines;
        var pump = pipeClass.PumpNtd * lines;
        var buyerCapex = (plan?.BuyerCapexNtdPerM3PerDay ?? 0) * flow;
        var supplierCapex = (plan?.SupplierCapexNtdPerM3PerDay ?? 0) * flow;
        var supplierInvestment = ((pipe + pump) * w.SupplierShareOfPipeInvestment) + supplierCapex;
        var buyerInvestment = ((pipe + pump) * (1 - w.SupplierShareOfPipeInvestment)) + buyerCapex;
        var net = ((buyerMonthly + supplierMonthly) * 12) - ((buyerInvestment + supplierInvestment) / p.InvestmentLifeYears);

        var m3PerYear = flow * days * 12;
        var effective = transfer + buyerTreatment + (m3PerYear > 0 ? buyerInvestment / (p.InvestmentLifeYears * m3PerYear) : 0);
        if (demand.MaxPriceNtdPerM3 is { } max && effective > max)
        {
            reasons.Add(new(MatchCodes.AboveMaxPrice, ReasonKind.Commercial, $"The buyer's cost of {effective:0.##} NTD/m³ is above its maximum of {max:0.##} NTD/m³."));
        }

        if (buyerMonthly + supplierMonthly <= 0)
        {
            reasons.Add(new(MatchCodes.NoNetSaving, ReasonKind.Commercial, "The pair saves nothing a month on this route."));
        }

        var kwh = plan?.KwhPerM3 ?? 0;
        var co2 = m3PerYear * (w.TapKgCo2ePerM3 - (kwh * p.GridKgCo2ePerKwh));
        inputs.AddRange(
        [
            new("transferPriceNtdPerM3", transfer, "NTD/m³", InputSource.Default),
            new("daysPerMonth", days, "days", InputSource.Default),
            new("pipeRoutingFactor", p.PipeRoutingFactor, "×", InputSource.Default),
            new("pipeCostNtdPerM", pipeClass.CostNtdPerM, "NTD/m", InputSource.Default),
            new("pumpNtd", pipeClass.PumpNtd, "NTD", InputSource.Default),
            new("investmentLifeYears", p.InvestmentLifeYears, "years", InputSource.Default),
            new("tapKgCo2ePerM3", w.TapKgCo2ePerM3, "kgCO₂e/m³", InputSource.Default),
            new("gridKgCo2ePerKwh", p.GridKgCo2ePerKwh, "kgCO₂e/kWh", InputSource.Default),
        ]);

        var economics = new WaterEconomics(flow, feed, days, price, fee, transfer, buyerTreatment, buyerPerM3, discharge, supplierTreatment, supplierPerM3,
            buyerMonthly, supplierMonthly, length, pipeClass.DiameterMm, lines, pipe, pump, buyerCapex + supplierCapex, buyerInvestment, supplierInvestment,
            MatchMath.PaybackMonths(buyerInvestment, buyerMonthly), MatchMath.PaybackMonths(supplierInvestment, supplierMonthly),
            MatchMath.PaybackMonths(buyerInvestment + supplierInvestment, buyerMonthly + supplierMonthly), net, effective, m3PerYear, kwh, co2);
        return new Option(route, economics, delivered, reasons, inputs);
    }

    /// <summary>The smallest class that carries the flow; beyond the largest, parallel lines of the largest.</summary>
    internal static (WaterPipeClass Class, int Lines) PipeFor(IReadOnlyList<WaterPipeClass> classes, decimal flow)
    {
        foreach (var pipe in classes)
        {
            if (flow <= pipe.MaxFlowM3PerDay)
            {
                return (pipe, 1);
            }
        }

        var largest = classes[^1];
        return (largest, (int)Math.Ceiling(flow / largest.MaxFlowM3PerDay));
    }

    private static decimal Given(decimal? given, decimal fallback, string name, string unit, List<MatchInput> inputs, List<MatchReason> reasons)
    {
        inputs.Add(new(name, given ?? fallback, unit, given is null ? InputSource.Default : InputSource.Filed));
        if (given is null)
        {
            reasons.Add(new(MatchCodes.DefaultUsed, ReasonKind.DataQuality, $"No {name} given: the default of {fallback:0.##} {unit} is used.", name));
        }

        return given ?? fallback;
    }

    private static decimal? Tightest(IReadOnlyList<ParameterCheck> checks)
    {
        decimal? tightest = null;
        foreach (var check in checks)
        {
            if (check.Margin is { } margin && (tightest is null || margin < tightest))
            {
                tightest = margin;
            }
        }

        return tightest;
    }

    private static string Bounds(ParameterCheck check) => (check.Min, check.Max) switch
    {
        ({ } min, { } max) => $"{min}–{max}",
        ({ } min, null) => $"≥ {min}",
        (null, { } max) => $"≤ {max}",
        _ => "no bound",
    };

    private static string Unit(string key) => WaterQuality.Parameters.TryGet(key, out var definition) ? definition.Unit : "";

    private sealed record Option(WaterRoute Route, WaterEconomics Economics, IReadOnlyList<ParameterCheck> Delivered, List<MatchReason> Reasons, List<MatchInput> Inputs);
}
