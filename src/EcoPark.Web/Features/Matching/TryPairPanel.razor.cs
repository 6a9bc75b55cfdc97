using EcoPark.Application.Matching;
using EcoPark.Domain.Common;
using EcoPark.Domain.Factories;
using EcoPark.Domain.Matching;
using EcoPark.Domain.Streams;
using Microsoft.AspNetCore.Components;

namespace EcoPark.Web.Features.Matching;

/// <summary>
/// The workbench's "try a pair": staff enter the essential figures of a water, heat or by-product pair and see the verdict,
/// the net annual benefit, the payback, the CO₂e avoided and the reason codes from the same stateless evaluation (and
/// validators) as the API.
/// </summary>
public partial class TryPairPanel
{
    /// <summary>The water uses the what-if offers: every use but domestic.</summary>
    private static readonly IReadOnlyList<string> Uses = [.. Enum.GetValues<WaterUse>().Where(u => u != WaterUse.Domestic).Select(u => u.Key())];
    private static readonly string[] QualityKeys = [WaterQuality.Ph, WaterQuality.CodMgL, WaterQuality.SsMgL, WaterQuality.ConductivityUsCm, WaterQuality.HardnessMgLCaCO3];
    private static readonly string[] LimitKeys = ["phMin", "phMax", WaterQuality.CodMgL, WaterQuality.SsMgL, WaterQuality.ConductivityUsCm, WaterQuality.HardnessMgLCaCO3];
    private static readonly IReadOnlyList<string> Media = EnumKeys.All<HeatMedium>();
    private static readonly IReadOnlyList<string> Industries = EnumKeys.All<Industry>();
    private static readonly IReadOnlyList<string> Categories = EnumKeys.All<ByproductCategory>();
    private static readonly IReadOnlyList<string> Permits = EnumKeys.All<ReusePermitStatus>();
    private static readonly IReadOnlyList<string> Bases = EnumKeys.All<ValueBasis>();

    /// <summary>The by-product properties the what-if offers: those judged against a maximum.</summary>
    private static readonly string[] PropertyKeys = [ByproductProperties.MoisturePercent, ByproductProperties.ChloridePercent, ByproductProperties.SulfurPercent,
        ByproductProperties.AshPercent];

    /// <summary>The request fields each resource's form shows an error under (the keys its fields pass to <see cref="ErrorFor"/>).</summary>
    private static readonly Dictionary<string, string[]> Fields = new()
    {
        ["water"] = ["Supply.FlowM3PerDay", "Supply.Industry", .. QualityKeys.Select(k => "Supply.Quality." + k), "Demand.Use", "Demand.FlowM3PerDay",
            "Demand.CurrentWaterPriceNtdPerM3", .. LimitKeys.Select(k => "Demand.Limits." + k)],
        ["heat"] = ["Supply.Medium", "Supply.SupplyTemperatureC", "Supply.CooledToC", "Supply.LoadKw", "Supply.SteamPressureBarG", "Supply.DisposalCostNtdPerKwh",
            "Demand.Medium", "Demand.RequiredTemperatureC", "Demand.ReturnTemperatureC", "Demand.LoadKw"],
        ["byproduct"] = ["Supply.Category", "Supply.WasteCode", "Supply.TonnesPerMonth", "Supply.DisposalCostNtdPerTonne", "Supply.Permit", "Supply.PropertyBasis",
            .. PropertyKeys.Select(k => "Supply.Properties." + k), "Demand.Category", "Demand.AcceptedCodes", "Demand.TonnesPerMonth", "Demand.VirginPriceNtdPerTonne",
            "Demand.ProcessingNtdPerTonne", "Demand.VirginFactorKgCo2ePerTonne", "Demand.ProcessingKgCo2ePerTonne", .. PropertyKeys.Select(k => "Demand.PropertyLimits." + k)],
    };

    // A what-if between two factories of one park: with no coordinates the engine uses its in-park distance.
    private readonly EvaluateWaterRequest water = new() { SamePark = true };
    private readonly EvaluateHeatRequest heat = new() { SamePark = true };
    private readonly EvaluateByproductRequest byproduct = new() { SamePark = true };

    /// <summary>The demand's accepted waste codes as typed, comma-separated (blank: any code of its category).</summary>
    private string? acceptedCodes;

    private Dictionary<string, string> errors = [];
    private IReadOnlyList<ReasonDto> reasons = [];
    private string resource = "water";
    private string? verdict;
    private bool feasible;
    private decimal? netAnnualBenefit;
    private decimal? payback;
    private decimal? co2e;
    private bool busy;

    [Inject]
    private Matchmaking Matchmaking { get; set; } = default!;

    private bool SamePark => water.SamePark;

    private void SetSamePark(bool samePark) => water.SamePark = heat.SamePark = byproduct.SamePark = samePark;

