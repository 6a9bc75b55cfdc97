using EcoPark.Domain.Common;
using EcoPark.Domain.Streams;

namespace EcoPark.Domain.Matching;

/// <summary>Surplus heat on offer, as the engine sees it.</summary>
public sealed record HeatSupplyInput
{
    public required Guid Id { get; init; }

    public required Guid ParkId { get; init; }

    public GeoPoint? Location { get; init; }

    public required HeatMedium Medium { get; init; }

    /// <summary>The temperature the heat is available at, °C.</summary>
    public required decimal SupplyTemperatureC { get; init; }

    /// <summary>The temperature the stream may be cooled to, °C; the load is the heat between the two.</summary>
    public required decimal CooledToC { get; init; }

    public required decimal LoadKw { get; init; }

    public required decimal HoursPerDay { get; init; }

    public required int DaysPerYear { get; init; }

    /// <summary>The hour of day (0–23) the stream starts; it then runs <see cref="HoursPerDay"/> hours, past midnight if need be.</summary>
    public required int StartHour { get; init; }

    /// <summary>What getting rid of the heat costs the supplier today (cooling towers …), NTD per kWh; null: nothing counted.</summary>
    public decimal? DisposalCostNtdPerKwh { get; init; }

    /// <summary>A steam supply that may condense at the buyer: its load includes the latent heat, released at <see cref="SaturationTemperatureC"/>.</summary>
    public bool CondensingAllowed { get; init; }

    /// <summary>The steam's saturation temperature, °C (from its pressure); null: the supply temperature (saturated steam).</summary>
    public decimal? SaturationTemperatureC { get; init; }
}

/// <summary>A heat need, as the engine sees it.</summary>
public sealed record HeatDemandInput
{
    public required Guid Id { get; init; }

    public required Guid ParkId { get; init; }

    public GeoPoint? Location { get; init; }

    public required HeatMedium Medium { get; init; }

    /// <summary>The supply temperature the demand needs, °C.</summary>
    public required decimal RequiredTemperatureC { get; init; }

    /// <summary>The temperature its medium comes back at, °C.</summary>
    public required decimal ReturnTemperatureC { get; init; }

    public required decimal LoadKw { get; init; }

    public required decimal HoursPerDay { get; init; }

    public required int DaysPerYear { get; init; }

    public required int StartHour { get; init; }

    /// <summary>What it burns today; null: the default fuel.</summary>
    public Fuel? CurrentFuel { get; init; }

    /// <summary>What a kWh of its heat costs today; null: fuel price ÷ boiler efficiency.</summary>
    public decimal? CurrentCostNtdPerKwh { get; init; }
}

[KeyCase(KeyCase.Kebab)]
public enum HeatMatchStatus
{
    Blocked,
    Infeasible,
    FeasibleDirect,
    FeasibleWithHeatPump,

    /// <summary>Physically feasible, but the net annual benefit is 0 or less, or the payback is above the ceiling.</summary>
    Uneconomic,
}

/// <summary>
/// The judgement of one heat supply against one heat demand.
/// </summary>
/// <remarks>
/// <para><c>ApproachK</c>: supply temperature − ΔT_min − required temperature; feasible directly when ≥ 0.</para>
/// <para><c>UsableFraction</c>: share of the supply load usable directly: the supply is cooled from its temperature
/// only down to max(cooled-to, demand return + ΔT_min), with constant heat capacity (linear in temperature).</para>
/// <para><c>SentKw</c>: heat entering the pipe (after the heat pump, if any): min(usable supply, demand load).</para>
/// <para><c>DeliveredKw</c>: <c>SentKw</c> × (1 − transport loss).</para>
/// <para><c>OverlapHoursPerDay</c> and <c>OverlapDaysPerYear</c>: the daily windows' overlap (wrapping past midnight)
/// and the fewer of the two streams' days (assumed to fall together).</para>
/// </remarks>
public sealed record HeatMatchResult(
    Guid SupplyId,
    Guid DemandId,
    HeatMatchStatus Status,
    IReadOnlyList<MatchReason> Reasons,
    decimal DeltaTMinK,
    decimal ApproachK,
    decimal UsableFraction,
    decimal? HeatPumpElectricKw,
    decimal SentKw,
    decimal TransportLoss,
    decimal DeliveredKw,
    decimal OverlapHoursPerDay,
    int OverlapDaysPerYear,
    decimal DeliveredKwhPerYear,
    bool SamePark,
    decimal? DistanceM,
    HeatEconomics? Economics,
    IReadOnlyList<MatchInput> Inputs,
    string ParametersVersion)
{
    public bool Feasible => Status is HeatMatchStatus.FeasibleDirect or HeatMatchStatus.FeasibleWithHeatPump;

    /// <summary>Whether the pair is physically feasible (it may still not pay: <see cref="HeatMatchStatus.Uneconomic"/>).</summary>
    public bool PhysicallyFeasible => Feasible || Status == HeatMatchStatus.Uneconomic;
}

