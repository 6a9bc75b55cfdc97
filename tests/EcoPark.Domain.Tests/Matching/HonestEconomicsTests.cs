using EcoPark.Domain.Matching;
using EcoPark.Domain.Streams;
using EcoPark.Domain.Tests.Fees;
using static EcoPark.Domain.Streams.WaterQuality;
using static EcoPark.Domain.Tests.Matching.TestMatching;

namespace EcoPark.Domain.Tests.Matching;

/// <summary>
/// The money model states its basis: the fee through the fee engine over the year, the supplier's discharge fee only as
/// filed, the days actually operated, quotes over defaults, and a verdict for routes that lose money.
/// </summary>
public sealed class HonestEconomicsTests
{
    private static readonly MatchingParameters WithCeiling = TestMatching.Parameters with { PaybackCeilingMonths = 120m };

    private static WaterMatchContext FeeContext(MatchingParameters? parameters = null, TreatmentCatalogue? catalogue = null) =>
        new(parameters ?? TestMatching.Parameters, catalogue ?? NoTreatment, TestBaseline.Set, Today, TestRules.Regulation2023(), 2026);

    [Theory]
    [InlineData(100, 0.0)] // 3,000 m³ a month: a small buyer never crosses 9,000 m³ and saves no fee
    [InlineData(1_000, 3.0 * ((1_000.0 * 181) - 54_000) / (1_000.0 * 360))] // the part above 9,000 m³ of each window month, over the year's m³
    public void Evaluate_WithoutFiledMonths_TakesTheFeeFromTheShownAssumption(decimal flow, double expected)
    {
        var demand = Demand(flow, Max(CodMgL, 20m)) with { MarginalFeeNtdPerM3 = null };

        var result = WaterMatcher.Evaluate(Supply(2_000m, Lab(CodMgL, 10m)), demand, FeeContext());

        Assert.Equal((decimal)expected, result.Economics!.MarginalFeeNtdPerM3, 6);
        Assert.Equal(InputSource.Assumed, result.Inputs.Single(i => i.Name == "marginalFeeNtdPerM3").Source);
        Assert.Contains(MatchCodes.FeeAssumed, result.ReasonCodes);
    }

    [Fact]
    public void Evaluate_WithFiledMonths_CountsTheFeeYearWithAndWithoutTheMatchedVolume()
    {
        // 20,000 m³ of tap water each window month; 100 m³/day replaced on 181 window days at 3 NTD, over 100 × 360 m³ a year.
        var demand = Demand(100m, Max(CodMgL, 20m)) with { MarginalFeeNtdPerM3 = null, WindowMonths = TestRules.Window(2026, 20_000) };

        var result = WaterMatcher.Evaluate(Supply(1_000m, Lab(CodMgL, 10m)), demand, FeeContext());

        Assert.Equal(3m * 100 * 181 / 36_000, result.Economics!.MarginalFeeNtdPerM3, 6);
        Assert.Equal(InputSource.Filed, result.Inputs.Single(i => i.Name == "marginalFeeNtdPerM3").Source);
        Assert.DoesNotContain(MatchCodes.FeeAssumed, result.ReasonCodes);
    }

    [Fact]
    public void Evaluate_SupplierWithoutAFiledDischargeFee_SavesNothing_AndIsFlagged()
    {
        var result = WaterMatcher.Evaluate(Supply(1_000m, Lab(CodMgL, 10m)) with { DischargeFeeNtdPerM3 = null }, Demand(100m, Max(CodMgL, 20m)), Context());

        Assert.Equal(0m, result.Economics!.SupplierSavingNtdPerM3);
        Assert.Contains(MatchCodes.DischargeFeeNotFiled, result.ReasonCodes);
    }

