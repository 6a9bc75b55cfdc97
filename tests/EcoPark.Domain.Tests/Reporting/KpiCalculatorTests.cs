using EcoPark.Domain.Common;
using EcoPark.Domain.Matching;
using EcoPark.Domain.Reporting;

namespace EcoPark.Domain.Tests.Reporting;

public sealed class KpiCalculatorTests
{
    [Theory]
    // January 2026: both agreements hold all month; a twelfth of each annual figure.
    [InlineData("2026-01", "predicted.waterM3PerDay", 100)]
    [InlineData("2026-01", "predicted.waterM3", 3000)] // 36 000 / 12
    [InlineData("2026-01", "predicted.byproductTonnes", 10)] // 120 / 12
    [InlineData("2026-01", "predicted.heatMwh", 0)] // heat never agreed
    [InlineData("2026-01", "measured.waterM3", 2790)] // 90 m³/day × 31
    [InlineData("2026-01", "measured.waterM3PredictedSameMonths", 3100)] // 100 × 31
    [InlineData("2026-01", "measured.byproductTonnes", 12)]
    [InlineData("2026-01", "savings.supplierNtd", 1500)] // 12 000/12 + 6 000/12
    [InlineData("2026-01", "savings.buyerNtd", 4500)] // 36 000/12 + 18 000/12
    [InlineData("2026-01", "savings.waterFeeNtd", 0)] // B's January, 800 m³ filed + 3 000 from A, stays under the 9 000 m³ threshold
    [InlineData("2026-01", "savings.waterFeeMonthsNotFiled", 0)] // B filed January
    [InlineData("2026-01", "savings.netBenefitNtd", 3666.67)] // 2 000 + 1 666.67
    [InlineData("2026-01", "emissions.co2eAvoidedTonnes", 1.5)] // (1 000 + 500) kg
    [InlineData("2026-01", "emissions.divertedTonnes", 10)]
    [InlineData("2026-01", "linkages.operating", 2)]
    [InlineData("2026-01", "linkages.open", 1)]
    [InlineData("2026-01", "water.r1Percent", 23.08)] // (500+100) / (1 600 + 1 000)
    [InlineData("2026-01", "water.r2Percent", 16.67)] // (600−200) / (2 600−200)
    [InlineData("2026-01", "water.reclaimedShareOfIntakePercent", 10)] // 200 / 2 000
    [InlineData("2026-01", "water.reusedShareOfIntakePercent", 5)] // 100 / 2 000
    [InlineData("2026-01", "water.factoriesFiled", 2)] // C's draft does not count
    [InlineData("2026-01", "water.filedSharePercent", 40)] // 2 of 5
    [InlineData("2026-01", "filing.filedLastClosed", 2)]
    [InlineData("2026-01", "filing.overdue", 3)]
    // 2025: water agreed 15 March (held at the end of March … December: 10 months), by-product held at the end of December only.
    [InlineData("2025", "predicted.waterM3", 30000)]
    [InlineData("2025", "predicted.byproductTonnes", 10)]
    [InlineData("2025", "savings.supplierNtd", 10500)] // 12 000 × 10/12 + 6 000 / 12
    [InlineData("2025", "savings.netBenefitNtd", 21666.67)] // 20 000 + 1 666.67
    [InlineData("2025", "measured.waterM3", 0)]
    [InlineData("2025", "savings.waterFeeMonthsNotFiled", 4)] // B filed none of March, April (window of 2025) or November, December (of 2026)
    [InlineData("2025", "linkages.operating", 1)]
    [InlineData("2025", "linkages.committed", 2)]
    // Before anything was agreed.
    [InlineData("2025-02", "predicted.waterM3", 0)]
    [InlineData("2025-02", "linkages.open", 3)] // all three taken up on 2025-01-10
    public void Compute_OnTheHandMadePark_GivesTheWorkedOutFigure(string period, string key, double expected)
    {
        var kpis = KpiCalculator.Compute(HandMadePark.Records(), ReportPeriod.Parse(period), HandMadePark.Today);

        var figure = kpis.Figures().Single(f => f.Key == key);
        Assert.Equal((decimal)expected, Math.Round(figure.Value, 2));
    }

