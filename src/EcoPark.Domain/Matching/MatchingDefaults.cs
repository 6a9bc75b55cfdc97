using EcoPark.Domain.Streams;
using static EcoPark.Domain.Streams.WaterQuality;

namespace EcoPark.Domain.Matching;

/// <summary>
/// The documented first version of the matching rule data, for seeding: parameters, treatment catalogue
/// and the 2019 baseline limits. Every figure says where it comes from: a source document under
/// shared/domain (quoted), or "our estimate". After seeding these are data; the engine never reads this class.
/// </summary>
public static class MatchingDefaults
{
    /// <summary>
    /// The second version (the first, defaults-2026 from 2026-01-01, credited a flat fee and a default discharge fee on every
    /// m³ and costed softening at the price of soft water; docs/decisions/0005-matching-model.md lists each change).
    /// </summary>
    public const string Version = "defaults-2026-12";

    public static readonly DateOnly EffectiveFrom = new(2026, 12, 1);

    /// <summary>NTD per EUR used to convert the open-source heat tool's published costs (our estimate).</summary>
    private const decimal NtdPerEur = 35m;

    public static MatchingParameters Parameters() => new()
    {
        Version = Version,
        EffectiveFrom = EffectiveFrom,
        StaleAfterDays = 365, // our estimate: a lab value older than a year no longer describes the effluent
        GridKgCo2ePerKwh = 0.495m, // economics-and-carbon.md: Taiwan grid 2022
        ElectricityNtdPerKwh = 4.0m, // our estimate: industrial tariff average
        DaysPerMonth = 30m, // our choice: a month of 30 days, for levelising treatment capex only
        OperatingDaysPerYear = 365m, // a stream running 7 days a week runs every day of the year; fewer days a week run that share of it
        PaybackCeilingMonths = 120m, // the issue: a payback above 10 years is uneconomic (the investment life below)
        InvestmentLifeYears = 10m, // our estimate: pipes and membranes written off over ten years
        PipeRoutingFactor = 1.3m, // our estimate: pipes follow roads and plot edges, not the straight line
        MinimumPipeLengthM = 50m, // our estimate: even adjacent plants need a connection of this length
        InParkDistanceWhenUnknownM = 1_000m, // our estimate: a typical distance within one park
        Water = new WaterMatchingParameters
        {
            MaxPipeDistanceM = 5_000m, // the matching issue: 5 km between parks
            DefaultTapPriceNtdPerM3 = 12.0m, // our estimate: industrial tap-water price incl. basic charge; economics-and-carbon.md: the reported savings of 10.8–12.5 NTD/m³ are "about the industrial tap-water price"
            // No flat fee and no default discharge fee: the fee comes from the fee engine on the buyer's months (or a shown assumption),
            // the discharge fee only from the effluent stream (economics-and-carbon.md, corrections).
            TransferPriceNtdPerM3 = 0m, // our estimate: no payment between the parties until they negotiate one
            TapKgCo2ePerM3 = 0.299m, // economics-and-carbon.md: tap water, national product-footprint database 2017
            SupplierShareOfPipeInvestment = 0.5m, // our estimate: pipe and pump shared equally
            PipeClasses =
            [
                // our estimate: capacity at about 1 m/s; laid cost in a park road incl. trench and reinstatement; pump set.
                new(150m, 50, 2_500m, 150_000m),
                new(400m, 80, 3_500m, 250_000m),
                new(650m, 100, 4_500m, 350_000m),
                new(1_500m, 150, 6_500m, 600_000m),
                new(2_700m, 200, 8_500m, 900_000m),
                new(6_000m, 300, 12_500m, 1_500_000m),
                new(10_800m, 400, 17_000m, 2_500_000m),
            ],
        },
        Heat = new HeatMatchingParameters
        {
            MaxDistanceM = 20_000m, // heat-and-byproducts.md: the open-source tool's default search radius, 20 km
            DeltaTMin = DeltaTMinTable(),
            TransportLossPerKm = 0.02m, // our estimate: insulated pipe pair, 2 % of the heat per km
            PumpingKwhPerKwhPerKm = 0.005m, // our estimate: pumping electricity 0.5 % of the heat per km
            PipeClasses =
            [
                new(200m, 195m * NtdPerEur), // heat-and-byproducts.md: 195 €/m at 0.2 MW
                new(1_000m, 9_000m), // our estimate, between the tool's end points
                new(5_000m, 13_000m), // our estimate
                new(20_000m, 19_000m), // our estimate
                new(190_000m, 976m * NtdPerEur), // heat-and-byproducts.md: 976 €/m at 190 MW
            ],
            SourceExchangerNtdPerKw = 15m * NtdPerEur, // heat-and-byproducts.md: 15,000 €/MW
            SinkExchangerSmallNtdPerKw = 265m * NtdPerEur, // heat-and-byproducts.md: 265,000 €/MW below 1 MW
            SinkExchangerSmallUpToKw = 1_000m, // heat-and-byproducts.md: the 1 MW edge
            SinkExchangerLargeNtdPerKw = 100m * NtdPerEur, // heat-and-byproducts.md: 100,000 €/MW above 1 MW
            HeatPump = new HeatPumpParameters(
                Cop: 3.0m, // our estimate: industrial heat pump over a lift of some 40 K
                MaxLiftK: 50m, // our estimate
                MaxOutputC: 120m, // our estimate: the highest output of common industrial heat pumps
                CapexNtdPerKw: 25_000m), // our estimate, per kW of heat output
            Fuels =
            [
                // Efficiency and price: our estimates. Emission factors: IPCC 2006 default CO₂ factors per TJ ÷ 277.78 MWh/TJ.
                new(Fuel.NaturalGas, 0.90m, 1.45m, 0.202m), // 56,100 kg/TJ; price ≈ 15 NTD/m³ ÷ 10.4 kWh/m³
                new(Fuel.FuelOil, 0.85m, 1.90m, 0.279m), // 77,400 kg/TJ
                new(Fuel.Coal, 0.80m, 0.60m, 0.341m), // 94,600 kg/TJ (bituminous)
                new(Fuel.Lpg, 0.90m, 2.60m, 0.227m), // 63,100 kg/TJ
                new(Fuel.Electricity, 0.99m, 4.0m, 0.495m), // electric boiler; the grid price and factor above
                new(Fuel.Biomass, 0.75m, 0.80m, 0m), // biogenic CO₂ counted as zero (our choice)
            ],
            DefaultFuel = Fuel.NaturalGas, // our estimate: the commonest boiler fuel in the parks
        },
        Byproduct = new ByproductMatchingParameters
        {
            MaxDistanceKm = 150m, // our estimate: a day's round trip by truck
            RoadFactor = 1.3m, // our estimate: road distance over the straight line
            TruckNtdPerTonneKm = 5m, // our estimate: bulk trucking
            TruckKgCo2ePerTonneKm = 0.1m, // our estimate: heavy diesel truck
            DefaultDisposalCostNtdPerTonne = 3_000m, // our estimate: industrial-waste disposal by contractor
        },
    };

