using EcoPark.Domain.Fees;

namespace EcoPark.Benchmarks;

/// <summary>Synthetic inputs. The rule values mirror the seeded regulation-2023 v1 rule set.</summary>
internal static class SyntheticRules
{
    public static FeeRuleSet Regulation2023() => new("regulation-2023", 1, FeeScheme.Regulation2023, new DateOnly(2023, 2, 1), new Regulation2023Rules
    {
        MonthlyThresholdM3 = 9_000,
        WindowStartMonth = 11,
        WindowEndMonth = 4,
        TapSurfaceRates = new Dictionary<RecyclingRateStatus, decimal>
        {
            [RecyclingRateStatus.Unverified] = 3,
            [RecyclingRateStatus.Below] = 3,
            [RecyclingRateStatus.Within] = 2,
            [RecyclingRateStatus.Above] = 1,
        },
        GroundwaterRate = 3,
        HalfRateFeeYears = [2023, 2024],
        HalfRateFactor = 0.5m,
        ReclaimedReductionTable = [new(6_000, 0.1m), new(50_000, 0.2m)],
        ReclaimedMinimumM3 = 6_000,
        CommitmentShareRequired = 0.8m,
        InvestmentOffsetShareOfCost = 0.5m,
        InvestmentOffsetMaxYears = 10,
        ReductionCapShare = 0.6m,
        ExemptCategories = [PayerCategory.GovernmentAgency, PayerCategory.School],
        StepOrder = [FeeStepKind.HalfRate, FeeStepKind.ReductionsCapped, FeeStepKind.Article8],
    }, null);

    public static FeeRequest Payer(Random random, int feeYear)
    {
        var months = Enumerable.Range(0, 6)
            .Select(i => new MonthlyVolumes(new YearMonth(feeYear - 1, 11).AddMonths(i), random.Next(0, 60_000), random.Next(0, 5_000), random.Next(0, 8_000), random.Next(0, 3_000)))
            .ToList();
        var claims = new FeeClaims
        {
            ReclaimedAndDesalinatedM3 = random.Next(4) == 0 ? random.Next(0, 80_000) : 0,
            PollutionFeePaidNtd = random.Next(3) == 0 ? random.Next(0, 200_000) : 0,
            TapPriceConservationNtd = random.Next(5) == 0 ? random.Next(0, 50_000) : 0,
        };
        return new FeeRequest(feeYear, PayerCategory.Business, months, (RecyclingRateStatus)random.Next(4), claims);
    }
}
