using EcoPark.Domain.Fees;

namespace EcoPark.Domain.Tests.Fees;

/// <summary>The regulation's numbers as water-fee.md states them, written out by hand for the tests.</summary>
internal static class TestRules
{
    public static readonly Regulation2023Rules Regulation = new()
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
        HalfRateUncertainFeeYears = [2025],
        HalfRateFactor = 0.5m,
        ReclaimedMinimumM3 = 6_000,
        CommitmentShareRequired = 0.8m,
        InvestmentOffsetShareOfCost = 0.5m,
        InvestmentOffsetMaxYears = 10,
        ReductionCapShare = 0.6m,
        ExemptCategories =
        [
            PayerCategory.GovernmentAgency, PayerCategory.AdministrativeCorporation, PayerCategory.School,
            PayerCategory.MedicalInstitution, PayerCategory.SocialWelfareInstitution, PayerCategory.Agriculture,
        ],
        StepOrder = [FeeStepKind.HalfRate, FeeStepKind.ReductionsCapped, FeeStepKind.Article8],
    };

    /// <summary>An invented reduction table: the official attachment's percentages are administered data.</summary>
    public static readonly IReadOnlyList<ReclaimedReductionBand> SampleReclaimedTable =
        [new(6_000, 0.10m), new(50_000, 0.20m)];

    public static readonly Draft2019Rules Draft = new()
    {
        HalfYearTiers =
        [
            new(0, 6_000, 0, 0),
            new(6_000, 18_000, 1, 0.33m),
            new(18_000, 36_000, 2, 0.67m),
            new(36_000, null, 3, 1),
        ],
        MonthlyDivisor = 6,
        ReductionCapShare = 0.6m,
    };

    public static FeeRuleSet Regulation2023(Regulation2023Rules? rules = null) =>
        new("regulation-2023", 1, FeeScheme.Regulation2023, new DateOnly(2023, 2, 1), rules ?? Regulation, null);

    public static FeeRuleSet Draft2019() => new("draft-2019", 1, FeeScheme.Draft2019, new DateOnly(2019, 1, 1), null, Draft);

    /// <summary>The six window months of a fee year, each with the same volumes.</summary>
    public static List<MonthlyVolumes> Window(int feeYear, decimal tap, decimal surface = 0, decimal groundwater = 0, decimal other = 0) =>
        [.. Enumerable.Range(0, 6).Select(i => new MonthlyVolumes(new YearMonth(feeYear - 1, 11).AddMonths(i), tap, surface, groundwater, other))];
}
