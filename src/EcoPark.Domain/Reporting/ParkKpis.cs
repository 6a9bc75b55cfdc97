using EcoPark.Domain.Matching;

namespace EcoPark.Domain.Reporting;

/// <summary>Where a figure comes from: operating matches' measured months, agreements (predicted), or factories' filed balances.</summary>
public enum KpiBasis
{
    Measured,
    Predicted,
    Filed,
}

/// <summary>One published figure: its key, value, unit, basis, and how many factories contribute to it (for suppression).</summary>
public sealed record KpiFigure(string Key, decimal Value, string Unit, KpiBasis Basis, int Contributors);

public sealed record LinkageCount(ResourceKind Resource, MatchState State, int Count);

/// <summary>
/// Predicted flows from agreements held at the period's end (m³/day), and over the period's months in which the agreement
/// held (m³, MWh, t). Never added to <see cref="MeasuredFlows"/>.
/// </summary>
public sealed record PredictedFlows(decimal WaterM3PerDay, decimal WaterM3, decimal HeatMwh, decimal ByproductTonnes, int Contributors);

/// <summary>
/// Measured flows from operating matches' monthly records in the period, with the prediction for the same months beside them
/// (the two are shown side by side, never summed). Water months are recorded as m³/day averages, heat as average kW, by-products as t/month.
/// </summary>
public sealed record MeasuredFlows(
    decimal WaterM3,
    decimal HeatMwh,
    decimal ByproductTonnes,
    decimal WaterM3PredictedSameMonths,
    int MonthsRecorded,
    int Contributors);

/// <summary>
/// The park's water rates from the balances filed for the period: R1 and R2 of the summed balances, the reclaimed water's and the
/// reused water's share of intake, and how many of the park's factories filed.
/// </summary>
public sealed record WaterRates(
    decimal? R1Percent,
    decimal? R2Percent,
    decimal? ReclaimedShareOfIntakePercent,
    decimal? ReusedShareOfIntakePercent,
    decimal IntakeM3,
    int FactoriesFiled,
    int FactoriesInPark)
{
    public decimal? FiledSharePercent => FactoriesInPark == 0 ? null : (decimal)FactoriesFiled / FactoriesInPark * 100;
}

/// <summary>
/// Money over the period from agreements held: each side's gross saving, the water-consumption fee saved (through the fee engine on
/// the buyers' filed months, see <see cref="WaterFeeSaved"/>; a part of the buyers' saving, not added to it) with the buyer-months it
/// could not count, and the net benefit after the investment's annual share.
/// </summary>
public sealed record Savings(decimal SupplierNtd, decimal BuyerNtd, decimal WaterFeeSavedNtd, decimal NetBenefitNtd, int Contributors,
    IReadOnlyList<BuyerMonth> WaterFeeNotFiled);

/// <summary>CO₂e avoided against each linkage's counterfactual and tonnes diverted from disposal, over the period (predicted), and tonnes measured.</summary>
public sealed record Emissions(decimal Co2eAvoidedTonnes, decimal DivertedTonnes, decimal DivertedMeasuredTonnes, int Contributors);

/// <summary>One factory's credited share of the net benefit and CO₂e over the period, by the agreed credit split.</summary>
public sealed record FactoryCredit(Guid FactoryId, decimal NetBenefitNtd, decimal Co2eKg);

/// <summary>Filing completeness for the last closed filing period (a month, or a half-year for factories that file half-years).</summary>
public sealed record FilingCompleteness(string LastClosedMonth, IReadOnlyList<Guid> Filed, IReadOnlyList<Guid> Overdue);

