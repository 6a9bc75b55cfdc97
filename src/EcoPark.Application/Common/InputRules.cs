using FluentValidation;
using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Common;

/// <summary>The largest value a quantity of one unit may take, and the unit named in the message.</summary>
public sealed record QuantityBound(string Unit, decimal Max);

/// <summary>
/// The documented upper bound of every quantity (docs/decisions, "InputBounds"). Each is far above any
/// real factory's figure and well inside its database column, so a value that passes always fits.
/// </summary>
public static class InputBounds
{
    /// <summary>A period's volume (a month, a half-year or a fee year's claim): column numeric(14,2), below 10¹².</summary>
    public static readonly QuantityBound M3PerMonth = new("m³", 1_000_000_000m);

    /// <summary>A flow: column numeric(14,2).</summary>
    public static readonly QuantityBound M3PerDay = new("m³/day", 10_000_000m);

    /// <summary>A heat load: column numeric(12,1), below 10¹¹.</summary>
    public static readonly QuantityBound Kw = new("kW", 10_000_000m);

    /// <summary>A by-product quantity: column numeric(12,2), below 10¹⁰.</summary>
    public static readonly QuantityBound TonnesPerMonth = new("t/month", 10_000_000m);

    /// <summary>An amount of money: columns numeric(14,2) (claims) and numeric(16,0) (approvals), below 10¹².</summary>
    public static readonly QuantityBound Ntd = new("NTD", 100_000_000_000m);

    /// <summary>A unit price or cost (per m³, kWh or tonne): columns numeric(10,2) and numeric(10,3), below 10⁷.</summary>
    public static readonly QuantityBound NtdPerUnit = new("NTD", 1_000_000m);

    /// <summary>A quantity in a match's own unit (m³/day, kW or t/month): the largest of those three bounds.</summary>
    public static readonly QuantityBound MatchQuantity = new(string.Empty, 10_000_000m);

    /// <summary>A mass flow: column numeric(14,1).</summary>
    public static readonly QuantityBound KgPerHour = new("kg/h", 1_000_000_000m);

    /// <summary>A specific heat: column numeric(6,3), below 1,000.</summary>
    public static readonly QuantityBound KjPerKgK = new("kJ/(kg·K)", 100m);

    /// <summary>A steam pressure: column numeric(6,2), below 10⁴.</summary>
    public static readonly QuantityBound BarG = new("bar(g)", 1_000m);

    /// <summary>A pipe distance: column numeric(10,0).</summary>
    public static readonly QuantityBound Metres = new("m", 1_000_000m);

    /// <summary>An emission factor: column numeric(10,2), below 10⁸.</summary>
    public static readonly QuantityBound KgCo2ePerTonne = new("kg CO₂e/t", 1_000_000m);

    /// <summary>A water-quality limit in the stateless evaluation (mg/L and the like); never stored.</summary>
    public static readonly QuantityBound QualityLimit = new(string.Empty, 1_000_000_000m);
}

/// <summary>
/// The rule extensions every validator uses: a quantity's upper bound, and the one text rule (length and
/// no control characters), so that each is written once and says the same thing everywhere.
/// </summary>
public static class InputRules
{
    public static IRuleBuilderOptions<T, decimal> AtMost<T>(this IRuleBuilder<T, decimal> rule, QuantityBound bound, IStringLocalizer<Messages> l) =>
        rule.LessThanOrEqualTo(bound.Max).WithMessage(_ => TooLarge(bound, l));

    public static IRuleBuilderOptions<T, decimal?> AtMost<T>(this IRuleBuilder<T, decimal?> rule, QuantityBound bound, IStringLocalizer<Messages> l) =>
        rule.Must(v => v is null || v <= bound.Max).WithMessage(_ => TooLarge(bound, l));

    /// <summary>
    /// At most <paramref name="maxLength"/> characters and no control characters (NUL, escape, …) or broken
    /// surrogate pairs; <paramref name="multiline"/> texts may hold line breaks and tabs. Null passes.
    /// </summary>
    public static IRuleBuilderOptions<T, TText> Text<T, TText>(this IRuleBuilder<T, TText> rule, int maxLength, IStringLocalizer<Messages> l,
        bool multiline = false) =>
        rule.Must(v => v is not string s || s.Length <= maxLength).WithMessage(_ => l["Text.TooLong", maxLength])
            .Must(v => v is not string s || IsClean(s, multiline)).WithMessage(_ => l["Text.ControlCharacter"]);

    /// <summary>The same text rule for a value checked outside a validator (a route's body field, a file name): a 400 on <paramref name="field"/>.</summary>
    public static void EnsureText(string field, string? value, int maxLength, IStringLocalizer<Messages> l, bool multiline = false)
    {
        var validator = new InlineValidator<string?>();
        validator.RuleFor(v => v).Text(maxLength, l, multiline).OverridePropertyName(field);
        var result = validator.Validate(value);
        if (!result.IsValid)
        {
            throw new ValidationException(result.Errors);
        }
    }

    /// <summary>A 400 saying that <paramref name="field"/> is missing or null.</summary>
    public static ValidationException Missing(string field, IStringLocalizer<Messages> l) => DomainGuard.Invalid(field, l["Value.Required"]);

    public static bool IsClean(string text, bool multiline)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c) || (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')))
            {
                return false;
            }
        }

        return true;
    }

    private static string TooLarge(QuantityBound bound, IStringLocalizer<Messages> l) =>
        l["Value.TooLarge", $"{bound.Max.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} {bound.Unit}".Trim()];
}
