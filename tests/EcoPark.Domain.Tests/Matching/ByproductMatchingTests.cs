using EcoPark.Domain.Matching;
using EcoPark.Domain.Streams;
using static EcoPark.Domain.Streams.ByproductProperties;
using static EcoPark.Domain.Tests.Matching.TestMatching;

namespace EcoPark.Domain.Tests.Matching;

public sealed class ByproductMatchingTests
{
    private static ByproductSupplyInput FlyAsh(params ParameterValue[] properties) => new()
    {
        Id = Guid.NewGuid(),
        ParkId = ParkA,
        Location = Here,
        Category = ByproductCategory.FlyAsh,
        WasteCode = "D-1102",
        TonnesPerMonth = 120m,
        Properties = properties,
        DisposalCostNtdPerTonne = 2_500m,
        Permit = ReusePermitStatus.Granted,
    };

    private static ByproductDemandInput CementPlant(params ParameterLimit[] limits) => new()
    {
        Id = Guid.NewGuid(),
        ParkId = ParkB,
        Location = North(Here, 20_000),
        Category = ByproductCategory.FlyAsh,
        PropertyLimits = limits,
        TonnesPerMonth = 100m,
        VirginPriceNtdPerTonne = 1_200m,
        VirginFactorKgCo2ePerTonne = 800m,
        ProcessingNtdPerTonne = 100m,
        ProcessingKgCo2ePerTonne = 20m,
    };

    [Fact]
    public void Evaluate_PropertyFails_IsReportedWithValueLimitAndByHowMuch()
    {
        var result = ByproductMatcher.Evaluate(FlyAsh(Lab(MoisturePercent, 40m), Lab(ChloridePercent, 0.05m)),
            CementPlant(Max(MoisturePercent, 20m), Max(ChloridePercent, 0.1m)), TestMatching.Parameters, Today);

        Assert.Equal(ByproductMatchStatus.Infeasible, result.Status);
        var moisture = result.Properties.Single(p => p.Key == MoisturePercent);
        Assert.Equal((Verdict.Fail, 40m, 20m, -20m, -1m), (moisture.Verdict, moisture.Value!.Value, moisture.Max!.Value, moisture.Headroom!.Value, moisture.Margin!.Value));
        Assert.Equal(Verdict.Pass, result.Properties.Single(p => p.Key == ChloridePercent).Verdict);
        Assert.Contains(result.Reasons, r => r.Code == MatchCodes.PropertyFails && r.Key == MoisturePercent);
        Assert.DoesNotContain(result.Reasons, r => r.Code == MatchCodes.PropertyFails && r.Key == ChloridePercent);
    }

    [Fact]
    public void Evaluate_PropertyNeverMeasured_NeedsALabTestNotAPass()
    {
        var result = ByproductMatcher.Evaluate(FlyAsh(), CementPlant(new ParameterLimit(TclpPass, 1m, 1m)), TestMatching.Parameters, Today);

        Assert.Equal(ByproductMatchStatus.NeedsLabTest, result.Status);
        Assert.Equal(Verdict.Unknown, Assert.Single(result.Properties).Verdict);
        Assert.Contains(result.Reasons, r => r.Code == MatchCodes.LabTestNeeded && r.Key == TclpPass);
    }