/// <summary>
/// Money and carbon of a heat match, per year (heat-and-byproducts.md). The buyer pays the investment and
/// the electricity (pumping and heat pump).
/// </summary>
/// <remarks>
/// <para>Fuel avoided (kWh) = heat delivered ÷ boiler efficiency; its cost = fuel avoided × fuel price, or heat delivered × the demand's own cost per kWh.</para>
/// <para>CO₂e avoided = fuel avoided × the fuel's factor − electricity × grid factor, in kg.</para>
/// <para>Investment = pipe pair × route length + source and sink exchangers on the heat sent (+ heat pump per kW of output).</para>
/// <para>Net annual benefit = buyer + supplier saving − investment ÷ investment life.</para>
/// </remarks>
public sealed record HeatEconomics(
    Fuel Fuel,
    decimal BoilerEfficiency,
    decimal FuelKwhAvoidedPerYear,
    decimal HeatCostAvoidedNtdPerYear,
    decimal PumpingKwhPerYear,
    decimal HeatPumpKwhPerYear,
    decimal ElectricityNtdPerYear,
    decimal BuyerSavingNtdPerYear,
    decimal SupplierSavingNtdPerYear,
    decimal PipeLengthM,
    decimal PipeNtd,
    decimal ExchangersNtd,
    decimal HeatPumpNtd,
    decimal? BuyerPaybackMonths,
    decimal? PairPaybackMonths,
    decimal NetAnnualBenefitNtd,
    decimal Co2eAvoidedKgPerYear)
{
    public decimal InvestmentNtd => PipeNtd + ExchangersNtd + HeatPumpNtd;
}

/// <summary>
/// Figures staff recorded on a heat match from quotes, each replacing the engine's own: the pipe pair (NTD), the heat
/// exchangers with any heat pump (NTD), the running cost (pumping and heat-pump electricity, NTD per year) and the price the
/// buyer pays the supplier per kWh delivered (the engine assumes none). A quote changes money only: the carbon still follows
/// the engine's kWh.
/// </summary>
public sealed record HeatQuotes(decimal? PipeNtd = null, decimal? ExchangersNtd = null, decimal? OperatingNtdPerYear = null, decimal? TransferPriceNtdPerKwh = null);

