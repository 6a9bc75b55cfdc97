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

    public static WaterMatchResult Evaluate(WaterSupplyInput supply, WaterDemandInput demand, WaterMatchContext context, WaterQuotes? quotes = null)
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
        var onReference = WaterMatchContext.OnReferenceValues(demand);
        var limitsSource = onReference ? $"baseline:{context.Baseline?.Version ?? "none"}" : "demand";
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
                if (onReference)
                {
                    reasons.Add(new(MatchCodes.ReferenceValueFails, ReasonKind.Quality,
                        $"{check.Key} fails the baseline's reference value {Bounds(check)}, a starting point for negotiation rather than the buyer's own limit.", check.Key));
                }
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

        // Without storage, water passes only while both run: the flows are per operating day, spread over each stream's hours.
        var hours = Math.Min(supply.HoursPerDay, demand.HoursPerDay ?? supply.HoursPerDay);
        var free = supply.FreeFlowM3PerDay * hours / supply.HoursPerDay;
        var need = demand.FlowM3PerDay * hours / (demand.HoursPerDay ?? supply.HoursPerDay);
        if (hours < supply.HoursPerDay || hours < (demand.HoursPerDay ?? supply.HoursPerDay))
        {
            inputs.Add(new("commonHoursPerDay", hours, "h", InputSource.Filed));
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
        WaterEconomics? ifReferenceAccepted = null;
        if (!anyFail)
        {
            var flow = Math.Min(free, need);
            options.Add(Cost(WaterRoute.AsIs, flow, flow, null, checks, supply, demand, context, scope, quotes));
        }
        else
        {
            if (blend is { Share: > 0 } mix)
            {
                var flow = Math.Min(free, mix.Share.Value * need);
                options.Add(Cost(WaterRoute.Blending, flow, flow, null, mix.AtShare, supply, demand, context, scope, quotes));
            }

            if (treatment is { Feasible: true })
            {
                var flow = Math.Min(free * treatment.Recovery, need);
                options.Add(Cost(WaterRoute.Treatment, flow, flow / treatment.Recovery, treatment, treatment.After, supply, demand, context, scope, quotes));
            }

            // Failing only the baseline's reference values: the second route, as is, if the buyer accepts the water as it is.
            if (onReference && Math.Min(free, need) >= MinimumFlowM3PerDay)
            {
                var flow = Math.Min(free, need);
                ifReferenceAccepted = Cost(WaterRoute.AsIs, flow, flow, null, checks, supply, demand, context, scope, quotes).Economics;
            }
        }

        // The route with the higher net annual benefit; on a tie the one listed first (as is, blending, treatment).
        // A flow below a thousandth of a m³ a day is no route (a numerical floor, e.g. a blend share of 10⁻²⁰).
        options.RemoveAll(o => o.Economics.FlowM3PerDay < MinimumFlowM3PerDay);
        var chosen = options.Count == 0 ? null : options.Aggregate((a, b) => b.Economics.NetAnnualBenefitNtd > a.Economics.NetAnnualBenefitNtd ? b : a);

        // A route that costs more than it saves (or pays back too late) is uneconomic, whatever the lab may add: an unknown
        // parameter can only call for more treatment, never for less.
        var uneconomic = chosen is null ? [] : MatchMath.UneconomicReasons(chosen.Economics.NetAnnualBenefitNtd, chosen.Economics.PairPaybackMonths, p.PaybackCeilingMonths);
        var status = chosen is null ? WaterMatchStatus.Infeasible
            : uneconomic.Count > 0 ? WaterMatchStatus.Uneconomic
            : anyUnknown ? WaterMatchStatus.NeedsLabTest
            : chosen.Route switch
            {
                WaterRoute.AsIs => WaterMatchStatus.FeasibleAsIs,
                WaterRoute.Blending => WaterMatchStatus.FeasibleWithBlending,
                _ => WaterMatchStatus.FeasibleWithTreatment,
            };

        if (chosen is not null)
        {
            reasons.AddRange(uneconomic);
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
            Tightest(chosen?.Delivered ?? checks), inputs, p.Version, context.Treatments.Version)
        {
            IfReferenceAccepted = ifReferenceAccepted,
            IfReferenceAcceptedEconomic = ifReferenceAccepted is { } accepted
                && MatchMath.UneconomicReasons(accepted.NetAnnualBenefitNtd, accepted.PairPaybackMonths, p.PaybackCeilingMonths).Count == 0,
        };
    }

    /// <summary>
    /// Ranks results: pairs with a route first, economic routes before uneconomic ones, then by net annual benefit (highest first), then by the
    /// tightest margin (more headroom first), then by supply and demand id so the order is stable.
    /// </summary>
    public static IReadOnlyList<WaterMatchResult> Rank(IEnumerable<WaterMatchResult> results) =>
        [.. results
            .OrderBy(r => r.Economics is null ? 2 : r.Status == WaterMatchStatus.Uneconomic ? 1 : 0)
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

    /// <summary>
    /// The economics of one route of a pair at a given flow delivered: as is (no plan) or through the plan's train. The
    /// park-wide allocation weighs routes the pair's own verdict did not choose (an effluent that fails alone may pass in a
    /// mix of several), so it costs them with the same formulas.
    /// </summary>
    public static WaterEconomics RouteEconomics(WaterSupplyInput supply, WaterDemandInput demand, WaterMatchContext context, TreatmentPlan? plan, decimal flowM3PerDay)
    {
        var p = context.Parameters;
        var scope = MatchScope.Judge(supply.Location, demand.Location, supply.ParkId == demand.ParkId, p.Water.MaxPipeDistanceM, demand.MaxPipeDistanceM, p.InParkDistanceWhenUnknownM);
        var feed = plan is null ? flowM3PerDay : flowM3PerDay / plan.Recovery;
        return Cost(plan is null ? WaterRoute.AsIs : WaterRoute.Treatment, flowM3PerDay, feed, plan, [], supply, demand, context, scope, null).Economics;
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
        WaterSupplyInput supply, WaterDemandInput demand, WaterMatchContext context, MatchScope scope, WaterQuotes? quotes)
    {
        var p = context.Parameters;
        var w = p.Water;
        var reasons = new List<MatchReason>();
        var inputs = new List<MatchInput>();
        var days = p.OperatingDays(supply.DaysPerWeek, demand.DaysPerWeek);
        var m3PerYear = flow * days;
        var price = Given(demand.CurrentWaterPriceNtdPerM3, w.DefaultTapPriceNtdPerM3, "waterPriceNtdPerM3", "NTD/m³", inputs, reasons);
        var fee = Fee(demand, context, flow, days / (p.OperatingDaysPerYear ?? p.DaysPerMonth * 12), m3PerYear, inputs, reasons);
        var discharge = supply.DischargeFeeNtdPerM3 ?? 0;
        inputs.Add(new("dischargeFeeNtdPerM3", discharge, "NTD/m³", supply.DischargeFeeNtdPerM3 is null ? InputSource.Default : InputSource.Filed));
        if (supply.DischargeFeeNtdPerM3 is null)
        {
            reasons.Add(new(MatchCodes.DischargeFeeNotFiled, ReasonKind.DataQuality,
                "No discharge or sewer fee is filed on the effluent: the supplier's avoided fee counts 0.", "dischargeFeeNtdPerM3"));
        }

        var transfer = MatchMath.Quoted(quotes?.TransferPriceNtdPerM3, w.TransferPriceNtdPerM3, "transferPriceNtdPerM3", "NTD/m³", inputs, reasons);
        var (buyerTreatment, supplierTreatment) = Split(plan?.BuyerCostNtdPerM3 ?? 0, plan?.SupplierCostNtdPerM3 ?? 0,
            plan is null ? null : quotes?.TreatmentOpexNtdPerM3);
        if (plan is not null)
        {
            MatchMath.Quoted(quotes?.TreatmentOpexNtdPerM3, plan.OperatingCostNtdPerM3, "treatmentOpexNtdPerM3", "NTD/m³", inputs, reasons);
        }

        var buyerPerM3 = price + fee - buyerTreatment - transfer;
        var supplierPerM3 = discharge + transfer - supplierTreatment;
        var buyerMonthly = buyerPerM3 * m3PerYear / 12;
        var supplierMonthly = supplierPerM3 * m3PerYear / 12;

        var length = Math.Max(scope.CostDistanceM * p.PipeRoutingFactor, p.MinimumPipeLengthM);
        var (pipeClass, lines) = PipeFor(w.PipeClasses, feed);
        var pipe = length * pipeClass.CostNtdPerM * lines;
        var pump = pipeClass.PumpNtd * lines;
        if (quotes?.PipeNtd is { } quotedPipe)
        {
            // A quote for the pipe covers the line and its pump.
            MatchMath.Quoted(quotedPipe, pipe + pump, "pipeNtd", "NTD", inputs, reasons);
            (pipe, pump) = (quotedPipe, 0);
        }
        else
        {
            inputs.Add(new("pipeNtd", pipe + pump, "NTD", InputSource.Default));
        }

        var (buyerCapex, supplierCapex) = Split((plan?.BuyerCapexNtdPerM3PerDay ?? 0) * flow, (plan?.SupplierCapexNtdPerM3PerDay ?? 0) * flow,
            plan is null ? null : quotes?.TreatmentCapexNtd);
        if (plan is not null)
        {
            MatchMath.Quoted(quotes?.TreatmentCapexNtd, (plan.BuyerCapexNtdPerM3PerDay + plan.SupplierCapexNtdPerM3PerDay) * flow, "treatmentCapexNtd", "NTD", inputs, reasons);
        }

        var supplierInvestment = ((pipe + pump) * w.SupplierShareOfPipeInvestment) + supplierCapex;
        var buyerInvestment = ((pipe + pump) * (1 - w.SupplierShareOfPipeInvestment)) + buyerCapex;
        var net = ((buyerMonthly + supplierMonthly) * 12) - ((buyerInvestment + supplierInvestment) / p.InvestmentLifeYears);

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
            new("operatingDaysPerYear", days, "days", InputSource.Filed),
            new("pipeRoutingFactor", p.PipeRoutingFactor, "×", InputSource.Default),
            new("pipeCostNtdPerM", pipeClass.CostNtdPerM, "NTD/m", InputSource.Default),
            new("pumpNtd", pipeClass.PumpNtd, "NTD", InputSource.Default),
            new("investmentLifeYears", p.InvestmentLifeYears, "years", InputSource.Default),
            new("tapKgCo2ePerM3", w.TapKgCo2ePerM3, "kgCO₂e/m³", InputSource.Default),
            new("gridKgCo2ePerKwh", p.GridKgCo2ePerKwh, "kgCO₂e/kWh", InputSource.Default),
        ]);

        var economics = new WaterEconomics
        {
            FlowM3PerDay = flow,
            FeedM3PerDay = feed,
            OperatingDaysPerYear = days,
            WaterPriceNtdPerM3 = price,
            MarginalFeeNtdPerM3 = fee,
            TransferPriceNtdPerM3 = transfer,
            BuyerTreatmentNtdPerM3 = buyerTreatment,
            BuyerSavingNtdPerM3 = buyerPerM3,
            DischargeFeeNtdPerM3 = discharge,
            SupplierTreatmentNtdPerM3 = supplierTreatment,
            SupplierSavingNtdPerM3 = supplierPerM3,
            BuyerMonthlyNtd = buyerMonthly,
            SupplierMonthlyNtd = supplierMonthly,
            PipeLengthM = length,
            PipeDiameterMm = pipeClass.DiameterMm,
            PipeLines = lines,
            PipeNtd = pipe,
            PumpNtd = pump,
            TreatmentCapexNtd = buyerCapex + supplierCapex,
            BuyerInvestmentNtd = buyerInvestment,
            SupplierInvestmentNtd = supplierInvestment,
            BuyerPaybackMonths = MatchMath.PaybackMonths(buyerInvestment, buyerMonthly),
            SupplierPaybackMonths = MatchMath.PaybackMonths(supplierInvestment, supplierMonthly),
            PairPaybackMonths = MatchMath.PaybackMonths(buyerInvestment + supplierInvestment, buyerMonthly + supplierMonthly),
            NetAnnualBenefitNtd = net,
            BuyerEffectiveCostNtdPerM3 = effective,
            WaterM3PerYear = m3PerYear,
            TreatmentKwhPerM3 = kwh,
            Co2eAvoidedKgPerYear = co2,
        };
        return new Option(route, economics, delivered, reasons, inputs);
    }

    /// <summary>
    /// The buyer's water-consumption fee saving per m³ matched: the caller's own figure; else the fee engine's year on the
    /// buyer's months (filed or stated) with and without the matched volume, over the year's matched m³; else the same on the
    /// documented assumption that the demand's flow is all the tap water it draws; else 0 when no fee rules are in effect.
    /// </summary>
    private static decimal Fee(WaterDemandInput demand, WaterMatchContext context, decimal flow, decimal operatedShare, decimal m3PerYear,
        List<MatchInput> inputs, List<MatchReason> reasons)
    {
        const string name = "marginalFeeNtdPerM3";
        if (demand.MarginalFeeNtdPerM3 is { } stated)
        {
            inputs.Add(new(name, stated, "NTD/m³", InputSource.Filed));
            return stated;
        }

        if (context.FeeRules is not { Regulation2023: { } rules } feeRules)
        {
            inputs.Add(new(name, 0, "NTD/m³", InputSource.Default));
            reasons.Add(new(MatchCodes.DefaultUsed, ReasonKind.DataQuality, "No water-consumption fee rules are in effect: the buyer's fee saving counts 0.", name));
            return 0;
        }

        var assumed = demand.WindowMonths.Count == 0;
        var months = assumed ? MarginalWaterFee.AssumedWindow(rules, context.FeeYear, demand.FlowM3PerDay, operatedShare) : demand.WindowMonths;
        var fee = MarginalWaterFee.PerM3(feeRules, context.FeeYear, months, flow, m3PerYear, operatedShare) ?? 0;
        inputs.Add(new(name, fee, "NTD/m³", assumed ? InputSource.Assumed : demand.WindowMonthsSource));
        if (assumed)
        {
            reasons.Add(new(MatchCodes.FeeAssumed, ReasonKind.DataQuality,
                $"No monthly intake filed: the fee saving of {fee:0.##} NTD/m³ assumes the buyer draws only this demand's {demand.FlowM3PerDay:0.#} m³/day of tap water.", name));
        }

        return fee;
    }

    /// <summary>A quoted total split between buyer and supplier as the computed one was (all to the buyer when nothing was computed).</summary>
    private static (decimal Buyer, decimal Supplier) Split(decimal buyer, decimal supplier, decimal? quote) => quote switch
    {
        null => (buyer, supplier),
        { } q when buyer + supplier > 0 => (q * buyer / (buyer + supplier), q * supplier / (buyer + supplier)),
        { } q => (q, 0),
    };

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
