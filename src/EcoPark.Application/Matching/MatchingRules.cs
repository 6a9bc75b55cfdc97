using System.Text.Json;
using System.Text.Json.Serialization;
using EcoPark.Application.Abstractions;
using EcoPark.Application.Common;
using EcoPark.Domain.Access;
using EcoPark.Domain.Common;
using EcoPark.Domain.Matching;
using EcoPark.Domain.Streams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Matching;

public sealed record MatchingRuleVersionDto(string Kind, string Version, DateOnly EffectiveFrom, string Note, DateTimeOffset CreatedAt);

/// <summary>
/// The matching rule data: the parameter versions and treatment catalogues stored typed, and the
/// baseline limits, each chosen by its effective date. Administrators add versions; none is ever changed.
/// </summary>
public sealed class MatchingRules(IEcoParkDbContextFactory dbFactory, TimeProvider clock, IStringLocalizer<Messages> l, Jobs.IJobQueue jobs)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public static string Serialize<T>(T rules) => JsonSerializer.Serialize(rules, Json);

    public async Task<WaterMatchContext> ContextAsync(IEcoParkDbContext db, CancellationToken cancellationToken)
    {
        var records = await db.MatchingRuleSets.AsNoTracking().ToListAsync(cancellationToken);
        var today = Today;
        var parameters = MatchingParameters.EffectiveOn(MatchingRuleSetRecord.ParametersOf(records), today)
            ?? throw new InvalidOperationException("No matching parameters are in effect; the reference data was not seeded.");
        var treatments = TreatmentCatalogue.EffectiveOn(MatchingRuleSetRecord.TreatmentsOf(records), today)
            ?? throw new InvalidOperationException("No treatment catalogue is in effect; the reference data was not seeded.");
        var baseline = BaselineLimitSet.EffectiveOn(await db.BaselineLimitSets.AsNoTracking().ToListAsync(cancellationToken), today);
        var (feeRules, feeYear) = await FeeRulesAsync(db, today, cancellationToken);
        return new WaterMatchContext(parameters, treatments, baseline, today, feeRules, feeYear);
    }

    /// <summary>The matching parameters in force today.</summary>
    public async Task<MatchingParameters> ParametersAsync(IEcoParkDbContext db, CancellationToken cancellationToken)
    {
        var records = await db.MatchingRuleSets.AsNoTracking().Where(r => r.Kind == MatchingRuleKind.Parameters).ToListAsync(cancellationToken);
        return MatchingParameters.EffectiveOn(MatchingRuleSetRecord.ParametersOf(records), Today)
            ?? throw new InvalidOperationException("No matching parameters are in effect; the reference data was not seeded.");
    }

    /// <summary>The 2023 regulation's rules for the latest fee year whose collection window has closed, which a buyer's fee saving is worked out on.</summary>
    private static async Task<(Domain.Fees.FeeRuleSet? Rules, int FeeYear)> FeeRulesAsync(IEcoParkDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var current = await Fees.FeeRules.InForceAsync(db, Domain.Fees.FeeScheme.Regulation2023, today.Year, cancellationToken);
        if (current?.Regulation2023 is not { } regulation)
        {
            return (null, today.Year);
        }

        var feeYear = MarginalWaterFee.LatestClosedFeeYear(regulation, today);
        return (await Fees.FeeRules.InForceAsync(db, Domain.Fees.FeeScheme.Regulation2023, feeYear, cancellationToken), feeYear);
    }

    public async Task<IReadOnlyList<MatchingRuleVersionDto>> VersionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var records = await db.MatchingRuleSets.AsNoTracking().OrderBy(r => r.Kind).ThenByDescending(r => r.EffectiveFrom).ToListAsync(cancellationToken);
        return [.. records.Select(r => new MatchingRuleVersionDto(r.Kind.Key(), r.Version, r.EffectiveFrom, r.Note, r.CreatedAt))];
    }

    /// <summary>One stored version as JSON, to read or to copy into the next version.</summary>
    public async Task<string> JsonAsync(string kind, string version, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var ruleKind = ParseKind(kind);
        var record = await db.MatchingRuleSets.AsNoTracking().SingleOrDefaultAsync(r => r.Kind == ruleKind && r.Version == version, cancellationToken)
            ?? throw new NotFoundException(l["Matching.Rules.NotFound"]);
        return record.Kind == MatchingRuleKind.Parameters ? Serialize(record.Parameters) : Serialize(record.Treatments);
    }

    public Task<MatchingRuleVersionDto> AddParametersAsync(Caller caller, MatchingParameters? parameters, string? note, CancellationToken cancellationToken = default) =>
        AddAsync(caller, "parameters", parameters, p => p.Version, MatchingChecks.Check, (p, n, at) => new MatchingRuleSetRecord(p, n, at), note, cancellationToken);

    public Task<MatchingRuleVersionDto> AddTreatmentsAsync(Caller caller, TreatmentCatalogue? catalogue, string? note, CancellationToken cancellationToken = default) =>
        AddAsync(caller, "catalogue", catalogue, c => c.Version, MatchingChecks.Check, (c, n, at) => new MatchingRuleSetRecord(c, n, at), note, cancellationToken);

    /// <summary>
    /// Administrators only, checked first. The version name may be any Unicode text without control
    /// characters (<see cref="InputRules"/>); it is refused before anything is stored, or stored and answered.
    /// </summary>
    private async Task<MatchingRuleVersionDto> AddAsync<T>(Caller caller, string field, T? rules, Func<T, string> version, Action<T> check,
        Func<T, string, DateTimeOffset, MatchingRuleSetRecord> record, string? note, CancellationToken cancellationToken)
        where T : class
    {
        if (!caller.IsAdministrator)
        {
            throw new ForbiddenException(l["Fee.RuleSet.AdminOnly"]);
        }

        if (rules is null)
        {
            throw DomainGuard.Invalid(field, l["Value.Required"]);
        }

        if (RequiredValues.FirstMissing(rules, field) is { } missing)
        {
            throw DomainGuard.Invalid(missing, l["Value.Required"]);
        }

        var name = version(rules);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw DomainGuard.Invalid($"{field}.version", l["Value.Required"]);
        }

        InputRules.EnsureText($"{field}.version", name, TextLimits.Code, l);
        InputRules.EnsureText("note", note, TextLimits.Comment, l, multiline: true);
        if (string.IsNullOrWhiteSpace(note))
        {
            throw DomainGuard.Invalid("note", l["Fee.Rules.NoteRequired"]);
        }

        DomainGuard.Run(l, () => check(rules));
        var added = DomainGuard.Run(l, () => record(rules, note.Trim(), clock.GetUtcNow()));
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        db.MatchingRuleSets.Add(added);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // The kind and version are the key: a version that exists (or was added by a racing request) is refused on its field.
            throw DomainGuard.Invalid("version", l["Matching.Rules.VersionTaken", name]);
        }

        // Every stored candidate was judged by the rules before: each park's are recomputed in the background.
        await CandidateStore.EnqueueAllParksAsync(db, jobs, cancellationToken);
        return new MatchingRuleVersionDto(added.Kind.Key(), added.Version, added.EffectiveFrom, added.Note, added.CreatedAt);
    }

    private MatchingRuleKind ParseKind(string kind) =>
        Enum.TryParse<MatchingRuleKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(kind, out _)
            ? parsed
            : throw new NotFoundException(l["Matching.Rules.NotFound"]);
}