/// <summary>Judges one heat supply against one heat demand; see docs/decisions/0005-matching-model.md.</summary>
public static class HeatMatcher
{
    public static HeatMatchResult Evaluate(HeatSupplyInput supply, HeatDemandInput demand, MatchingParameters parameters, HeatQuotes? quotes = null)
    {
        MatchingChecks.Check(parameters);
        var h = parameters.Heat;
        var reasons = new List<MatchReason>();
        var inputs = new List<MatchInput>
        {
            new("supplyTemperatureC", supply.SupplyTemperatureC, "°C", InputSource.Filed),
            new("cooledToC", supply.CooledToC, "°C", InputSource.Filed),
            new("supplyLoadKw", supply.LoadKw, "kW", InputSource.Filed),
            new("requiredTemperatureC", demand.RequiredTemperatureC, "°C", InputSource.Filed),
            new("returnTemperatureC", demand.ReturnTemperatureC, "°C", InputSource.Filed),
            new("demandLoadKw", demand.LoadKw, "kW", InputSource.Filed),
        };

        var samePark = supply.ParkId == demand.ParkId;
        var scope = MatchScope.Judge(supply.Location, demand.Location, samePark, h.MaxDistanceM, null, parameters.InParkDistanceWhenUnknownM);
        scope.AddReasons(reasons, inputs);

        var deltaT = h.DeltaTMin.Single(d => d.Supply == supply.Medium && d.Demand == demand.Medium).Kelvin;
        inputs.Add(new("deltaTMinK", deltaT, "K", InputSource.Default));

        // Condensing steam gives most of its heat at its saturation temperature, so that is what must clear the demand.
        var condensing = supply.CondensingAllowed && supply.Medium == HeatMedium.Steam;
        var saturation = Math.Min(supply.SaturationTemperatureC ?? supply.SupplyTemperatureC, supply.SupplyTemperatureC);
        if (condensing)
        {
            inputs.Add(new("saturationTemperatureC", saturation, "°C", supply.SaturationTemperatureC is null ? InputSource.Estimated : InputSource.Filed));
        }

        var approach = (condensing ? saturation : supply.SupplyTemperatureC) - deltaT - demand.RequiredTemperatureC;
        var overlapHours = OverlapHours(supply.StartHour, supply.HoursPerDay, demand.StartHour, demand.HoursPerDay);
        var overlapDays = Math.Min(supply.DaysPerYear, demand.DaysPerYear);

        decimal fraction = 0, sent = 0;
        decimal? pumpElectricKw = null;
        var status = HeatMatchStatus.Infeasible;
        if (approach >= 0)
        {
            var span = supply.SupplyTemperatureC - supply.CooledToC;
            var floor = Math.Max(supply.CooledToC, demand.ReturnTemperatureC + deltaT);
            fraction = condensing ? CondensingFraction(supply.SupplyTemperatureC, supply.CooledToC, floor, saturation)
                : span >= 0.001m ? Math.Clamp((supply.SupplyTemperatureC - floor) / span, 0, 1) : 0;
            sent = Math.Min(supply.LoadKw * fraction, demand.LoadKw);
            status = HeatMatchStatus.FeasibleDirect;
        }
        else if (h.HeatPump is { } pump && -approach <= pump.MaxLiftK && demand.RequiredTemperatureC <= pump.MaxOutputC)
        {
            // The heat pump sits at the source: output = source heat + electricity = source heat × COP ÷ (COP − 1).
            fraction = 1;
            sent = Math.Min(supply.LoadKw * pump.Cop / (pump.Cop - 1), demand.LoadKw);
            pumpElectricKw = sent / pump.Cop;
            status = HeatMatchStatus.FeasibleWithHeatPump;
            inputs.Add(new("heatPumpCop", pump.Cop, "", InputSource.Default));
            reasons.Add(new(MatchCodes.HeatPumpNeeded, ReasonKind.Quality,
                $"The source is {-approach:0.#} K short of {demand.RequiredTemperatureC} °C + ΔT_min {deltaT} K: a heat pump at COP {pump.Cop} lifts it."));
        }
        else
        {
            reasons.Add(new(MatchCodes.TemperatureTooLow, ReasonKind.Quality,
                $"{supply.SupplyTemperatureC} °C − ΔT_min {deltaT} K is below the required {demand.RequiredTemperatureC} °C, and no heat pump reaches it."));
        }

        if (overlapHours <= 0)
        {
            reasons.Add(new(MatchCodes.NoScheduleOverlap, ReasonKind.Quality, "The two streams never run at the same hour."));
            status = HeatMatchStatus.Infeasible;
        }

        if (!scope.InRange)
        {
            status = HeatMatchStatus.Blocked;
        }

        var pipeLength = Math.Max(scope.CostDistanceM * parameters.PipeRoutingFactor, parameters.MinimumPipeLengthM);
        var pipeKm = pipeLength / 1000;
        var loss = Math.Min(1, h.TransportLossPerKm * pipeKm);
        var feasible = status is HeatMatchStatus.FeasibleDirect or HeatMatchStatus.FeasibleWithHeatPump;
        if (!feasible)
        {
            return new HeatMatchResult(supply.Id, demand.Id, status, reasons, deltaT, approach, fraction, pumpElectricKw, 0, loss, 0,
                overlapHours, overlapDays, 0, samePark, (decimal?)scope.DistanceM, null, inputs, parameters.Version);
        }

        var delivered = sent * (1 - loss);
        var hours = overlapHours * overlapDays;
        var deliveredKwh = delivered * hours;
        var economics = Economics(supply, demand, parameters, sent, delivered, pumpElectricKw, hours, pipeLength, inputs, reasons, quotes);
        var uneconomic = MatchMath.UneconomicReasons(economics.NetAnnualBenefitNtd, economics.PairPaybackMonths, parameters.PaybackCeilingMonths);
        if (uneconomic.Count > 0)
        {
            reasons.AddRange(uneconomic);
            status = HeatMatchStatus.Uneconomic;
        }

        return new HeatMatchResult(supply.Id, demand.Id, status, reasons, deltaT, approach, fraction, pumpElectricKw, sent, loss, delivered,
            overlapHours, overlapDays, deliveredKwh, samePark, (decimal?)scope.DistanceM, economics, inputs, parameters.Version);
    }

