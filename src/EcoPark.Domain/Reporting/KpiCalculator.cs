using EcoPark.Domain.Fees;
using EcoPark.Domain.Matching;
using EcoPark.Domain.Water;

namespace EcoPark.Domain.Reporting;

/// <summary>
/// What a park has on record for its KPIs: its factories, the linkages it leads, its factories' filings, and the fee rule
/// versions (of every fee year) that the water-consumption fee saved is worked out with.
/// </summary>
public sealed record ParkRecords(IReadOnlyCollection<Guid> FactoryIds, IReadOnlyList<LinkageRecord> Linkages, IReadOnlyList<WaterBalanceFiling> Filings)
{
    public IReadOnlyList<FeeRuleSet> FeeRules { get; init; } = [];

    /// <summary>Several parks together: each linkage is led by one park, so none is counted twice.</summary>
    public static ParkRecords Combine(IEnumerable<ParkRecords> parks)
    {
        var list = parks.ToList();
        return new ParkRecords([.. list.SelectMany(p => p.FactoryIds).Distinct()], [.. list.SelectMany(p => p.Linkages).DistinctBy(l => l.Match.Id)],
            [.. list.SelectMany(p => p.Filings).DistinctBy(f => f.Id)])
        {
            FeeRules = [.. list.SelectMany(p => p.FeeRules).DistinctBy(r => (r.Code, r.Version))],
        };
    }
}

/// <summary>
/// The park KPIs, computed once here from what is on record (docs/decisions/0013-park-kpis-and-reports.md).
/// </summary>
/// <remarks>
/// <para>Predicted figures come from agreements: a linkage counts in a month when its agreement held at the month's end (agreed,
/// permits, built or operating, by its dated steps); each such month adds a twelfth of the evaluation's annual figures.</para>
/// <para>Measured figures come only from operating matches' monthly records; they are reported beside the predicted ones and never added to them.</para>
/// <para>Each linkage is counted once, for the park that leads it. Its net benefit and CO₂e are credited to its two factories by the
/// agreed split, rounded to the cent (and gram) before the buyer takes the rest, so the factory credits add up to the park total exactly.</para>
/// <para>Water rates are those of the park's summed submitted balances for periods inside the report period: R1 and R2 from
/// each balance's own figures weighted by its water use, so the park's rate is that of the summed volumes.</para>
/// </remarks>
public static class KpiCalculator
{
    public const int TrendMonths = 24;

    public static KpiReport Report(ParkRecords records, ReportPeriod period, DateOnly today)
    {
        var current = Compute(records, period, today);
        var previous = Compute(records, period.Previous, today);
        var before = previous.Figures().ToDictionary(f => f.Key);
        var growth = current.Figures().Where(f => before.ContainsKey(f.Key)).Select(f =>
        {
            var was = before[f.Key].Value;
            return new KpiChange(f.Key, f.Value, was, f.Value - was, was == 0 ? null : Math.Round((f.Value - was) / was * 100, 1));
        });
        var trend = Enumerable.Range(0, TrendMonths).Select(i => period.LastMonth.AddMonths(i - TrendMonths + 1)).Select(month =>
        {
            var k = Compute(records, ReportPeriod.Of(month), today);
            return new KpiTrendPoint(month.ToString(), k.Measured.WaterM3, k.Predicted.WaterM3, k.Emissions.Co2eAvoidedTonnes, k.Savings.NetBenefitNtd,
                k.LinkagesIn(MatchState.Operating), k.Water.R2Percent, k.Savings.WaterFeeSavedNtd, OverdueFor(records, month, today));
        });
        return new KpiReport(current, previous, [.. growth], [.. trend]);
    }

    public static ParkKpis Compute(ParkRecords records, ReportPeriod period, DateOnly today)
    {
        var linkages = records.Linkages
            .Select(l => (Linkage: l, State: l.StateOn(period.End)))
            .Where(x => x.State is not null)
            .GroupBy(x => (x.Linkage.Match.Resource, State: x.State!.Value))
            .OrderBy(g => g.Key.Resource).ThenBy(g => g.Key.State)
            .Select(g => new LinkageCount(g.Key.Resource, g.Key.State, g.Count()));

        var predicted = Predict(records.Linkages, period, WaterFeeSaved.Of(records, period, today));
        var measured = Measure(records.Linkages, period);
        return new ParkKpis(
            period,
            [.. linkages],
            predicted.Flows,
            measured,
            Rates(records, period),
            predicted.Savings,
            predicted.Emissions with { DivertedMeasuredTonnes = measured.ByproductTonnes },
            predicted.Credits,
            predicted.Credits.Sum(c => c.NetBenefitNtd),
            predicted.Credits.Sum(c => c.Co2eKg),
            FilingDue.Of(records.FactoryIds, records.Filings, today));
    }

