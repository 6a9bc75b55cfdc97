using EcoPark.Domain.Common;
using EcoPark.Domain.Streams;

namespace EcoPark.Domain.Matching;

/// <summary>
/// Checks a parameter version or a treatment catalogue before it is stored or used, so that a bad edit
/// cannot break later matches. Each throws a <see cref="DomainException"/> naming the offending field.
/// </summary>
public static class MatchingChecks
{
    public static void Check(MatchingParameters parameters)
    {
        Require(!string.IsNullOrWhiteSpace(parameters.Version), "version", "required", "A parameter version needs a name.");
        Require(parameters.StaleAfterDays > 0, "staleAfterDays", "positive", "The stale age must be above zero.");
        Require(parameters.DaysPerMonth is > 0 and <= 31, "daysPerMonth", "out-of-range", "Days per month lie between 0 and 31.");
        Require(parameters.OperatingDaysPerYear is null or (> 0 and <= 366), "operatingDaysPerYear", "out-of-range", "Operating days a year lie between 0 and 366.");
        Require(parameters.PaybackCeilingMonths is null or > 0, "paybackCeilingMonths", "out-of-range", "A payback ceiling is above zero.");
        Require(parameters.InvestmentLifeYears > 0, "investmentLifeYears", "positive", "The investment life must be above zero.");
        Require(parameters.PipeRoutingFactor >= 1, "pipeRoutingFactor", "out-of-range", "A pipe is never shorter than the straight line.");
        NonNegative("gridKgCo2ePerKwh", parameters.GridKgCo2ePerKwh);
        NonNegative("electricityNtdPerKwh", parameters.ElectricityNtdPerKwh);
        NonNegative("minimumPipeLengthM", parameters.MinimumPipeLengthM);
        NonNegative("inParkDistanceWhenUnknownM", parameters.InParkDistanceWhenUnknownM);

        var water = parameters.Water;
        NonNegative("water.maxPipeDistanceM", water.MaxPipeDistanceM);
        NonNegative("water.defaultTapPriceNtdPerM3", water.DefaultTapPriceNtdPerM3);
        NonNegative("water.marginalFeeNtdPerM3", water.MarginalFeeNtdPerM3 ?? 0);
        NonNegative("water.defaultDischargeFeeNtdPerM3", water.DefaultDischargeFeeNtdPerM3 ?? 0);
        NonNegative("water.transferPriceNtdPerM3", water.TransferPriceNtdPerM3);
        NonNegative("water.tapKgCo2ePerM3", water.TapKgCo2ePerM3);
        Fraction("water.supplierShareOfPipeInvestment", water.SupplierShareOfPipeInvestment);
        Require(water.PipeClasses.Count > 0, "water.pipeClasses", "required", "At least one pipe class is needed.");
        for (var i = 0; i < water.PipeClasses.Count; i++)
        {
            var pipe = water.PipeClasses[i];
            Require(pipe.MaxFlowM3PerDay > 0 && (i == 0 || pipe.MaxFlowM3PerDay > water.PipeClasses[i - 1].MaxFlowM3PerDay),
                $"water.pipeClasses[{i}].maxFlowM3PerDay", "ascending", "Pipe classes go from the smallest flow up.");
            NonNegative($"water.pipeClasses[{i}].costNtdPerM", pipe.CostNtdPerM);
            NonNegative($"water.pipeClasses[{i}].pumpNtd", pipe.PumpNtd);
        }

        var heat = parameters.Heat;
        NonNegative("heat.maxDistanceM", heat.MaxDistanceM);
        NonNegative("heat.transportLossPerKm", heat.TransportLossPerKm);
        NonNegative("heat.pumpingKwhPerKwhPerKm", heat.PumpingKwhPerKwhPerKm);
        NonNegative("heat.sourceExchangerNtdPerKw", heat.SourceExchangerNtdPerKw);
        NonNegative("heat.sinkExchangerSmallNtdPerKw", heat.SinkExchangerSmallNtdPerKw);
        NonNegative("heat.sinkExchangerLargeNtdPerKw", heat.SinkExchangerLargeNtdPerKw);
        foreach (var supply in Enum.GetValues<HeatMedium>())
        {
            foreach (var demand in Enum.GetValues<HeatMedium>())
            {
                var rows = heat.DeltaTMin.Count(d => d.Supply == supply && d.Demand == demand);
                Require(rows == 1, "heat.deltaTMin", "one-per-pair", $"ΔT_min needs exactly one row for {supply} → {demand}.");
            }
        }

        foreach (var row in heat.DeltaTMin)
        {
            NonNegative("heat.deltaTMin.kelvin", row.Kelvin);
        }

        Require(heat.PipeClasses.Count > 0, "heat.pipeClasses", "required", "At least one pipe class is needed.");
        for (var i = 0; i < heat.PipeClasses.Count; i++)
        {
            Require(heat.PipeClasses[i].MaxKw > 0 && (i == 0 || heat.PipeClasses[i].MaxKw > heat.PipeClasses[i - 1].MaxKw),
                $"heat.pipeClasses[{i}].maxKw", "ascending", "Pipe classes go from the smallest load up.");
            NonNegative($"heat.pipeClasses[{i}].costNtdPerM", heat.PipeClasses[i].CostNtdPerM);
        }

        if (heat.HeatPump is { } pump)
        {
            Require(pump.Cop > 1, "heat.heatPump.cop", "out-of-range", "A heat pump's COP is above 1.");
            NonNegative("heat.heatPump.maxLiftK", pump.MaxLiftK);
            NonNegative("heat.heatPump.capexNtdPerKw", pump.CapexNtdPerKw);
        }

        foreach (var fuel in Enum.GetValues<Fuel>())
        {
            var rows = heat.Fuels.Where(f => f.Fuel == fuel).ToList();
            Require(rows.Count == 1, "heat.fuels", "one-per-fuel", $"Fuel factors need exactly one row for {fuel}.");
            Require(rows[0].BoilerEfficiency is > 0 and <= 1, "heat.fuels.boilerEfficiency", "out-of-range", "A boiler efficiency lies in (0, 1].");
            NonNegative("heat.fuels.priceNtdPerKwh", rows[0].PriceNtdPerKwh);
            NonNegative("heat.fuels.kgCo2ePerKwh", rows[0].KgCo2ePerKwh);
        }

        var byproduct = parameters.Byproduct;
        NonNegative("byproduct.maxDistanceKm", byproduct.MaxDistanceKm);
        Require(byproduct.RoadFactor >= 1, "byproduct.roadFactor", "out-of-range", "A road is never shorter than the straight line.");
        NonNegative("byproduct.truckNtdPerTonneKm", byproduct.TruckNtdPerTonneKm);
        NonNegative("byproduct.truckKgCo2ePerTonneKm", byproduct.TruckKgCo2ePerTonneKm);
        NonNegative("byproduct.defaultDisposalCostNtdPerTonne", byproduct.DefaultDisposalCostNtdPerTonne);
    }

