using EcoPark.Domain.Common;
using EcoPark.Domain.Parks;
using EcoPark.Domain.Screening;

namespace EcoPark.Infrastructure.Seeding;

/// <summary>
/// Screening figures for the demo. The two anonymised parks get invented but plausible figures (their factor 3
/// and 8 come from their filings and streams). A second data set holds the six parks the 2019 briefing names
/// as coming out on top: their WWTP effluent flow and conductivity are the briefing's (the midpoint of the
/// range it gives, the range in the source text); every other value, including the park records, is
/// illustrative and says so.
/// </summary>
internal static class DemoScreening
{
    public static readonly DateOnly AsOf = new(2026, 1, 1);

    private const string Invented = "示範數據（虛構園區）/ Demo values, invented for an anonymised park";

    public static IEnumerable<ParkScreeningInput> ForDemoParks(DateTimeOffset now) =>
    [
        Input(DemoPark.Qingxi, new ParkScreeningValues
        {
            LeasableLandHa = 12, TapHeadroomM3PerDay = 1_500, ExtraSupplyM3PerDay = 2_000, LeasableFactoryAreaHa = 150, ExpectedIncrease10kM3PerYear = 30,
            WwtpEffluentM3PerDay = 26_500, WwtpConductivityUsCm = 2_800, WwtpExpansionLandHa = 0.6m,
        }, Invented, now),
        Input(DemoPark.Xinan, new ParkScreeningValues
        {
            LeasableLandHa = 5, TapHeadroomM3PerDay = 3_000, ExtraSupplyM3PerDay = 0, LeasableFactoryAreaHa = 90, ExpectedIncrease10kM3PerYear = 5,
            WwtpEffluentM3PerDay = 14_000, WwtpConductivityUsCm = 1_800, WwtpExpansionLandHa = 0,
        }, Invented, now),
    ];

    /// <summary>The six parks of the briefing's outcome, with their park records (illustrative capacities and places).</summary>
    public static IReadOnlyList<(Park Park, ParkScreeningValues Values, string Source)> BriefingParks { get; } =
    [
        (Park("觀音工業區", "Guanyin Industrial Park", "桃園市", 25.050, 121.100, 45_000, 6_000), new ParkScreeningValues
        {
            LeasableLandHa = 60, TapHeadroomM3PerDay = 5_000, ExtraSupplyM3PerDay = 10_000, LeasableFactoryAreaHa = 500, HighWaterUseAnnual10kM3 = 2_000,
            ExpectedIncrease10kM3PerYear = 150, EasyMatchSharePercent = 30, WwtpEffluentM3PerDay = 37_500, WwtpConductivityUsCm = 8_500, WwtpExpansionLandHa = 2,
        }, Briefing("effluent 35,000–40,000 CMD, 8,000–9,000 µS/cm")),
        (Park("中壢工業區", "Zhongli Industrial Park", "桃園市", 24.980, 121.240, 20_000, 4_000), new ParkScreeningValues
        {
            LeasableLandHa = 20, TapHeadroomM3PerDay = 2_000, ExtraSupplyM3PerDay = 3_000, LeasableFactoryAreaHa = 300, HighWaterUseAnnual10kM3 = 1_500,
            ExpectedIncrease10kM3PerYear = 120, EasyMatchSharePercent = 40, WwtpEffluentM3PerDay = 15_000, WwtpConductivityUsCm = 3_750, WwtpExpansionLandHa = 1.5m,
        }, Briefing("conductivity 3,500–4,000 µS/cm (flow illustrative)")),
        (Park("新竹工業區", "Hsinchu Industrial Park", "新竹縣", 24.870, 121.010, 26_000, 5_500), new ParkScreeningValues
        {
            LeasableLandHa = 40, TapHeadroomM3PerDay = 3_000, ExtraSupplyM3PerDay = 4_000, LeasableFactoryAreaHa = 400, HighWaterUseAnnual10kM3 = 2_500,
            ExpectedIncrease10kM3PerYear = 200, EasyMatchSharePercent = 20, WwtpEffluentM3PerDay = 20_000, WwtpConductivityUsCm = 3_200, WwtpExpansionLandHa = 1,
        }, Briefing("conductivity 2,700–3,700 µS/cm, MBR already built (flow illustrative)")),
        (Park("臺南科技工業區", "Tainan Technology Industrial Park", "臺南市", 23.030, 120.140, 30_000, 12_000), new ParkScreeningValues
        {
            LeasableLandHa = 80, TapHeadroomM3PerDay = 2_000, ExtraSupplyM3PerDay = 2_000, LeasableFactoryAreaHa = 200, HighWaterUseAnnual10kM3 = 800,
            ExpectedIncrease10kM3PerYear = 120, EasyMatchSharePercent = 25, WwtpEffluentM3PerDay = 8_000, WwtpConductivityUsCm = 2_500, WwtpExpansionLandHa = 0.8m,
        }, Illustrative),
        (Park("林園工業區", "Linyuan Industrial Park", "高雄市", 22.510, 120.400, 60_000, 8_000), new ParkScreeningValues
        {
            LeasableLandHa = 15, TapHeadroomM3PerDay = 1_000, ExtraSupplyM3PerDay = 5_000, LeasableFactoryAreaHa = 800, HighWaterUseAnnual10kM3 = 6_000,
            ExpectedIncrease10kM3PerYear = 80, EasyMatchSharePercent = 30, WwtpEffluentM3PerDay = 50_000, WwtpConductivityUsCm = 6_770, WwtpExpansionLandHa = 2,
        }, Briefing("effluent 48,000–52,000 CMD, 6,680–6,860 µS/cm")),
        (Park("臨海工業區", "Linhai Industrial Park", "高雄市", 22.550, 120.330, 45_000, 15_000), new ParkScreeningValues
        {
            LeasableLandHa = 30, TapHeadroomM3PerDay = 2_000, ExtraSupplyM3PerDay = 6_000, LeasableFactoryAreaHa = 1_500, HighWaterUseAnnual10kM3 = 5_500,
            ExpectedIncrease10kM3PerYear = 100, EasyMatchSharePercent = 35, WwtpEffluentM3PerDay = 30_000, WwtpConductivityUsCm = 5_000, WwtpExpansionLandHa = 1.2m,
        }, Illustrative),
    ];

    public static ParkScreeningInput Input(Park park, ParkScreeningValues values, string source, DateTimeOffset now) =>
        new(Guid.NewGuid(), park.Id, 1, AsOf, values, source, null, now);

    private const string Illustrative = "Every value and the park record are illustrative (the 2019 briefing gives no effluent figures for this park) / 所有數值皆為示意";

    private static string Briefing(string figures) => $"2019 briefing: {figures} (midpoint stored); every other value and the park record are illustrative / 其餘數值與園區紀錄皆為示意";

    private static Park Park(string zh, string en, string county, double latitude, double longitude, decimal design, decimal spare) =>
        new(Guid.NewGuid(), new BilingualName(zh, en), county, new GeoPoint(latitude, longitude), new CubicMetresPerDay(design),
            new CubicMetresPerDay(spare));
}
