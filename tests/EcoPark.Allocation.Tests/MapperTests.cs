using EcoPark.Application.Allocation;
using EcoPark.Domain.Allocation;
using EcoPark.Domain.Common;
using EcoPark.Domain.Factories;
using EcoPark.Domain.Matching;
using EcoPark.Domain.Streams;
using static EcoPark.Domain.Streams.WaterQuality;

namespace EcoPark.Allocation.Tests;

/// <summary>The mapper keeps what the engine would match, and a path carrying the engine's flow is worth the engine's figure.</summary>
public sealed class MapperTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);
    private static readonly Guid Park = Guid.Parse("00000000-0000-0000-0000-0000000000b2");
    private static readonly GeoPoint Here = new(25.0, 121.0);
    private readonly WaterMatchContext context = new(MatchingDefaults.Parameters(), MatchingDefaults.Treatments(), MatchingDefaults.Baseline(), Today);

    [Fact]
    public void A_water_path_on_the_engines_route_and_flow_is_worth_the_engines_net_annual_benefit()
    {
        var supply = new WaterSupplyInput
        {
            Id = Guid.NewGuid(),
            ParkId = Park,
            Location = Here,
            Industry = Industry.Electronics,
            FreeFlowM3PerDay = 400,
            Quality = [new(CodMgL, 80, ValueBasis.Lab, Today.AddDays(-5))],
            DischargeFeeNtdPerM3 = 25,
        };
        var demand = new WaterDemandInput
        {
            Id = Guid.NewGuid(),
            ParkId = Park,
            Location = new GeoPoint(25.0, 121.003),
            Industry = Industry.Textile,
            Use = WaterUse.Cooling,
            FlowM3PerDay = 300,
            ReclaimedAllowed = true,
            Limits = [new ParameterLimit(CodMgL, null, 30)],
        };
        var result = WaterMatcher.Evaluate(supply, demand, context);
        Assert.Equal(WaterRoute.Treatment, result.Route);

        var model = AllocationModelMapper.Build(context, [new WaterPairEvaluation(supply, demand, result)]);

        var path = Assert.Single(model.Paths); // fails as is and the demand does not blend: only the train
        Assert.Equal(result.Treatment!.Steps, path.Treatment);
        Assert.Equal(result.MatchedFlowM3PerDay, path.MaxQuantity);
        Assert.Equal(1 / result.Treatment.Recovery, path.SupplyUsePerUnit);
        var plan = new AllocationPlan([path.MaxQuantity], [true]);
        Assert.Equal(result.Economics!.NetAnnualBenefitNtd, plan.NetBenefitNtd(model), 2);
        Assert.Equal(result.Economics.InvestmentNtd, plan.InvestmentNtd(model), 2);
    }

    [Fact]
    public void Heat_enters_only_where_the_temperatures_and_schedules_allow_and_at_the_engines_figures()
    {
        var supply = Heat(90, 40, 600, startHour: 0);
        var warm = Demand(60, 45, 400, startHour: 0);
        var night = Demand(60, 45, 400, startHour: 12) with { HoursPerDay = 8 };
        var supplyByDay = supply with { HoursPerDay = 10 };
        var evaluations = new[] { warm, night }.Select(d => new HeatPairEvaluation(supplyByDay, d, HeatMatcher.Evaluate(supplyByDay, d, context.Parameters))).ToList();
        Assert.Equal(HeatMatchStatus.Infeasible, evaluations[1].Result.Status);
        var feasible = evaluations[0].Result;
        Assert.True(feasible.PhysicallyFeasible);

        var model = AllocationModelMapper.Build(context, [], evaluations);

        var path = Assert.Single(model.Paths);
        Assert.Equal(warm.Id, path.DemandId);
        Assert.Equal(feasible.DeliveredKw, path.MaxQuantity);
        Assert.Equal(AllocationResource.Heat, model.Pairs.Single().Resource);
        var plan = new AllocationPlan([path.MaxQuantity], [true]);
        Assert.Equal(feasible.Economics!.NetAnnualBenefitNtd, plan.NetBenefitNtd(model), 2);
        Assert.Equal(0, plan.ReusedWaterM3PerDay(model));
    }

    private static HeatSupplyInput Heat(decimal temperature, decimal cooledTo, decimal kw, int startHour) => new()
    {
        Id = Guid.NewGuid(),
        ParkId = Park,
        Location = Here,
        Medium = HeatMedium.HotWater,
        SupplyTemperatureC = temperature,
        CooledToC = cooledTo,
        LoadKw = kw,
        HoursPerDay = 24,
        DaysPerYear = 300,
        StartHour = startHour,
    };

    private static HeatDemandInput Demand(decimal required, decimal returnC, decimal kw, int startHour) => new()
    {
        Id = Guid.NewGuid(),
        ParkId = Park,
        Location = new GeoPoint(25.0, 121.002),
        Medium = HeatMedium.HotWater,
        RequiredTemperatureC = required,
        ReturnTemperatureC = returnC,
        LoadKw = kw,
        HoursPerDay = 24,
        DaysPerYear = 300,
        StartHour = startHour,
        CurrentFuel = Fuel.NaturalGas,
        CurrentCostNtdPerKwh = 2.5m,
    };
}