    /// <summary>
    /// The default treatment steps, in process order (a train runs in this order). Removal fractions not
    /// named in the sources are our estimates of typical performance.
    /// </summary>
    public static TreatmentCatalogue Treatments() => new(Version, EffectiveFrom,
    [
        new("mbr-uv", "MBR + UV (supplier side)", TreatmentSide.Supplier,
            Removal((BodMgL, 0.95m), (CodMgL, 0.85m), (TocMgL, 0.7m), (AmmoniaNMgL, 0.9m), (SsMgL, 0.98m), (TurbidityNtu, 0.95m), (ColourPtCo, 0.3m), (ColiformCfu100mL, 0.999m)),
            UnitCostNtdPerM3: 8m, Recovery: 0.95m, CapexNtdPerM3PerDay: 25_000m, KwhPerM3: 0.8m, PhAfter: null,
            Basis: "water-quality-and-reuse.md: MBR + UV on the supplier side for food and beverage effluent. Added cost 8 NTD/m³ (our estimate: membrane aeration, UV lamps and membrane cleaning over the treatment the supplier runs anyway); the ≈ 19 NTD/m³ of the sources is a whole in-plant treatment, not the added step; removals, recovery, capex and energy our estimate"),
        new("multimedia-filtration", "Multimedia filtration", TreatmentSide.Buyer,
            Removal((SsMgL, 0.7m), (TurbidityNtu, 0.7m), (IronMgL, 0.5m), (CodMgL, 0.1m), (ColourPtCo, 0.1m)),
            UnitCostNtdPerM3: 2m, Recovery: 0.97m, CapexNtdPerM3PerDay: 1_500m, KwhPerM3: 0.05m, PhAfter: null,
            Basis: "water-quality-and-reuse.md: filtration before process use or cooling make-up. Added cost 2 NTD/m³ (our estimate: backwash water and power, media renewal); capex 1,500 NTD per m³/day (our estimate; economics-and-carbon.md: the Linyuan case invested 6 M NTD for 2,000 m³/day of recovered, treated water and its pipe, under 3,000 per m³/day for everything); removals our estimate"),
        new("activated-carbon", "Activated carbon", TreatmentSide.Buyer,
            Removal((CodMgL, 0.5m), (TocMgL, 0.5m), (BodMgL, 0.3m), (ColourPtCo, 0.7m)),
            UnitCostNtdPerM3: 4m, Recovery: 0.98m, CapexNtdPerM3PerDay: 4_000m, KwhPerM3: 0.05m, PhAfter: null,
            Basis: "our estimate, unchanged: added cost 4 NTD/m³ of carbon renewal; no source gives a figure"),
        new("ozone", "Ozone decolourisation", TreatmentSide.Buyer,
            Removal((ColourPtCo, 0.9m), (CodMgL, 0.3m), (TocMgL, 0.2m), (ColiformCfu100mL, 0.99m)),
            UnitCostNtdPerM3: 8m, Recovery: 1m, CapexNtdPerM3PerDay: 6_000m, KwhPerM3: 0.3m, PhAfter: null,
            Basis: "water-quality-and-reuse.md: ozone decolourisation ≈ 8 NTD/m³ operating (600 m³/day unit), an added step on an effluent as it stands; removals, capex and energy our estimate"),
        new("ultrafiltration", "Ultrafiltration (tubular membrane)", TreatmentSide.Buyer,
            Removal((SsMgL, 0.98m), (TurbidityNtu, 0.95m), (ColiformCfu100mL, 0.99m), (CodMgL, 0.2m), (TocMgL, 0.1m), (IronMgL, 0.5m)),
            UnitCostNtdPerM3: 10.8m, Recovery: 0.9m, CapexNtdPerM3PerDay: 10_000m, KwhPerM3: 0.3m, PhAfter: null,
            Basis: "water-quality-and-reuse.md: tubular-membrane recovery ≈ 16.8 NTD/m³ = 10.8 operating + 6.0 membrane amortisation; the added operating cost is 10.8, the membranes are carried by the capex (counting 16.8 as well counted them twice); removals, recovery, capex and energy our estimate"),
        new("softening", "Softening (ion exchange)", TreatmentSide.Buyer,
            Removal((HardnessMgLCaCO3, 0.95m), (IronMgL, 0.3m)),
            UnitCostNtdPerM3: 3m, Recovery: 0.97m, CapexNtdPerM3PerDay: 1_500m, KwhPerM3: 0.1m, PhAfter: null,
            Basis: "economics-and-carbon.md: soft water ≈ 12 NTD/m³ is the price of the soft water reuse replaces (seed 004: 600 t × (12 − 8)), not the added cost of softening an effluent. Added cost 3 NTD/m³ (our estimate: regeneration salt ≈ 0.2 kg/m³ at a hardness of some 200 mg/L, resin wear and regeneration water); capex 1,500 NTD per m³/day (our estimate: vessels and resin); energy 0.1 kWh/m³ pumping (the 0.55 kgCO₂e/m³ of the sources is a whole soft-water plant); removals and recovery our estimate"),
        new("edr", "Electrodialysis reversal", TreatmentSide.Buyer,
            Removal((ConductivityUsCm, 0.65m), (TdsMgL, 0.65m), (ChlorideMgL, 0.7m), (SulfateMgL, 0.6m), (HardnessMgLCaCO3, 0.6m), (NitrateNMgL, 0.6m), (ColourPtCo, 0.92m)),
            UnitCostNtdPerM3: 15m, Recovery: 0.85m, CapexNtdPerM3PerDay: 20_000m, KwhPerM3: 1.0m, PhAfter: null,
            Basis: "water-quality-and-reuse.md: ED/RO bring textile grey water from 4,000–5,000 to ≈ 1,500 µS/cm (≈ 65 % removal) and colour from 250–300 to < 30 (92 %, so 300 → 24); added cost 15 NTD/m³ fed, recovery, capex and energy our estimate (no source figure; unchanged)"),
        new("reverse-osmosis", "Reverse osmosis", TreatmentSide.Buyer,
            Removal((ConductivityUsCm, 0.97m), (TdsMgL, 0.97m), (ChlorideMgL, 0.97m), (SulfateMgL, 0.98m), (HardnessMgLCaCO3, 0.98m), (NitrateNMgL, 0.9m),
                (AmmoniaNMgL, 0.9m), (SilicaMgL, 0.95m), (TocMgL, 0.9m), (CodMgL, 0.9m), (CopperMgL, 0.98m), (IronMgL, 0.98m), (ColourPtCo, 0.95m), (ColiformCfu100mL, 0.999m)),
            UnitCostNtdPerM3: 12m, Recovery: 0.75m, CapexNtdPerM3PerDay: 30_000m, KwhPerM3: 1.5m, PhAfter: null,
            Basis: "water-quality-and-reuse.md: ED/RO lower conductivity and colour (the source's ≈ 1,500 µS/cm is for ED). Added cost 12 NTD per m³ fed (our estimate: 1.5 kWh × 4 NTD = 6 of power, 2 of antiscalant and cleaning, 4 of membrane replacement; was 20, a whole reclaimed-water price); RO removals, recovery, capex and energy our estimate"),
        new("ph-adjustment", "pH adjustment (dosing)", TreatmentSide.Buyer,
            Removal(),
            UnitCostNtdPerM3: 1m, Recovery: 1m, CapexNtdPerM3PerDay: 1_000m, KwhPerM3: 0.01m, PhAfter: 7.5m,
            Basis: "our estimate, unchanged: acid or caustic dosing to pH 7.5, 1 NTD/m³ of chemicals; the only default step that changes pH"),
    ]);

