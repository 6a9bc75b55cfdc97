using EcoPark.Domain.Matching;
using EcoPark.Domain.Reporting;
using EcoPark.Domain.Tests.Fees;
using EcoPark.Domain.Water;

namespace EcoPark.Domain.Tests.Reporting;

/// <summary>
/// The fee saved through the fee engine, on a buyer F worked out by hand. G→F water, 100 m³/day agreed on 2025-10-01, 36 000 m³/yr
/// predicted: 3 000 m³ a month. F's filed tap water in fee year 2026's window: Nov 10 000, Dec 7 000, Jan 10 000, Feb 10 000, Mar
/// not filed, Apr 10 000 (and a half-year filing, which does not count). Threshold 9 000 m³ a month, 3 NTD/m³, full rate in 2026.
/// <list type="bullet">
/// <item>With the linkage (as filed), charged above the threshold: 1 000 + 0 + 1 000 + 1 000 + 1 000 = 4 000 m³, fee 12 000.</item>
/// <item>Without it (3 000 more tap water in each filed month): 4 000 + 1 000 + 4 000 + 4 000 + 4 000 = 17 000 m³, fee 51 000.</item>
/// <item>Saved 39 000 over 13 000 m³ charged: December counts only the 1 000 m³ above the threshold, 3 000 NTD; each other month 9 000.</item>
/// </list>
/// </summary>
public sealed class WaterFeeSavedTests
{
    private static readonly Guid F = Guid.NewGuid();
    private static readonly Guid G = Guid.NewGuid();

    [Theory]
    [InlineData("2026-01", "2026-06-01", 9000, "")]
    [InlineData("2025-12", "2026-06-01", 3000, "")] // 7 000 + 3 000: only 1 000 m³ above the threshold
    [InlineData("2026-03", "2026-06-01", 0, "2026-03")] // not filed: left out and named
    [InlineData("2026-05", "2026-06-01", 0, "")] // outside the collection window: no fee to save
    [InlineData("2025-09", "2026-06-01", 0, "")] // before the agreement
    [InlineData("2025", "2026-06-01", 12000, "")] // November and December of fee year 2026
    [InlineData("2026", "2026-12-10", 27000, "2026-03,2026-11")] // Jan, Feb, Apr; March and November (fee year 2027) not filed; December not closed
    public void FeeSaved_GoesThroughTheEngineOnTheBuyersFiledMonths(string period, string today, double expected, string notFiled)
    {
        var saving = WaterFeeSaved.Of(Records(), ReportPeriod.Parse(period), DateOnly.Parse(today));

        Assert.Equal((decimal)expected, Math.Round(saving.Ntd, 2));
        Assert.Equal(notFiled, string.Join(",", saving.NotFiled.Select(n => n.Month.ToString())));
        Assert.All(saving.NotFiled, n => Assert.Equal(F, n.FactoryId));
    }

    [Fact]
    public void FeeSaved_ForAWholeFeeYear_IsTheEnginesDifference_AndABuyerUnderTheThresholdSavesNothing()
    {
        var records = Records();
        var months = new[] { "2025-11", "2025-12", "2026-01", "2026-02", "2026-04" };

        var byMonth = months.Sum(m => WaterFeeSaved.Of(records, ReportPeriod.Parse(m), new DateOnly(2026, 6, 1)).Ntd);

        Assert.Equal(39_000m, Math.Round(byMonth, 2));
        var small = records with { Filings = [.. months.Select(m => Filed(F, m, 5_000))] };
        Assert.Equal(0m, WaterFeeSaved.Of(small, new ReportPeriod(2026, null), new DateOnly(2026, 6, 1)).Ntd);
    }

    [Fact]
    public void FeeSaved_WithoutAFeeRuleInForce_CountsNothing()
    {
        var records = Records() with { FeeRules = [] };

        var saving = WaterFeeSaved.Of(records, ReportPeriod.Parse("2026-01"), new DateOnly(2026, 6, 1));

        Assert.Equal(WaterFeeSaving.None.Ntd, saving.Ntd);
        Assert.Empty(saving.NotFiled);
    }

    internal static ParkRecords Records()
    {
        var water = HandMadePark.Match(ResourceKind.Water, G, F, 100, "m3/day", 30_000, 10_000);
        HandMadePark.ToAgreed(water, new DateOnly(2025, 10, 1), 100, new CreditSplit(50, 50, 50));
        return new ParkRecords([F, G], [new LinkageRecord(water, new LinkageEconomics(0, 0, 36_000, "test-1"))],
        [
            Filed(F, "2025-11", 10_000), Filed(F, "2025-12", 7_000), Filed(F, "2026-01", 10_000), Filed(F, "2026-02", 10_000), Filed(F, "2026-04", 10_000), Filed(F, "2026-H1", 60_000),
        ])
        {
            FeeRules = [TestRules.Regulation2023()],
        };
    }

    private static WaterBalanceFiling Filed(Guid factory, string period, decimal tap) => HandMadePark.Filed(factory, new WaterBalance { TapM3 = tap }, period);
}
