using EcoPark.Domain.Matching;
using EcoPark.Domain.Streams;
using static EcoPark.Domain.Tests.Matching.TestMatching;

namespace EcoPark.Domain.Tests.Matching;

public sealed class HeatMatchingTests
{
    internal static HeatSupplyInput Source(HeatMedium medium = HeatMedium.HotWater, decimal temperature = 90m, decimal cooledTo = 40m, decimal load = 500m) => new()
    {
        Id = Guid.NewGuid(),
        ParkId = ParkA,
        Location = Here,
        Medium = medium,
        SupplyTemperatureC = temperature,
        CooledToC = cooledTo,
        LoadKw = load,
        HoursPerDay = 24m,
        DaysPerYear = 300,
        StartHour = 0,
    };

    internal static HeatDemandInput Sink(HeatMedium medium = HeatMedium.HotWater, decimal required = 70m, decimal returning = 45m, decimal load = 400m) => new()
    {
        Id = Guid.NewGuid(),
        ParkId = ParkA,
        Location = null, // same park, no coordinate: exactly the 1,000 m in-park default
        Medium = medium,
        RequiredTemperatureC = required,
        ReturnTemperatureC = returning,
        LoadKw = load,
        HoursPerDay = 24m,
        DaysPerYear = 300,
        StartHour = 0,
        CurrentFuel = Fuel.NaturalGas,
    };

    private static readonly MatchingParameters NoHeatPump = Parameters with { Heat = Parameters.Heat with { HeatPump = null } };

    // The required temperature moves (demand side) or the supply temperature moves (supply side), exactly to ΔT_min and 0.01 K beyond it.
    [Theory]
    [InlineData(HeatMedium.HotWater, HeatMedium.HotWater, 10.0, true)]
    [InlineData(HeatMedium.HotWater, HeatMedium.HotWater, 10.0, false)]
    [InlineData(HeatMedium.FlueGas, HeatMedium.HotWater, 25.0, true)]
    [InlineData(HeatMedium.FlueGas, HeatMedium.HotWater, 25.0, false)]
    [InlineData(HeatMedium.ThermalOil, HeatMedium.FlueGas, 25.0, true)]
    [InlineData(HeatMedium.Steam, HeatMedium.HotWater, 10.0, false)]
    public void Evaluate_ExactlyAtDeltaTMin_IsFeasible_AndJustShortIsNot(HeatMedium supplyMedium, HeatMedium demandMedium, double deltaT, bool moveDemand)
    {
        var k = (decimal)deltaT;
        HeatMatchResult At(decimal shortBy) => HeatMatcher.Evaluate(
            Source(supplyMedium, temperature: moveDemand ? 150m : 100m + k - shortBy, cooledTo: 30m),
            Sink(demandMedium, required: moveDemand ? 150m - k + shortBy : 100m, returning: 35m),
            NoHeatPump);

        var at = At(0m);
        var beyond = At(0.01m);
        var wide = At(-0.01m);

        Assert.Equal(k, at.DeltaTMinK);
        Assert.Equal((HeatMatchStatus.FeasibleDirect, 0m), (at.Status, at.ApproachK));
        Assert.Equal(HeatMatchStatus.FeasibleDirect, wide.Status);
        Assert.Equal(HeatMatchStatus.Infeasible, beyond.Status);
        Assert.Equal(-0.01m, beyond.ApproachK);
        Assert.Contains(beyond.Reasons, r => r.Code == MatchCodes.TemperatureTooLow);
    }

    [Fact]
    public void Evaluate_UsableHeat_StopsWhereTheDemandsReturnPlusDeltaTMin()
    {
        // 90 → 40 °C is on offer, but a 45 °C return + 10 K only lets it cool to 55 °C: (90 − 55) / (90 − 40) = 0.7 of 500 kW.
        var result = HeatMatcher.Evaluate(Source(), Sink(load: 1_000m), Parameters);

        Assert.Equal(0.7m, result.UsableFraction);
        Assert.Equal(350m, result.SentKw);
    }

    [Theory]
    [InlineData(22, 4.0, 0, 8.0, 2.0)] // 22–02 against 00–08
    [InlineData(0, 24.0, 5, 3.0, 3.0)]
    [InlineData(8, 8.0, 16, 8.0, 0.0)]
    [InlineData(20, 8.0, 2, 4.0, 2.0)] // 20–04 against 02–06
    [InlineData(6, 12.0, 6, 12.0, 12.0)]
    [InlineData(23, 0.5, 23, 24.0, 0.5)]
    public void OverlapHours_WrapsPastMidnight(int startA, double hoursA, int startB, double hoursB, double overlap) =>
        Assert.Equal((decimal)overlap, HeatMatcher.OverlapHours(startA, (decimal)hoursA, startB, (decimal)hoursB));