    public static void Check(TreatmentCatalogue catalogue)
    {
        Require(!string.IsNullOrWhiteSpace(catalogue.Version), "version", "required", "A catalogue version needs a name.");
        for (var i = 0; i < catalogue.Steps.Count; i++)
        {
            var step = catalogue.Steps[i];
            var at = $"steps[{i}]";
            Require(!string.IsNullOrWhiteSpace(step.Code), at + ".code", "required", "A step needs a code.");
            Require(catalogue.Steps.Take(i).All(s => s.Code != step.Code), at + ".code", "duplicate-key", $"{step.Code} is given twice.");
            Require(step.Recovery is >= 0.01m and <= 1, at + ".recovery", "out-of-range", "A recovery lies between 0.01 and 1.");
            NonNegative(at + ".unitCostNtdPerM3", step.UnitCostNtdPerM3);
            NonNegative(at + ".capexNtdPerM3PerDay", step.CapexNtdPerM3PerDay);
            NonNegative(at + ".kwhPerM3", step.KwhPerM3);
            Require(step.PhAfter is null or (>= 0 and <= 14), at + ".phAfter", "out-of-range", "pH lies between 0 and 14.");
            foreach (var (key, fraction) in step.Removal)
            {
                Require(WaterQuality.Parameters.TryGet(key, out _), at + ".removal", "unknown-parameter", $"'{key}' is not a known parameter key.");
                Require(key is not (WaterQuality.Ph or WaterQuality.TemperatureC), at + ".removal", "not-removable",
                    "pH and temperature are not removed by a fraction (pH is set with phAfter).");
                Require(fraction is >= 0 and <= 1, at + ".removal", "out-of-range", "A removal fraction lies in [0, 1].");
            }
        }

        Require(catalogue.Steps.Count <= MaxSteps, "steps", "too-many", $"A catalogue holds at most {MaxSteps} steps (the exact search tries their subsets).");
    }

    /// <summary>The exact train search enumerates subsets of the relevant steps; 16 keeps that below 65,536 trains.</summary>
    public const int MaxSteps = 16;

    private static void NonNegative(string field, decimal value) =>
        Require(value >= 0, field, "negative", $"{field} cannot be negative.");

    private static void Fraction(string field, decimal value) =>
        Require(value is >= 0 and <= 1, field, "out-of-range", $"{field} lies between 0 and 1.");

    private static void Require(bool condition, string field, string code, string message)
    {
        if (!condition)
        {
            throw new DomainException(field, code, message);
        }
    }
}
