using EcoPark.Domain.Common;
using EcoPark.Domain.Matching;
using EcoPark.Domain.Streams;
using static EcoPark.Domain.Streams.WaterQuality;
using static EcoPark.Domain.Tests.Matching.TestMatching;

namespace EcoPark.Domain.Tests.Matching;

/// <summary>Which money figures of an evaluation rest on a default: what the explanation counts and the workbench marks.</summary>
public sealed class MoneyBasisTests
{
    private static readonly WaterQuotes PipeAndPrice = new(PipeNtd: 900_000m, TransferPriceNtdPerM3: 2m);

    [Fact]
    public void WaterPair_WithoutPricesOrQuotes_RestsOnADefaultForEachMissingFigure()
    {
        var supply = Supply(1_000m, Lab(CodMgL, 10m)) with { DischargeFeeNtdPerM3 = null };
        var demand = Demand(100m, Max(CodMgL, 20m)) with { CurrentWaterPriceNtdPerM3 = null, MarginalFeeNtdPerM3 = null };

        var result = WaterMatcher.Evaluate(supply, demand, Context());

        // Tap price, fee, discharge fee, transfer price and the computed pipe: each the engine's own figure.
        Assert.Equal(5, MoneyBasis.Defaults(result.Inputs));
    }

    [Fact]
    public void WaterPair_EveryMoneyFigureFiledOrQuoted_RestsOnNoDefault()
    {
        var result = WaterMatcher.Evaluate(Supply(1_000m, Lab(CodMgL, 10m)), Demand(100m, Max(CodMgL, 20m)), Context(), PipeAndPrice);

        Assert.NotNull(result.Economics);
        Assert.Equal(0, MoneyBasis.Defaults(result.Inputs));
        // The parameter set's unit rates are still listed, named as rates rather than as defaults.
        Assert.Equal(MoneyBasis.RateKey, MoneyBasis.Key(result.Inputs.Single(i => i.Name == "pipeCostNtdPerM")));
    }

    [Fact]
    public void WaterPair_OneFigureLeftToTheEngine_IsCountedAlone()
    {
        var result = WaterMatcher.Evaluate(Supply(1_000m, Lab(CodMgL, 10m)), Demand(100m, Max(CodMgL, 20m)) with { CurrentWaterPriceNtdPerM3 = null },
            Context(), PipeAndPrice);

        Assert.Equal(1, MoneyBasis.Defaults(result.Inputs));
        Assert.Equal(InputSource.Default.Key(), MoneyBasis.Key(result.Inputs.Single(i => i.Name == "waterPriceNtdPerM3")));
    }

    [Theory]
    [InlineData(false, false, false, 6)] // fuel price, cooling cost, pipe, exchangers, running cost and price: each the engine's own figure
    [InlineData(true, false, false, 5)]  // the buyer's heat cost filed
    [InlineData(true, true, false, 4)]   // and the supplier's cooling cost
    [InlineData(true, true, true, 0)]    // and every cost quoted
    [InlineData(false, true, true, 1)]   // quoted, but the fuel price is still the engine's
    [InlineData(true, false, true, 1)]   // quoted, but the supplier's avoided cost is still taken as 0
    public void HeatPair_CountsEachMoneyFigureLeftToTheEngine_AsWaterDoes(bool costFiled, bool coolingFiled, bool quoted, int defaults)
    {
        var supply = HeatMatchingTests.Source() with { DisposalCostNtdPerKwh = coolingFiled ? 0.15m : null };
        var demand = HeatMatchingTests.Sink() with { CurrentCostNtdPerKwh = costFiled ? 2.4m : null };
        var quotes = quoted ? new HeatQuotes(PipeNtd: 1_200_000m, ExchangersNtd: 800_000m, OperatingNtdPerYear: 50_000m, TransferPriceNtdPerKwh: 0.3m) : null;

        var result = HeatMatcher.Evaluate(supply, demand, TestMatching.Parameters, quotes);

        Assert.NotNull(result.Economics);
        Assert.Equal(defaults, MoneyBasis.Defaults(result.Inputs));
        var listed = result.Inputs.Where(i => i.Name is "pipeNtd" or "exchangersNtd" or "operatingCostNtdPerYear" or "transferPriceNtdPerKwh").ToList();
        Assert.Equal(4, listed.Count);
        Assert.All(listed, i => Assert.Equal(quoted ? InputSource.Quote : InputSource.Default, i.Source));
        Assert.Equal(!coolingFiled, result.Reasons.Any(r => r.Code == MatchCodes.DisposalCostNotFiled));
        // Listing a figure changes no figure: the unquoted pipe and exchangers are what the economics carry.
        if (!quoted)
        {
            Assert.Equal(result.Economics.PipeNtd, listed.Single(i => i.Name == "pipeNtd").Value);
            Assert.Equal(result.Economics.ExchangersNtd + result.Economics.HeatPumpNtd, listed.Single(i => i.Name == "exchangersNtd").Value);
        }
    }

    [Theory]
    [InlineData(2_500, 0)]
    [InlineData(null, 1)]
    public void ByproductPair_WithTransportQuoted_RestsOnADefaultOnlyWithoutTheFiledDisposalCost(int? disposal, int defaults)
    {
        var supply = new ByproductSupplyInput
        {
            Id = Guid.NewGuid(),
            ParkId = ParkA,
            Location = Here,
            Category = ByproductCategory.FlyAsh,
            WasteCode = "D-1102",
            TonnesPerMonth = 120m,
            Properties = [],
            DisposalCostNtdPerTonne = disposal,
            Permit = ReusePermitStatus.Granted,
        };
        var demand = new ByproductDemandInput
        {
            Id = Guid.NewGuid(),
            ParkId = ParkA,
            Location = North(Here, 2_000),
            Category = ByproductCategory.FlyAsh,
            PropertyLimits = [],
            TonnesPerMonth = 100m,
            VirginPriceNtdPerTonne = 1_200m,
            VirginFactorKgCo2ePerTonne = 800m,
            ProcessingNtdPerTonne = 100m,
            ProcessingKgCo2ePerTonne = 20m,
        };

        var result = ByproductMatcher.Evaluate(supply, demand, TestMatching.Parameters, Today, new ByproductQuotes(TransportNtdPerTonne: 150m, TransferPriceNtdPerTonne: 0m));

        Assert.NotNull(result.Economics);
        Assert.Equal(defaults, MoneyBasis.Defaults(result.Inputs));
    }
}