    /// <summary>
    /// The baseline recommended maxima for reclaimed water in industrial use, as in
    /// water-quality-and-reuse.md (process and boiler share a value except for pH; blank cells have none).
    /// </summary>
    public static BaselineLimitSet Baseline() => new("baseline-2019", new DateOnly(2019, 1, 1),
        "Industrial Development Bureau 2019 briefing 水資源整合案例及執行成效: 再生水用於工業用途水質基礎建議值",
        [
            .. Row(Ph, (6.0m, 8.5m), (7.0m, 9.0m), (6.0m, 8.5m)),
            .. Row(TurbidityNtu, 2m, 2m, 4m),
            .. Row(TocMgL, 5m, 5m, 10m),
            .. Row(TdsMgL, 150m, 150m, 500m),
            .. Row(ConductivityUsCm, 250m, 250m, 800m),
            .. Row(HardnessMgLCaCO3, 50m, 50m, 400m),
            .. Row(ChlorideMgL, 20m, 20m, null),
            .. Row(SulfateMgL, 50m, 50m, 250m),
            .. Row(AmmoniaNMgL, 2m, 2m, 10m),
            .. Row(NitrateNMgL, 10m, 10m, null),
            .. Row(SilicaMgL, null, null, 25m),
        ]);

    /// <summary>ΔT_min by media (heat-and-byproducts.md: about 10 K liquid–liquid, 20–30 K gas–liquid; the rest our choices).</summary>
    private static IReadOnlyList<DeltaTMin> DeltaTMinTable()
    {
        static decimal Kelvin(HeatMedium supply, HeatMedium demand) => (supply, demand) switch
        {
            (HeatMedium.FlueGas, HeatMedium.FlueGas) => 30m, // gas on both sides: the top of the source's range
            (HeatMedium.FlueGas, _) or (_, HeatMedium.FlueGas) => 25m, // source: 20–30 K gas–liquid, the middle
            (HeatMedium.HotEffluent, _) => 15m, // our choice: fouling effluent needs a wider approach than clean liquid
            _ => 10m, // source: about 10 K liquid–liquid; condensing steam counted as liquid (high film coefficient, our choice)
        };

        return [.. Enum.GetValues<HeatMedium>().SelectMany(s => Enum.GetValues<HeatMedium>().Select(d => new DeltaTMin(s, d, Kelvin(s, d))))];
    }

    private static Dictionary<string, decimal> Removal(params (string Key, decimal Fraction)[] removals) =>
        removals.ToDictionary(r => r.Key, r => r.Fraction, StringComparer.Ordinal);

    private static IEnumerable<BaselineLimit> Row(string key, decimal? process, decimal? boiler, decimal? cooling) =>
        new[] { (WaterUse.Process, process), (WaterUse.Boiler, boiler), (WaterUse.Cooling, cooling) }
            .Where(c => c.Item2 is not null)
            .Select(c => new BaselineLimit(c.Item1, key, null, c.Item2));

    private static IEnumerable<BaselineLimit> Row(string key, (decimal Min, decimal Max) process, (decimal Min, decimal Max) boiler, (decimal Min, decimal Max) cooling) =>
    [
        new(WaterUse.Process, key, process.Min, process.Max),
        new(WaterUse.Boiler, key, boiler.Min, boiler.Max),
        new(WaterUse.Cooling, key, cooling.Min, cooling.Max),
    ];
}