    [Fact]
    public void Credits_FollowTheAgreedSplit_AndAddUpToTheParkTotalExactly()
    {
        var kpis = KpiCalculator.Compute(HandMadePark.Records(), ReportPeriod.Parse("2026-01"), HandMadePark.Today);

        var credits = kpis.Credits.ToDictionary(c => c.FactoryId);
        Assert.Equal(800m, credits[HandMadePark.A].NetBenefitNtd); // 40 % of 2 000 (water share)
        Assert.Equal(1200m, credits[HandMadePark.B].NetBenefitNtd);
        Assert.Equal(1000.00m, credits[HandMadePark.C].NetBenefitNtd); // 60 % of 1 666.67 (energy share), to the cent
        Assert.Equal(666.67m, credits[HandMadePark.D].NetBenefitNtd);
        Assert.Equal(300m, credits[HandMadePark.A].Co2eKg); // 30 % of 1 000 kg
        Assert.Equal(250m, credits[HandMadePark.C].Co2eKg);
        Assert.Equal(kpis.Savings.NetBenefitNtd, kpis.Credits.Sum(c => c.NetBenefitNtd));
        Assert.Equal(kpis.Emissions.Co2eAvoidedTonnes * 1000, kpis.Credits.Sum(c => c.Co2eKg));
        Assert.False(credits.ContainsKey(HandMadePark.E)); // the negotiating heat match credits nobody
    }

    [Theory]
    [InlineData(1000.01, 33.33, 7)]
    [InlineData(999_999.99, 12.5, 11)]
    [InlineData(0.07, 99.99, 5)]
    [InlineData(123_456.789, 0.01, 12)]
    public void Credits_AddUpExactly_ForAwkwardSplitsAndPeriods(double benefit, double supplierPercent, int months)
    {
        var match = HandMadePark.Match(ResourceKind.Water, HandMadePark.A, HandMadePark.B, 50, "m3/day", (decimal)benefit, (decimal)benefit / 3);
        HandMadePark.ToAgreed(match, new DateOnly(2024, 1, 1), 50, new CreditSplit((decimal)supplierPercent, 0, (decimal)supplierPercent));
        var records = new ParkRecords([HandMadePark.A, HandMadePark.B], [new LinkageRecord(match, new LinkageEconomics(1, 1, 1, "v"))], []);

        var kpis = KpiCalculator.Compute(records, new ReportPeriod(2025, null), new DateOnly(2026, 1, 1));
        var monthly = Enumerable.Range(1, months).Select(m => KpiCalculator.Compute(records, new ReportPeriod(2025, m), new DateOnly(2026, 1, 1)));

        Assert.Equal(kpis.Savings.NetBenefitNtd, kpis.Credits.Sum(c => c.NetBenefitNtd));
        Assert.Equal(kpis.Emissions.Co2eAvoidedTonnes * 1000, kpis.Credits.Sum(c => c.Co2eKg));
        Assert.All(monthly, k => Assert.Equal(k.Savings.NetBenefitNtd, k.Credits.Sum(c => c.NetBenefitNtd)));
    }

    [Fact]
    public void MeasuredAndPredicted_AreNeverSummed()
    {
        var kpis = KpiCalculator.Compute(HandMadePark.Records(), ReportPeriod.Parse("2026-01"), HandMadePark.Today);
        var figures = kpis.Figures();

        // The predicted 3 000 m³ and the measured 2 790 m³ are two figures; nothing reports their 5 790 m³ sum (nor 10 + 12 t).
        Assert.DoesNotContain(figures, f => f.Value == 5790m || f.Value == 22m);
        Assert.All(figures.Where(f => f.Key.StartsWith("measured.", StringComparison.Ordinal) && !f.Key.EndsWith("PredictedSameMonths", StringComparison.Ordinal)),
            f => Assert.Equal(KpiBasis.Measured, f.Basis));
        Assert.All(figures.Where(f => f.Key.StartsWith("predicted.", StringComparison.Ordinal)), f => Assert.Equal(KpiBasis.Predicted, f.Basis));
        Assert.Equal(KpiBasis.Filed, figures.Single(f => f.Key == "water.r2Percent").Basis);
    }

