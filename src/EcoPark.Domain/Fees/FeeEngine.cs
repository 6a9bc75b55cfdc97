using System.Globalization;
using EcoPark.Domain.Common;

namespace EcoPark.Domain.Fees;

/// <summary>
/// The water-consumption-fee calculator: pure and deterministic; every rate comes from the rule set.
/// Amounts are exact decimals throughout; only the gross, reduction and net totals are rounded to the
/// whole NTD (half away from zero, 四捨五入), and reduction = gross − net so the three always add up.
/// </summary>
public static class FeeEngine
{
    public static FeeResult Calculate(FeeRuleSet rules, FeeRequest request) => rules.Scheme switch
    {
        FeeScheme.Regulation2023 => Regulation2023(rules, rules.Regulation2023 ?? throw MissingParameters(rules), request),
        _ => Draft2019(rules, rules.Draft2019 ?? throw MissingParameters(rules), request),
    };

    private static FeeResult Regulation2023(FeeRuleSet set, Regulation2023Rules rules, FeeRequest request)
    {
        var warnings = new List<FeeWarning>();
        CheckMonths(request, rules);
        // A window month with no figures is a gap, not a zero: the result names it so that no one decides on it.
        var missing = rules.WindowMonths(request.FeeYear).Where(w => request.Months.All(m => m.Month != w)).ToList();
        if (rules.ExemptCategories.Contains(request.Payer))
        {
            return OutOfScope(set, rules.StepOrder, $"exempt:{request.Payer}", warnings, missing, NoEffect(request.Claims, "out-of-scope"));
        }

        var threshold = rules.MonthlyThresholdM3;
        if (!request.Months.Any(m => m.TotalM3 > threshold))
        {
            return OutOfScope(set, rules.StepOrder, "below-threshold", warnings, missing, NoEffect(request.Claims, "out-of-scope"));
        }

        var lines = new List<FeeLine>();
        var rate = rules.TapSurfaceRates[request.RecyclingRate];
        var excess = request.Months.Sum(m => Math.Max(0, m.TapSurfaceOtherM3 - threshold));
        var groundwater = request.Months.Sum(m => m.GroundwaterM3);
        lines.Add(new("tap-surface-charge", $"Tap, surface and contract water above {N(threshold)} m³ a month: {N(excess)} m³ × {N(rate)} NTD/m³", excess * rate, [threshold, excess, rate]));
        lines.Add(new("groundwater-charge", $"Groundwater in the window: {N(groundwater)} m³ × {N(rules.GroundwaterRate)} NTD/m³", groundwater * rules.GroundwaterRate, [groundwater, rules.GroundwaterRate]));
        var gross = (excess * rate) + (groundwater * rules.GroundwaterRate);
        var fee = gross;
        var halfRateApplied = false;
        var effects = new List<FeeClaimEffect>();

        foreach (var step in rules.StepOrder)
        {
            switch (step)
            {
                case FeeStepKind.HalfRate:
                    halfRateApplied = request.HalfRate ?? rules.HalfRateFeeYears.Contains(request.FeeYear);
                    if (request.HalfRate is null && rules.HalfRateUncertainFeeYears.Contains(request.FeeYear))
                    {
                        warnings.Add(new("half-rate-uncertain",
                            $"The regulation does not settle whether the {request.FeeYear} bill is at half rate; the rule set says {(halfRateApplied ? "yes" : "no")}."));
                    }

                    if (halfRateApplied)
                    {
                        var cut = fee * (1 - rules.HalfRateFactor);
                        lines.Add(new("half-rate", $"Half rate (art. 12): × {N(rules.HalfRateFactor)}", -cut, [rules.HalfRateFactor]));
                        fee -= cut;
                    }

                    break;
                case FeeStepKind.ReductionsCapped:
                    fee -= Reductions(rules, request.Claims, fee, lines, warnings, effects);
                    break;
                case FeeStepKind.Article8:
                    fee -= Article8(request.Claims.TapPriceConservationNtd, fee, lines, effects);
                    break;
            }
        }

        return Result(set, rules.StepOrder, "above-threshold", lines, gross, fee, halfRateApplied, warnings) with
        {
            MissingMonths = missing,
            ClaimEffects = [.. effects.OrderBy(e => e.Kind)],
        };
    }

    /// <summary>Every claimed kind, with no effect for <paramref name="reason"/>.</summary>
    private static List<FeeClaimEffect> NoEffect(FeeClaims claims, string reason) =>
    [
        .. Claimed(claims).Where(c => c.Amount > 0).Select(c => new FeeClaimEffect(c.Kind, c.Amount, 0, reason)),
    ];

    private static IEnumerable<(FeeClaimKind Kind, decimal Amount)> Claimed(FeeClaims claims) =>
    [
        (FeeClaimKind.ReclaimedWater, claims.ReclaimedAndDesalinatedM3),
        (FeeClaimKind.InvestmentOffset, claims.InvestmentOffsetNtd),
        (FeeClaimKind.PollutionFee, claims.PollutionFeePaidNtd),
        (FeeClaimKind.Article8, claims.TapPriceConservationNtd),
    ];

