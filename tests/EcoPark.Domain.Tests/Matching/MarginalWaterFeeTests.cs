using EcoPark.Domain.Matching;
using EcoPark.Domain.Tests.Fees;

namespace EcoPark.Domain.Tests.Matching;

/// <summary>The buyer's marginal water-consumption fee comes from the fee engine, on its own filed months.</summary>
public sealed class MarginalWaterFeeTests
{
    [Theory]
    [InlineData(2026, 20_000, 100, 3)] // above the threshold all window long: the unverified rate
    [InlineData(2024, 20_000, 100, 1.5)] // a half-rate fee year
    [InlineData(2026, 8_000, 100, 0)] // below the threshold: replacing tap water saves no fee
    public void PerM3_OnFiledMonths_IsTheFeeEnginesSavingPerReplacedM3(int feeYear, decimal tapPerMonth, decimal replacedPerDay, decimal expected) =>
        Assert.Equal(expected, MarginalWaterFee.PerM3(TestRules.Regulation2023(), feeYear, TestRules.Window(feeYear, tapPerMonth), replacedPerDay));

    [Fact]
    public void PerM3_WithoutFiledMonths_IsUnknown() =>
        Assert.Null(MarginalWaterFee.PerM3(TestRules.Regulation2023(), 2026, [], 100));

    [Theory]
    [InlineData("2026-11-22", 2026)] // the Nov 2025 – Apr 2026 window has closed
    [InlineData("2026-04-15", 2025)] // April 2026 is still in the 2026 window
    [InlineData("2026-05-01", 2026)]
    public void LatestClosedFeeYear_IsTheLastWholeWindowBeforeToday(string today, int expected) =>
        Assert.Equal(expected, MarginalWaterFee.LatestClosedFeeYear(TestRules.Regulation, DateOnly.Parse(today)));
}