    [Theory]
    [InlineData(7, null, 360.0)]
    [InlineData(5, null, 360.0 * 5 / 7)]
    [InlineData(7, 6, 360.0 * 6 / 7)] // the fewer of the two streams' days
    public void Evaluate_AnnualFigures_UseTheDaysBothStreamsOperate(int supplyDays, int? demandDays, double days)
    {
        var result = WaterMatcher.Evaluate(Supply(1_000m, Lab(CodMgL, 10m)) with { DaysPerWeek = supplyDays }, Demand(100m, Max(CodMgL, 20m)) with { DaysPerWeek = demandDays },
            Context());

        Assert.Equal((decimal)days * 100, result.Economics!.WaterM3PerYear, 6);
        Assert.Equal((12m + 3m) * (decimal)days * 100 / 12, result.Economics.BuyerMonthlyNtd, 6);
    }

    [Fact]
    public void Evaluate_SupplyOnFewerHours_DeliversOnlyWhatFlowsWhileBothRun()
    {
        // 240 m³/day over 8 hours is 30 m³/h; the buyer takes 100 m³/day over 24 hours, 4.2 m³/h: 33.3 m³ in the 8 common hours.
        var result = WaterMatcher.Evaluate(Supply(240m, Lab(CodMgL, 10m)) with { HoursPerDay = 8 }, Demand(100m, Max(CodMgL, 20m)) with { HoursPerDay = 24 }, Context());

        Assert.Equal(100m * 8 / 24, result.MatchedFlowM3PerDay, 6);
    }

    [Fact]
    public void Evaluate_FeasibleRouteThatLosesMoney_IsUneconomic_AndRanksBelowAPayingOne()
    {
        var costly = Catalogue(Step("ro", 40m, capex: 1_000m, removal: [(ConductivityUsCm, 0.9m)]));
        var demand = Demand(100m, Max(ConductivityUsCm, 1_000m));

        var losing = WaterMatcher.Evaluate(Supply(1_000m, Lab(ConductivityUsCm, 2_000m)) with { Id = Guid.NewGuid() }, demand, Context(costly));
        var paying = WaterMatcher.Evaluate(Supply(1_000m, Lab(ConductivityUsCm, 500m)) with { Id = Guid.NewGuid() }, demand, Context(costly));

        Assert.Equal(WaterMatchStatus.Uneconomic, losing.Status);
        Assert.False(losing.Feasible);
        Assert.Contains(MatchCodes.NoNetBenefit, losing.ReasonCodes);
        Assert.True(losing.Economics!.NetAnnualBenefitNtd <= 0);
        Assert.Equal([paying, losing], WaterMatcher.Rank([losing, paying]));
    }

    [Fact]
    public void Evaluate_PaybackAboveTheCeiling_IsUneconomic_EvenWithAPositiveNetBenefit()
    {
        // 1 NTD/m³ saved on 100 m³/day (3,000 NTD a month) against a 1,100,000 NTD pipe: 367 months; net +8,500 NTD a year over 40 years.
        var supply = Supply(1_000m, Lab(CodMgL, 10m)) with { Location = null, DischargeFeeNtdPerM3 = 0 };
        var demand = Demand(100m, Max(CodMgL, 20m)) with { CurrentWaterPriceNtdPerM3 = 1m, MarginalFeeNtdPerM3 = 0 };
        var parameters = WithCeiling with { InvestmentLifeYears = 40m };

        var result = WaterMatcher.Evaluate(supply, demand, Context(parameters: parameters));

        Assert.True(result.Economics!.NetAnnualBenefitNtd > 0);
        Assert.Equal(WaterMatchStatus.Uneconomic, result.Status);
        Assert.Contains(MatchCodes.PaybackAboveCeiling, result.ReasonCodes);
        Assert.Equal(WaterMatchStatus.FeasibleAsIs, WaterMatcher.Evaluate(supply, demand, Context(parameters: parameters with { PaybackCeilingMonths = 400m })).Status);
    }