    [Theory]
    [InlineData("D-1102", ByproductCategory.FlyAsh, "", ByproductCategory.FlyAsh, null)] // no codes listed: same category
    [InlineData("D-1102", ByproductCategory.FlyAsh, "", ByproductCategory.Slag, MatchCodes.CategoryMismatch)]
    [InlineData("D-1102", ByproductCategory.FlyAsh, "D-1102,R-0201", ByproductCategory.FlyAsh, null)]
    [InlineData("d-1102", ByproductCategory.FlyAsh, "D-1102", ByproductCategory.Slag, null)] // the code decides, whatever the category
    [InlineData("D-1103", ByproductCategory.FlyAsh, "D-1102", ByproductCategory.FlyAsh, MatchCodes.CodeNotAccepted)]
    public void Evaluate_Compatibility_ByAcceptedCodeOrElseCategory(string code, ByproductCategory category, string accepted, ByproductCategory wanted, string? block)
    {
        var supply = FlyAsh() with { WasteCode = code, Category = category };
        var demand = CementPlant() with { AcceptedCodes = accepted.Split(',', StringSplitOptions.RemoveEmptyEntries), Category = wanted };

        var result = ByproductMatcher.Evaluate(supply, demand, TestMatching.Parameters, Today);

        Assert.Equal(block is null ? ByproductMatchStatus.Feasible : ByproductMatchStatus.Blocked, result.Status);
        Assert.Equal(block, result.Reasons.SingleOrDefault(r => r.Kind == ReasonKind.HardBlock)?.Code);
    }

    [Theory]
    [InlineData(ReusePermitStatus.None, true)]
    [InlineData(ReusePermitStatus.Applied, true)]
    [InlineData(ReusePermitStatus.Granted, false)]
    public void Evaluate_PermitNotGranted_IsFlaggedNotBlocked(ReusePermitStatus permit, bool flagged)
    {
        var result = ByproductMatcher.Evaluate(FlyAsh() with { Permit = permit }, CementPlant(), TestMatching.Parameters, Today);

        Assert.Equal(flagged, result.Reasons.Any(r => r.Code == MatchCodes.PermitNotGranted && r.Kind == ReasonKind.Regulatory));
        Assert.Equal(ByproductMatchStatus.Feasible, result.Status);
    }

    [Fact]
    public void Evaluate_Economics_QuantityOverlapTransportSavingsAndCarbon()
    {
        var result = ByproductMatcher.Evaluate(FlyAsh(), CementPlant(), TestMatching.Parameters, Today);

        var e = result.Economics!;
        Assert.Equal(100m, result.TonnesPerMonth); // min(120, 100)
        Assert.InRange(e.RoadKm, 19.999m, 20.001m); // 20 km, road factor 1 in the test parameters
        Assert.Equal(e.RoadKm * 5m, e.TransportNtdPerTonne);
        Assert.Equal(2_500m * 100, e.SupplierSavingNtdPerMonth);
        Assert.Equal((1_200m - 100m - e.TransportNtdPerTonne) * 100, e.BuyerSavingNtdPerMonth);
        Assert.Equal(800m - 20m - (e.RoadKm * 0.1m), e.Co2eAvoidedKgPerTonne);
        Assert.Equal(e.Co2eAvoidedKgPerTonne * 100 * 12, e.Co2eAvoidedKgPerYear);
        Assert.Equal((e.SupplierSavingNtdPerMonth + e.BuyerSavingNtdPerMonth) * 12, e.NetAnnualBenefitNtd);
    }

    [Fact]
    public void Evaluate_MissingCostsAndFactors_AreDefaultedOrZeroAndFlagged()
    {
        var result = ByproductMatcher.Evaluate(FlyAsh() with { DisposalCostNtdPerTonne = null }, CementPlant() with { VirginPriceNtdPerTonne = null }, TestMatching.Parameters, Today);

        Assert.Equal(3_000m, result.Economics!.DisposalNtdPerTonne);
        Assert.Contains(result.Reasons, r => r.Code == MatchCodes.DefaultUsed && r.Key == "disposalCostNtdPerTonne");
        Assert.Contains(result.Reasons, r => r.Code == MatchCodes.MissingInput && r.Key == "virginPriceNtdPerTonne");
    }