    private static decimal Reductions(Regulation2023Rules rules, FeeClaims claims, decimal fee, List<FeeLine> lines, List<FeeWarning> warnings,
        List<FeeClaimEffect> effects)
    {
        var total = 0m;
        var applied = new List<(FeeClaimKind Kind, decimal Claimed, decimal Amount)>();
        void NoEffectBecause(string reason) => effects.Add(new(FeeClaimKind.ReclaimedWater, claims.ReclaimedAndDesalinatedM3, 0, reason));
        if (claims.ReclaimedAndDesalinatedM3 > 0)
        {
            var used = claims.ReclaimedAndDesalinatedM3;
            var committed = claims.CommittedReclaimedM3;
            if (used < rules.ReclaimedMinimumM3)
            {
                warnings.Add(new("reclaimed-below-minimum", $"Reclaimed and desalinated water {N(used)} m³ is below the {N(rules.ReclaimedMinimumM3)} m³ needed for a reduction."));
                NoEffectBecause("reclaimed-below-minimum");
            }
            else if (committed > 0 && used < committed * rules.CommitmentShareRequired)
            {
                warnings.Add(new("reclaimed-below-commitment",
                    $"Reclaimed water used ({N(used)} m³) is below {N(rules.CommitmentShareRequired * 100)} % of the {N(committed)} m³ committed: no reduction."));
                NoEffectBecause("reclaimed-below-commitment");
            }
            else if (rules.ReclaimedReductionTable.Count == 0)
            {
                warnings.Add(new("reclaimed-table-empty",
                    "The reclaimed/desalinated reduction table has not been entered in this rule set: the reduction is refused until an administrator enters it."));
                NoEffectBecause("reclaimed-table-empty");
            }
            else
            {
                var band = rules.ReclaimedReductionTable.Where(b => b.FromM3 <= used).MaxBy(b => b.FromM3);
                var share = band?.ReductionShare ?? 0;
                lines.Add(new("reclaimed-reduction", $"Reclaimed and desalinated water {N(used)} m³: {N(share * 100)} % off", -(fee * share), [used, share * 100]));
                total += fee * share;
                applied.Add((FeeClaimKind.ReclaimedWater, used, fee * share));
            }
        }

        if (claims.InvestmentOffsetNtd > 0)
        {
            lines.Add(new("investment-offset", "Offset for approved water-saving investment", -claims.InvestmentOffsetNtd));
            total += claims.InvestmentOffsetNtd;
            applied.Add((FeeClaimKind.InvestmentOffset, claims.InvestmentOffsetNtd, claims.InvestmentOffsetNtd));
        }

        if (claims.PollutionFeePaidNtd > 0)
        {
            lines.Add(new("pollution-fee-offset", "Water-pollution control fee paid on time", -claims.PollutionFeePaidNtd));
            total += claims.PollutionFeePaidNtd;
            applied.Add((FeeClaimKind.PollutionFee, claims.PollutionFeePaidNtd, claims.PollutionFeePaidNtd));
        }

        var cap = fee * rules.ReductionCapShare;
        var taken = total > cap ? cap : total;
        // Under the cap each claim keeps its share of what is taken off, so that the claims' effects add up to the reduction.
        effects.AddRange(applied.Select(a => new FeeClaimEffect(a.Kind, a.Claimed, total == 0 ? 0 : a.Amount * taken / total,
            fee <= 0 ? "fee-already-zero" : a.Amount == 0 ? "share-zero" : null)));
        if (total > cap)
        {
            lines.Add(new("reduction-cap", $"Reductions and offsets capped at {N(rules.ReductionCapShare * 100)} % of {N(fee)} NTD", total - cap, [rules.ReductionCapShare * 100, fee]));
            warnings.Add(new("reduction-capped", $"Reductions and offsets of {N(total)} NTD were capped at {N(cap)} NTD.", [total, cap]));
            return cap;
        }

        return total;
    }

    private static decimal Article8(decimal conservation, decimal fee, List<FeeLine> lines, List<FeeClaimEffect> effects)
    {
        if (conservation <= 0)
        {
            return 0;
        }

        if (fee <= 0)
        {
            effects.Add(new(FeeClaimKind.Article8, conservation, 0, "fee-already-zero"));
            return 0;
        }

        if (conservation >= fee)
        {
            lines.Add(new("article-8-exemption", $"Art. 8: source-protection cost in the tap price ({N(conservation)} NTD) covers the fee: exempt", -fee, [conservation]));
            effects.Add(new(FeeClaimKind.Article8, conservation, fee, null));
            return fee;
        }

        lines.Add(new("article-8-deduction", "Art. 8: source-protection cost already in the tap price", -conservation));
        effects.Add(new(FeeClaimKind.Article8, conservation, conservation, null));
        return conservation;
    }