    /// <summary>The validator's messages for the field, and for its items (a list's <c>[0]</c>, <c>[1]</c>…).</summary>
    private IEnumerable<string> Errors(string field) =>
        errors.Where(e => IsOf(e.Key, field)).Select(e => e.Value);

    private static bool IsOf(string key, string field) => key == field || key.StartsWith(field + "[", StringComparison.Ordinal);

    private bool HasError(string field) => Errors(field).Any();

    private string? ErrorFor(string field) => HasError(field) ? string.Join(" ", Errors(field)) : null;

    /// <summary>
    /// The messages no field of the panel shows (a rule on a value the panel does not offer), so that a refused evaluation
    /// never looks like a click that did nothing.
    /// </summary>
    private IEnumerable<string> UnplacedErrors() =>
        errors.Where(e => !Fields[resource].Any(f => IsOf(e.Key, f))).Select(e => e.Value).Distinct();

    private decimal? Quality(string key) => water.Supply.Quality.TryGetValue(key, out var value) ? value : null;

    private void SetQuality(string key, decimal? value) => Set(water.Supply.Quality, key, value);

    private decimal? Limit(string key) => water.Demand.Limits?.TryGetValue(key, out var value) == true ? value : null;

    private void SetLimit(string key, decimal? value) => Set(water.Demand.Limits ??= [], key, value);

    private decimal? Property(string key) => byproduct.Supply.Properties.TryGetValue(key, out var value) ? value : null;

    private void SetProperty(string key, decimal? value) => Set(byproduct.Supply.Properties, key, value);

    private decimal? PropertyLimit(string key) => byproduct.Demand.PropertyLimits.TryGetValue(key, out var value) ? value : null;

    private void SetPropertyLimit(string key, decimal? value) => Set(byproduct.Demand.PropertyLimits, key, value);

    private static void Set(Dictionary<string, decimal> values, string key, decimal? value)
    {
        if (value is { } v)
        {
            values[key] = v;
        }
        else
        {
            values.Remove(key);
        }
    }

    private void ResourceChanged(string value)
    {
        if (value == resource)
        {
            return; // the same resource again: keep what was entered and shown
        }

        resource = value;
        errors = [];
        verdict = null;
    }

    private async Task EvaluateAsync()
    {
        busy = true;
        errors = [];
        try
        {
            if (resource == "water")
            {
                if (water.Demand.Limits is { Count: 0 })
                {
                    water.Demand.Limits = null; // no limits stated: the baseline's reference values apply
                }

                var result = await Matchmaking.EvaluateWaterAsync(water);
                Show(result.Status, result.Status.StartsWith("feasible", StringComparison.Ordinal), result.Economics?.NetAnnualBenefitNtd,
                    result.Economics?.PaybackMonths, result.Economics is null ? null : result.Co2eAvoidedKgPerYear, result.Reasons);
            }
            else if (resource == "byproduct")
            {
                byproduct.Demand.AcceptedCodes = [.. (acceptedCodes ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                var result = await Matchmaking.EvaluateByproductAsync(byproduct);
                var economics = result.Economics;
                Show(result.Status, result.Status == ByproductMatchStatus.Feasible.Key(), Rounded(economics?.NetAnnualBenefitNtd, 0),
                    Rounded(economics?.PairPaybackMonths, 1), Rounded(economics?.Co2eAvoidedKgPerYear, 0), result.Reasons);
            }
            else
            {
                var result = await Matchmaking.EvaluateHeatAsync(heat);
                Show(result.Status, result.Feasible, Rounded(result.Economics?.NetAnnualBenefitNtd, 0), Rounded(result.Economics?.PairPaybackMonths, 1),
                    result.Economics is null ? null : result.Co2eAvoidedKgPerYear, result.Reasons);
            }
        }
        catch (FluentValidation.ValidationException e)
        {
            verdict = null;
            errors = e.Errors.GroupBy(x => FieldOf(x.PropertyName)).ToDictionary(g => g.Key, g => string.Join(" ", g.Select(x => x.ErrorMessage).Distinct()));
        }
        finally
        {
            busy = false;
        }
    }

    /// <summary>
    /// The panel's field for a refused value. A heat supply may be given by its mass flow and specific heat instead of its
    /// load; the panel offers the load only, so those refusals belong to the load.
    /// </summary>
    private string FieldOf(string property) =>
        resource == "heat" && property is "Supply.MassFlowKgPerHour" or "Supply.SpecificHeatKjPerKgK" ? "Supply.LoadKw" : property;

    private static decimal? Rounded(decimal? value, int decimals) => value is { } v ? Math.Round(v, decimals) : null;

    private void Show(string status, bool isFeasible, decimal? net, decimal? months, decimal? carbon, IReadOnlyList<ReasonDto> why)
    {
        verdict = status;
        feasible = isFeasible;
        netAnnualBenefit = net;
        payback = months;
        co2e = carbon;
        reasons = [.. why.DistinctBy(r => (r.Code, r.Key))];
    }
}