    /// <summary>
    /// How many of the park's factories have not filed a month (or the half-year closed with it) to date; null while the month
    /// has not closed by <paramref name="today"/>, as nothing is due for it yet.
    /// </summary>
    private static int? OverdueFor(ParkRecords records, YearMonth month, DateOnly today)
    {
        var closedOn = new DateOnly(month.Year, month.Month, 1).AddMonths(1);
        return closedOn > today ? null : FilingDue.Of(records.FactoryIds, records.Filings, closedOn).Overdue.Count;
    }

    /// <summary>The park's submitted balances for periods inside the report period, summed field by field (the Sankey's figures).</summary>
    public static WaterBalance? SummedBalance(ParkRecords records, ReportPeriod period)
    {
        var balances = FiledIn(records, period).Select(f => f.Current.Balance).ToList();
        return balances.Count == 0 ? null : balances.Aggregate(Add);
    }

    private static (PredictedFlows Flows, Savings Savings, Emissions Emissions, IReadOnlyList<FactoryCredit> Credits) Predict(
        IReadOnlyList<LinkageRecord> linkages, ReportPeriod period, WaterFeeSaving fee)
    {
        decimal waterM3 = 0, heatMwh = 0, tonnes = 0, supplier = 0, buyer = 0, co2eKg = 0;
        var contributors = new HashSet<Guid>();
        var credits = new Dictionary<Guid, (decimal Ntd, decimal Kg)>();
        void Credit(Guid factory, decimal ntd, decimal kg)
        {
            var (n, k) = credits.GetValueOrDefault(factory);
            credits[factory] = (n + ntd, k + kg);
        }

        foreach (var linkage in linkages)
        {
            var match = linkage.Match;
            var months = period.Months.Count(m => linkage.CommittedOn(new DateOnly(m.Year, m.Month, m.Days)));
            if (months == 0)
            {
                continue;
            }

            var share = months / 12m;
            var flow = linkage.Economics.PredictedFlowPerYear * linkage.AgreedScale * share;
            switch (match.Resource)
            {
                case ResourceKind.Water:
                    waterM3 += flow;
                    break;
                case ResourceKind.Heat:
                    heatMwh += flow;
                    break;
                default:
                    tonnes += flow;
                    break;
            }

            supplier += linkage.Economics.SupplierSavingNtdPerYear * share;
            buyer += linkage.Economics.BuyerSavingNtdPerYear * share;
            contributors.Add(match.SupplyFactoryId);
            contributors.Add(match.DemandFactoryId);

            // Rounded once per linkage, before the split, so the two sides add up to the linkage's figure exactly.
            var benefit = Math.Round(match.PredictedAnnualBenefitNtd * share, 2);
            var kg = Math.Round(match.PredictedCo2eKgPerYear * share, 3);
            co2eKg += kg;
            var split = match.Split ?? new CreditSplit(50, 50, 50);
            var supplierBenefit = Math.Round(split.SupplierBenefit(match.Resource, benefit), 2);
            var supplierKg = Math.Round(split.SupplierCo2e(kg), 3);
            Credit(match.SupplyFactoryId, supplierBenefit, supplierKg);
            Credit(match.DemandFactoryId, benefit - supplierBenefit, kg - supplierKg);
        }

        var waterPerDay = linkages.Where(l => l.Match.Resource == ResourceKind.Water && l.CommittedOn(period.End))
            .Sum(l => l.Match.ExpectedQuantity);
        var factoryCredits = credits.OrderBy(c => c.Key).Select(c => new FactoryCredit(c.Key, c.Value.Ntd, c.Value.Kg)).ToList();
        return (
            new PredictedFlows(waterPerDay, waterM3, heatMwh, tonnes, contributors.Count),
            new Savings(supplier, buyer, fee.Ntd, factoryCredits.Sum(c => c.NetBenefitNtd), contributors.Count, fee.NotFiled),
            new Emissions(co2eKg / 1000, tonnes, 0, contributors.Count),
            factoryCredits);
    }