    // Each quote replaces one figure and is named as a quote: the transport and pretreatment cost per t replace the computed
    // truck cost and the filed processing cost, the price per t moves money from the buyer to the supplier, and a pretreatment
    // investment is spread over the investment life and gives a payback.
    [Theory]
    [InlineData("transport", 300.0)]
    [InlineData("treatmentOpex", 250.0)]
    [InlineData("transferPrice", 400.0)]
    [InlineData("treatmentCapex", 1_200_000.0)]
    public void Evaluate_AQuote_ReplacesItsFigure_AndTheExplanationNamesItAsAQuote(string kind, double amount)
    {
        var q = (decimal)amount;
        var quotes = kind switch
        {
            "transport" => new ByproductQuotes(TransportNtdPerTonne: q),
            "treatmentOpex" => new ByproductQuotes(ProcessingNtdPerTonne: q),
            "transferPrice" => new ByproductQuotes(TransferPriceNtdPerTonne: q),
            _ => new ByproductQuotes(TreatmentCapexNtd: q),
        };
        var name = kind switch
        {
            "transport" => "transportNtdPerTonne",
            "treatmentOpex" => "processingNtdPerTonne",
            "transferPrice" => "transferPriceNtdPerTonne",
            _ => "treatmentCapexNtd",
        };
        var (supply, demand) = (FlyAsh(), CementPlant());

        var computed = ByproductMatcher.Evaluate(supply, demand, TestMatching.Parameters, Today).Economics!;
        var result = ByproductMatcher.Evaluate(supply, demand, TestMatching.Parameters, Today, quotes);
        var e = result.Economics!;

        var input = result.Inputs.Single(i => i.Name == name);
        Assert.Equal((InputSource.Quote, q), (input.Source, input.Value));
        Assert.Contains(result.Reasons, r => r.Code == MatchCodes.QuoteUsed && r.Key == name);
        Assert.Equal(computed.Co2eAvoidedKgPerYear, e.Co2eAvoidedKgPerYear);
        var tonnes = result.TonnesPerMonth;
        switch (kind)
        {
            case "transport":
                Assert.Equal(q, e.TransportNtdPerTonne);
                Assert.Equal(computed.BuyerSavingNtdPerMonth + ((computed.TransportNtdPerTonne - q) * tonnes), e.BuyerSavingNtdPerMonth);
                break;
            case "treatmentOpex":
                Assert.Equal(q, e.ProcessingNtdPerTonne);
                Assert.Equal(computed.BuyerSavingNtdPerMonth + ((computed.ProcessingNtdPerTonne - q) * tonnes), e.BuyerSavingNtdPerMonth);
                break;
            case "transferPrice":
                Assert.Equal(q, e.TransferPriceNtdPerTonne);
                Assert.Equal(computed.BuyerSavingNtdPerMonth - (q * tonnes), e.BuyerSavingNtdPerMonth);
                Assert.Equal(computed.SupplierSavingNtdPerMonth + (q * tonnes), e.SupplierSavingNtdPerMonth);
                Assert.Equal(computed.NetAnnualBenefitNtd, e.NetAnnualBenefitNtd);
                break;
            default:
                Assert.Equal(q, e.InvestmentNtd);
                Assert.Equal(computed.NetAnnualBenefitNtd - (q / TestMatching.Parameters.InvestmentLifeYears), e.NetAnnualBenefitNtd);
                Assert.Equal(q / (e.BuyerSavingNtdPerMonth + e.SupplierSavingNtdPerMonth), e.PairPaybackMonths!.Value, 3);
                break;
        }
    }

    [Fact]
    public void Evaluate_WithoutQuotes_HasNoInvestmentNorPayback_AndNamesNoFigureAsAQuote()
    {
        var result = ByproductMatcher.Evaluate(FlyAsh(), CementPlant(), TestMatching.Parameters, Today, new ByproductQuotes());

        Assert.Equal((0m, (decimal?)null, 0m), (result.Economics!.InvestmentNtd, result.Economics.PairPaybackMonths, result.Economics.TransferPriceNtdPerTonne));
        Assert.DoesNotContain(result.Inputs, i => i.Source == InputSource.Quote);
    }
}
