using EcoPark.Domain.Factories;
using EcoPark.Domain.Matching;
using EcoPark.Domain.Streams;
using static EcoPark.Domain.Streams.WaterQuality;
using static EcoPark.Domain.Tests.Matching.TestMatching;

namespace EcoPark.Domain.Tests.Matching;

public sealed class WaterHardBlockTests
{
    [Theory]
    [InlineData(Industry.Food, WaterUse.Process, true)]
    [InlineData(Industry.Medical, WaterUse.Process, true)]
    [InlineData(Industry.Food, WaterUse.Cooling, false)]
    [InlineData(Industry.Food, WaterUse.Boiler, false)]
    [InlineData(Industry.Medical, WaterUse.Cooling, false)]
    [InlineData(Industry.Food, WaterUse.Domestic, false)]
    [InlineData(Industry.Metals, WaterUse.Process, false)]
    public void Evaluate_FoodOrMedicalProcessDemand_IsBlockedWithBothCodes(Industry industry, WaterUse use, bool blocked)
    {
        var demand = Demand(100m, Max(CodMgL, 20m)) with { Industry = industry, Use = use };

        var result = WaterMatcher.Evaluate(Supply(1_000m, Lab(CodMgL, 10m)), demand, Context());

        Assert.Equal(blocked, result.IsBlocked);
        Assert.Equal(blocked, result.ReasonCodes.Contains(MatchCodes.FoodMedicalProcess));
        Assert.Equal(blocked, result.ReasonCodes.Contains(MatchCodes.ReclaimedNotAllowed));
        Assert.Equal(blocked ? WaterMatchStatus.Blocked : WaterMatchStatus.FeasibleAsIs, result.Status);
    }

    [Fact]
    public void Evaluate_DemandAcceptsNoReclaimedWater_IsBlocked()
    {
        var result = WaterMatcher.Evaluate(Supply(1_000m, Lab(CodMgL, 10m)), Demand(100m, Max(CodMgL, 20m)) with { ReclaimedAllowed = false }, Context());

        Assert.Equal(WaterMatchStatus.Blocked, result.Status);
        Assert.Equal([MatchCodes.ReclaimedNotAllowed], result.Reasons.Where(r => r.Kind == ReasonKind.HardBlock).Select(r => r.Code));
        Assert.False(result.FeasibleAsIs);
        Assert.Equal(0m, result.MatchedFlowM3PerDay);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-5.0)]
    public void Evaluate_SupplyFullyCommitted_IsBlocked(double freeFlow)
    {
        var result = WaterMatcher.Evaluate(Supply((decimal)freeFlow, Lab(CodMgL, 10m)), Demand(100m, Max(CodMgL, 20m)), Context());

        Assert.Contains(result.Reasons, r => r.Code == MatchCodes.SupplyCommitted && r.Kind == ReasonKind.HardBlock);
        Assert.Equal(WaterMatchStatus.Blocked, result.Status);
    }

    [Theory]
    [InlineData(false, 4_900.0, null, false)]
    [InlineData(false, 5_100.0, null, true)] // beyond the 5 km reach between parks
    [InlineData(true, 8_000.0, null, false)] // the same park is always in reach
    [InlineData(true, 300.0, 200.0, true)] // ... unless the buyer's own maximum is exceeded
    [InlineData(false, 1_000.0, 800.0, true)]
    [InlineData(false, 1_000.0, 1_200.0, false)]
    public void Evaluate_Distance_DecidesWhetherThePairIsInRange(bool samePark, double metres, double? ownMax, bool outOfRange)
    {
        var demand = Demand(100m, Max(CodMgL, 20m)) with
        {
            ParkId = samePark ? ParkA : ParkB,
            Location = North(Here, metres),
            MaxPipeDistanceM = (decimal?)ownMax,
        };

        var result = WaterMatcher.Evaluate(Supply(1_000m, Lab(CodMgL, 10m)), demand, Context());

        Assert.Equal(outOfRange, result.ReasonCodes.Contains(MatchCodes.OutOfRange));
        Assert.Equal(outOfRange, result.IsBlocked);
        Assert.InRange((double)result.DistanceM!.Value, metres - 0.01, metres + 0.01);
    }

    [Fact]
    public void Evaluate_MissingCoordinateInSamePark_AssumesTheInParkDistanceAndFlagsIt()
    {
        var result = WaterMatcher.Evaluate(Supply(1_000m, Lab(CodMgL, 10m)) with { Location = null }, Demand(100m, Max(CodMgL, 20m)), Context());

        Assert.False(result.IsBlocked);
        Assert.Null(result.DistanceM);
        Assert.Contains(result.Reasons, r => r.Code == MatchCodes.NoCoordinates);
        var distance = result.Inputs.Single(i => i.Name == "distanceM");
        Assert.Equal((1_000m, InputSource.Default), (distance.Value, distance.Source));
    }

    [Fact]
    public void Evaluate_MissingCoordinateBetweenParks_IsOutOfRange()
    {
        var result = WaterMatcher.Evaluate(Supply(1_000m, Lab(CodMgL, 10m)), Demand(100m, Max(CodMgL, 20m)) with { ParkId = ParkB, Location = null }, Context());

        Assert.Equal(WaterMatchStatus.Blocked, result.Status);
        Assert.Contains(MatchCodes.OutOfRange, result.ReasonCodes);
        Assert.Contains(MatchCodes.NoCoordinates, result.ReasonCodes);
    }

    [Fact]
    public void Evaluate_HardBlock_TreatmentCannotLiftIt()
    {
        var catalogue = Catalogue(Step("carbon", 3m, removal: [(CodMgL, 0.9m)]));
        var demand = Demand(100m, Max(CodMgL, 20m)) with { Industry = Industry.Food, Use = WaterUse.Process, BlendingAllowed = true, CurrentWaterQuality = [Lab(CodMgL, 1m)] };

        var result = WaterMatcher.Evaluate(Supply(1_000m, Lab(CodMgL, 50m)), demand, Context(catalogue));

        Assert.Equal(WaterMatchStatus.Blocked, result.Status);
        Assert.Equal(WaterRoute.None, result.Route);
        Assert.Null(result.Treatment);
        Assert.Null(result.Blend);
        Assert.Null(result.Economics);
    }
}
