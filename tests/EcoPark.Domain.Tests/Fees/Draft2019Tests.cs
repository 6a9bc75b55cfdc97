using EcoPark.Domain.Common;
using EcoPark.Domain.Fees;
using static EcoPark.Domain.Tests.Fees.TestRules;

namespace EcoPark.Domain.Tests.Fees;

public sealed class Draft2019Tests
{
    // water-fee.md, case 1: factory A, tap water, monthly tiers (edges ÷ 6).
    [Theory]
    [InlineData(30_000, 0, 80_000)] // (30,000 − 6,000) × 3 + 3,000 × 2 + 2,000 × 1
    [InlineData(30_000, 5, 76_000)] // with the 5 % reduction
    [InlineData(15_000, 0, 35_000)] // after taking 500 m³/day of B's effluent
    [InlineData(15_000, 5, 33_250)]
    [InlineData(1_000, 0, 0)] // at the first edge: out of scope
    public void Calculate_Case1_MatchesWaterFeeMd(decimal tapM3, decimal reductionPercent, decimal expectedNet)
    {
        var result = Monthly(tapM3, other: 0, reductionPercent);

        Assert.Equal(expectedNet, result.NetFeeNtd);
    }

    [Fact]
    public void Calculate_Case1_YearlySavingIs513000()
    {
        var before = Monthly(30_000, 0, 5).NetFeeNtd;
        var after = Monthly(15_000, 0, 5).NetFeeNtd;

        Assert.Equal(513_000, (before - after) * 12);
    }

    [Theory]
    [InlineData(6_000, 0)]
    [InlineData(18_000, 12_000)] // 12,000 × 1
    [InlineData(36_000, 48_000)] // 12,000 × 1 + 18,000 × 2
    [InlineData(40_000, 60_000)] // + 4,000 × 3
    public void Calculate_HalfYear_UsesTheTierEdgesAsPrinted(decimal tapM3, decimal expected)
    {
        var result = FeeEngine.Calculate(Draft2019(), Request(tapM3, 0, 0, DraftPeriod.HalfYear));

        Assert.Equal(expected, result.NetFeeNtd);
    }

    [Fact]
    public void Calculate_OtherSources_UseTheOtherRates()
    {
        // Half-year: 36,000 m³ of groundwater → 12,000 × 0.33 + 18,000 × 0.67 = 3,960 + 12,060.
        var result = FeeEngine.Calculate(Draft2019(), new FeeRequest(2026, PayerCategory.Business,
            [new MonthlyVolumes(new YearMonth(2026, 6), 0, 0, 36_000, 0)], RecyclingRateStatus.Unverified, FeeClaims.None, DraftPeriod: DraftPeriod.HalfYear));

        Assert.Equal(16_020, result.NetFeeNtd);
    }

    // One reading for mixed sources (decision 0017): the payer's total decides the tiers, so the free band is granted
    // once; each tier's m³ are split between tap and other water in the period's proportion.
    [Theory]
    [InlineData(3_000, 3_000, 5_335)] // 2,000 × (½ × 1 + ½ × 0.33) + 3,000 × (½ × 2 + ½ × 0.67)
    [InlineData(900, 900, 532)] // 1,800 m³ is in scope, and pays: 800 × 0.665 (tiering each source apart gave 0)
    [InlineData(1_000, 0, 0)] // at the first edge
    [InlineData(0, 6_000, 2_670)] // other water only: 2,000 × 0.33 + 3,000 × 0.67
    public void Calculate_MixedSources_TierTheTotalOnce(decimal tap, decimal other, decimal expected)
    {
        Assert.Equal(expected, Monthly(tap, other, 0).NetFeeNtd);
    }

    [Theory]
    [InlineData(60, 32_000)]
    [InlineData(75, 32_000)] // capped at 60 %
    public void Calculate_DraftReduction_IsCappedAtSixtyPercent(decimal percent, decimal expected)
    {
        Assert.Equal(expected, Monthly(30_000, 0, percent).NetFeeNtd);
    }

    [Fact]
    public void Calculate_MoreThanOnePeriod_IsRefused()
    {
        var request = new FeeRequest(2026, PayerCategory.Business, Window(2026, tap: 30_000), RecyclingRateStatus.Unverified, FeeClaims.None);

        Assert.Throws<DomainException>(() => FeeEngine.Calculate(Draft2019(), request));
    }

    private static FeeResult Monthly(decimal tap, decimal other, decimal reductionPercent) =>
        FeeEngine.Calculate(Draft2019(), Request(tap, other, reductionPercent, DraftPeriod.Month));

    private static FeeRequest Request(decimal tap, decimal other, decimal reductionPercent, DraftPeriod period) =>
        new(2026, PayerCategory.Business, [new MonthlyVolumes(new YearMonth(2026, 1), tap, other, 0, 0)], RecyclingRateStatus.Unverified,
            new FeeClaims { DraftReductionPercent = reductionPercent }, DraftPeriod: period);
}
