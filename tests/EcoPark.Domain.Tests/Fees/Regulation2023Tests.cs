using EcoPark.Domain.Common;
using EcoPark.Domain.Fees;
using static EcoPark.Domain.Tests.Fees.TestRules;

namespace EcoPark.Domain.Tests.Fees;

public sealed class Regulation2023Tests
{
    // water-fee.md worked examples: 30,000 m³ of tap water each month Nov–Apr, no reductions.
    [Theory]
    [InlineData(RecyclingRateStatus.Within, false, 252_000)]
    [InlineData(RecyclingRateStatus.Below, false, 378_000)]
    [InlineData(RecyclingRateStatus.Unverified, false, 378_000)]
    [InlineData(RecyclingRateStatus.Above, false, 126_000)]
    [InlineData(RecyclingRateStatus.Within, true, 126_000)]
    [InlineData(RecyclingRateStatus.Below, true, 189_000)]
    public void Calculate_WorkedExample_MatchesWaterFeeMd(RecyclingRateStatus status, bool halfRate, decimal expectedNet)
    {
        var result = Calculate(Window(2026, tap: 30_000), status, halfRate: halfRate);

        Assert.True(result.InScope);
        Assert.Equal(expectedNet, result.NetFeeNtd);
        Assert.Equal(halfRate, result.HalfRateApplied);
        Assert.Equal(result.GrossFeeNtd - result.NetFeeNtd, result.ReductionNtd);
    }

    [Fact]
    public void Calculate_MonthBelowThreshold_AddsNoTapCharge()
    {
        // One month at 8,500 m³ beside months at 30,000: it adds nothing (water-fee.md).
        var months = Window(2026, tap: 30_000);
        months[2] = months[2] with { TapM3 = 8_500 };

        var result = Calculate(months, RecyclingRateStatus.Within);

        Assert.Equal(21_000m * 5 * 2, result.NetFeeNtd);
    }

    [Theory]
    [InlineData(9_000, false)] // exactly 9,000 does not exceed the threshold
    [InlineData(9_000.01, true)]
    [InlineData(8_999, false)]
    public void Calculate_MonthAtThreshold_IsInScopeOnlyAbove(double tap, bool inScope)
    {
        var months = Window(2026, tap: 1_000);
        months[0] = months[0] with { TapM3 = (decimal)tap };

        var result = Calculate(months, RecyclingRateStatus.Unverified);

        Assert.Equal(inScope, result.InScope);
        Assert.Equal(inScope ? RoundNtd(((decimal)tap - 9_000) * 3) : 0, result.NetFeeNtd);
    }

    [Fact]
    public void Calculate_GroundwaterOnlyPayer_PaysOnAllGroundwaterInTheWindow()
    {
        var result = Calculate(Window(2026, tap: 0, groundwater: 10_000), RecyclingRateStatus.Above);

        Assert.True(result.InScope);
        Assert.Equal(10_000m * 6 * 3, result.NetFeeNtd); // the recycling rate does not lower the groundwater rate
    }

    [Fact]
    public void Calculate_MixedSourcesInOneMonth_ScopeCountsGroundwaterButTapChargeDoesNot()
    {
        // water-fee.md: 5,000 tap + 6,000 groundwater is in scope; tap charge 0; groundwater at 3 NTD/m³.
        List<MonthlyVolumes> months = [new(new YearMonth(2025, 12), 5_000, 0, 6_000, 0)];

        var result = Calculate(months, RecyclingRateStatus.Within);

        Assert.True(result.InScope);
        Assert.Equal(0, result.Steps.Single(s => s.Code == "tap-surface-charge").AmountNtd);
        Assert.Equal(18_000, result.NetFeeNtd);
    }

    [Fact]
    public void Calculate_ContractWaterCountsWithTapAndSurface()
    {
        List<MonthlyVolumes> months = [new(new YearMonth(2026, 1), 4_000, 3_000, 0, 5_000)];

        var result = Calculate(months, RecyclingRateStatus.Within);

        Assert.Equal((12_000m - 9_000) * 2, result.NetFeeNtd);
    }

