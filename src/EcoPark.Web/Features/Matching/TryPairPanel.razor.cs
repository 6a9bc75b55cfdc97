using EcoPark.Application.Matching;
using EcoPark.Domain.Common;
using EcoPark.Domain.Factories;
using EcoPark.Domain.Streams;
using Microsoft.AspNetCore.Components;

namespace EcoPark.Web.Features.Matching;

/// <summary>
/// The workbench's "try a pair": staff enter the essential figures of a water or heat pair and see the verdict, the net
/// annual benefit, the payback and the reason codes from the same stateless evaluation (and validators) as the API.
/// </summary>
public partial class TryPairPanel
{
    /// <summary>The water uses the what-if offers: every use but domestic.</summary>
    private static readonly IReadOnlyList<string> Uses = [.. Enum.GetValues<WaterUse>().Where(u => u != WaterUse.Domestic).Select(u => u.Key())];
    private static readonly string[] QualityKeys = [WaterQuality.Ph, WaterQuality.CodMgL, WaterQuality.SsMgL, WaterQuality.ConductivityUsCm, WaterQuality.HardnessMgLCaCO3];
    private static readonly string[] LimitKeys = ["phMin", "phMax", WaterQuality.CodMgL, WaterQuality.SsMgL, WaterQuality.ConductivityUsCm, WaterQuality.HardnessMgLCaCO3];
    private static readonly IReadOnlyList<string> Media = EnumKeys.All<HeatMedium>();
    private static readonly IReadOnlyList<string> Industries = EnumKeys.All<Industry>();

    // A what-if between two factories of one park: with no coordinates the engine uses its in-park distance.
    private readonly EvaluateWaterRequest water = new() { SamePark = true };
    private readonly EvaluateHeatRequest heat = new() { SamePark = true };

    private Dictionary<string, string> errors = [];
    private IReadOnlyList<ReasonDto> reasons = [];
    private string resource = "water";
    private string? verdict;
    private bool feasible;
    private decimal? netAnnualBenefit;
    private decimal? payback;
    private bool busy;

    [Inject]
    private Matchmaking Matchmaking { get; set; } = default!;

    private bool SamePark => water.SamePark;

    private void SetSamePark(bool samePark) => water.SamePark = heat.SamePark = samePark;

    private bool HasError(string field) => errors.ContainsKey(field);

    private string? ErrorFor(string field) => errors.GetValueOrDefault(field);

    private decimal? Quality(string key) => water.Supply.Quality.TryGetValue(key, out var value) ? value : null;

    private void SetQuality(string key, decimal? value) => Set(water.Supply.Quality, key, value);

    private decimal? Limit(string key) => water.Demand.Limits?.TryGetValue(key, out var value) == true ? value : null;

    private void SetLimit(string key, decimal? value) => Set(water.Demand.Limits ??= [], key, value);

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
                    result.Economics?.PaybackMonths, result.Reasons);
            }
            else
            {
                var result = await Matchmaking.EvaluateHeatAsync(heat);
                Show(result.Status, result.Feasible, result.Economics?.NetAnnualBenefitNtd is { } net ? Math.Round(net) : null,
                    result.Economics?.PairPaybackMonths is { } months ? Math.Round(months, 1) : null, result.Reasons);
            }
        }
        catch (FluentValidation.ValidationException e)
        {
            verdict = null;
            errors = e.Errors.GroupBy(x => x.PropertyName).ToDictionary(g => g.Key, g => string.Join(" ", g.Select(x => x.ErrorMessage)));
        }
        finally
        {
            busy = false;
        }
    }

    private void Show(string status, bool isFeasible, decimal? net, decimal? months, IReadOnlyList<ReasonDto> why)
    {
        verdict = status;
        feasible = isFeasible;
        netAnnualBenefit = net;
        payback = months;
        reasons = [.. why.DistinctBy(r => (r.Code, r.Key))];
    }
}
