using EcoPark.Application.Abstractions;
using EcoPark.Application.Common;
using EcoPark.Domain.Access;
using EcoPark.Domain.Common;
using EcoPark.Domain.Fees;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Fees;

public sealed record RuleSetVersionDto(Guid Id, string Code, int Version, string Scheme, DateOnly EffectiveFrom, DateTimeOffset CreatedAt, string Note,
    Regulation2023Rules? Regulation2023, Draft2019Rules? Draft2019);

public sealed record BenchmarkDto(string Industry, DateOnly EffectiveFrom, decimal LowerPercent, decimal UpperPercent, bool Official, string Source);

/// <summary>Reads the versioned rule sets and benchmark ranges; administrators add versions.</summary>
public sealed class FeeRules(IEcoParkDbContextFactory dbFactory, TimeProvider clock, IStringLocalizer<Messages> l, Jobs.IJobQueue jobs)
{
    /// <summary>
    /// The version in force for a fee year: the newest version of the newest rule set effective by 1 July
    /// of that year, the month bills are issued (art. 4). A fee year before the scheme took effect is refused.
    /// </summary>
    public async Task<FeeRuleSet> EffectiveAsync(FeeScheme scheme, int feeYear, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await InForceAsync(db, scheme, feeYear, cancellationToken)
            ?? throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("feeYear", l["Fee.RuleSet.NotInForce", feeYear])]);
    }

    /// <summary>The version in force for a fee year (see <see cref="EffectiveAsync"/>), or null when none is.</summary>
    public static async Task<FeeRuleSet?> InForceAsync(IEcoParkDbContext db, FeeScheme scheme, int feeYear, CancellationToken cancellationToken)
    {
        // A scheme has a handful of versions; the selection by each version's own billing date is the domain's.
        var records = await db.FeeRuleSets.AsNoTracking().Where(r => r.Scheme == scheme).ToListAsync(cancellationToken);
        return FeeRuleSet.InForce(records.Select(r => r.ToRuleSet()), feeYear);
    }

    public async Task<IReadOnlyList<RuleSetVersionDto>> VersionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var rows = await db.FeeRuleSets.AsNoTracking().OrderBy(r => r.Code).ThenByDescending(r => r.Version).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new RuleSetVersionDto(r.Id, r.Code, r.Version, r.Scheme.Key(), r.EffectiveFrom, r.CreatedAt, r.Note, r.Regulation2023, r.Draft2019))];
    }

    /// <summary>Adds the next version of a rule set (administrators only). Earlier versions stay as they were.</summary>
    public async Task<RuleSetVersionDto> AddVersionAsync(Caller caller, string code, DateOnly effectiveFrom, Regulation2023Rules? regulation, Draft2019Rules? draft,
        string note, CancellationToken cancellationToken = default)
    {
        if (!caller.IsAdministrator)
        {
            throw new ForbiddenException(l["Fee.RuleSet.AdminOnly"]);
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("note", l["Fee.Rules.NoteRequired"])]);
        }

        InputRules.EnsureText("note", note, Domain.Common.TextLimits.Comment, l, multiline: true);
        var missing = (regulation is null ? null : RequiredValues.FirstMissing(regulation, "regulation2023"))
            ?? (draft is null ? null : RequiredValues.FirstMissing(draft, "draft2019"));
        if (missing is not null)
        {
            throw DomainGuard.Invalid(missing, l["Value.Required"]);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var latest = await db.FeeRuleSets.Where(r => r.Code == code).OrderByDescending(r => r.Version).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(l["Fee.RuleSet.Missing"]);
        var rules = new FeeRuleSet(code, latest.Version + 1, latest.Scheme, effectiveFrom, regulation, draft);
        var problems = FeeRuleChecks.Problems(rules).ToList();
        if (problems.Count > 0)
        {
            throw new FluentValidation.ValidationException(problems.Select(p => new FluentValidation.Results.ValidationFailure(p.Field, l["Fee.Rules.Invalid", p.Field, p.Problem])));
        }

        var next = new FeeRuleSetRecord(Guid.NewGuid(), rules, clock.GetUtcNow(), caller.UserId, note.Trim());
        db.FeeRuleSets.Add(next);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            throw new ConflictException(l["Fee.Rules.Conflict"]);
        }

        // The marginal water fee credited to every filed buyer's water candidates reads the rules in force: each park's are recomputed in the background.
        await Matching.CandidateStore.EnqueueAllParksAsync(db, jobs, cancellationToken);
        return new RuleSetVersionDto(next.Id, next.Code, next.Version, next.Scheme.Key(), next.EffectiveFrom, next.CreatedAt, next.Note, next.Regulation2023, next.Draft2019);
    }

    public async Task<IReadOnlyList<BenchmarkDto>> BenchmarksAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var rows = await db.IndustryBenchmarks.AsNoTracking().OrderBy(b => b.Industry).ThenByDescending(b => b.EffectiveFrom).ToListAsync(cancellationToken);
        return [.. rows.Select(b => new BenchmarkDto(b.Industry.Key(), b.EffectiveFrom, b.LowerPercent, b.UpperPercent, b.Official, b.Source))];
    }
}
