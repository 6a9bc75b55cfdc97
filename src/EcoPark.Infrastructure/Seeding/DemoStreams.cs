using EcoPark.Domain.Factories;
using EcoPark.Domain.Streams;

namespace EcoPark.Infrastructure.Seeding;

/// <summary>
/// Streams for the demo park, modelled on the cases in water-quality-and-reuse.md and
/// heat-and-byproducts.md: the park WWTP's effluent and the aluminium caster that can use it, a textile
/// mill's hot boil-off water and the dyeing plant next door, a food plant's needs, and paper sludge.
/// Figures are illustrative.
/// </summary>
internal static class DemoStreams
{
    private static readonly DateOnly Sampled = new(2026, 10, 15);

    public static IEnumerable<FactoryStream> For(IReadOnlyDictionary<string, Factory> factories, DateOnly today, DateTimeOffset at)
    {
        FactoryStream Effluent(string factory, string name, decimal min, decimal avg, decimal max, DischargeRoute route, decimal? fee, params ParameterValue[] quality) =>
            new EffluentStream(Guid.NewGuid(), factories[factory].Id, new EffluentDetails(name, min, avg, max, 7, 24, quality, route, fee, ConfidentialFields.All, null),
                today, Guid.Empty, at);

        FactoryStream Demand(string factory, string name, WaterUse use, decimal flow, bool reclaimed, decimal? maxPrice, decimal? price, params ParameterLimit[] limits) =>
            new WaterDemand(Guid.NewGuid(), factories[factory].Id, factories[factory].Industry,
                new WaterDemandDetails(name, use, flow, limits, reclaimed, false, [], 3000, maxPrice, price, ConfidentialFields.All, null), today, Guid.Empty, at);

        yield return Effluent("青溪工業區污水處理廠", "放流水（生物處理＋混凝後）", 8500, 9867, 11000, DischargeRoute.WaterBody, null,
            Lab(WaterQuality.CodMgL, 18), Lab(WaterQuality.SsMgL, 8), Online(WaterQuality.ConductivityUsCm, 2500), Online(WaterQuality.Ph, 7.4m));
        yield return Demand(DemoPark.SecondEngineerFactoryName, "鑄造直接接觸冷卻水", WaterUse.Process, 40, true, 15, 12.5m,
            new ParameterLimit(WaterQuality.Ph, null, 8), new ParameterLimit(WaterQuality.CodMgL, null, 20), new ParameterLimit(WaterQuality.SsMgL, null, 10),
            new ParameterLimit(WaterQuality.ConductivityUsCm, null, 3000));
        yield return Effluent("晶拓半導體股份有限公司", "廢水處理後放流", 3000, 3500, 4000, DischargeRoute.ParkWwtp, 28,
            Lab(WaterQuality.CodMgL, 85), Lab(WaterQuality.SsMgL, 20), Lab(WaterQuality.ConductivityUsCm, 6000));
        yield return Effluent("青溪紡織股份有限公司", "精練廢水（高溫）", 200, 225, 250, DischargeRoute.ParkWwtp, 22,
            Online(WaterQuality.TemperatureC, 85), Declared(WaterQuality.CodMgL, 850), Lab(WaterQuality.ConductivityUsCm, 4500), Lab(WaterQuality.ColourPtCo, 280));
        yield return new HeatStream(Guid.NewGuid(), factories["青溪紡織股份有限公司"].Id, new HeatDetails("精練及鬆弛廢水餘熱", StreamDirection.Supply,
            HeatMedium.HotEffluent, 85, 35, null, 9375, 4.18m, null, 24, 330, 0, null, null, ConfidentialFields.All, null), Guid.Empty, at);
        yield return new HeatStream(Guid.NewGuid(), factories[DemoPark.EngineerFactoryName].Id, new HeatDetails("染色機加熱用熱水", StreamDirection.Demand,
            HeatMedium.HotWater, 60, 40, 400, null, null, null, 16, 300, 6, Fuel.NaturalGas, 2.6m, ConfidentialFields.All, null), Guid.Empty, at);
        yield return Demand(DemoPark.EngineerFactoryName, "染色製程用水", WaterUse.Process, 350, true, 18, 12.5m,
            new ParameterLimit(WaterQuality.ConductivityUsCm, null, 1500), new ParameterLimit(WaterQuality.ColourPtCo, null, 30),
            new ParameterLimit(WaterQuality.HardnessMgLCaCO3, null, 50));
        yield return Demand("禾豐食品股份有限公司", "產品調配用水", WaterUse.Process, 150, false, null, 12.5m);
        yield return Demand("禾豐食品股份有限公司", "冷卻水塔補充水", WaterUse.Cooling, 80, true, 14, 12.5m);
        yield return new ByproductStream(Guid.NewGuid(), factories["青溪紙業股份有限公司"].Id, new ByproductDetails("造紙污泥", StreamDirection.Supply,
            ByproductCategory.Sludge, "D-0902", [], "脫水後之造紙廢水污泥", PhysicalState.Sludge, 120, Regularity.Continuous,
            [new ParameterValue(ByproductProperties.MoisturePercent, 75, ValueBasis.Lab, Sampled), new ParameterValue(ByproductProperties.ChloridePercent, 0.3m, ValueBasis.Declared, null)],
            [], "委外焚化", 3200, null, null, ReusePermitStatus.None, ConfidentialFields.All, null), today, Guid.Empty, at);
        yield return new ByproductStream(Guid.NewGuid(), factories["恆信化工股份有限公司"].Id, new ByproductDetails("鍋爐混燒用污泥", StreamDirection.Demand,
            ByproductCategory.Sludge, null, ["D-0902"], null, PhysicalState.Sludge, 80, Regularity.Regular, [],
            [new ParameterLimit(ByproductProperties.MoisturePercent, null, 60), new ParameterLimit(ByproductProperties.ChloridePercent, null, 0.5m)],
            null, 4000, "燃料煤", 2400, ReusePermitStatus.None, ConfidentialFields.All, null), today, Guid.Empty, at);
    }

    private static ParameterValue Lab(string key, decimal value) => new(key, value, ValueBasis.Lab, Sampled);

    private static ParameterValue Online(string key, decimal value) => new(key, value, ValueBasis.Online, Sampled);

    private static ParameterValue Declared(string key, decimal value) => new(key, value, ValueBasis.Declared, null);
}
