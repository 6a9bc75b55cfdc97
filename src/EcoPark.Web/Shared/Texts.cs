using System.Text.RegularExpressions;
using EcoPark.Domain.Streams;
using Microsoft.Extensions.Localization;

namespace EcoPark.Web.Shared;

/// <summary>
/// The one place where a code the engines and the API speak (a status, a reason, a treatment step, a parameter or an
/// input name, a unit) becomes text in the user's language. Every code maps to the resource key <c>Kind.code</c>
/// (<c>Status.feasible-as-is</c>, <c>Reason.default-used</c>, <c>Treatment.reverse-osmosis</c>, <c>Param.codMgL</c>,
/// <c>Input.marginalFeeNtdPerM3</c>); a code with no resource (a step an administrator added to the catalogue) shows
/// as the code itself rather than as a key.
/// </summary>
public static partial class Texts
{
    /// <summary>The words of a unit that are translated (<c>m³/day</c> → <c>m³/日</c>, <c>t/month</c> → <c>公噸/月</c>).</summary>
    public static IReadOnlyList<string> UnitWords { get; } = ["day", "month", "year", "t", "h", "NTD"];

    public static string Status(this IStringLocalizer l, string code) => Of(l, "Status.", code);

    public static string Reason(this IStringLocalizer l, string code) => Of(l, "Reason.", code);

    public static string Treatment(this IStringLocalizer l, string code) => Of(l, "Treatment.", code);

    public static string Param(this IStringLocalizer l, string key) => Of(l, "Param.", key);

    public static string Input(this IStringLocalizer l, string name) => Of(l, "Input.", name);

    /// <summary>What a reason or an input is about: a parameter's name (also as the effluent's <c>quality.{key}</c>), else an input's name.</summary>
    public static string Subject(this IStringLocalizer l, string key)
    {
        var parameter = key.StartsWith("quality.", StringComparison.Ordinal) ? key["quality.".Length..] : key;
        return WaterQuality.Parameters.TryGet(parameter, out _) || ByproductProperties.Parameters.TryGet(parameter, out _) ? l.Param(parameter) : l.Input(key);
    }

    /// <summary>Where a water pair's limits come from: the demand's own, or the baseline set named by its version.</summary>
    public static string LimitsSource(this IStringLocalizer l, string source) =>
        source.StartsWith("baseline:", StringComparison.Ordinal)
            ? l["Matching.LimitsSource.Baseline", source["baseline:".Length..].Replace("baseline-", string.Empty, StringComparison.Ordinal)]
            : Of(l, "Matching.LimitsSource.", source);

    /// <summary>A unit with its words in the user's language; symbols (m³, kW, °C) stay as they are.</summary>
    public static string Unit(this IStringLocalizer l, string? unit) =>
        string.IsNullOrEmpty(unit) ? string.Empty : UnitWord().Replace(unit, m => Of(l, "Unit.", m.Value));

    private static string Of(IStringLocalizer l, string prefix, string code)
    {
        var text = l[prefix + code];
        return text.ResourceNotFound ? code : text.Value;
    }

    [GeneratedRegex(@"(?<![A-Za-z])(day|month|year|t|h|NTD)(?![A-Za-z])")]
    private static partial Regex UnitWord();
}
