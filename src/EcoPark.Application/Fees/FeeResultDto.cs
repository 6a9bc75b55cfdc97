using EcoPark.Domain.Common;
using EcoPark.Domain.Fees;
using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Fees;

public sealed record FeeStepDto(string Code, string Label, string Detail, decimal AmountNtd);

public sealed record FeeWarningDto(string Code, string Message);

public sealed record RuleSetRef(string Code, int Version);

/// <summary>
/// What an accepted claim kind changed: the amount claimed (m³ for reclaimed water, NTD otherwise), the NTD taken off,
/// and, when nothing was taken off, why (<see cref="NoEffectReason"/> is the code, <see cref="NoEffectText"/> its wording).
/// </summary>
public sealed record FeeClaimEffectDto(string Kind, decimal Claimed, decimal EffectNtd, string? NoEffectReason, string? NoEffectText);

/// <summary>A calculation as callers see it: totals, every step, the rule-set version, warnings, in the caller's language.</summary>
public sealed record FeeResultDto(
    bool InScope,
    string ScopeReason,
    decimal GrossFeeNtd,
    decimal ReductionNtd,
    decimal NetFeeNtd,
    bool HalfRateApplied,
    IReadOnlyList<FeeStepDto> Steps,
    RuleSetRef RuleSet,
    IReadOnlyList<string> StepOrder,
    IReadOnlyList<FeeWarningDto> Warnings,
    IReadOnlyList<string> MissingMonths,
    IReadOnlyList<FeeWarningDto> Problems,
    IReadOnlyList<FeeClaimEffectDto> ClaimEffects)
{
    /// <summary>Whether the case may be decided on this calculation: no problem blocks it.</summary>
    public bool Decidable => Problems.Count == 0;

    public static FeeResultDto From(FeeResult result, IStringLocalizer<Messages> l) => new(
        result.InScope,
        result.ScopeReason,
        result.GrossFeeNtd,
        result.ReductionNtd,
        result.NetFeeNtd,
        result.HalfRateApplied,
        [.. result.Steps.Select(s => new FeeStepDto(s.Code, Text(l, "Fee.Step." + s.Code, s.Label), Text(l, "Fee.Detail." + s.Code, s.Label, s.Args), s.AmountNtd))],
        new RuleSetRef(result.RuleSetCode, result.RuleSetVersion),
        [.. result.StepOrder.Select(s => s.Key())],
        [.. result.Warnings.Select(w => new FeeWarningDto(w.Code, Text(l, "Fee.Warning." + w.Code, w.Message, w.Args)))],
        [.. (result.MissingMonths ?? []).Select(m => m.ToString())],
        result.MissingMonths is { Count: > 0 } missing
            ? [new FeeWarningDto("months-missing", l["Fee.Problem.months-missing", string.Join(l["List.Separator"], missing)])]
            : [],
        [.. (result.ClaimEffects ?? []).Select(e => new FeeClaimEffectDto(e.Kind.Key(), e.Claimed, e.EffectNtd, e.NoEffectReason,
            e.NoEffectReason is { } reason ? Text(l, "Fee.NoEffect." + reason, reason) : null))]);

    private static string Text(IStringLocalizer<Messages> l, string key, string fallback, IReadOnlyList<decimal>? args = null)
    {
        var text = args is null ? l[key] : l[key, [.. args.Cast<object>()]];
        return text.ResourceNotFound ? fallback : text.Value;
    }
}