    private static MeasuredFlows Measure(IReadOnlyList<LinkageRecord> linkages, ReportPeriod period)
    {
        var keys = period.Months.ToDictionary(m => m.ToString());
        decimal water = 0, waterPredicted = 0, heat = 0, tonnes = 0;
        var months = 0;
        var contributors = new HashSet<Guid>();
        foreach (var linkage in linkages)
        {
            foreach (var record in linkage.Match.Months)
            {
                if (!keys.TryGetValue(record.Month, out var month))
                {
                    continue;
                }

                months++;
                contributors.Add(linkage.Match.SupplyFactoryId);
                contributors.Add(linkage.Match.DemandFactoryId);
                switch (linkage.Match.Resource)
                {
                    case ResourceKind.Water:
                        water += record.MeasuredQuantity * month.Days;
                        waterPredicted += record.PredictedQuantity * month.Days;
                        break;
                    case ResourceKind.Heat:
                        heat += record.MeasuredQuantity * 24 * month.Days / 1000;
                        break;
                    default:
                        tonnes += record.MeasuredQuantity;
                        break;
                }
            }
        }

        return new MeasuredFlows(water, heat, tonnes, waterPredicted, months, contributors.Count);
    }

    private static WaterRates Rates(ParkRecords records, ReportPeriod period)
    {
        decimal intake = 0, use = 0, recycled = 0, r2Base = 0, r2Recycled = 0, reclaimed = 0, reused = 0;
        var filings = FiledIn(records, period).ToList();
        foreach (var filing in filings)
        {
            var balance = filing.Current.Balance;
            var figures = balance.Derive(filing.Days);
            intake += figures.TotalIntakeM3;
            use += figures.TotalWaterUseM3;
            recycled += figures.R1Percent * figures.TotalWaterUseM3 / 100;
            var baseR2 = figures.TotalWaterUseM3 - balance.CoolingTowerCirculationM3;
            r2Base += baseR2;
            r2Recycled += figures.R2Percent * baseR2 / 100;
            reclaimed += balance.ReclaimedSystemM3 + balance.ReclaimedNonSystemM3;
            reused += balance.ReuseM3;
        }

        decimal? Percent(decimal part, decimal whole) => whole == 0 ? null : Math.Round(part / whole * 100, 2);
        var inPark = records.FactoryIds.Count;
        return new WaterRates(Percent(recycled, use), Percent(r2Recycled, r2Base), Percent(reclaimed, intake), Percent(reused, intake), intake,
            filings.Select(f => f.FactoryId).Distinct().Count(), inPark);
    }

    private static IEnumerable<WaterBalanceFiling> FiledIn(ParkRecords records, ReportPeriod period)
    {
        var factories = records.FactoryIds.ToHashSet();
        return records.Filings.Where(f => f.Status != FilingStatus.Draft && factories.Contains(f.FactoryId) && period.Covers(FilingPeriod.Parse(f.Period)));
    }

    private static WaterBalance Add(WaterBalance a, WaterBalance b) => new()
    {
        TapM3 = a.TapM3 + b.TapM3,
        SurfaceM3 = a.SurfaceM3 + b.SurfaceM3,
        GroundwaterM3 = a.GroundwaterM3 + b.GroundwaterM3,
        OtherSupplierM3 = a.OtherSupplierM3 + b.OtherSupplierM3,
        ReclaimedSystemM3 = a.ReclaimedSystemM3 + b.ReclaimedSystemM3,
        ReclaimedNonSystemM3 = a.ReclaimedNonSystemM3 + b.ReclaimedNonSystemM3,
        DesalinatedM3 = a.DesalinatedM3 + b.DesalinatedM3,
        RainwaterM3 = a.RainwaterM3 + b.RainwaterM3,
        CondensateM3 = a.CondensateM3 + b.CondensateM3,
        CoolingM3 = a.CoolingM3 + b.CoolingM3,
        ProcessM3 = a.ProcessM3 + b.ProcessM3,
        BoilerM3 = a.BoilerM3 + b.BoilerM3,
        ScrubberM3 = a.ScrubberM3 + b.ScrubberM3,
        DomesticM3 = a.DomesticM3 + b.DomesticM3,
        OtherUseM3 = a.OtherUseM3 + b.OtherUseM3,
        CirculationM3 = a.CirculationM3 + b.CirculationM3,
        CoolingTowerCirculationM3 = a.CoolingTowerCirculationM3 + b.CoolingTowerCirculationM3,
        ReuseM3 = a.ReuseM3 + b.ReuseM3,
        SewerM3 = a.SewerM3 + b.SewerM3,
        WaterBodyM3 = a.WaterBodyM3 + b.WaterBodyM3,
        EvaporationLossM3 = a.EvaporationLossM3 + b.EvaporationLossM3,
        InProductM3 = a.InProductM3 + b.InProductM3,
    };
}