    [Fact]
    public void Report_GivesTheChangeFromThePreviousMonth_AndA24MonthTrend()
    {
        var report = KpiCalculator.Report(HandMadePark.Records(), ReportPeriod.Parse("2026-02"), HandMadePark.Today);

        var measured = report.Growth.Single(g => g.Key == "measured.waterM3");
        Assert.Equal(2790m, measured.Previous); // January
        Assert.Equal(3080m, measured.Current); // 110 × 28
        Assert.Equal(10.4m, measured.ChangePercent); // 290 / 2 790
        Assert.Equal(24, report.Trend.Count);
        Assert.Equal("2024-03", report.Trend[0].Month);
        Assert.Equal("2026-02", report.Trend[^1].Month);
        Assert.Equal(2790m, report.Trend.Single(p => p.Month == "2026-01").MeasuredWaterM3);
        Assert.Equal(0m, report.Trend.Single(p => p.Month == "2025-02").PredictedWaterM3);
    }

    [Fact]
    public void Trend_GivesEveryMonthsWaterFeeSaved_AndTheFactoriesOverdueForEachClosedMonth()
    {
        var report = KpiCalculator.Report(HandMadePark.Records(), ReportPeriod.Parse("2026-02"), HandMadePark.Today);
        KpiTrendPoint Month(string key) => report.Trend.Single(p => p.Month == key);
        var fees = KpiCalculator.Report(WaterFeeSavedTests.Records(), ReportPeriod.Parse("2026-05"), new DateOnly(2026, 6, 1)).Trend.ToDictionary(p => p.Month);

        // The fee saved month by month, as worked out in WaterFeeSavedTests: nothing before the agreement or outside the window.
        Assert.Equal([0m, 9000m, 3000m, 9000m, 9000m, 0m, 9000m, 0m], new[] { "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05" }
            .Select(m => Math.Round(fees[m].WaterFeeNtd, 2)));
        // January 2026 is filed by A and B (C's is a draft); December 2025 by none; February 2026 has not closed by 10 February.
        Assert.Equal(3, Month("2026-01").FilingOverdue);
        Assert.Equal(5, Month("2025-12").FilingOverdue);
        Assert.Null(Month("2026-02").FilingOverdue);
    }

    [Fact]
    public void FilingCompleteness_NamesTheFactoriesOverdueForTheLastClosedMonth()
    {
        var kpis = KpiCalculator.Compute(HandMadePark.Records(), ReportPeriod.Parse("2026-01"), HandMadePark.Today);

        Assert.Equal("2026-01", kpis.Filing.LastClosedMonth);
        Assert.Equal([HandMadePark.A, HandMadePark.B], kpis.Filing.Filed);
        Assert.Equal([HandMadePark.C, HandMadePark.D, HandMadePark.E], kpis.Filing.Overdue);
    }

    [Fact]
    public void SummedBalance_AddsTheSubmittedBalancesOnly()
    {
        var balance = KpiCalculator.SummedBalance(HandMadePark.Records(), ReportPeriod.Parse("2026-01"));

        Assert.NotNull(balance);
        Assert.Equal(1800m, balance.TapM3);
        Assert.Equal(100m, balance.ReuseM3); // C's draft reuse of 5 000 is left out
        Assert.Null(KpiCalculator.SummedBalance(HandMadePark.Records(), ReportPeriod.Parse("2025-12")));
    }

    [Theory]
    [InlineData("2026", true)]
    [InlineData("2026-01", true)]
    [InlineData("2026-12", true)]
    [InlineData("2026-13", false)]
    [InlineData("2026-1", false)]
    [InlineData("26", false)]
    [InlineData("２０２６", false)]
    [InlineData("2026-0a", false)]
    [InlineData("+202", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Period_ParsesAYearOrAMonth(string? text, bool valid)
    {
        Assert.Equal(valid, ReportPeriod.TryParse(text, out _));
        if (!valid)
        {
            Assert.Equal("period", Assert.Throws<DomainException>(() => ReportPeriod.Parse(text)).Field);
        }
    }
}