    [Fact]
    public void Evaluate_NoCommonHours_IsInfeasible()
    {
        var result = HeatMatcher.Evaluate(Source() with { StartHour = 8, HoursPerDay = 8m }, Sink() with { StartHour = 16, HoursPerDay = 8m }, Parameters);

        Assert.Equal(HeatMatchStatus.Infeasible, result.Status);
        Assert.Contains(MatchCodes.NoScheduleOverlap, result.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void Evaluate_DeliveredHeat_IsTheSmallerLoadTimesOverlapTimesWhatTheTransportLeaves()
    {
        var result = HeatMatcher.Evaluate(Source(load: 1_000m) with { HoursPerDay = 10m, StartHour = 6 }, Sink(load: 200m) with { HoursPerDay = 8m, StartHour = 10, DaysPerYear = 250 }, Parameters);

        // 1 km at 1 %/km; 10–16 overlaps 6–16 for 6 h; 250 days.
        Assert.Equal(200m, result.SentKw);
        Assert.Equal(0.01m, result.TransportLoss);
        Assert.Equal(198m, result.DeliveredKw);
        Assert.Equal((6m, 250), (result.OverlapHoursPerDay, result.OverlapDaysPerYear));
        Assert.Equal(198m * 6 * 250, result.DeliveredKwhPerYear);
    }

    [Fact]
    public void Evaluate_Economics_FollowTheFuelAndInvestmentFormulas()
    {
        var result = HeatMatcher.Evaluate(Source(load: 1_000m), Sink(load: 200m, returning: 30m), Parameters);

        var e = result.Economics!;
        var delivered = 198m * 24 * 300;
        Assert.Equal(delivered / 0.9m, e.FuelKwhAvoidedPerYear);
        Assert.Equal(delivered / 0.9m * 1.8m, e.HeatCostAvoidedNtdPerYear);
        Assert.Equal(delivered / 0.9m * 0.2m, e.Co2eAvoidedKgPerYear); // no pumping electricity in the test parameters
        Assert.Equal(1_000m * 5_000m, e.PipeNtd);
        Assert.Equal(200m * (500m + 9_000m), e.ExchangersNtd);
        Assert.Equal(e.InvestmentNtd / (e.BuyerSavingNtdPerYear / 12), e.BuyerPaybackMonths);
        Assert.Equal(e.BuyerSavingNtdPerYear - (e.InvestmentNtd / 10), e.NetAnnualBenefitNtd);
    }

    [Fact]
    public void Evaluate_DemandsOwnHeatCost_ReplacesFuelPriceOverEfficiency()
    {
        var result = HeatMatcher.Evaluate(Source(), Sink() with { CurrentCostNtdPerKwh = 3m }, Parameters);

        Assert.Equal(result.DeliveredKwhPerYear * 3m, result.Economics!.HeatCostAvoidedNtdPerYear);
    }

    [Fact]
    public void Evaluate_NoFuelGiven_AssumesTheDefaultAndSaysSo()
    {
        var result = HeatMatcher.Evaluate(Source(), Sink() with { CurrentFuel = null }, Parameters);

        Assert.Equal(Fuel.NaturalGas, result.Economics!.Fuel);
        Assert.Contains(result.Reasons, r => r.Code == MatchCodes.DefaultUsed && r.Key == "currentFuel");
    }

    [Fact]
    public void Evaluate_SourceTooCold_AHeatPumpLiftsItForElectricity()
    {
        // 60 °C − 10 K = 50 °C, 20 K short of 70 °C. Output = source × COP / (COP − 1) = 150 × 1.5 = 225 kW, capped at the demand's 200.
        var result = HeatMatcher.Evaluate(Source(temperature: 60m, cooledTo: 30m, load: 150m), Sink(load: 200m), Parameters);

        // Changed by the honest-economics issue: the route is physically feasible, but its electricity and a 10.9 M NTD
        // investment leave a net annual benefit below 0, so it is uneconomic (it was feasible-with-heat-pump).
        Assert.Equal(HeatMatchStatus.Uneconomic, result.Status);
        Assert.True(result.PhysicallyFeasible);
        Assert.True(result.Economics!.NetAnnualBenefitNtd <= 0);
        Assert.Equal(200m, result.SentKw);
        Assert.Equal(200m / 3m, result.HeatPumpElectricKw);
        Assert.Contains(MatchCodes.HeatPumpNeeded, result.Reasons.Select(r => r.Code));
        var e = result.Economics!;
        Assert.Equal(200m / 3m * 24 * 300, e.HeatPumpKwhPerYear);
        Assert.Equal(e.HeatPumpKwhPerYear * 4m, e.ElectricityNtdPerYear);
        Assert.Equal(200m * 20_000m, e.HeatPumpNtd);
        Assert.Equal((e.FuelKwhAvoidedPerYear * 0.2m) - (e.HeatPumpKwhPerYear * 0.5m), e.Co2eAvoidedKgPerYear);
    }

    [Theory]
    [InlineData(60.0, 70.0, true)] // 20 K lift
    [InlineData(25.0, 70.0, false)] // 55 K lift: beyond the 50 K the heat pump reaches
    [InlineData(100.0, 130.0, false)] // 40 K lift, but above the 120 °C it can deliver
    public void Evaluate_HeatPump_OnlyWithinItsLiftAndOutputTemperature(double source, double required, bool feasible)
    {
        var result = HeatMatcher.Evaluate(Source(temperature: (decimal)source, cooledTo: 20m), Sink(required: (decimal)required, returning: 15m), Parameters);

        Assert.Equal(feasible, result.Feasible);
        Assert.Equal(!feasible, result.Reasons.Any(r => r.Code == MatchCodes.TemperatureTooLow));
    }

    [Fact]
    public void Evaluate_BeyondTheHeatReachBetweenParks_IsBlocked()
    {
        var result = HeatMatcher.Evaluate(Source(), Sink() with { ParkId = ParkB, Location = North(Here, 21_000) }, Parameters);

        Assert.Equal(HeatMatchStatus.Blocked, result.Status);
        Assert.Null(result.Economics);
        Assert.Contains(MatchCodes.OutOfRange, result.Reasons.Select(r => r.Code));
    }

    // Each quote replaces one computed figure and is named as a quote; the transfer price moves money between the parties
    // (the pair's net is unchanged), the others change the pair's net by the difference.
    [Theory]
    [InlineData("pipe", 1_000_000.0)]
    [InlineData("exchangerCapex", 2_000_000.0)]
    [InlineData("operatingCost", 50_000.0)]
    [InlineData("transferPrice", 0.5)]
    public void Evaluate_AQuote_ReplacesItsFigure_AndTheExplanationNamesItAsAQuote(string kind, double amount)
    {
        var q = (decimal)amount;
        var quotes = kind switch
        {
            "pipe" => new HeatQuotes(PipeNtd: q),
            "exchangerCapex" => new HeatQuotes(ExchangersNtd: q),
            "operatingCost" => new HeatQuotes(OperatingNtdPerYear: q),
            _ => new HeatQuotes(TransferPriceNtdPerKwh: q),
        };
        var (name, source, sink) = (kind switch
        {
            "pipe" => "pipeNtd",
            "exchangerCapex" => "exchangersNtd",
            "operatingCost" => "operatingCostNtdPerYear",
            _ => "transferPriceNtdPerKwh",
        }, Source(), Sink());

        var computed = HeatMatcher.Evaluate(source, sink, Parameters).Economics!;
        var result = HeatMatcher.Evaluate(source, sink, Parameters, quotes);
        var e = result.Economics!;

        var input = result.Inputs.Single(i => i.Name == name);
        Assert.Equal((InputSource.Quote, q), (input.Source, input.Value));
        Assert.Contains(result.Reasons, r => r.Code == MatchCodes.QuoteUsed && r.Key == name);
        Assert.Equal(computed.Co2eAvoidedKgPerYear, e.Co2eAvoidedKgPerYear);
        var life = Parameters.InvestmentLifeYears;
        switch (kind)
        {
            case "pipe":
                Assert.Equal(q, e.PipeNtd);
                Assert.Equal(computed.NetAnnualBenefitNtd + ((computed.PipeNtd - q) / life), e.NetAnnualBenefitNtd);
                break;
            case "exchangerCapex":
                Assert.Equal((q, 0m), (e.ExchangersNtd, e.HeatPumpNtd));
                Assert.Equal(computed.NetAnnualBenefitNtd + ((computed.ExchangersNtd + computed.HeatPumpNtd - q) / life), e.NetAnnualBenefitNtd);
                break;
            case "operatingCost":
                Assert.Equal(q, e.ElectricityNtdPerYear);
                Assert.Equal(computed.BuyerSavingNtdPerYear + computed.ElectricityNtdPerYear - q, e.BuyerSavingNtdPerYear);
                break;
            default:
                Assert.Equal(computed.BuyerSavingNtdPerYear - (q * result.DeliveredKwhPerYear), e.BuyerSavingNtdPerYear);
                Assert.Equal(computed.SupplierSavingNtdPerYear + (q * result.DeliveredKwhPerYear), e.SupplierSavingNtdPerYear);
                Assert.Equal(computed.NetAnnualBenefitNtd, e.NetAnnualBenefitNtd);
                break;
        }
    }

    [Fact]
    public void Evaluate_WithoutQuotes_NamesNoFigureAsAQuote()
    {
        var result = HeatMatcher.Evaluate(Source(), Sink(), Parameters, new HeatQuotes());

        Assert.DoesNotContain(result.Inputs, i => i.Source == InputSource.Quote);
        Assert.DoesNotContain(result.Reasons, r => r.Code == MatchCodes.QuoteUsed);
    }
}