    [Fact]
    public void Calculate_PayerBelowThresholdEveryMonth_IsOutOfScope()
    {
        var result = Calculate(Window(2026, tap: 8_000, groundwater: 500), RecyclingRateStatus.Unverified);

        Assert.False(result.InScope);
        Assert.Equal("below-threshold", result.ScopeReason);
        Assert.Equal(0, result.NetFeeNtd);
    }

    [Theory]
    [InlineData(PayerCategory.GovernmentAgency)]
    [InlineData(PayerCategory.AdministrativeCorporation)]
    [InlineData(PayerCategory.School)]
    [InlineData(PayerCategory.MedicalInstitution)]
    [InlineData(PayerCategory.SocialWelfareInstitution)]
    [InlineData(PayerCategory.Agriculture)]
    public void Calculate_ExemptCategory_PaysNothing(PayerCategory category)
    {
        var result = FeeEngine.Calculate(Regulation2023(), new FeeRequest(2026, category, Window(2026, tap: 50_000), RecyclingRateStatus.Below, FeeClaims.None));

        Assert.False(result.InScope);
        Assert.Equal($"exempt:{category}", result.ScopeReason);
        Assert.Equal(0, result.NetFeeNtd);
    }

    [Theory]
    [InlineData(2023, true)]
    [InlineData(2024, true)]
    [InlineData(2025, false)]
    [InlineData(2026, false)]
    public void Calculate_HalfRateFromRuleSet_FollowsTheFeeYear(int feeYear, bool halved)
    {
        var result = FeeEngine.Calculate(Regulation2023(), new FeeRequest(feeYear, PayerCategory.Business, Window(feeYear, tap: 30_000), RecyclingRateStatus.Within, FeeClaims.None));

        Assert.Equal(halved, result.HalfRateApplied);
        Assert.Equal(halved ? 126_000 : 252_000, result.NetFeeNtd);
        Assert.Equal(feeYear == 2025, result.Warnings.Any(w => w.Code == "half-rate-uncertain"));
    }

    [Fact]
    public void Calculate_ReductionsAboveSixtyPercent_AreCapped()
    {
        var claims = new FeeClaims { PollutionFeePaidNtd = 200_000, InvestmentOffsetNtd = 100_000 };

        var result = Calculate(Window(2026, tap: 30_000), RecyclingRateStatus.Within, claims);

        Assert.Equal(252_000, result.GrossFeeNtd);
        Assert.Equal(252_000 - (252_000 * 0.6m), result.NetFeeNtd);
        Assert.Contains(result.Warnings, w => w.Code == "reduction-capped");
    }

    [Fact]
    public void Calculate_ReductionsBelowCap_ApplyInFull()
    {
        var result = Calculate(Window(2026, tap: 30_000), RecyclingRateStatus.Within, new FeeClaims { PollutionFeePaidNtd = 50_000 });

        Assert.Equal(202_000, result.NetFeeNtd);
        Assert.DoesNotContain(result.Warnings, w => w.Code == "reduction-capped");
    }

    [Theory]
    [InlineData(100_000, 152_000, "article-8-deduction")]
    [InlineData(252_000, 0, "article-8-exemption")]
    [InlineData(400_000, 0, "article-8-exemption")]
    public void Calculate_Article8_DeductsOrExempts(decimal conservation, decimal expectedNet, string code)
    {
        var result = Calculate(Window(2026, tap: 30_000), RecyclingRateStatus.Within, new FeeClaims { TapPriceConservationNtd = conservation });

        Assert.Equal(expectedNet, result.NetFeeNtd);
        Assert.Contains(result.Steps, s => s.Code == code);
    }

    [Fact]
    public void Calculate_DefaultOrder_HalvesThenCapsThenArticle8()
    {
        var claims = new FeeClaims { PollutionFeePaidNtd = 100_000, TapPriceConservationNtd = 10_000 };

        var result = Calculate(Window(2026, tap: 30_000), RecyclingRateStatus.Within, claims, halfRate: true);

        // 252,000 → half 126,000 → cap 60 % = 75,600 off → 50,400 → art. 8 −10,000 → 40,400
        Assert.Equal(40_400, result.NetFeeNtd);
        Assert.Equal(["tap-surface-charge", "groundwater-charge", "half-rate", "pollution-fee-offset", "reduction-cap", "article-8-deduction"],
            result.Steps.Select(s => s.Code));
    }

