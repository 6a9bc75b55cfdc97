using System.Text.Json;
using EcoPark.Application.Abstractions;
using EcoPark.Application.Common;
using EcoPark.Application.Fees;
using EcoPark.Application.Users;
using EcoPark.Domain.Access;
using EcoPark.Domain.Common;
using EcoPark.Domain.Fees;
using EcoPark.Domain.Matching;
using EcoPark.Domain.Streams;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Matching;

public sealed record MatchDocumentDto(Guid Id, string State, string FileName, string ContentType, long SizeBytes, string Sha256, string? UploadedBy,
    DateTimeOffset UploadedAt);

public sealed record MatchDocumentFile(string FileName, string ContentType, byte[] Content);

/// <summary>One side's consent as staff read it: who recorded it, and for a consent on the factory's behalf the signer, date and letter.</summary>
public sealed record MatchConsentDto(string Side, string? RecordedBy, DateTimeOffset RecordedAt, bool OnBehalf, string? SignedBy, DateOnly? SignedOn, Guid? LetterId);

public sealed record MatchStepDto(string State, DateOnly EventDate, string? Note, string? By, DateTimeOffset At);

/// <summary>A quote on a match, shown only to the park's staff (prices never reach the other party).</summary>
public sealed record MatchQuoteDto(string Kind, decimal Amount, string Source, DateOnly QuotedOn, string? By, DateTimeOffset At);

/// <summary>
/// A match as staff follow it. A side in another park whose staff do not yet take part is withheld as
/// <see cref="MatchDisclosure"/> describes: no stream or factory name, the quantity as a band where it is confidential,
/// and no benefit or CO₂e (<see cref="Withheld"/> is then true).
/// </summary>
public sealed record MatchCaseDto
{
    public required Guid Id { get; init; }

    public required Guid ParkId { get; init; }

    public required Guid? PartnerParkId { get; init; }

    public required DateTimeOffset? PartnerJoinedAt { get; init; }

    public required string Resource { get; init; }

    public required Guid SupplyStreamId { get; init; }

    public required string SupplyName { get; init; }

    public required string SupplyFactory { get; init; }

    public required Guid DemandStreamId { get; init; }

    public required string DemandName { get; init; }

    public required string DemandFactory { get; init; }

    public required string State { get; init; }

    public required string? Next { get; init; }

    public required decimal? PredictedQuantity { get; init; }

    public required decimal? PredictedQuantityLow { get; init; }

    public required decimal? PredictedQuantityHigh { get; init; }

    public required string Unit { get; init; }

    public required decimal? PredictedAnnualBenefitNtd { get; init; }

    public required decimal? PredictedCo2eKgPerYear { get; init; }

    public required bool Withheld { get; init; }

    public required decimal? AgreedQuantity { get; init; }

    public required CreditSplit? Split { get; init; }

    public required bool SupplierConsented { get; init; }

    public required bool BuyerConsented { get; init; }

    public required DateTimeOffset? IntroducedAt { get; init; }

    public required string? DeclineReason { get; init; }

    public required IReadOnlyList<MatchStepDto> Steps { get; init; }

    public required IReadOnlyList<MatchMonth> Months { get; init; }

    public required IReadOnlyList<MatchDocumentDto> Documents { get; init; }

    public required IReadOnlyList<MatchQuoteDto> Quotes { get; init; }

    public required IReadOnlyList<MatchConsentDto> Consents { get; init; }

    public required uint RowVersion { get; init; }
}

