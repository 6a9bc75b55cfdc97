using System.Text.Json;
using EcoPark.Application.Abstractions;
using EcoPark.Application.Common;
using EcoPark.Application.Factories;
using EcoPark.Domain.Access;
using EcoPark.Domain.Streams;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Streams;

/// <summary>
/// A stream as its own factory, its park's staff, auditors and administrators see it: every field as
/// filed, the figures derived from them (e.g. a heat load from flow × specific heat × ΔT), and warnings.
/// </summary>
public sealed record StreamDto<TInput>(
    Guid Id,
    Guid FactoryId,
    TInput Stream,
    IReadOnlyDictionary<string, decimal> Figures,
    IReadOnlyList<string> Warnings,
    DateTimeOffset UpdatedAt,
    uint RowVersion);

/// <summary>
/// Create, read, update and delete for one kind of stream. The factory's engineers, its park's staff and
/// administrators edit; auditors read; nobody else learns that the stream exists. Every change is audited
/// with the stream before and after.
/// </summary>
public abstract class StreamHandler<TStream, TInput>(
    IEcoParkDbContextFactory dbFactory,
    IValidator<TInput> validator,
    TimeProvider clock,
    IStringLocalizer<Messages> l,
    StreamMatching matching)
    where TStream : FactoryStream
    where TInput : StreamInput
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected IStringLocalizer<Messages> L => l;

    protected DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public abstract DbSet<TStream> Set(IEcoParkDbContext db);

    public abstract TInput ToInput(TStream stream);

    public abstract TStream Create(FactoryFacts factory, TInput input, DateOnly today, Guid by, DateTimeOffset at);

    public abstract void Update(TStream stream, FactoryFacts factory, TInput input, DateOnly today, Guid by, DateTimeOffset at);

    public async Task<IReadOnlyList<StreamDto<TInput>>> ListAsync(Caller caller, Guid factoryId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await ReadableAsync(db, caller, factoryId, cancellationToken);
        var streams = await Set(db).AsNoTracking().Where(s => s.FactoryId == factoryId).OrderBy(s => s.Name).ToListAsync(cancellationToken);
        var staleAfterDays = await matching.StaleAfterDaysAsync(db, cancellationToken);
        return [.. streams.Select(s => ToDto(s, staleAfterDays))];
    }

    public async Task<StreamDto<TInput>> GetAsync(Caller caller, Guid factoryId, Guid streamId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await ReadableAsync(db, caller, factoryId, cancellationToken);
        return ToDto(await FindAsync(db, factoryId, streamId, tracking: false, cancellationToken), await matching.StaleAfterDaysAsync(db, cancellationToken));
    }

    public async Task<StreamDto<TInput>> CreateAsync(Caller caller, Guid factoryId, TInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var factory = await EditableAsync(db, caller, factoryId, cancellationToken);
        await ValidateAsync(input, factory, cancellationToken);
        var stream = DomainGuard.Run(l, () => Create(factory, input, Today, caller.UserId, clock.GetUtcNow()));
        Set(db).Add(stream);
        Audit(db, stream, "created", null, caller.UserId);
        await SaveAsync(db, input.Name, cancellationToken);
        await matching.Candidates.RefreshStreamsAsync([stream.Id], cancellationToken);
        return ToDto(stream, await matching.StaleAfterDaysAsync(db, cancellationToken));
    }

    /// <summary>Replaces the stream's fields. <see cref="StreamInput.RowVersion"/> is what the editor read: a later save by someone else is a conflict.</summary>
    public async Task<StreamDto<TInput>> UpdateAsync(Caller caller, Guid factoryId, Guid streamId, TInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var factory = await EditableAsync(db, caller, factoryId, cancellationToken);
        if (input.RowVersion is not { } rowVersion)
        {
            throw DomainGuard.Invalid("rowVersion", l["Stream.RowVersion.Required"]);
        }

        await ValidateAsync(input, factory, cancellationToken);
        var stream = await FindAsync(db, factoryId, streamId, tracking: true, cancellationToken);
        var before = Snapshot(stream);
        db.Entry(stream).Property(s => s.RowVersion).OriginalValue = rowVersion;
        DomainGuard.Run(l, () => Update(stream, factory, input, Today, caller.UserId, clock.GetUtcNow()));
        Audit(db, stream, "updated", before, caller.UserId);
        await SaveAsync(db, input.Name, cancellationToken);
        await matching.Candidates.RefreshStreamsAsync([stream.Id], cancellationToken);
        return ToDto(stream, await matching.StaleAfterDaysAsync(db, cancellationToken));
    }

    public async Task DeleteAsync(Caller caller, Guid factoryId, Guid streamId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await EditableAsync(db, caller, factoryId, cancellationToken);
        var stream = await FindAsync(db, factoryId, streamId, tracking: true, cancellationToken);
        db.Record(typeof(TStream).Name, stream.Id, "deleted", caller.UserId, clock.GetUtcNow(), before: Snapshot(stream));
        Set(db).Remove(stream);
        await SaveAsync(db, stream.Name, cancellationToken);
        await matching.Candidates.RefreshStreamsAsync([stream.Id], cancellationToken);
    }

    /// <summary>Checks an input the way the form and the API do, with the factory's industry for the rules that depend on it.</summary>
    public async Task<ValidationResult> CheckAsync(TInput input, FactoryFacts factory, CancellationToken cancellationToken = default)
    {
        var context = new ValidationContext<TInput>(input);
        context.RootContextData[WaterDemandStreamInputValidator.IndustryKey] = factory.Industry;
        return await validator.ValidateAsync(context, cancellationToken);
    }

    /// <summary>The factory's streams by name, tracked, for an import to update in place.</summary>
    public async Task<Dictionary<string, TStream>> ByNameAsync(IEcoParkDbContext db, Guid factoryId, CancellationToken cancellationToken) =>
        await Set(db).Where(s => s.FactoryId == factoryId).ToDictionaryAsync(s => s.Name, StringComparer.Ordinal, cancellationToken);

    /// <summary>Creates or updates (by name) a stream inside the caller's unit of work, for the import; the caller saves.</summary>
    public void Upsert(IEcoParkDbContext db, FactoryFacts factory, Dictionary<string, TStream> existing, TInput input, Guid by)
    {
        var at = clock.GetUtcNow();
        if (existing.TryGetValue(input.Name.Trim(), out var stream))
        {
            var before = Snapshot(stream);
            Update(stream, factory, input, Today, by, at);
            Audit(db, stream, "imported", before, by);
            return;
        }

        stream = Create(factory, input, Today, by, at);
        Set(db).Add(stream);
        existing[stream.Name] = stream;
        Audit(db, stream, "imported", null, by);
    }

    protected virtual IEnumerable<ParameterValue> MeasuredValues(TStream stream) => [];

    protected virtual IReadOnlyDictionary<string, decimal> Figures(TStream stream) => new Dictionary<string, decimal>();

    /// <summary>The stream with its figures and warnings; lab and online values older than the matching parameters' stale age are flagged.</summary>
    private StreamDto<TInput> ToDto(TStream stream, int staleAfterDays)
    {
        var today = Today;
        var warnings = new List<string>();
        foreach (var value in MeasuredValues(stream))
        {
            if (value.IsStale(today, staleAfterDays))
            {
                warnings.Add(l["Stream.Warning.Stale", value.Key, staleAfterDays]);
            }
            else if (value.Basis == ValueBasis.Declared)
            {
                warnings.Add(l["Stream.Warning.Declared", value.Key]);
            }
        }

        var input = ToInput(stream);
        return new StreamDto<TInput>(stream.Id, stream.FactoryId, input, Figures(stream), warnings, stream.UpdatedAt, stream.RowVersion);
    }

    private string Snapshot(TStream stream) => JsonSerializer.Serialize(ToInput(stream), Json);

    private void Audit(IEcoParkDbContext db, TStream stream, string action, string? before, Guid by) =>
        db.Record(typeof(TStream).Name, stream.Id, action, by, clock.GetUtcNow(), before, Snapshot(stream));

    private async Task ValidateAsync(TInput input, FactoryFacts factory, CancellationToken cancellationToken)
    {
        var result = await CheckAsync(input, factory, cancellationToken);
        if (!result.IsValid)
        {
            throw new ValidationException(result.Errors);
        }
    }

    private Task<FactoryFacts> ReadableAsync(IEcoParkDbContext db, Caller caller, Guid factoryId, CancellationToken cancellationToken) =>
        FactoryAccess.ReadableAsync(db, caller, factoryId, l, cancellationToken);

    private Task<FactoryFacts> EditableAsync(IEcoParkDbContext db, Caller caller, Guid factoryId, CancellationToken cancellationToken) =>
        FactoryAccess.EditableAsync(db, caller, factoryId, l, cancellationToken);

    private async Task<TStream> FindAsync(IEcoParkDbContext db, Guid factoryId, Guid streamId, bool tracking, CancellationToken cancellationToken)
    {
        var query = tracking ? Set(db) : Set(db).AsNoTracking();
        return await query.SingleOrDefaultAsync(s => s.Id == streamId && s.FactoryId == factoryId, cancellationToken)
            ?? throw new NotFoundException(l["Stream.NotFound"]);
    }

    private async Task SaveAsync(IEcoParkDbContext db, string name, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(l["Stream.Conflict"]);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            throw DomainGuard.Invalid("name", l["Stream.Name.Duplicate", name.Trim()]);
        }
    }
}