    [Fact]
    public void Calculate_ReclaimedReduction_IsRefusedWhileTheTableIsEmpty()
    {
        var result = Calculate(Window(2026, tap: 30_000), RecyclingRateStatus.Within, new FeeClaims { ReclaimedAndDesalinatedM3 = 20_000 });

        Assert.Equal(252_000, result.NetFeeNtd);
        Assert.Contains(result.Warnings, w => w.Code == "reclaimed-table-empty");
    }

    [Theory]
    [InlineData(20_000, 0, 252_000 * 0.9)] // no commitment: 10 % band
    [InlineData(60_000, 0, 252_000 * 0.8)] // 20 % band
    [InlineData(5_999, 0, 252_000)] // below the 6,000 m³ floor
    [InlineData(16_000, 20_000, 252_000 * 0.9)] // exactly 80 % of the commitment
    [InlineData(15_999, 20_000, 252_000)] // below 80 % of the commitment
    public void Calculate_ReclaimedReduction_FollowsFloorCommitmentAndTable(decimal used, decimal committed, decimal expectedNet)
    {
        var rules = Regulation with { ReclaimedReductionTable = SampleReclaimedTable };
        var claims = new FeeClaims { ReclaimedAndDesalinatedM3 = used, CommittedReclaimedM3 = committed };

        var result = FeeEngine.Calculate(Regulation2023(rules), new FeeRequest(2026, PayerCategory.Business, Window(2026, tap: 30_000), RecyclingRateStatus.Within, claims));

        Assert.Equal(expectedNet, result.NetFeeNtd);
    }

    [Fact]
    public void Calculate_MonthOutsideWindow_IsRefused()
    {
        List<MonthlyVolumes> months = [new(new YearMonth(2026, 5), 30_000, 0, 0, 0)];

        var error = Assert.Throws<DomainException>(() => Calculate(months, RecyclingRateStatus.Within));
        Assert.Equal("outside-window", error.Code);
    }

    [Fact]
    public void Calculate_RoundsOnlyTheTotals()
    {
        // 0.3 m³ above the threshold in each of three months: 0.9 × 3 = 2.7 NTD → 3 NTD, not 3 × round(0.9).
        List<MonthlyVolumes> months = [.. Enumerable.Range(0, 3).Select(i => new MonthlyVolumes(new YearMonth(2026, 1 + i), 9_000.3m, 0, 0, 0))];

        var result = Calculate(months, RecyclingRateStatus.Unverified);

        Assert.Equal(2.7m, result.Steps[0].AmountNtd);
        Assert.Equal(3, result.NetFeeNtd);
    }

    [Theory]
    [InlineData(1_000_000, 2026, 2026, 10, 50_000)] // ½ × 1,000,000 over 10 years
    [InlineData(1_000_000, 2026, 2036, 10, 0)] // the eleventh year: nothing
    [InlineData(1_000_000, 2026, 2027, 20, 50_000)] // more years than the maximum: spread over 10
    [InlineData(1_000_000, 2026, 2025, 10, 0)] // before the first year: nothing
    public void InvestmentApproval_OffsetFor_SpreadsHalfTheCost(decimal cost, int first, int feeYear, int years, decimal expected)
    {
        var approval = new InvestmentApproval(cost, first, years, OffsetUsedBeforeNtd: 0);

        var offset = approval.OffsetFor(feeYear, Regulation);

        Assert.Equal(expected, offset);
    }

    [Fact]
    public void InvestmentApproval_OffsetFor_NeverExceedsWhatIsLeft()
    {
        var approval = new InvestmentApproval(1_000_000, 2020, 10, OffsetUsedBeforeNtd: 480_000);

        Assert.Equal(20_000, approval.OffsetFor(2026, Regulation));
    }

    private static FeeResult Calculate(List<MonthlyVolumes> months, RecyclingRateStatus status, FeeClaims? claims = null, bool halfRate = false) =>
        FeeEngine.Calculate(Regulation2023(), new FeeRequest(2026, PayerCategory.Business, months, status, claims ?? FeeClaims.None, halfRate));

    private static decimal RoundNtd(decimal value) => Math.Round(value, 0, MidpointRounding.AwayFromZero);
}
