using EcoPark.Application.Matching;

namespace EcoPark.Domain.Tests.Application;

/// <summary>The heat what-if refuses a supply it cannot size, or steam without its pressure, in words a user can act on.</summary>
public sealed class EvaluateHeatRequestValidatorTests
{
    private readonly EvaluateHeatRequestValidator validator = new(FactoryInputValidatorTests.Localizer());

    private static EvaluateHeatRequest Valid() => new()
    {
        Supply = new() { Medium = "hotWater", SupplyTemperatureC = 90, CooledToC = 40, LoadKw = 300 },
        Demand = new() { Medium = "hotWater", RequiredTemperatureC = 60, ReturnTemperatureC = 35, LoadKw = 200 },
        SamePark = true,
    };

    [Fact]
    public void Validate_CompleteRequest_Passes() => Assert.True(validator.Validate(Valid()).IsValid);

    [Theory]
    [InlineData("zh-TW", "請填熱負載 (kW)，或填質量流量與比熱。")]
    [InlineData("en", "Give the heat load in kW, or the mass flow and the specific heat.")]
    public void Validate_SupplyWithoutLoadOrFlow_AsksForTheLoadOnBothFigures(string culture, string expected)
    {
        var request = Valid();
        request.Supply.LoadKw = null;

        var errors = FactoryInputValidatorTests.InCulture(culture, () => validator.Validate(request).Errors);

        Assert.Equal(["Supply.MassFlowKgPerHour", "Supply.SpecificHeatKjPerKgK"], errors.Select(e => e.PropertyName).Order());
        Assert.All(errors, e => Assert.Equal(expected, e.ErrorMessage));
    }

    [Theory]
    [InlineData(null, "zh-TW", "蒸汽須填大於零的壓力 (bar g)；其他介質不填。")]
    [InlineData(0, "zh-TW", "蒸汽須填大於零的壓力 (bar g)；其他介質不填。")]
    [InlineData(null, "en", "Steam needs a pressure (bar g) above zero; other media have none.")]
    public void Validate_SteamWithoutAPressure_SaysSteamNeedsOne(int? pressure, string culture, string expected)
    {
        var request = Valid();
        request.Supply.Medium = "steam";
        request.Supply.SupplyTemperatureC = 180;
        request.Supply.SteamPressureBarG = pressure;

        var errors = FactoryInputValidatorTests.InCulture(culture, () => validator.Validate(request).Errors);

        var error = Assert.Single(errors);
        Assert.Equal("Supply.SteamPressureBarG", error.PropertyName);
        Assert.Equal(expected, error.ErrorMessage);
    }

    [Fact]
    public void Validate_SupplyGivenByFlowAndSpecificHeat_NeedsNoLoad()
    {
        var request = Valid();
        request.Supply.LoadKw = null;
        request.Supply.MassFlowKgPerHour = 5000;
        request.Supply.SpecificHeatKjPerKgK = 4.18m;

        Assert.True(validator.Validate(request).IsValid);
    }
}
