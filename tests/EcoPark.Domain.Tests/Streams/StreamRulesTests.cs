using EcoPark.Domain.Common;
using EcoPark.Domain.Factories;
using EcoPark.Domain.Streams;

namespace EcoPark.Domain.Tests.Streams;

public sealed class StreamRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(0.3, 0.2, 0.5)]
    [InlineData(1, 1, 2)]
    [InlineData(180, 100, 200)]
    [InlineData(200, 200, 500)]
    [InlineData(300, 200, 500)]
    [InlineData(499.99, 200, 500)]
    [InlineData(9867, 5000, 10000)]
    public void VolumeBand_Of_GivesTheOneTwoFiveBandAround(decimal value, decimal low, decimal high) =>
        Assert.Equal(new VolumeBand(low, high), VolumeBand.Of(value));

    [Fact]
    public void Disclosure_ToOtherParty_WithholdsExactlyTheMarkedFields()
    {
        var disclosure = Disclosure.ToOtherParty(ConfidentialFields.Prices | ConfidentialFields.ExactVolumes);

        Assert.Null(disclosure.Price(22));
        Assert.Equal(22, Disclosure.ToOtherParty(ConfidentialFields.Costs).Price(22));
        Assert.Equal(new VolumeBand(200, 500), disclosure.Band(420));
        Assert.Null(Disclosure.ToOtherParty(ConfidentialFields.Prices).Band(420));
        Assert.Null(Disclosure.Full.Band(420));
    }

    [Theory]
    [InlineData(Industry.Food, WaterUse.Process, true)]
    [InlineData(Industry.Medical, WaterUse.Process, true)]
    [InlineData(Industry.Food, WaterUse.Cooling, false)]
    [InlineData(Industry.Medical, WaterUse.Boiler, false)]
    [InlineData(Industry.Metals, WaterUse.Process, false)]
    public void ReclaimedBarredByLaw_OnlyFoodAndMedicalProcess(Industry industry, WaterUse use, bool barred) =>
        Assert.Equal(barred, WaterDemand.ReclaimedBarredByLaw(industry, use));

    [Fact]
    public void WaterDemand_FoodProcessAcceptingReclaimedWater_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => new WaterDemand(Guid.NewGuid(), Guid.NewGuid(), Industry.Food, Demand(WaterUse.Process, reclaimed: true), Today, Guid.Empty, Now));

        Assert.Equal(("reclaimedAllowed", "reclaimed-not-allowed"), (error.Field, error.Code));
    }

    [Theory]
    [InlineData(0, null, "daysPerWeek")]
    [InlineData(8, null, "daysPerWeek")]
    [InlineData(null, 0.4, "hoursPerDay")]
    [InlineData(null, 24.5, "hoursPerDay")]
    public void WaterDemand_ScheduleOutsideAWeekOrADay_IsRefusedNamingTheField(int? days, double? hours, string field)
    {
        var details = Demand(WaterUse.Cooling, reclaimed: true) with { DaysPerWeek = days, HoursPerDay = (decimal?)hours };

        var error = Assert.Throws<DomainException>(() => new WaterDemand(Guid.NewGuid(), Guid.NewGuid(), Industry.Metals, details, Today, Guid.Empty, Now));

        Assert.Equal((field, "out-of-range"), (error.Field, error.Code));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(5, 8.0)]
    [InlineData(7, 24.0)]
    public void WaterDemand_Schedule_IsKeptAsFiledAndEmptyMeansAsTheSupply(int? days, double? hours)
    {
        var details = Demand(WaterUse.Cooling, reclaimed: true) with { DaysPerWeek = days, HoursPerDay = (decimal?)hours };

        var demand = new WaterDemand(Guid.NewGuid(), Guid.NewGuid(), Industry.Metals, details, Today, Guid.Empty, Now);

        Assert.Equal((days, (decimal?)hours), (demand.DaysPerWeek, demand.HoursPerDay));
    }

    [Fact]
    public void WaterDemand_WithoutOwnLimits_TakesTheBaselineForItsUse()
    {
        var baseline = new BaselineLimitSet("b", new DateOnly(2019, 1, 1), "test",
            [new BaselineLimit(WaterUse.Cooling, WaterQuality.ConductivityUsCm, null, 800), new BaselineLimit(WaterUse.Process, WaterQuality.ConductivityUsCm, null, 250)]);
        var demand = new WaterDemand(Guid.NewGuid(), Guid.NewGuid(), Industry.Metals, Demand(WaterUse.Cooling, reclaimed: true), Today, Guid.Empty, Now);

        Assert.Equal([new ParameterLimit(WaterQuality.ConductivityUsCm, null, 800)], demand.EffectiveLimits(baseline));
    }

    [Fact]
    public void BaselineLimitSet_EffectiveOn_TakesTheLatestStartedVersion()
    {
        BaselineLimitSet[] sets = [new("a", new DateOnly(2019, 1, 1), "a", []), new("b", new DateOnly(2027, 1, 1), "b", [])];

        Assert.Equal("a", BaselineLimitSet.EffectiveOn(sets, Today)!.Version);
        Assert.Equal("b", BaselineLimitSet.EffectiveOn(sets, new DateOnly(2027, 1, 1))!.Version);
        Assert.Null(BaselineLimitSet.EffectiveOn(sets, new DateOnly(2018, 12, 31)));
    }

    [Theory]
    [InlineData("codMgl", 10, null, "quality[0].key", "unknown-parameter")]
    [InlineData("ph", 14.5, null, "quality[0].value", "out-of-range")]
    [InlineData("codMgL", -1, null, "quality[0].value", "out-of-range")]
    [InlineData("codMgL", 10, "2026-11-23", "quality[0].sampleDate", "future-date")]
    public void Effluent_BadQualityValue_IsRefusedNamingTheField(string key, decimal value, string? sampleDate, string field, string code)
    {
        var details = Effluent([new ParameterValue(key, value, ValueBasis.Lab, sampleDate is null ? Today : DateOnly.Parse(sampleDate))]);

        var error = Assert.Throws<DomainException>(() => new EffluentStream(Guid.NewGuid(), Guid.NewGuid(), details, Today, Guid.Empty, Now));

        Assert.Equal((field, code), (error.Field, error.Code));
    }

    [Theory]
    [InlineData(ValueBasis.Lab, "2025-11-22", false)]
    [InlineData(ValueBasis.Lab, "2025-11-21", true)]
    [InlineData(ValueBasis.Lab, null, true)]
    [InlineData(ValueBasis.Online, null, false)]
    [InlineData(ValueBasis.Declared, "2020-01-01", false)]
    public void ParameterValue_IsStale_AfterTheConfiguredAge(ValueBasis basis, string? sampleDate, bool stale) =>
        Assert.Equal(stale, new ParameterValue("codMgL", 1, basis, sampleDate is null ? null : DateOnly.Parse(sampleDate)).IsStale(Today, 365));

    [Theory]
    [InlineData(7200, 4.18, 85, 35, 418)]
    [InlineData(3600, 1.0, 200, 100, 100)]
    public void HeatStream_LoadFromFlow_IsFlowTimesSpecificHeatTimesDrop(decimal kgPerHour, decimal cp, decimal supply, decimal back, decimal kw)
    {
        var heat = new HeatStream(Guid.NewGuid(), Guid.NewGuid(), new HeatDetails("h", StreamDirection.Supply, HeatMedium.HotEffluent, supply, back, null,
            kgPerHour, cp, null, 24, 300, 0, null, null, ConfidentialFields.All, null), Guid.Empty, Now);

        Assert.Equal(kw, heat.LoadKw);
    }

    [Theory]
    [InlineData(HeatMedium.Steam, null, "steamPressureBarG")]
    [InlineData(HeatMedium.HotWater, 3.0, "steamPressureBarG")]
    public void HeatStream_SteamPressure_BelongsToSteamOnly(HeatMedium medium, double? pressure, string field)
    {
        var details = new HeatDetails("h", StreamDirection.Demand, medium, 160, 90, 500, null, null, (decimal?)pressure, 24, 300, 0, Fuel.NaturalGas, null,
            ConfidentialFields.All, null);

        Assert.Equal(field, Assert.Throws<DomainException>(() => new HeatStream(Guid.NewGuid(), Guid.NewGuid(), details, Guid.Empty, Now)).Field);
    }

    [Theory]
    [InlineData("D-0902", true)]
    [InlineData("R-0201", true)]
    [InlineData("d-0902", false)]
    [InlineData("D0902", false)]
    [InlineData("D-902", false)]
    public void IsWasteCode_AcceptsLetterHyphenFourDigits(string code, bool valid) => Assert.Equal(valid, ByproductStream.IsWasteCode(code));

    private static EffluentDetails Effluent(IReadOnlyList<ParameterValue> quality) =>
        new("Outlet 1", 300, 420, 600, 7, 24, quality, DischargeRoute.ParkWwtp, 22, ConfidentialFields.All, null);

    private static WaterDemandDetails Demand(WaterUse use, bool reclaimed) =>
        new("Need", use, 120, [], reclaimed, false, [], null, null, null, ConfidentialFields.All, null);
}