    [Fact]
    public void Evaluate_FailingOnlyABaselineReferenceValue_StaysFail_AndOffersTheAsIsRouteBesideTheTreatment()
    {
        var catalogue = Catalogue(Step("filter", 2m, removal: [(TurbidityNtu, 0.7m)]));
        var onBaseline = Demand(100m) with { Use = WaterUse.Cooling };

        var result = WaterMatcher.Evaluate(Supply(1_000m, Lab(TurbidityNtu, 8m), Lab(Ph, 7.5m)), onBaseline, Context(catalogue));

        Assert.Equal(Verdict.Fail, result.Parameters.Single(p => p.Key == TurbidityNtu).Verdict);
        Assert.Equal(WaterRoute.Treatment, result.Route);
        Assert.Contains(MatchCodes.ReferenceValueFails, result.ReasonCodes);
        Assert.NotNull(result.IfReferenceAccepted);
        Assert.Equal(0m, result.IfReferenceAccepted!.BuyerTreatmentNtdPerM3);
        Assert.True(result.IfReferenceAcceptedEconomic);
    }

    [Fact]
    public void Evaluate_FailingTheBuyersOwnLimit_HasOnlyTheTreatmentRoute()
    {
        var catalogue = Catalogue(Step("filter", 2m, removal: [(TurbidityNtu, 0.7m)]));

        var result = WaterMatcher.Evaluate(Supply(1_000m, Lab(TurbidityNtu, 8m)), Demand(100m, Max(TurbidityNtu, 4m)), Context(catalogue));

        Assert.Equal(WaterRoute.Treatment, result.Route);
        Assert.Null(result.IfReferenceAccepted);
        Assert.DoesNotContain(MatchCodes.ReferenceValueFails, result.ReasonCodes);
    }

    [Fact]
    public void Evaluate_ScrubberDemand_HasNoBaseline_SoOnlyItsOwnLimitsApply()
    {
        var own = WaterMatcher.Evaluate(Supply(1_000m, Lab(ConductivityUsCm, 2_500m)), Demand(100m, Max(ChlorideMgL, 1_000m)) with { Use = WaterUse.Scrubber }, Context());
        var none = WaterMatcher.Evaluate(Supply(1_000m, Lab(ConductivityUsCm, 2_500m)), Demand(100m) with { Use = WaterUse.Scrubber }, Context());

        Assert.Equal("demand", own.LimitsSource);
        Assert.DoesNotContain(own.Parameters, p => p.Key == ConductivityUsCm);
        Assert.Contains(MatchCodes.NoLimits, none.ReasonCodes);
    }

    [Fact]
    public void Evaluate_Quotes_ReplaceTheDefaults_AndAreNamedAsQuotes()
    {
        var catalogue = Catalogue(Step("filter", 2m, capex: 1_000m, removal: [(TurbidityNtu, 0.7m)]));
        var supply = Supply(1_000m, Lab(TurbidityNtu, 8m));
        var demand = Demand(100m, Max(TurbidityNtu, 4m));
        var quotes = new WaterQuotes(PipeNtd: 300_000m, TreatmentCapexNtd: 50_000m, TreatmentOpexNtdPerM3: 1.5m, TransferPriceNtdPerM3: 2m);

        var result = WaterMatcher.Evaluate(supply, demand, Context(catalogue), quotes);

        var e = result.Economics!;
        Assert.Equal((300_000m, 0m, 50_000m), (e.PipeNtd, e.PumpNtd, e.TreatmentCapexNtd));
        Assert.Equal((1.5m, 2m), (e.BuyerTreatmentNtdPerM3, e.TransferPriceNtdPerM3));
        Assert.Equal(12m + 3m - 1.5m - 2m, e.BuyerSavingNtdPerM3);
        Assert.Equal(20m + 2m, e.SupplierSavingNtdPerM3);
        foreach (var name in new[] { "pipeNtd", "treatmentCapexNtd", "treatmentOpexNtdPerM3", "transferPriceNtdPerM3" })
        {
            Assert.Equal(InputSource.Quote, result.Inputs.Single(i => i.Name == name).Source);
            Assert.Contains(result.Reasons, r => r.Code == MatchCodes.QuoteUsed && r.Key == name);
        }
    }

