using EcoPark.Domain.Streams;

namespace EcoPark.Domain.Matching;

/// <summary>
/// One effective-dated version of every price, factor, cost and default the matching engine uses
/// (docs/decisions/0005-matching-model.md). Rule data, not code: <see cref="MatchingDefaults"/> builds the
/// first version for seeding; administrators add versions after that and a version is never edited.
/// </summary>
public sealed record MatchingParameters
{
    public required string Version { get; init; }

    public required DateOnly EffectiveFrom { get; init; }

    /// <summary>Lab and online values older than this many days are flagged stale.</summary>
    public required int StaleAfterDays { get; init; }

    /// <summary>kgCO₂e per kWh of grid electricity.</summary>
    public required decimal GridKgCo2ePerKwh { get; init; }

    /// <summary>What grid electricity costs a factory, NTD/kWh (heat pumps, pumping).</summary>
    public required decimal ElectricityNtdPerKwh { get; init; }

    /// <summary>Days of operation a month, for levelising treatment capex; older versions also counted a year as twelve such months.</summary>
    public required decimal DaysPerMonth { get; init; }

    /// <summary>
    /// Days a year a stream that runs 7 days a week operates; a stream on fewer days a week runs that share of it, and a
    /// pair runs on the fewer of its two streams' days. Null (versions before defaults-2026-12): <see cref="DaysPerMonth"/> × 12.
    /// </summary>
    public decimal? OperatingDaysPerYear { get; init; }

    /// <summary>A feasible route whose payback is longer than this is <c>uneconomic</c>; null: no ceiling (older versions).</summary>
    public decimal? PaybackCeilingMonths { get; init; }

    /// <summary>Years over which an investment is spread when a net annual benefit is computed.</summary>
    public required decimal InvestmentLifeYears { get; init; }

    /// <summary>Pipe length = great-circle distance × this factor (pipes follow roads and plot edges).</summary>
    public required decimal PipeRoutingFactor { get; init; }

    /// <summary>The shortest pipe ever priced, even between adjacent plants.</summary>
    public required decimal MinimumPipeLengthM { get; init; }

    /// <summary>The distance assumed between two sites of the same park when a coordinate is missing.</summary>
    public required decimal InParkDistanceWhenUnknownM { get; init; }

    public required WaterMatchingParameters Water { get; init; }

    public required HeatMatchingParameters Heat { get; init; }

    public required ByproductMatchingParameters Byproduct { get; init; }

    /// <summary>The version in effect on a date: the latest that started on or before it.</summary>
    public static MatchingParameters? EffectiveOn(IEnumerable<MatchingParameters> versions, DateOnly date) =>
        versions.Where(v => v.EffectiveFrom <= date).MaxBy(v => v.EffectiveFrom);

    /// <summary>Days a year a pair runs when its streams run the given days a week (the fewer counts; they are assumed to fall together).</summary>
    public decimal OperatingDays(int supplyDaysPerWeek, int? demandDaysPerWeek) =>
        (OperatingDaysPerYear ?? DaysPerMonth * 12) * Math.Min(supplyDaysPerWeek, demandDaysPerWeek ?? supplyDaysPerWeek) / 7m;
}

/// <summary>Prices, factors and pipe costs for water matches.</summary>
public sealed record WaterMatchingParameters
{
    /// <summary>Between parks, a supply and a demand further apart than this (great circle) are out of range.</summary>
    public required decimal MaxPipeDistanceM { get; init; }

    /// <summary>The tap-water price assumed when a demand states none, NTD/m³.</summary>
    public required decimal DefaultTapPriceNtdPerM3 { get; init; }

    /// <summary>
    /// Unused since defaults-2026-12 (kept so older versions still read): the buyer's fee now comes from the fee engine on its
    /// own months, or on a documented assumption, never from a flat rate on every m³.
    /// </summary>
    public decimal? MarginalFeeNtdPerM3 { get; init; }

    /// <summary>
    /// Unused since defaults-2026-12 (kept so older versions still read): a supplier saves only the discharge fee filed on its
    /// effluent stream; without one it saves 0 and the pair is flagged <c>discharge-fee-not-filed</c>.
    /// </summary>
    public decimal? DefaultDischargeFeeNtdPerM3 { get; init; }

    /// <summary>What the buyer pays the supplier per m³ (moves money between the parties; the pair total is unchanged).</summary>
    public required decimal TransferPriceNtdPerM3 { get; init; }

    /// <summary>kgCO₂e per m³ of tap water avoided.</summary>
    public required decimal TapKgCo2ePerM3 { get; init; }

