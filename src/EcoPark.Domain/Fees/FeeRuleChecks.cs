namespace EcoPark.Domain.Fees;

/// <summary>
/// What a rule-set version must satisfy before it is stored, so that an administrator's edit can never
/// make every later calculation fail. Each problem names the parameter (as in the JSON) and what is wrong.
/// </summary>
public static class FeeRuleChecks
{
    public static IEnumerable<(string Field, string Problem)> Problems(FeeRuleSet rules)
    {
        if (rules.Regulation2023 is { } r)
        {
            foreach (var status in Enum.GetValues<RecyclingRateStatus>())
            {
                if (r.TapSurfaceRates is null || !r.TapSurfaceRates.TryGetValue(status, out var rate) || rate < 0)
                {
                    yield return ("tapSurfaceRates", $"needs a rate of 0 or more for {status}");
                }
            }

            if (r.MonthlyThresholdM3 < 0)
            {
                yield return ("monthlyThresholdM3", "cannot be negative");
            }

            if (r.GroundwaterRate < 0)
            {
                yield return ("groundwaterRate", "cannot be negative");
            }

            if (r.WindowStartMonth is < 1 or > 12 || r.WindowEndMonth is < 1 or > 12)
            {
                yield return ("windowStartMonth", "months are 1 to 12");
            }

            foreach (var (field, share) in new[]
            {
                ("halfRateFactor", r.HalfRateFactor), ("commitmentShareRequired", r.CommitmentShareRequired),
                ("investmentOffsetShareOfCost", r.InvestmentOffsetShareOfCost), ("reductionCapShare", r.ReductionCapShare),
            })
            {
                if (share is < 0 or > 1)
                {
                    yield return (field, "is a share between 0 and 1");
                }
            }

            if (r.InvestmentOffsetMaxYears < 1)
            {
                yield return ("investmentOffsetMaxYears", "must be at least 1");
            }

            if (r.ReclaimedMinimumM3 < 0)
            {
                yield return ("reclaimedMinimumM3", "cannot be negative");
            }

            if (r.ReclaimedReductionTable?.Any(b => b.FromM3 < 0 || b.ReductionShare is < 0 or > 1) == true)
            {
                yield return ("reclaimedReductionTable", "each band needs fromM3 ≥ 0 and a reductionShare between 0 and 1");
            }

            if (r.StepOrder is null || r.StepOrder.Count != Enum.GetValues<FeeStepKind>().Length || r.StepOrder.Distinct().Count() != r.StepOrder.Count)
            {
                yield return ("stepOrder", "lists each step (HalfRate, ReductionsCapped, Article8) exactly once");
            }

            if (r.ExemptCategories?.Contains(PayerCategory.Business) == true)
            {
                yield return ("exemptCategories", "cannot exempt businesses");
            }
        }

        if (rules.Draft2019 is { } d)
        {
            var tiers = d.HalfYearTiers ?? [];
            if (tiers.Count == 0 || tiers[0].FromM3 != 0 || tiers[^1].ToM3 is not null
                || tiers.Zip(tiers.Skip(1)).Any(p => p.First.ToM3 != p.Second.FromM3 || p.First.ToM3 <= p.First.FromM3)
                || tiers.Any(t => t.TapRate < 0 || t.OtherRate < 0))
            {
                yield return ("halfYearTiers", "start at 0, follow on without gaps, end open (toM3 null), with rates of 0 or more");
            }

            if (d.MonthlyDivisor <= 0)
            {
                yield return ("monthlyDivisor", "must be more than 0");
            }

            if (d.ReductionCapShare is < 0 or > 1)
            {
                yield return ("reductionCapShare", "is a share between 0 and 1");
            }
        }
    }
}