    /// <summary>
    /// The share of a condensing steam supply's load (steam at its temperature down to condensate at cooled-to) left when it
    /// can only be cooled to <paramref name="floorC"/>: enthalpy drop to the floor ÷ enthalpy drop to cooled-to
    /// (<see cref="SteamProperties"/>); the latent heat counts whenever the floor is at or below the saturation temperature.
    /// </summary>
    public static decimal CondensingFraction(decimal supplyC, decimal cooledToC, decimal floorC, decimal saturationC)
    {
        var whole = SteamProperties.CondensingDropKjPerKg(supplyC, cooledToC, saturationC);
        return whole > 0 ? Math.Clamp(SteamProperties.CondensingDropKjPerKg(supplyC, floorC, saturationC) / whole, 0, 1) : 0;
    }

    /// <summary>Hours a day two daily windows [start, start + hours) overlap, wrapping past midnight.</summary>
    public static decimal OverlapHours(int startA, decimal hoursA, int startB, decimal hoursB)
    {
        var total = 0m;
        foreach (var shift in new[] { -24m, 0m, 24m })
        {
            var from = Math.Max(startA, startB + shift);
            var to = Math.Min(startA + hoursA, startB + shift + hoursB);
            total += Math.Max(0, to - from);
        }

        return Math.Min(total, Math.Min(hoursA, hoursB));
    }

