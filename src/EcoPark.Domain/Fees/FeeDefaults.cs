using EcoPark.Domain.Common;
using EcoPark.Domain.Factories;

namespace EcoPark.Domain.Fees;

/// <summary>
/// The fee rules' defaults (as <see cref="Matching.MatchingDefaults"/> are the matching rules'): the first version
/// of each fee rule set, as water-fee.md states the texts, written to the database once. From then on the
/// database is the source: administrators change rules by adding versions. Benchmarks build on these too.
/// </summary>
public static class FeeDefaults
{
    public static FeeRuleSet Regulation2023 { get; } = new(
        FeeScheme.Regulation2023.Key(),
        1,
        FeeScheme.Regulation2023,
        new DateOnly(2023, 2, 1),
        new Regulation2023Rules
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
            // Art. 12: half rate from 2023-02-01 to 2025-06-30. The 2025 bill (use Nov 2024 – Apr 2025,
            // billed July 2025) is not settled by the text: off here, and every 2025 calculation warns.
            HalfRateFeeYears = [2023, 2024],
            HalfRateUncertainFeeYears = [2025],
            HalfRateFactor = 0.5m,
            ReclaimedReductionTable = [], // entered by an administrator from the official attachment
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
            Calendar = FeeCalendarRules.Statutory,
            RegulationInForceFrom = new DateOnly(2023, 2, 1),
        },
        null);

    public static FeeRuleSet Draft2019 { get; } = new(
        FeeScheme.Draft2019.Key(),
        1,
        FeeScheme.Draft2019,
        new DateOnly(2019, 1, 1),
        null,
        new Draft2019Rules
        {
            HalfYearTiers =
            [
                new DraftTier(0, 6_000, 0, 0),
                new DraftTier(6_000, 18_000, 1, 0.33m),
                new DraftTier(18_000, 36_000, 2, 0.67m),
                new DraftTier(36_000, null, 3, 1),
            ],
            MonthlyDivisor = 6,
            ReductionCapShare = 0.6m,
            Calendar = FeeCalendarRules.Statutory,
        });

    /// <summary>
    /// Illustrative benchmark ranges for the demo only: NOT the official notice. Stored with
    /// Official = false, and every screen that shows them says so.
    /// </summary>
    public static IEnumerable<(Industry Industry, decimal Lower, decimal Upper)> IllustrativeBenchmarks { get; } =
    [
        (Industry.Food, 30, 45),
        (Industry.Medical, 30, 45),
        (Industry.Textile, 40, 55),
        (Industry.Dyeing, 35, 50),
        (Industry.Electronics, 75, 85),
        (Industry.Chemicals, 70, 85),
        (Industry.Petrochemicals, 85, 95),
        (Industry.Metals, 80, 90),
        (Industry.Paper, 60, 75),
        (Industry.Plastics, 55, 70),
        (Industry.Cement, 60, 75),
        (Industry.Other, 40, 60),
    ];
}
