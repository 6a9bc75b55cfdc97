using System.Text.Json;
using EcoPark.Application.Abstractions;
using EcoPark.Application.Common;
using EcoPark.Domain.Access;
using EcoPark.Domain.Common;
using EcoPark.Domain.Fees;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Fees;

/// <summary>
/// The auditor's fee cases (2023 regulation). Auditors and administrators work on them; every change is
/// saved together with its audit entry (who, when, what, before and after) in one transaction.
/// </summary>
public sealed class FeeCases(
    IEcoParkDbContextFactory dbFactory,
    FeeRules rules,
    TimeProvider clock,
    IValidator<OpenFeeCaseInput> openValidator,
    IValidator<FeeCaseMonthInput> monthValidator,
    IValidator<VerificationInput> verificationValidator,
    IValidator<ClaimInput> claimValidator,
    IValidator<ClaimDecisionInput> decisionValidator,
    IStringLocalizer<Messages> l)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Guid> OpenAsync(Caller caller, OpenFeeCaseInput input, CancellationToken cancellationToken = default)
    {
        RequireAuditor(caller);
        await openValidator.ValidateAndThrowAsync(input, cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        if (!await db.Factories.AnyAsync(f => f.Id == input.FactoryId, cancellationToken))
        {
            throw Invalid(nameof(OpenFeeCaseInput.FactoryId), l["Factory.NotFound"]);
        }

        if (await db.FeeCases.AnyAsync(c => c.FactoryId == input.FactoryId && c.FeeYear == input.FeeYear, cancellationToken))
        {
            throw Invalid(nameof(OpenFeeCaseInput.FeeYear), l["Fee.Case.Exists"]);
        }

        EnumKeys.TryParse<PayerCategory>(input.PayerCategory, out var payer);
        // Monthly volumes come from the factory's submitted monthly filings; the auditor enters the rest, and
        // any later change to a month needs a reason.
        var window = (await rules.EffectiveAsync(FeeScheme.Regulation2023, input.FeeYear, cancellationToken)).Regulation2023!;
        var filed = await Filings.WaterBalanceFilings.MonthlyIntakeAsync(db, input.FactoryId, window.WindowStart(input.FeeYear), window.WindowEnd(input.FeeYear),
            cancellationToken);
        var feeCase = new FeeCase(Guid.NewGuid(), input.FactoryId, input.FeeYear, payer,
            filed.Select(m => new FeeCaseMonth(m.Month.ToString(), m.TapM3, m.SurfaceM3, m.GroundwaterM3, m.OtherSupplierM3, "filing", null)), clock.GetUtcNow());
        db.FeeCases.Add(feeCase);
        Audit(db, caller, feeCase, "opened", null);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            throw Invalid(nameof(OpenFeeCaseInput.FeeYear), l["Fee.Case.Exists"]);
        }

        return feeCase.Id;
    }

    public async Task<IReadOnlyList<FeeCaseSummaryDto>> ListAsync(Caller caller, int? feeYear = null, CancellationToken cancellationToken = default)
    {
        RequireAuditor(caller);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var query = db.FeeCases.AsNoTracking();
        if (feeYear is { } year)
        {
            query = query.Where(c => c.FeeYear == year);
        }

        return await query
            .Join(db.Factories, c => c.FactoryId, f => f.Id, (c, f) => new { Case = c, f.Name.Zh, f.Name.En })
            .OrderByDescending(x => x.Case.FeeYear).ThenBy(x => x.Zh).ThenByDescending(x => x.Case.CaseVersion)
            .Select(x => new FeeCaseSummaryDto(x.Case.Id, x.Case.FactoryId, x.Zh, x.En, x.Case.FeeYear, x.Case.CaseVersion, x.Case.Status.Key(),
                x.Case.NetFeeNtd, x.Case.NoticeNumber, x.Case.DecidedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<FeeCaseDto> GetAsync(Caller caller, Guid id, CancellationToken cancellationToken = default)
    {
        RequireAuditor(caller);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var feeCase = await db.FeeCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException(l["Fee.Case.NotFound"]);
        var factory = await db.Factories.AsNoTracking().SingleAsync(f => f.Id == feeCase.FactoryId, cancellationToken);
        var evidence = await db.FeeEvidence.AsNoTracking().Where(e => e.FeeCaseId == id).OrderBy(e => e.UploadedAt)
            .Select(e => new EvidenceDto(e.Id, e.ClaimId, e.Kind.Key(), e.FileName, e.ContentType, e.SizeBytes, e.Sha256, e.UploadedAt))
            .ToListAsync(cancellationToken);
        var regulation = (await rules.EffectiveAsync(FeeScheme.Regulation2023, feeCase.FeeYear, cancellationToken)).Regulation2023!;
        var window = regulation.WindowMonths(feeCase.FeeYear);
        var benchmarkDate = feeCase.Verification?.IssuedOn ?? regulation.Calendar.Billing.In(feeCase.FeeYear);
        var benchmark = await db.IndustryBenchmarks.AsNoTracking()
            .Where(b => b.Industry == factory.Industry && b.EffectiveFrom <= benchmarkDate)
            .OrderByDescending(b => b.EffectiveFrom)
            .Select(b => new BenchmarkDto(factory.Industry.Key(), b.EffectiveFrom, b.LowerPercent, b.UpperPercent, b.Official, b.Source))
            .FirstOrDefaultAsync(cancellationToken);
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(FeeCase) && a.EntityId == id).OrderBy(a => a.At)
            .GroupJoin(db.Users, a => a.UserId, u => u.Id, (a, u) => new { a, u })
            .SelectMany(x => x.u.DefaultIfEmpty(), (x, u) => new AuditDto(x.a.Action, x.a.UserId, u == null ? null : u.Email, x.a.At, x.a.Before, x.a.After))
            .ToListAsync(cancellationToken);
        return new FeeCaseDto
        {
            Id = feeCase.Id,
            FactoryId = feeCase.FactoryId,
            FactoryNameZh = factory.Name.Zh,
            FactoryNameEn = factory.Name.En,
            FactoryAddress = factory.Address,
            UnifiedBusinessNumber = factory.UnifiedBusinessNumber.Value,
            Industry = factory.Industry.Key(),
            FeeYear = feeCase.FeeYear,
            WindowMonths = [.. window.Select(m => m.ToString())],
            CaseVersion = feeCase.CaseVersion,
            PreviousVersionId = feeCase.PreviousVersionId,
            Status = feeCase.Status.Key(),
            PayerCategory = feeCase.Payer.Key(),
            Months = [.. feeCase.Months.OrderBy(m => m.Month, StringComparer.Ordinal)],
            Verification = feeCase.Verification,
            RecyclingRate = feeCase.RecyclingRate.Key(),
            Benchmark = benchmark,
            Claims = [.. feeCase.Claims.OrderBy(c => c.Sequence).Select(c => new FeeClaimDto(c.Id, c.Kind.Key(), c.Amount, c.CommittedM3, c.Note, c.Decision.Key(),
                c.DecisionComment, c.DecidedAt))],
            Evidence = evidence,
            Calculation = feeCase.StoredCalculation() is { } calculation ? FeeResultDto.From(calculation, l) : null,
            CalculatedAt = feeCase.CalculatedAt,
            DecidedAt = feeCase.DecidedAt,
            NoticeNumber = feeCase.NoticeNumber,
            DueDate = feeCase.DueDate,
            Audit = audit,
        };
    }

    public async Task SetMonthAsync(Caller caller, Guid id, FeeCaseMonthInput input, CancellationToken cancellationToken = default)
    {
        await monthValidator.ValidateAndThrowAsync(input, cancellationToken);
        await ChangeAsync(caller, id, "month-set", async (feeCase, _) =>
        {
            YearMonth.TryParse(input.Month, out var month);
            var window = (await rules.EffectiveAsync(FeeScheme.Regulation2023, feeCase.FeeYear, cancellationToken)).Regulation2023!;
            if (!window.InWindow(month, feeCase.FeeYear))
            {
                throw Invalid(nameof(FeeCaseMonthInput.Month), l["Fee.Month.OutsideWindow", month, window.WindowStart(feeCase.FeeYear), window.WindowEnd(feeCase.FeeYear)]);
            }

            if (input.ConfirmedZero)
            {
                feeCase.ConfirmZero(month, input.Reason, clock.GetUtcNow());
                return;
            }

            feeCase.SetMonth(month, input.TapM3, input.SurfaceM3, input.GroundwaterM3, input.OtherSupplierM3, input.Reason, clock.GetUtcNow());
        }, cancellationToken);
    }

    /// <summary>Records the verification statement and classifies the rate against the factory's industry benchmark.</summary>
    public async Task RecordVerificationAsync(Caller caller, Guid id, VerificationInput input, CancellationToken cancellationToken = default)
    {
        await verificationValidator.ValidateAndThrowAsync(input, cancellationToken);
        await ChangeAsync(caller, id, "verification-recorded", async (feeCase, db) =>
        {
            var industry = await db.Factories.Where(f => f.Id == feeCase.FactoryId).Select(f => f.Industry).SingleAsync(cancellationToken);
            var issuedOn = input.IssuedOn!.Value;
            var benchmark = await db.IndustryBenchmarks.Where(b => b.Industry == industry && b.EffectiveFrom <= issuedOn)
                .OrderByDescending(b => b.EffectiveFrom).FirstOrDefaultAsync(cancellationToken)
                ?? throw Invalid(nameof(VerificationInput.VerifiedRatePercent), l["Fee.Benchmark.Missing"]);
            var rate = input.VerifiedRatePercent!.Value;
            feeCase.RecordVerification(new RecyclingVerification(input.Issuer.Trim(), issuedOn, rate), benchmark.Classify(rate), clock.GetUtcNow());
        }, cancellationToken);
    }

    public async Task<Guid> AddClaimAsync(Caller caller, Guid id, ClaimInput input, CancellationToken cancellationToken = default)
    {
        await claimValidator.ValidateAndThrowAsync(input, cancellationToken);
        var claimId = Guid.Empty;
        await ChangeAsync(caller, id, "claim-added", async (feeCase, db) =>
        {
            Enum.TryParse<FeeClaimKind>(input.Kind, ignoreCase: true, out var kind);
            if (kind != FeeClaimKind.InvestmentOffset)
            {
                claimId = feeCase.AddClaim(kind, input.Amount, input.CommittedM3, input.Note, clock.GetUtcNow()).Id;
                return;
            }

            var approval = new ApprovalReference(input.ApprovalNumber!.Trim(), input.ApprovedCostNtd!.Value, input.FirstFeeYear!.Value, input.OffsetYears!.Value);
            var regulation = (await rules.EffectiveAsync(FeeScheme.Regulation2023, feeCase.FeeYear, cancellationToken)).Regulation2023!;
            var usedBefore = await OffsetUsedBeforeAsync(db, feeCase, approval.Number, cancellationToken);
            var amount = approval.ToApproval(usedBefore).OffsetFor(feeCase.FeeYear, regulation);
            if (amount <= 0)
            {
                throw Invalid(nameof(ClaimInput.FirstFeeYear), l["Fee.Claim.ApprovalExhausted"]);
            }

            claimId = feeCase.AddClaim(kind, amount, 0, input.Note, clock.GetUtcNow(), approval).Id;
        }, cancellationToken);
        return claimId;
    }

    public async Task DecideClaimAsync(Caller caller, Guid id, Guid claimId, ClaimDecisionInput input, CancellationToken cancellationToken = default)
    {
        await decisionValidator.ValidateAndThrowAsync(input, cancellationToken);
        await ChangeAsync(caller, id, input.Accept ? "claim-accepted" : "claim-rejected", (feeCase, _) =>
        {
            feeCase.DecideClaim(claimId, input.Accept, input.Comment, caller.UserId, clock.GetUtcNow());
            return Task.CompletedTask;
        }, cancellationToken);
    }

    public async Task<Guid> AddEvidenceAsync(Caller caller, Guid id, EvidenceKind kind, Guid? claimId, string fileName, byte[] content,
        CancellationToken cancellationToken = default)
    {
        var contentType = EvidencePolicy.Accept(fileName, content, l);
        var evidenceId = Guid.NewGuid();
        await ChangeAsync(caller, id, "evidence-added", (feeCase, db) =>
        {
            feeCase.RecordEvidence(claimId, clock.GetUtcNow());
            db.FeeEvidence.Add(new FeeEvidence(evidenceId, feeCase.Id, claimId, kind, Path.GetFileName(fileName), contentType, content,
                EvidencePolicy.Sha256(content), caller.UserId, clock.GetUtcNow()));
            return Task.CompletedTask;
        }, cancellationToken, detail: new { fileName, content.LongLength, sha256 = EvidencePolicy.Sha256(content) });
        return evidenceId;
    }

    public async Task<FeeEvidence> GetEvidenceAsync(Caller caller, Guid id, Guid evidenceId, CancellationToken cancellationToken = default)
    {
        RequireAuditor(caller);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await db.FeeEvidence.AsNoTracking().SingleOrDefaultAsync(e => e.Id == evidenceId && e.FeeCaseId == id, cancellationToken)
            ?? throw new NotFoundException(l["Fee.Evidence.NotFound"]);
    }

    public async Task<FeeResultDto> CalculateAsync(Caller caller, Guid id, CancellationToken cancellationToken = default)
    {
        FeeResultDto? dto = null;
        await ChangeAsync(caller, id, "calculated", async (feeCase, _) =>
        {
            var ruleSet = await rules.EffectiveAsync(FeeScheme.Regulation2023, feeCase.FeeYear, cancellationToken);
            dto = FeeResultDto.From(feeCase.Calculate(ruleSet, clock.GetUtcNow()), l);
        }, cancellationToken);
        return dto!;
    }

    /// <summary>
    /// Decides the case and issues the notice. Payment is due on the rule set's due date (31 August, art. 10), or
    /// its number of days (30) after a later decision so that the payer always has a month.
    /// </summary>
    public async Task DecideAsync(Caller caller, Guid id, CancellationToken cancellationToken = default)
    {
        await ChangeAsync(caller, id, "decided", async (feeCase, db) =>
        {
            var now = clock.GetUtcNow();
            var ruleSet = await rules.EffectiveAsync(FeeScheme.Regulation2023, feeCase.FeeYear, cancellationToken);
            var window = ruleSet.Regulation2023!.WindowMonths(feeCase.FeeYear);
            var sequence = await db.FeeCases.CountAsync(c => c.FeeYear == feeCase.FeeYear && c.NoticeNumber != null, cancellationToken) + 1;
            try
            {
                feeCase.Decide(caller.UserId, now, $"EP-{feeCase.FeeYear}-{sequence:D5}", ruleSet.Calendar.DueDate(feeCase.FeeYear, DateOnly.FromDateTime(now.UtcDateTime)),
                    window);
            }
            catch (DomainException e) when (e.Code == "months-missing")
            {
                // Named month by month, in the reader's language.
                throw Invalid(e.Field, l["Fee.Problem.months-missing", string.Join(l["List.Separator"], feeCase.MissingMonths(window))]);
            }
        }, cancellationToken);
    }

    /// <summary>Re-examination: the decided version stays as it was (superseded) and a new open version copies it.</summary>
    public async Task<Guid> ReexamineAsync(Caller caller, Guid id, string reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw Invalid("reason", l["Fee.Reexamination.ReasonRequired"]);
        }

        InputRules.EnsureText("reason", reason, Domain.Common.TextLimits.Comment, l, multiline: true);

        var newId = Guid.NewGuid();
        await ChangeAsync(caller, id, "re-examination-opened", async (feeCase, db) =>
        {
            var next = feeCase.Reexamine(newId, clock.GetUtcNow());
            db.FeeCases.Add(next);
            await CopyEvidenceAsync(db, feeCase, next, cancellationToken);
            Audit(db, caller, next, "opened-as-re-examination", null, new { previous = id, reason });
        }, cancellationToken, detail: new { reason, next = newId });
        return newId;
    }

    public async Task<PaymentNoticeDto> NoticeAsync(Caller caller, Guid id, CancellationToken cancellationToken = default)
    {
        var dto = await GetAsync(caller, id, cancellationToken);
        if (dto.NoticeNumber is null || dto.Calculation is null || dto.DueDate is null || dto.DecidedAt is null)
        {
            throw new ConflictException(l["Fee.Notice.NotDecided"]);
        }

        return new PaymentNoticeDto(dto.NoticeNumber, dto.FactoryNameZh, dto.FactoryNameEn, dto.FactoryAddress, dto.UnifiedBusinessNumber, dto.Industry, dto.FeeYear,
            dto.CaseVersion, dto.Months, dto.RecyclingRate, dto.Calculation.Steps, dto.Calculation.GrossFeeNtd, dto.Calculation.ReductionNtd,
            dto.Calculation.NetFeeNtd, dto.DueDate.Value, dto.DecidedAt.Value, dto.Calculation.RuleSet, dto.Calculation.ClaimEffects);
    }

    /// <summary>
    /// The next version keeps the evidence of the one it re-examines: each file is copied to the new case (with the
    /// same content and SHA-256), and a claim's file follows the claim's copy (claims keep their sequence).
    /// </summary>
    private static async Task CopyEvidenceAsync(IEcoParkDbContext db, FeeCase from, FeeCase to, CancellationToken cancellationToken)
    {
        var claimCopies = from.Claims.Join(to.Claims, c => c.Sequence, c => c.Sequence, (old, copy) => (old.Id, copy.Id)).ToDictionary(p => p.Item1, p => p.Item2);
        foreach (var e in await db.FeeEvidence.AsNoTracking().Where(e => e.FeeCaseId == from.Id).ToListAsync(cancellationToken))
        {
            db.FeeEvidence.Add(new FeeEvidence(Guid.NewGuid(), to.Id, e.ClaimId is { } claim ? claimCopies[claim] : null, e.Kind, e.FileName, e.ContentType, e.Content,
                e.Sha256, e.UploadedBy, e.UploadedAt));
        }
    }

    /// <summary>What an approval already offset: accepted claims on it in the factory's decided earlier fee years.</summary>
    private static async Task<decimal> OffsetUsedBeforeAsync(IEcoParkDbContext db, FeeCase feeCase, string approvalNumber, CancellationToken cancellationToken)
    {
        var earlier = await db.FeeCases.AsNoTracking()
            .Where(c => c.FactoryId == feeCase.FactoryId && c.FeeYear < feeCase.FeeYear && c.Status == FeeCaseStatus.Decided)
            .ToListAsync(cancellationToken);
        return earlier.SelectMany(c => c.Claims)
            .Where(c => c.Kind == FeeClaimKind.InvestmentOffset && c.Decision == ClaimDecision.Accepted && c.Approval?.Number == approvalNumber)
            .Sum(c => c.Amount);
    }

    private async Task ChangeAsync(Caller caller, Guid id, string action, Func<FeeCase, IEcoParkDbContext, Task> change, CancellationToken cancellationToken,
        object? detail = null)
    {
        RequireAuditor(caller);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var feeCase = await db.FeeCases.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException(l["Fee.Case.NotFound"]);
        var before = Snapshot(feeCase);
        try
        {
            await change(feeCase, db);
        }
        catch (DomainException e)
        {
            throw Invalid(e.Field, l["Domain." + e.Code].ResourceNotFound ? e.Message : l["Domain." + e.Code]);
        }

        Audit(db, caller, feeCase, action, before, detail);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(l["Fee.Case.Conflict"]);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // Two auditors racing (same month, same notice number, same re-examination): the second one retries.
            throw new ConflictException(l["Fee.Case.Conflict"]);
        }
    }

    private void Audit(IEcoParkDbContext db, Caller caller, FeeCase feeCase, string action, string? before, object? detail = null)
    {
        var after = detail is null ? Snapshot(feeCase) : JsonSerializer.Serialize(new { state = JsonDocument.Parse(Snapshot(feeCase)).RootElement, detail }, Json);
        db.Record(nameof(FeeCase), feeCase.Id, action, caller.UserId, clock.GetUtcNow(), before, after);
    }

    private static string Snapshot(FeeCase c) => JsonSerializer.Serialize(new
    {
        c.Status,
        c.CaseVersion,
        c.Payer,
        c.RecyclingRate,
        c.Verification,
        Months = c.Months,
        Claims = c.Claims.Select(x => new { x.Id, x.Kind, x.Amount, x.CommittedM3, x.Decision, x.DecisionComment }),
        c.NetFeeNtd,
        c.RuleSetCode,
        c.RuleSetVersion,
        c.NoticeNumber,
        c.DueDate,
    }, Json);

    private void RequireAuditor(Caller caller)
    {
        if (!caller.IsAdministrator && !caller.IsIn(Roles.Auditor))
        {
            throw new ForbiddenException(l["Fee.Case.AuditorsOnly"]);
        }
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
