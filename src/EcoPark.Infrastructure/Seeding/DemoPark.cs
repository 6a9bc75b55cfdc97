using EcoPark.Domain.Common;
using EcoPark.Domain.Factories;
using EcoPark.Domain.Parks;

namespace EcoPark.Infrastructure.Seeding;

/// <summary>
/// Two anonymised parks: 青溪 with fourteen factories across the park's industries and its WWTP, and a
/// smaller 溪南 park so that scoping by park can be seen. The aluminium caster sits next to the park WWTP, as in
/// the documented WWTP-to-caster case. Names, numbers and places are invented; the
/// unified business numbers pass the checksum but belong to no real company.
/// </summary>
internal static class DemoPark
{
    public static readonly Park Qingxi = new(
        Guid.Parse("0b6f7d1e-5a43-4d9e-9c61-000000000001"),
        new BilingualName("青溪工業區", "Qingxi Industrial Park"),
        "桃園市",
        new GeoPoint(25.0160, 121.1720),
        new CubicMetresPerDay(35_000),
        new CubicMetresPerDay(8_500));

    public static readonly Park Xinan = new(
        Guid.Parse("0b6f7d1e-5a43-4d9e-9c61-000000000002"),
        new BilingualName("溪南工業區", "Xinan Industrial Park"),
        "彰化縣",
        new GeoPoint(24.0830, 120.4050),
        new CubicMetresPerDay(20_000),
        new CubicMetresPerDay(6_000));

    public const string EngineerFactoryName = "永彩染整股份有限公司";
    public const string SecondEngineerFactoryName = "鋁鑫金屬股份有限公司";

    public static IEnumerable<(Park Park, FactoryDetails Factory)> Factories()
    {
        (Park, string, string, string, Industry, string, double, double, string, string)[] rows =
        [
            (Qingxi, "青溪紡織股份有限公司", "Qingxi Textile Co., Ltd.", "52880483", Industry.Textile, "1113", 25.0231, 121.1618, "陳志明", "03-386-1001"),
            (Qingxi, EngineerFactoryName, "Yongcai Dyeing & Finishing Co., Ltd.", "96865468", Industry.Dyeing, "1150", 25.0198, 121.1677, "林淑芬", "03-386-1002"),
            (Qingxi, "禾豐食品股份有限公司", "Hefeng Foods Co., Ltd.", "84700087", Industry.Food, "0899", 25.0102, 121.1655, "王建宏", "03-386-1003"),
            (Qingxi, "清泉飲料股份有限公司", "Qingquan Beverage Co., Ltd.", "75888073", Industry.Food, "0920", 25.0075, 121.1741, "黃美玲", "03-386-1004"),
            (Qingxi, "晶拓半導體股份有限公司", "Jingtuo Semiconductor Corp.", "92437103", Industry.Electronics, "2611", 25.0285, 121.1790, "張家豪", "03-386-1005"),
            (Qingxi, "光域光電股份有限公司", "Guangyu Optoelectronics Corp.", "20834547", Industry.Electronics, "2641", 25.0262, 121.1852, "李宗翰", "03-386-1006"),
            (Qingxi, "恆信化工股份有限公司", "Hengxin Chemical Industries Co., Ltd.", "48552728", Industry.Chemicals, "1810", 25.0041, 121.1803, "吳佩珊", "03-386-1007"),
            (Qingxi, "聯盛特用化學股份有限公司", "Liansheng Specialty Chemicals Co., Ltd.", "75805171", Industry.Chemicals, "1850", 25.0018, 121.1712, "劉冠廷", "03-386-1008"),
            (Qingxi, SecondEngineerFactoryName, "Lyuxin Aluminium Casting Co., Ltd.", "55686986", Industry.Metals, "2421", 25.0071, 121.1607, "蔡宜君", "03-386-1009"),
            (Qingxi, "鋼聯熱處理股份有限公司", "Ganglian Heat Treatment Co., Ltd.", "22034628", Industry.Metals, "2599", 25.0203, 121.1921, "楊俊傑", "03-386-1010"),
            (Qingxi, "青溪紙業股份有限公司", "Qingxi Paper Co., Ltd.", "48601278", Industry.Paper, "1511", 25.0310, 121.1695, "許雅婷", "03-386-1011"),
            (Qingxi, "新綠塑膠股份有限公司", "Xinlyu Plastics Co., Ltd.", "71397604", Industry.Plastics, "2202", 25.0167, 121.1548, "鄭文彬", "03-386-1012"),
            (Qingxi, "康寧醫療器材股份有限公司", "Kangning Medical Devices Co., Ltd.", "28909714", Industry.Medical, "3250", 25.0249, 121.1530, "謝孟蓉", "03-386-1013"),
            (Qingxi, "青溪工業區污水處理廠", "Qingxi Industrial Park WWTP", "51473104", Industry.Wwtp, "3700", 25.0065, 121.1598, "郭明哲", "03-386-1014"),
            (Xinan, "溪南鋼鐵股份有限公司", "Xinan Steel Co., Ltd.", "66669073", Industry.Metals, "2411", 24.0880, 120.4012, "洪志偉", "04-781-2001"),
            (Xinan, "南紡織造股份有限公司", "Nanfang Weaving Co., Ltd.", "77962320", Industry.Textile, "1122", 24.0791, 120.4110, "邱靜怡", "04-781-2002"),
            (Xinan, "溪南工業區污水處理廠", "Xinan Industrial Park WWTP", "78846905", Industry.Wwtp, "3700", 24.0760, 120.3981, "曾國峰", "04-781-2003"),
        ];

        for (var i = 0; i < rows.Length; i++)
        {
            var (park, zh, en, ubn, industry, tsic, lat, lon, contact, phone) = rows[i];
            var street = park == Qingxi ? "觀音區青溪路" : "線西鄉溪南路";
            yield return (park, new FactoryDetails(
                new BilingualName(zh, en), $"{park.County}{street}{i + 1}號", UnifiedBusinessNumber.Parse(ubn), industry, tsic,
                new GeoPoint(lat, lon), new ContactPerson(contact, phone, string.Empty)));
        }
    }
}