/// <summary>Everything the KPIs of one park (or of several) give for one period.</summary>
public sealed record ParkKpis(
    ReportPeriod Period,
    IReadOnlyList<LinkageCount> Linkages,
    PredictedFlows Predicted,
    MeasuredFlows Measured,
    WaterRates Water,
    Savings Savings,
    Emissions Emissions,
    IReadOnlyList<FactoryCredit> Credits,
    decimal CreditedNetBenefitNtd,
    decimal CreditedCo2eKg,
    FilingCompleteness Filing)
{
    public int LinkagesIn(params MatchState[] states) => Linkages.Where(l => states.Contains(l.State)).Sum(l => l.Count);

    /// <summary>The figures with unit and basis, in a fixed order (the API's and the reports' list).</summary>
    public IReadOnlyList<KpiFigure> Figures()
    {
        var linkageContributors = Predicted.Contributors;
        var list = new List<KpiFigure>
        {
            new("linkages.operating", LinkagesIn(MatchState.Operating), "count", KpiBasis.Predicted, linkageContributors),
            new("linkages.committed", LinkagesIn(MatchState.Agreed, MatchState.Permits, MatchState.Built, MatchState.Operating), "count", KpiBasis.Predicted,
                linkageContributors),
            new("linkages.open", LinkagesIn(MatchState.Candidate, MatchState.Proposed, MatchState.Contacted, MatchState.Negotiating), "count", KpiBasis.Predicted,
                linkageContributors),
            new("predicted.waterM3PerDay", Predicted.WaterM3PerDay, "m3/day", KpiBasis.Predicted, Predicted.Contributors),
            new("predicted.waterM3", Predicted.WaterM3, "m3", KpiBasis.Predicted, Predicted.Contributors),
            new("predicted.heatMwh", Predicted.HeatMwh, "MWh", KpiBasis.Predicted, Predicted.Contributors),
            new("predicted.byproductTonnes", Predicted.ByproductTonnes, "t", KpiBasis.Predicted, Predicted.Contributors),
            new("measured.waterM3", Measured.WaterM3, "m3", KpiBasis.Measured, Measured.Contributors),
            new("measured.waterM3PredictedSameMonths", Measured.WaterM3PredictedSameMonths, "m3", KpiBasis.Predicted, Measured.Contributors),
            new("measured.heatMwh", Measured.HeatMwh, "MWh", KpiBasis.Measured, Measured.Contributors),
            new("measured.byproductTonnes", Measured.ByproductTonnes, "t", KpiBasis.Measured, Measured.Contributors),
            new("savings.supplierNtd", Savings.SupplierNtd, "NTD", KpiBasis.Predicted, Savings.Contributors),
            new("savings.buyerNtd", Savings.BuyerNtd, "NTD", KpiBasis.Predicted, Savings.Contributors),
            new("savings.waterFeeNtd", Savings.WaterFeeSavedNtd, "NTD", KpiBasis.Predicted, Savings.Contributors),
            new("savings.waterFeeMonthsNotFiled", Savings.WaterFeeNotFiled.Count, "count", KpiBasis.Filed, Savings.WaterFeeNotFiled.Select(n => n.FactoryId).Distinct().Count()),
            new("savings.netBenefitNtd", Savings.NetBenefitNtd, "NTD", KpiBasis.Predicted, Savings.Contributors),
            new("emissions.co2eAvoidedTonnes", Emissions.Co2eAvoidedTonnes, "tCO2e", KpiBasis.Predicted, Emissions.Contributors),
            new("emissions.divertedTonnes", Emissions.DivertedTonnes, "t", KpiBasis.Predicted, Emissions.Contributors),
            new("emissions.divertedMeasuredTonnes", Emissions.DivertedMeasuredTonnes, "t", KpiBasis.Measured, Measured.Contributors),
            new("filing.filedLastClosed", Filing.Filed.Count, "count", KpiBasis.Filed, Filing.Filed.Count),
            new("filing.overdue", Filing.Overdue.Count, "count", KpiBasis.Filed, Filing.Filed.Count),
            new("water.factoriesFiled", Water.FactoriesFiled, "count", KpiBasis.Filed, Water.FactoriesFiled),
            new("water.intakeM3", Water.IntakeM3, "m3", KpiBasis.Filed, Water.FactoriesFiled),
        };
        void Optional(string key, decimal? value, string unit, KpiBasis basis, int contributors)
        {
            if (value is { } v)
            {
                list.Add(new KpiFigure(key, v, unit, basis, contributors));
            }
        }

        Optional("water.filedSharePercent", Water.FiledSharePercent, "%", KpiBasis.Filed, Water.FactoriesFiled);
        Optional("water.r1Percent", Water.R1Percent, "%", KpiBasis.Filed, Water.FactoriesFiled);
        Optional("water.r2Percent", Water.R2Percent, "%", KpiBasis.Filed, Water.FactoriesFiled);
        Optional("water.reclaimedShareOfIntakePercent", Water.ReclaimedShareOfIntakePercent, "%", KpiBasis.Filed, Water.FactoriesFiled);
        Optional("water.reusedShareOfIntakePercent", Water.ReusedShareOfIntakePercent, "%", KpiBasis.Filed, Water.FactoriesFiled);
        return list;
    }
}

/// <summary>The change of one figure from the previous period.</summary>
public sealed record KpiChange(string Key, decimal Current, decimal Previous, decimal Change, decimal? ChangePercent);

/// <summary>
/// One month of the trend. <see cref="FilingOverdue"/> counts the factories that have not filed the month (or, for half-year filers,
/// the half-year last closed with it) to date; it is null for a month not yet closed.
/// </summary>
public sealed record KpiTrendPoint(string Month, decimal MeasuredWaterM3, decimal PredictedWaterM3, decimal Co2eAvoidedTonnes, decimal NetBenefitNtd,
    int OperatingLinkages, decimal? R2Percent, decimal WaterFeeNtd, int? FilingOverdue);

/// <summary>A period's KPIs with the previous period's, the change between them, and the 24 months ending with the period.</summary>
public sealed record KpiReport(ParkKpis Current, ParkKpis Previous, IReadOnlyList<KpiChange> Growth, IReadOnlyList<KpiTrendPoint> Trend);
