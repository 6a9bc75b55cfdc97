using EcoPark.Domain.Matching;
using EcoPark.Domain.Tests.Fees;

namespace EcoPark.Domain.Tests.Matching;

/// <summary>The buyer's marginal water-consumption fee comes from the fee engine, on its own filed months.</summary>
public sealed class MarginalWaterFeeTests
{
    // The fee year with and without the matched volume, over the m³ matched in the whole year (100 m³/day × 365): the fee is
    // charged only on the 181 (182 in 2024) window days, so a buyer above the threshold all window long saves 3 × 181 ÷ 365.
    [Theory]
    [InlineData(2026, 20_000, 100, 3.0 * 181 / 365)] // above the threshold all window long: the unverified rate on the window's days
    [InlineData(2024, 20_000, 100, 1.5 * 182 / 365)] // a half-rate fee year (Feb 2024 has 29 days)
    [InlineData(2026, 8_000, 100, 0)] // below the threshold: replacing tap water saves no fee
    [InlineData(2026, 10_000, 100, 3.0 * 1_000 * 6 / 36_500)] // only the 1,000 m³ a month above the threshold is saved
    public void PerM3_OnFiledMonths_IsTheAnnualFeeSavingPerMatchedM3(int feeYear, decimal tapPerMonth, decimal replacedPerDay, double expected) =>
        Assert.Equal((decimal)expected, MarginalWaterFee.PerM3(TestRules.Regulation2023(), feeYear, TestRules.Window(feeYear, tapPerMonth), replacedPerDay,
            replacedPerDay * 365)!.Value, 6);

    [Fact]
    public void PerM3_WithoutFiledMonths_IsUnknown() =>
        Assert.Null(MarginalWaterFee.PerM3(TestRules.Regulation2023(), 2026, [], 100, 36_500));

    [Theory]
    [InlineData(250, 0.0)] // 7,500 m³ a month: never above the threshold, no fee saved
    [InlineData(1_000, 3.0 * ((1_000 * 181) - 54_000) / (1_000 * 365))] // all of it above the threshold but the first 9,000 m³ a month
    public void AssumedWindow_TheDemandsFlowAsAllItsTapWater_SavesOnlyWhatIsAboveTheThreshold(decimal demandPerDay, double expected)
    {
        var months = MarginalWaterFee.AssumedWindow(TestRules.Regulation, 2026, demandPerDay, 1);

        Assert.Equal(6, months.Count);
        Assert.Equal((decimal)expected, MarginalWaterFee.PerM3(TestRules.Regulation2023(), 2026, months, demandPerDay, demandPerDay * 365)!.Value, 6);
    }

    [Theory]
    [InlineData("2026-11-22", 2026)] // the Nov 2025 – Apr 2026 window has closed
    [InlineData("2026-04-15", 2025)] // April 2026 is still in the 2026 window
    [InlineData("2026-05-01", 2026)]
    public void LatestClosedFeeYear_IsTheLastWholeWindowBeforeToday(string today, int expected) =>
        Assert.Equal(expected, MarginalWaterFee.LatestClosedFeeYear(TestRules.Regulation, DateOnly.Parse(today)));
}