    private static HeatEconomics Economics(HeatSupplyInput supply, HeatDemandInput demand, MatchingParameters parameters, decimal sent, decimal delivered,
        decimal? heatPumpKw, decimal hours, decimal pipeLength, List<MatchInput> inputs, List<MatchReason> reasons, HeatQuotes? quotes)
    {
        var h = parameters.Heat;
        var fuel = demand.CurrentFuel ?? h.DefaultFuel;
        if (demand.CurrentFuel is null)
        {
            reasons.Add(new(MatchCodes.DefaultUsed, ReasonKind.DataQuality, $"No current fuel given: {fuel} is assumed.", "currentFuel"));
        }

        var factors = h.Fuels.Single(f => f.Fuel == fuel);
        var deliveredKwh = delivered * hours;
        var fuelKwh = deliveredKwh / factors.BoilerEfficiency;
        var heatCost = demand.CurrentCostNtdPerKwh is { } own ? deliveredKwh * own : fuelKwh * factors.PriceNtdPerKwh;
        inputs.Add(demand.CurrentCostNtdPerKwh is { } cost
            ? new MatchInput("currentCostNtdPerKwh", cost, "NTD/kWh", InputSource.Filed)
            : new MatchInput("fuelPriceNtdPerKwh", factors.PriceNtdPerKwh, "NTD/kWh", InputSource.Default));
        inputs.Add(new("boilerEfficiency", factors.BoilerEfficiency, "", InputSource.Default));
        inputs.Add(new("fuelKgCo2ePerKwh", factors.KgCo2ePerKwh, "kgCO₂e/kWh", InputSource.Default));

        var pumpingKwh = sent * hours * h.PumpingKwhPerKwhPerKm * pipeLength / 1000;
        var heatPumpKwh = (heatPumpKw ?? 0) * hours;
        var electricity = (pumpingKwh + heatPumpKwh) * parameters.ElectricityNtdPerKwh;
        inputs.Add(new("electricityNtdPerKwh", parameters.ElectricityNtdPerKwh, "NTD/kWh", InputSource.Default));
        inputs.Add(new("gridKgCo2ePerKwh", parameters.GridKgCo2ePerKwh, "kgCO₂e/kWh", InputSource.Default));
        electricity = MatchMath.Quoted(quotes?.OperatingNtdPerYear, electricity, "operatingCostNtdPerYear", "NTD/year", inputs, reasons);

        // The engine assumes the supplier gives its heat away; an agreed price moves money from the buyer to the supplier.
        var transfer = MatchMath.Quoted(quotes?.TransferPriceNtdPerKwh, 0, "transferPriceNtdPerKwh", "NTD/kWh", inputs, reasons) * deliveredKwh;
        var buyer = heatCost - electricity - transfer;
        var sourceHeatKwh = (sent - (heatPumpKw ?? 0)) * hours;
        // As water's discharge fee: without a filed cooling cost the supplier's avoided cost counts 0, and the pair says so.
        var disposal = supply.DisposalCostNtdPerKwh ?? 0;
        inputs.Add(new("disposalCostNtdPerKwh", disposal, "NTD/kWh", supply.DisposalCostNtdPerKwh is null ? InputSource.Default : InputSource.Filed));
        if (supply.DisposalCostNtdPerKwh is null)
        {
            reasons.Add(new(MatchCodes.DisposalCostNotFiled, ReasonKind.DataQuality,
                "No cooling or disposal cost is filed on the surplus heat: the supplier's avoided cost counts 0.", "disposalCostNtdPerKwh"));
        }

        var supplier = (disposal * sourceHeatKwh) + transfer;

        var pipeClass = h.PipeClasses.FirstOrDefault(c => sent <= c.MaxKw);
        var pipe = pipeClass is not null ? pipeLength * pipeClass.CostNtdPerM
            : pipeLength * h.PipeClasses[^1].CostNtdPerM * Math.Ceiling(sent / h.PipeClasses[^1].MaxKw);
        var sink = sent <= h.SinkExchangerSmallUpToKw ? h.SinkExchangerSmallNtdPerKw : h.SinkExchangerLargeNtdPerKw;
        var exchangers = sent * (h.SourceExchangerNtdPerKw + sink);
        var heatPump = heatPumpKw is null ? 0 : sent * h.HeatPump!.CapexNtdPerKw;
        pipe = MatchMath.Quoted(quotes?.PipeNtd, pipe, "pipeNtd", "NTD", inputs, reasons);
        // One figure for the exchangers and any heat pump, as one quote replaces them both.
        var equipment = MatchMath.Quoted(quotes?.ExchangersNtd, exchangers + heatPump, "exchangersNtd", "NTD", inputs, reasons);
        if (quotes?.ExchangersNtd is not null)
        {
            (exchangers, heatPump) = (equipment, 0);
        }

        var investment = pipe + exchangers + heatPump;
        var net = buyer + supplier - (investment / parameters.InvestmentLifeYears);
        if (buyer + supplier <= 0)
        {
            reasons.Add(new(MatchCodes.NoNetSaving, ReasonKind.Commercial, "The pair saves nothing a year."));
        }

        var co2 = (fuelKwh * factors.KgCo2ePerKwh) - ((pumpingKwh + heatPumpKwh) * parameters.GridKgCo2ePerKwh);
        return new HeatEconomics(fuel, factors.BoilerEfficiency, fuelKwh, heatCost, pumpingKwh, heatPumpKwh, electricity, buyer, supplier,
            pipeLength, pipe, exchangers, heatPump, MatchMath.PaybackMonths(investment, buyer / 12), MatchMath.PaybackMonths(investment, (buyer + supplier) / 12),
            net, co2);
    }
}
