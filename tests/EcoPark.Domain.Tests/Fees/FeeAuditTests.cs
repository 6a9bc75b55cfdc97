using EcoPark.Domain.Common;
using EcoPark.Domain.Fees;
using static EcoPark.Domain.Tests.Fees.TestRules;

namespace EcoPark.Domain.Tests.Fees;

/// <summary>What an auditor must see before an irreversible step: gaps in the window, claims that changed nothing, the first window's cut.</summary>
public sealed class FeeAuditTests
{
    [Theory]
    [InlineData(6, "")]
    [InlineData(1, "2025-12,2026-01,2026-02,2026-03,2026-04")]
    [InlineData(3, "2026-02,2026-03,2026-04")]
    public void Calculate_WindowMonthsWithoutFigures_AreNamed(int filled, string missing)
    {
        var result = FeeEngine.Calculate(Regulation2023(), Request(2026, Window(2026, tap: 30_000).Take(filled).ToList()));

        Assert.Equal(missing, string.Join(",", result.MissingMonths!));
    }

    [Fact]
    public void Calculate_AMonthOfZeros_IsNotMissing()
    {
        var months = Window(2026, tap: 30_000);
        months[1] = months[1] with { TapM3 = 0 };

        Assert.Empty(FeeEngine.Calculate(Regulation2023(), Request(2026, months)).MissingMonths!);
    }

    [Theory]
    [InlineData(FeeClaimKind.PollutionFee, 10_000, 10_000, null)]
    [InlineData(FeeClaimKind.ReclaimedWater, 12_000, 0, "reclaimed-table-empty")]
    [InlineData(FeeClaimKind.ReclaimedWater, 5_000, 0, "reclaimed-below-minimum")]
    [InlineData(FeeClaimKind.Article8, 1_000, 1_000, null)]
    public void Calculate_EachClaimSaysWhatItChanged(FeeClaimKind kind, decimal claimed, decimal effect, string? reason)
    {
        var claims = kind switch
        {
            FeeClaimKind.PollutionFee => new FeeClaims { PollutionFeePaidNtd = claimed },
            FeeClaimKind.ReclaimedWater => new FeeClaims { ReclaimedAndDesalinatedM3 = claimed },
            _ => new FeeClaims { TapPriceConservationNtd = claimed },
        };

        var result = FeeEngine.Calculate(Regulation2023(), Request(2026, Window(2026, tap: 30_000), claims));

        var claimEffect = Assert.Single(result.ClaimEffects!);
        Assert.Equal((kind, claimed, effect, reason), (claimEffect.Kind, claimEffect.Claimed, claimEffect.EffectNtd, claimEffect.NoEffectReason));
    }

    [Fact]
    public void Calculate_CappedReductions_ShareTheCapInProportion_AndAddUpToTheReduction()
    {
        // 252,000 (within benchmark) capped at 60 %: 151,200 shared 2:1 between 200,000 and 100,000 claimed.
        var claims = new FeeClaims { PollutionFeePaidNtd = 200_000, InvestmentOffsetNtd = 100_000 };

        var result = FeeEngine.Calculate(Regulation2023(), new FeeRequest(2026, PayerCategory.Business, Window(2026, tap: 30_000), RecyclingRateStatus.Within, claims));

        Assert.Equal(100_800, result.ClaimEffects!.Single(e => e.Kind == FeeClaimKind.PollutionFee).EffectNtd);
        Assert.Equal(50_400, result.ClaimEffects!.Single(e => e.Kind == FeeClaimKind.InvestmentOffset).EffectNtd);
        Assert.Equal(result.ReductionNtd, result.ClaimEffects!.Sum(e => e.EffectNtd));
    }

    [Fact]
    public void Calculate_OutOfScope_EveryClaimChangedNothing_BecauseThereIsNoFee()
    {
        var result = FeeEngine.Calculate(Regulation2023(), Request(2026, Window(2026, tap: 8_000), new FeeClaims { PollutionFeePaidNtd = 5_000 }));

        Assert.Equal("out-of-scope", Assert.Single(result.ClaimEffects!).NoEffectReason);
    }

    [Theory]
    [InlineData(2023, "2023-02", 3)] // the regulation took effect on 2023-02-01: Nov 2022 – Jan 2023 are not counted
    [InlineData(2024, "2023-11", 6)]
    [InlineData(2026, "2025-11", 6)]
    public void WindowMonths_FirstFeeYear_StartsWithTheRegulation(int feeYear, string first, int count)
    {
        var rules = Regulation with { RegulationInForceFrom = new DateOnly(2023, 2, 1) };

        var window = rules.WindowMonths(feeYear);

        Assert.Equal(first, window[0].ToString());
        Assert.Equal(count, window.Count);
    }

    [Fact]
    public void WindowMonths_RegulationFromMidMonth_CountsFromTheNextWholeMonth()
    {
        var rules = Regulation with { RegulationInForceFrom = new DateOnly(2023, 2, 15) };

        Assert.Equal("2023-03", rules.WindowStart(2023).ToString());
    }

    [Fact]
    public void Calculate_FirstFeeYear_RefusesMonthsBeforeTheRegulation_AndChargesOnlyTheRest()
    {
        var rules = Regulation with { RegulationInForceFrom = new DateOnly(2023, 2, 1) };
        var before = new List<MonthlyVolumes> { new(new YearMonth(2023, 1), 30_000, 0, 0, 0) };

        Assert.Equal("outside-window", Assert.Throws<DomainException>(() => FeeEngine.Calculate(Regulation2023(rules), Request(2023, before))).Code);

        var after = Window(2023, tap: 30_000).Skip(3).ToList();
        var result = FeeEngine.Calculate(Regulation2023(rules), new FeeRequest(2023, PayerCategory.Business, after, RecyclingRateStatus.Within, FeeClaims.None, HalfRate: false));

        Assert.Equal(21_000 * 3 * 2, result.NetFeeNtd);
        Assert.Empty(result.MissingMonths!);
    }

    [Fact]
    public void StoredResult_KeepsItsMissingMonthsAndClaimEffects()
    {
        var result = FeeEngine.Calculate(Regulation2023(), Request(2026, Window(2026, tap: 30_000).Take(2).ToList(), new FeeClaims { ReclaimedAndDesalinatedM3 = 12_000 }));
        var options = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);

        var stored = System.Text.Json.JsonSerializer.Deserialize<FeeResult>(System.Text.Json.JsonSerializer.Serialize(result, options), options)!;

        Assert.Equal(result.MissingMonths, stored.MissingMonths);
        Assert.Equal(result.ClaimEffects, stored.ClaimEffects);
    }

    private static FeeRequest Request(int feeYear, List<MonthlyVolumes> months, FeeClaims? claims = null) =>
        new(feeYear, PayerCategory.Business, months, RecyclingRateStatus.Unverified, claims ?? FeeClaims.None);
}