    [Fact]
    public void HeatPumpRouteThatLosesMoney_IsUneconomic()
    {
        // 60 °C water lifted to 80 °C for a buyer whose heat costs nearly nothing: the electricity alone exceeds the saving.
        var supply = new HeatSupplyInput
        {
            Id = Guid.NewGuid(),
            ParkId = ParkA,
            Location = Here,
            Medium = HeatMedium.HotWater,
            SupplyTemperatureC = 60m,
            CooledToC = 30m,
            LoadKw = 500m,
            HoursPerDay = 24m,
            DaysPerYear = 300,
            StartHour = 0,
        };
        var demand = new HeatDemandInput
        {
            Id = Guid.NewGuid(),
            ParkId = ParkA,
            Location = null,
            Medium = HeatMedium.HotWater,
            RequiredTemperatureC = 80m,
            ReturnTemperatureC = 50m,
            LoadKw = 400m,
            HoursPerDay = 24m,
            DaysPerYear = 300,
            StartHour = 0,
            CurrentFuel = Fuel.NaturalGas,
            CurrentCostNtdPerKwh = 0.5m,
        };

        var result = HeatMatcher.Evaluate(supply, demand, TestMatching.Parameters);

        Assert.Equal(HeatMatchStatus.Uneconomic, result.Status);
        Assert.False(result.Feasible);
        Assert.True(result.PhysicallyFeasible);
        Assert.Contains(result.Reasons, r => r.Code == MatchCodes.NoNetBenefit);
    }

    [Theory]
    [InlineData(100, 100, 40, 40, 1.0)] // cooled to the end: the whole load
    [InlineData(100, 100, 40, 100, 2_257.0 / (2_257.0 + (4.19 * 60)))] // condensed at saturation: the latent heat, not the condensate
    [InlineData(100, 100, 40, 90, (2_257.0 + (4.19 * 10)) / (2_257.0 + (4.19 * 60)))] // latent heat and 10 K of condensate
    [InlineData(100, 100, 40, 101, 0.0)] // the floor above saturation: nothing condenses, and saturated steam has no superheat to give
    public void CondensingSteam_CountsItsLatentHeat(double supplyC, double saturationC, double cooledToC, double floorC, double expected) =>
        Assert.Equal((decimal)expected, HeatMatcher.CondensingFraction((decimal)supplyC, (decimal)cooledToC, (decimal)floorC, (decimal)saturationC), 6);

    [Fact]
    public void CondensingSteam_DeliversMoreThanTheSameSteamCountedSensibly()
    {
        var steam = new HeatSupplyInput
        {
            Id = Guid.NewGuid(),
            ParkId = ParkA,
            Location = Here,
            Medium = HeatMedium.Steam,
            SupplyTemperatureC = 150m,
            CooledToC = 60m,
            LoadKw = 1_000m,
            HoursPerDay = 24m,
            DaysPerYear = 300,
            StartHour = 0,
            SaturationTemperatureC = 150m,
        };
        var demand = new HeatDemandInput
        {
            Id = Guid.NewGuid(),
            ParkId = ParkA,
            Location = null,
            Medium = HeatMedium.HotWater,
            RequiredTemperatureC = 90m,
            ReturnTemperatureC = 70m,
            LoadKw = 2_000m,
            HoursPerDay = 24m,
            DaysPerYear = 300,
            StartHour = 0,
            CurrentFuel = Fuel.NaturalGas,
        };

        var sensible = HeatMatcher.Evaluate(steam, demand, TestMatching.Parameters);
        var condensing = HeatMatcher.Evaluate(steam with { CondensingAllowed = true }, demand, TestMatching.Parameters);

        // Sensible only: (150 − 80) ÷ 90 of the load. Condensing: everything but the condensate's last 20 K below 80 °C.
        Assert.Equal(70m / 90m, sensible.UsableFraction, 6);
        Assert.True(condensing.UsableFraction > 0.95m);
        Assert.True(condensing.SentKw > sensible.SentKw);
    }
}