/// <summary>
/// The match lifecycle for park staff (and administrators): take up a candidate, move it forward one state
/// at a time with dates and notes, agree with a credit split, decline with a reason, introduce the parties
/// once both consented, and record measured months. Engineers consent for their own side. Every change is
/// audited. Across a park boundary the partner park's staff join the match before the parties are introduced.
/// Staff read <see cref="MatchCaseDto"/>; an engineer only ever gets <see cref="MatchPartyDto"/>.
/// </summary>
public sealed class MatchCases(
    IEcoParkDbContextFactory dbFactory,
    MatchingRules rules,
    IValidator<TakeUpInput> takeUpValidator,
    IValidator<AdvanceInput> advanceValidator,
    IValidator<AgreeInput> agreeValidator,
    IValidator<DeclineInput> declineValidator,
    IValidator<MatchNoteInput> noteValidator,
    IValidator<MatchMonthInput> monthValidator,
    IValidator<MatchQuoteInput> quoteValidator,
    IValidator<ConsentOnBehalfInput> consentValidator,
    TimeProvider clock,
    CandidateStore candidates,
    IStringLocalizer<Messages> l)
{
    public async Task<IReadOnlyList<MatchCaseDto>> ListAsync(Caller caller, Guid parkId, string? state = null, CancellationToken cancellationToken = default)
    {
        if (!caller.SeesEverything && !caller.ParkIds.Contains(parkId))
        {
            throw new NotFoundException(l["Park.NotFound"]);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var cases = await db.MatchCases.AsNoTracking().Where(m => m.ParkId == parkId || m.PartnerParkId == parkId).ToListAsync(cancellationToken);
        var dtos = await ToDtosAsync(db, caller, cases, cancellationToken);
        return [.. dtos.Where(d => state is null || d.State == state).OrderByDescending(d => d.Steps[^1].At)];
    }

    public async Task<MatchCaseDto> GetAsync(Caller caller, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var match = await FindAsync(db, caller, id, tracking: false, edit: false, cancellationToken);
        return (await ToDtosAsync(db, caller, [match], cancellationToken))[0];
    }

    public async Task<MatchCaseDto> TakeUpAsync(Caller caller, TakeUpInput input, CancellationToken cancellationToken = default)
    {
        await takeUpValidator.ValidateAndThrowAsync(input, cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var world = await MatchingWorld.LoadPairAsync(db, rules, input.SupplyStreamId, input.DemandStreamId, cancellationToken);
        if (world is null || !world.Streams.TryGetValue(input.SupplyStreamId, out var supply) || !world.Streams.TryGetValue(input.DemandStreamId, out var demand))
        {
            throw new NotFoundException(l["Stream.NotFound"]);
        }

        var supplyPark = world.Factories[supply.FactoryId].ParkId;
        var demandPark = world.Factories[demand.FactoryId].ParkId;
        var parkId = Matchmaking.IsStaff(caller, supplyPark) ? supplyPark
            : Matchmaking.IsStaff(caller, demandPark) ? demandPark : throw new NotFoundException(l["Stream.NotFound"]);
        var explanation = world.Evaluate(caller, MatchingWorld.Pair(supply.Id, demand.Id), Matchmaking.Resource(supply)).FirstOrDefault()
            ?? throw DomainGuard.Invalid("demandStreamId", l["Match.NotAPair"]);
        if (explanation.Candidate.MatchId is not null)
        {
            throw DomainGuard.Invalid("demandStreamId", l["Match.AlreadyOpen"]);
        }

        if (explanation.Candidate.Status == "blocked")
        {
            throw DomainGuard.Invalid("demandStreamId", l["Match.Blocked", string.Join(", ", explanation.Candidate.Reasons)]);
        }

        var c = explanation.Candidate;
        object detail = (object?)explanation.Water ?? (object?)explanation.Heat ?? explanation.Byproduct!;
        var proposal = new MatchProposal(parkId, Matchmaking.Resource(supply), supply.Id, demand.Id, supply.FactoryId, demand.FactoryId,
            c.Quantity.GetValueOrDefault(), c.Unit, c.NetAnnualBenefitNtd.GetValueOrDefault(), c.Co2eKgPerYear.GetValueOrDefault(),
            JsonSerializer.Serialize(detail, MatchingRules.Json), parkId == supplyPark ? demandPark : supplyPark);
        var now = clock.GetUtcNow();
        var match = DomainGuard.Run(l, () => new MatchCase(Guid.NewGuid(), proposal, rules.Today, caller.UserId, now));
        if (input.Propose)
        {
            DomainGuard.Run(l, () => match.Advance(MatchState.Proposed, rules.Today, input.Note, caller.UserId, now));
        }

        db.MatchCases.Add(match);
        Audit(db, match, "taken-up", caller);
        try
        {
            await SaveAsync(db, cancellationToken);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e, UniqueIndexes.OpenMatchPair))
        {
            // Someone took the pair up at the same moment: the same answer as taking up an open pair.
            throw DomainGuard.Invalid("demandStreamId", l["Match.AlreadyOpen"]);
        }

        return (await ToDtosAsync(db, caller, [match], cancellationToken))[0];
    }

    public Task<MatchCaseDto> AdvanceAsync(Caller caller, Guid id, AdvanceInput input, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, id, input.RowVersion, advanceValidator, input, "advanced",
            m => m.Advance(Enum.Parse<MatchState>(input.To, ignoreCase: true), input.EventDate ?? rules.Today, input.Note, caller.UserId, clock.GetUtcNow()),
            cancellationToken);

    public Task<MatchCaseDto> AgreeAsync(Caller caller, Guid id, AgreeInput input, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, id, input.RowVersion, agreeValidator, input, "agreed",
            m => m.Agree(input.Quantity, new CreditSplit(input.SupplierWaterPercent, input.SupplierEnergyPercent, input.SupplierCo2ePercent),
                input.EventDate ?? rules.Today, input.Note, caller.UserId, clock.GetUtcNow()),
            cancellationToken);

    public Task<MatchCaseDto> DeclineAsync(Caller caller, Guid id, DeclineInput input, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, id, input.RowVersion, declineValidator, input, "declined",
            m => m.Decline(input.Reason, input.EventDate ?? rules.Today, caller.UserId, clock.GetUtcNow()), cancellationToken);

    public Task<MatchCaseDto> AddNoteAsync(Caller caller, Guid id, MatchNoteInput input, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, id, input.RowVersion, noteValidator, input, "noted",
            m => m.AddNote(input.Note, input.EventDate ?? rules.Today, caller.UserId, clock.GetUtcNow()), cancellationToken);

    public Task<MatchCaseDto> RecordMonthAsync(Caller caller, Guid id, MatchMonthInput input, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, id, input.RowVersion, monthValidator, input, "month-recorded",
            m => m.RecordMonth(YearMonth.TryParse(input.Month, out var month) ? month : default, input.MeasuredQuantity, caller.UserId, clock.GetUtcNow()), cancellationToken);

    /// <summary>
    /// Staff record a quote on a match (of the kinds its resource takes); the match is evaluated again with every quote in
    /// force, so that its predicted benefit and its stored explanation name the quoted figures. The quote stays in the match's
    /// history with who and when.
    /// </summary>
    public async Task<MatchCaseDto> RecordQuoteAsync(Caller caller, Guid id, MatchQuoteInput input, CancellationToken cancellationToken = default)
    {
        await quoteValidator.ValidateAndThrowAsync(input, cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var match = await FindAsync(db, caller, id, tracking: true, edit: true, cancellationToken);
        var context = new ValidationContext<MatchQuoteInput>(input);
        context.RootContextData[MatchQuoteInputValidator.ResourceKey] = match.Resource;
        if (await quoteValidator.ValidateAsync(context, cancellationToken) is { IsValid: false } refused)
        {
            throw new ValidationException(refused.Errors);
        }

        db.Entry(match).Property(m => m.RowVersion).OriginalValue = input.RowVersion;
        DomainGuard.Run(l, () => match.RecordQuote(EnumKeys.Parse<QuoteKind>(input.Kind), input.Amount, input.Source, input.QuotedOn, rules.Today, caller.UserId,
            clock.GetUtcNow()));
        var world = await MatchingWorld.LoadPairAsync(db, rules, match.SupplyStreamId, match.DemandStreamId, cancellationToken);
        if (world?.EvaluateWithQuotes(match) is { } result)
        {
            match.Reevaluate(Math.Round(result.Quantity, 1), Math.Round(result.NetAnnualBenefitNtd), Math.Round(result.Co2eKgPerYear),
                JsonSerializer.Serialize(result.Result, result.Result.GetType(), MatchingRules.Json));
        }

        Audit(db, match, "quote-recorded", caller);
        await SaveAsync(db, cancellationToken);
        await candidates.RefreshStreamsAsync([match.SupplyStreamId], cancellationToken);
        return (await ToDtosAsync(db, caller, [match], cancellationToken))[0];
    }

    public Task<MatchCaseDto> IntroduceAsync(Caller caller, Guid id, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, id, null, null, (object?)null, "introduced", m => m.Introduce(clock.GetUtcNow()), cancellationToken);

    /// <summary>An engineer consents for the side their factory is on (staff may record either side's consent).</summary>
    public async Task<MatchPartyDto> ConsentAsync(Caller caller, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var match = await db.MatchCases.SingleOrDefaultAsync(m => m.Id == id, cancellationToken) ?? throw new NotFoundException(l["Match.NotFound"]);
        var supplier = caller.FactoryIds.Contains(match.SupplyFactoryId);
        if (!supplier && !caller.FactoryIds.Contains(match.DemandFactoryId))
        {
            throw new NotFoundException(l["Match.NotFound"]);
        }

        DomainGuard.Run(l, () => match.Consent(supplier, caller.UserId, clock.GetUtcNow()));
        Audit(db, match, supplier ? "supplier-consented" : "buyer-consented", caller);
        await SaveAsync(db, cancellationToken);
        var own = await StreamAsync(db, supplier ? match.SupplyStreamId : match.DemandStreamId, cancellationToken);
        var other = await StreamAsync(db, supplier ? match.DemandStreamId : match.SupplyStreamId, cancellationToken);
        var otherFactory = await db.Factories.AsNoTracking().SingleAsync(f => f.Id == other.FactoryId, cancellationToken);
        return MatchDisclosure.ForEngineer(match, own, other, otherFactory);
    }

    /// <summary>
    /// Staff record a side's consent on behalf of a factory that has no engineer account, from the letter its person signed:
    /// the letter is kept with the match and the consent names the signer, the date and who recorded it, in one save.
    /// </summary>
    public async Task<MatchCaseDto> ConsentOnBehalfAsync(Caller caller, Guid id, ConsentOnBehalfInput input, string? fileName, byte[]? letter,
        CancellationToken cancellationToken = default)
    {
        await consentValidator.ValidateAndThrowAsync(input, cancellationToken);
        if (fileName is null || letter is null)
        {
            throw DomainGuard.Invalid("file", l["Match.LetterRequired"]);
        }

        var contentType = EvidencePolicy.Accept(fileName, letter, l);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var match = await FindAsync(db, caller, id, tracking: true, edit: true, cancellationToken);
        var supplier = input.Side == "supplier";
        var factoryId = supplier ? match.SupplyFactoryId : match.DemandFactoryId;
        if (await db.FactoryHasEngineerAsync(factoryId, cancellationToken))
        {
            throw DomainGuard.Invalid("side", l["Match.FactoryHasEngineer"]);
        }

        var document = Document(match, fileName, contentType, letter, caller);
        DomainGuard.Run(l, () => match.RecordConsentOnBehalf(supplier, input.SignedBy, input.SignedOn!.Value, document.Id,
            DateOnly.FromDateTime(clock.GetLocalNow().DateTime), caller.UserId, document.UploadedAt));
        db.MatchDocuments.Add(document);
        Audit(db, match, supplier ? "supplier-consent-recorded" : "buyer-consent-recorded", caller);
        await SaveAsync(db, cancellationToken);
        return (await ToDtosAsync(db, caller, [match], cancellationToken))[0];
    }

    /// <summary>The partner park's staff take part in a match across the park boundary; only then may the parties be introduced.</summary>
    public async Task<MatchCaseDto> JoinAsync(Caller caller, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var match = await FindAsync(db, caller, id, tracking: true, edit: false, cancellationToken);
        if (match.PartnerParkId is not { } partner || !Matchmaking.IsStaff(caller, partner))
        {
            throw new ForbiddenException(l["Match.Forbidden"]);
        }

        DomainGuard.Run(l, () => match.JoinAsPartner(partner, caller.UserId, clock.GetUtcNow()));
        Audit(db, match, "partner-joined", caller);
        await SaveAsync(db, cancellationToken);
        return (await ToDtosAsync(db, caller, [match], cancellationToken))[0];
    }

    /// <summary>Keeps a file with the match at its current step (PDF, PNG, JPEG or XLSX, checked by content, at most 10 MB).</summary>
    public async Task<MatchCaseDto> AddDocumentAsync(Caller caller, Guid id, string fileName, byte[] content, CancellationToken cancellationToken = default)
    {
        var contentType = EvidencePolicy.Accept(fileName, content, l);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var match = await FindAsync(db, caller, id, tracking: false, edit: true, cancellationToken);
        var document = Document(match, fileName, contentType, content, caller);
        db.MatchDocuments.Add(document);
        db.Record(nameof(MatchCase), match.Id, "document-added", caller.UserId, clock.GetUtcNow(),
            after: JsonSerializer.Serialize(new { fileName, content.LongLength, sha256 = document.Sha256 }, MatchingRules.Json));
        await db.SaveChangesAsync(cancellationToken);
        return (await ToDtosAsync(db, caller, [match], cancellationToken))[0];
    }

    /// <summary>A file kept with the match at its current step, its type already checked by content (<see cref="EvidencePolicy.Accept"/>).</summary>
    private MatchDocument Document(MatchCase match, string fileName, string contentType, byte[] content, Caller caller) =>
        new(Guid.NewGuid(), match.Id, match.State, Path.GetFileName(fileName), contentType, content, EvidencePolicy.Sha256(content), caller.UserId, clock.GetUtcNow());

    public async Task<MatchDocumentFile> GetDocumentAsync(Caller caller, Guid id, Guid documentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await FindAsync(db, caller, id, tracking: false, edit: false, cancellationToken);
        return await db.MatchDocuments.AsNoTracking().Where(d => d.Id == documentId && d.MatchId == id)
            .Select(d => new MatchDocumentFile(d.FileName, d.ContentType, d.Content)).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(l["Fee.Evidence.NotFound"]);
    }

    /// <summary>Park totals of committed matches, each saving credited once and split by the agreed shares.</summary>
    public async Task<IReadOnlyList<ParkCredit>> CreditsAsync(Caller caller, Guid parkId, CancellationToken cancellationToken = default)
    {
        if (!caller.SeesEverything && !caller.ParkIds.Contains(parkId))
        {
            throw new NotFoundException(l["Park.NotFound"]);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return ParkCredits.Of(await db.MatchCases.AsNoTracking().Where(m => m.ParkId == parkId).ToListAsync(cancellationToken));
    }

    private async Task<MatchCaseDto> ChangeAsync<TInput>(Caller caller, Guid id, uint? rowVersion, IValidator<TInput>? validator, TInput input, string action,
        Action<MatchCase> change, CancellationToken cancellationToken)
    {
        if (validator is not null)
        {
            await validator.ValidateAndThrowAsync(input, cancellationToken);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var match = await FindAsync(db, caller, id, tracking: true, edit: true, cancellationToken);
        if (rowVersion is { } version)
        {
            db.Entry(match).Property(m => m.RowVersion).OriginalValue = version;
        }

        var (taken, closed) = (match.TakenFromSupply, match.IsClosed);
        DomainGuard.Run(l, () => change(match));
        Audit(db, match, action, caller);
        await SaveAsync(db, cancellationToken);
        // What a committed match takes from its supply, and the quotes of an open one, enter the supply's pairs: they are
        // recomputed when either changed (an agreement, a decline, the end), not for a note, a month or an introduction.
        if (match.TakenFromSupply != taken || match.IsClosed != closed)
        {
            await candidates.RefreshStreamsAsync([match.SupplyStreamId], cancellationToken);
        }

        return (await ToDtosAsync(db, caller, [match], cancellationToken))[0];
    }

    private async Task<MatchCase> FindAsync(IEcoParkDbContext db, Caller caller, Guid id, bool tracking, bool edit, CancellationToken cancellationToken)
    {
        var query = tracking ? db.MatchCases : db.MatchCases.AsNoTracking();
        var match = await query.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (match is null || !MatchDisclosure.ReadsStaffView(caller, match))
        {
            throw new NotFoundException(l["Match.NotFound"]);
        }

        return !edit || Matchmaking.IsStaff(caller, match.ParkId) ? match : throw new ForbiddenException(l["Match.Forbidden"]);
    }

    /// <summary>The staff view; it is never built for a caller who is not staff of the match (an engineer gets <see cref="MatchDisclosure.ForEngineer"/>).</summary>
    private async Task<List<MatchCaseDto>> ToDtosAsync(IEcoParkDbContext db, Caller caller, IReadOnlyList<MatchCase> cases, CancellationToken cancellationToken)
    {
        if (cases.Any(c => !MatchDisclosure.ReadsStaffView(caller, c)))
        {
            throw new NotFoundException(l["Match.NotFound"]);
        }

        var streamIds = cases.SelectMany(c => new[] { c.SupplyStreamId, c.DemandStreamId }).ToHashSet();
        var streams = await StreamsAsync(db, streamIds, cancellationToken);
        var factoryIds = cases.SelectMany(c => new[] { c.SupplyFactoryId, c.DemandFactoryId }).ToHashSet();
        var factories = await db.Factories.AsNoTracking().Where(f => factoryIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
        var caseIds = cases.Select(c => c.Id).ToList();
        var documents = (await db.MatchDocuments.AsNoTracking().Where(d => caseIds.Contains(d.MatchId))
            .Select(d => new { d.Id, d.MatchId, d.State, d.FileName, d.ContentType, d.SizeBytes, d.Sha256, d.UploadedBy, d.UploadedAt })
            .ToListAsync(cancellationToken)).ToLookup(d => d.MatchId);
        var userIds = cases.SelectMany(c => c.Steps.Select(s => s.By)).Concat(documents.SelectMany(g => g.Select(d => d.UploadedBy)))
            .Concat(cases.SelectMany(c => c.Quotes.Select(q => q.By))).Concat(cases.SelectMany(c => c.Consents.Select(k => k.RecordedBy))).ToHashSet();
        var emails = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, cancellationToken);
        MatchCaseDto Dto(MatchCase c)
        {
            bool Shown(Guid factoryId) => factories.TryGetValue(factoryId, out var f) && MatchDisclosure.SeesSide(caller, f.ParkId, c);
            var supplyShown = Shown(c.SupplyFactoryId);
            var demandShown = Shown(c.DemandFactoryId);
            var withheld = !supplyShown || !demandShown;
            var hidden = streams.GetValueOrDefault(supplyShown ? c.DemandStreamId : c.SupplyStreamId);
            var band = withheld ? Disclosure.ToOtherParty(hidden?.Confidential ?? ConfidentialFields.All).Band(c.ExpectedQuantity) : null;
            string Name(Guid streamId, bool shown) => shown && streams.TryGetValue(streamId, out var stream) ? stream.Name : "–";
            string Factory(Guid id, bool shown) => shown && factories.TryGetValue(id, out var f) ? f.Name.Display() : "–";
            return new MatchCaseDto
            {
                Id = c.Id,
                ParkId = c.ParkId,
                PartnerParkId = c.PartnerParkId,
                PartnerJoinedAt = c.PartnerJoinedAt,
                Resource = c.Resource.Key(),
                SupplyStreamId = c.SupplyStreamId,
                SupplyName = Name(c.SupplyStreamId, supplyShown),
                SupplyFactory = Factory(c.SupplyFactoryId, supplyShown),
                DemandStreamId = c.DemandStreamId,
                DemandName = Name(c.DemandStreamId, demandShown),
                DemandFactory = Factory(c.DemandFactoryId, demandShown),
                State = c.State.Key(),
                Next = c.Next is { } next ? next.Key() : null,
                PredictedQuantity = band is null ? c.PredictedQuantity : null,
                PredictedQuantityLow = band?.Low,
                PredictedQuantityHigh = band?.High,
                Unit = c.Unit,
                PredictedAnnualBenefitNtd = withheld ? null : c.PredictedAnnualBenefitNtd,
                PredictedCo2eKgPerYear = withheld ? null : c.PredictedCo2eKgPerYear,
                Withheld = withheld,
                AgreedQuantity = band is null ? c.AgreedQuantity : null,
                Split = c.Split,
                SupplierConsented = c.SupplierConsented,
                BuyerConsented = c.BuyerConsented,
                IntroducedAt = c.IntroducedAt,
                DeclineReason = c.DeclineReason,
                Steps = [.. c.Steps.Select(s => new MatchStepDto(s.State.Key(), s.EventDate, s.Note, emails.GetValueOrDefault(s.By), s.At))],
                Months = [.. c.Months.OrderBy(m => m.Month, StringComparer.Ordinal)],
                Documents = [.. documents[c.Id].OrderBy(d => d.UploadedAt).Select(d => new MatchDocumentDto(d.Id, d.State.Key(), d.FileName, d.ContentType,
                    d.SizeBytes, d.Sha256, emails.GetValueOrDefault(d.UploadedBy), d.UploadedAt))],
                Quotes = !withheld && Matchmaking.IsStaff(caller, c.ParkId)
                    ? [.. c.Quotes.Select(q => new MatchQuoteDto(q.Kind.Key(), q.Amount, q.Source, q.QuotedOn, emails.GetValueOrDefault(q.By), q.At))]
                    : [],
                Consents = [.. c.Consents.Select(k => new MatchConsentDto(k.Supplier ? "supplier" : "buyer", emails.GetValueOrDefault(k.RecordedBy), k.RecordedAt,
                    k.OnBehalf, k.SignedBy, k.SignedOn, k.LetterId))],
                RowVersion = c.RowVersion,
            };
        }

        return [.. cases.Select(Dto)];
    }

    private static async Task<FactoryStream> StreamAsync(IEcoParkDbContext db, Guid id, CancellationToken cancellationToken) =>
        (await StreamsAsync(db, new HashSet<Guid> { id }, cancellationToken))[id];

    private static async Task<Dictionary<Guid, FactoryStream>> StreamsAsync(IEcoParkDbContext db, IReadOnlySet<Guid> ids, CancellationToken cancellationToken)
    {
        var streams = new List<FactoryStream>();
        streams.AddRange(await db.EffluentStreams.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(cancellationToken));
        streams.AddRange(await db.WaterDemands.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(cancellationToken));
        streams.AddRange(await db.HeatStreams.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(cancellationToken));
        streams.AddRange(await db.ByproductStreams.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(cancellationToken));
        return streams.ToDictionary(s => s.Id);
    }

    private void Audit(IEcoParkDbContext db, MatchCase match, string action, Caller caller) =>
        db.Record(nameof(MatchCase), match.Id, action, caller.UserId, clock.GetUtcNow(),
            after: JsonSerializer.Serialize(new { state = match.State.ToString(), match.AgreedQuantity, match.Split, match.SupplierConsented, match.BuyerConsented, match.IntroducedAt, steps = match.Steps.Count }, MatchingRules.Json));

    private async Task SaveAsync(IEcoParkDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(l["Match.Conflict"]);
        }
    }
}