    /// <summary>The supplier's share of pipe and pump investment (the buyer carries the rest and its own treatment).</summary>
    public required decimal SupplierShareOfPipeInvestment { get; init; }

    /// <summary>Pipe classes, smallest first: the first whose capacity covers the flow is used.</summary>
    public required IReadOnlyList<WaterPipeClass> PipeClasses { get; init; }
}

/// <summary>A pipe diameter class: up to <c>MaxFlowM3PerDay</c>, laid at <c>CostNtdPerM</c> with a pump set at <c>PumpNtd</c>.</summary>
public sealed record WaterPipeClass(decimal MaxFlowM3PerDay, int DiameterMm, decimal CostNtdPerM, decimal PumpNtd);

/// <summary>Temperatures, losses, equipment costs and fuels for heat matches.</summary>
public sealed record HeatMatchingParameters
{
    /// <summary>Between parks, heat further away than this (great circle) is out of range.</summary>
    public required decimal MaxDistanceM { get; init; }

    /// <summary>ΔT_min for every pair of media (supply medium, demand medium).</summary>
    public required IReadOnlyList<DeltaTMin> DeltaTMin { get; init; }

    /// <summary>Share of the heat lost per km of pipe; the loss is capped at 100 %.</summary>
    public required decimal TransportLossPerKm { get; init; }

    /// <summary>Pumping electricity per kWh of heat sent, per km of pipe.</summary>
    public required decimal PumpingKwhPerKwhPerKm { get; init; }

    /// <summary>Pipe-pair classes, smallest first: the first whose capacity covers the heat sent is used.</summary>
    public required IReadOnlyList<HeatPipeClass> PipeClasses { get; init; }

    /// <summary>Heat exchanger on the source side, NTD per kW.</summary>
    public required decimal SourceExchangerNtdPerKw { get; init; }

    /// <summary>Heat exchanger on the sink side up to <see cref="SinkExchangerSmallUpToKw"/>, NTD per kW.</summary>
    public required decimal SinkExchangerSmallNtdPerKw { get; init; }

    public required decimal SinkExchangerSmallUpToKw { get; init; }

    /// <summary>Heat exchanger on the sink side above <see cref="SinkExchangerSmallUpToKw"/>, NTD per kW.</summary>
    public required decimal SinkExchangerLargeNtdPerKw { get; init; }

    /// <summary>The heat pump offered when a source is too cold; null: none.</summary>
    public HeatPumpParameters? HeatPump { get; init; }

    /// <summary>Boiler efficiency, price and emission factor per fuel a demand burns today.</summary>
    public required IReadOnlyList<FuelFactors> Fuels { get; init; }

    /// <summary>The fuel assumed when a demand does not say what it burns.</summary>
    public required Fuel DefaultFuel { get; init; }
}

/// <summary>The least temperature difference a heat exchanger needs between two media, in K.</summary>
public sealed record DeltaTMin(HeatMedium Supply, HeatMedium Demand, decimal Kelvin);

/// <summary>A pipe-pair class up to <c>MaxKw</c> of heat sent, at <c>CostNtdPerM</c> per metre of route.</summary>
public sealed record HeatPipeClass(decimal MaxKw, decimal CostNtdPerM);

/// <summary>A heat pump at the source: a stated COP, the largest lift and output temperature it reaches, and its cost.</summary>
public sealed record HeatPumpParameters(decimal Cop, decimal MaxLiftK, decimal MaxOutputC, decimal CapexNtdPerKw);

/// <summary>How a fuel turns into heat today: boiler efficiency, price per kWh of fuel, kgCO₂e per kWh of fuel.</summary>
public sealed record FuelFactors(Fuel Fuel, decimal BoilerEfficiency, decimal PriceNtdPerKwh, decimal KgCo2ePerKwh);

/// <summary>Trucking and disposal defaults for by-product matches.</summary>
public sealed record ByproductMatchingParameters
{
    /// <summary>Between parks, material further than this (great circle) is out of range.</summary>
    public required decimal MaxDistanceKm { get; init; }

    /// <summary>Road distance = great-circle distance × this factor.</summary>
    public required decimal RoadFactor { get; init; }

    public required decimal TruckNtdPerTonneKm { get; init; }

    public required decimal TruckKgCo2ePerTonneKm { get; init; }

    /// <summary>The disposal cost assumed when a supply states none, NTD/t.</summary>
    public required decimal DefaultDisposalCostNtdPerTonne { get; init; }
}