    private static FeeResult Draft2019(FeeRuleSet set, Draft2019Rules rules, FeeRequest request)
    {
        var warnings = new List<FeeWarning>();
        if (request.Months.Count != 1)
        {
            throw new DomainException("months", "draft-one-period", "The 2019 draft bills one period at a time: send exactly one entry.");
        }

        var volumes = request.Months[0];
        var divisor = request.DraftPeriod == DraftPeriod.Month ? rules.MonthlyDivisor : 1;
        var tap = volumes.TapM3;
        var other = volumes.SurfaceM3 + volumes.GroundwaterM3 + volumes.OtherSupplierM3;
        var firstEdge = (rules.HalfYearTiers[0].ToM3 ?? 0) / divisor;
        if (tap + other <= firstEdge)
        {
            return OutOfScope(set, [], "below-first-tier", warnings);
        }

        // One reading for mixed sources (decision 0017): the tiers are the payer's, not each source's. The payer's
        // total volume decides how many m³ fall in each tier, so the free band is granted once; each tier's m³ are
        // split between tap and other water in the period's own proportion and pay that source's rate.
        var total = tap + other;
        var tapShare = tap / total;
        var lines = new List<FeeLine>();
        var gross = 0m;
        foreach (var tier in rules.HalfYearTiers)
        {
            var from = tier.FromM3 / divisor;
            var to = tier.ToM3 / divisor;
            var inTier = InTier(total, from, to);
            var tapInTier = inTier * tapShare;
            var otherInTier = inTier - tapInTier;
            var amount = (tapInTier * tier.TapRate) + (otherInTier * tier.OtherRate);
            if (inTier > 0)
            {
                lines.Add(new(to is null ? "draft-tier-top" : "draft-tier", $"{N(from)}–{(to is null ? "∞" : N(to.Value))} m³: tap {N(tapInTier)} × {N(tier.TapRate)}, other {N(otherInTier)} × {N(tier.OtherRate)}", amount,
                    [from, to ?? 0, tapInTier, tier.TapRate, otherInTier, tier.OtherRate]));
            }

            gross += amount;
        }

        var share = request.Claims.DraftReductionPercent / 100;
        if (share > rules.ReductionCapShare)
        {
            warnings.Add(new("draft-reduction-capped", $"A {N(share * 100)} % reduction was capped at {N(rules.ReductionCapShare * 100)} %.", [share * 100, rules.ReductionCapShare * 100]));
            share = rules.ReductionCapShare;
        }

        var fee = gross;
        if (share > 0)
        {
            lines.Add(new("draft-reduction", $"Draft reduction: {N(share * 100)} %", -(gross * share), [share * 100]));
            fee -= gross * share;
        }

        return Result(set, [], "above-first-tier", lines, gross, fee, halfRateApplied: false, warnings);
    }

    private static decimal InTier(decimal volume, decimal from, decimal? to) =>
        Math.Max(0, Math.Min(volume, to ?? decimal.MaxValue) - from);

    private static void CheckMonths(FeeRequest request, Regulation2023Rules rules)
    {
        foreach (var month in request.Months.Where(m => !rules.InWindow(m.Month, request.FeeYear)))
        {
            throw new DomainException("months", "outside-window",
                $"{month.Month} lies outside the collection window {rules.WindowStart(request.FeeYear)} to {rules.WindowEnd(request.FeeYear)}.");
        }

        if (request.Months.GroupBy(m => m.Month).Any(g => g.Count() > 1))
        {
            throw new DomainException("months", "duplicate-month", "A month appears twice.");
        }

        if (request.Months.Any(m => m.TapM3 < 0 || m.SurfaceM3 < 0 || m.GroundwaterM3 < 0 || m.OtherSupplierM3 < 0))
        {
            throw new DomainException("months", "negative", "A volume cannot be negative.");
        }
    }

    private static FeeResult Result(FeeRuleSet set, IReadOnlyList<FeeStepKind> order, string reason, List<FeeLine> lines, decimal gross, decimal fee,
        bool halfRateApplied, List<FeeWarning> warnings)
    {
        var grossRounded = RoundNtd(gross);
        var netRounded = RoundNtd(Math.Max(0, fee));
        return new FeeResult(true, reason, lines, grossRounded, grossRounded - netRounded, netRounded, halfRateApplied, set.Code, set.Version, order, warnings);
    }

    private static FeeResult OutOfScope(FeeRuleSet set, IReadOnlyList<FeeStepKind> order, string reason, List<FeeWarning> warnings,
        IReadOnlyList<YearMonth>? missing = null, IReadOnlyList<FeeClaimEffect>? effects = null) =>
        new(false, reason, [], 0, 0, 0, false, set.Code, set.Version, order, warnings, missing, effects);

    /// <summary>Whole NTD, half away from zero (四捨五入).</summary>
    public static decimal RoundNtd(decimal amount) => Math.Round(amount, 0, MidpointRounding.AwayFromZero);

    private static string N(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static InvalidOperationException MissingParameters(FeeRuleSet rules) =>
        new($"Rule set {rules.Code} v{rules.Version} has no parameters for {rules.Scheme}.");
}
