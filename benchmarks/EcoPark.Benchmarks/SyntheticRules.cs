using EcoPark.Domain.Fees;

namespace EcoPark.Benchmarks;

/// <summary>Synthetic inputs on the seeded regulation-2023 v1 rule set.</summary>
internal static class SyntheticRules
{
    /// <summary>
    /// The seeded regulation-2023 v1 rule set (the domain's defaults), with a synthetic reclaimed-water reduction
    /// table in place of the official attachment the defaults leave empty, so that the reduction step does work.
    /// </summary>
    public static FeeRuleSet Regulation2023() => FeeDefaults.Regulation2023 with
    {
        Regulation2023 = FeeDefaults.Regulation2023.Regulation2023! with { ReclaimedReductionTable = [new(6_000, 0.1m), new(50_000, 0.2m)] },
    };

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
