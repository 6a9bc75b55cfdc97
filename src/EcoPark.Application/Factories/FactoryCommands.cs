using EcoPark.Application.Abstractions;
using EcoPark.Application.Common;
using EcoPark.Domain.Access;
using EcoPark.Domain.Common;
using EcoPark.Domain.Factories;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Factories;

/// <summary>Registers and edits factories, enforcing who may do so and that no factory is entered twice.</summary>
/// <remarks>
/// A factory is identified by its unified business number (統一編號) at one address, the water-fee payer's
/// location: one company may run plants at several addresses, but a second registration of the same number at
/// the same address is a duplicate, and so is a second factory of the same Chinese name in one park. Both rules
/// are unique indexes; the check before saving only gives the usual answer early, the index keeps it under races.
/// </remarks>
public sealed class FactoryCommands(IEcoParkDbContextFactory dbFactory, IValidator<FactoryInput> validator, IStringLocalizer<Messages> l,
    Matching.CandidateStore candidates)
{
    public async Task<FactoryDto> RegisterAsync(Caller caller, FactoryInput input, CancellationToken cancellationToken = default)
    {
        if (!caller.CanRegisterFactoryIn(input.ParkId))
        {
            throw new ForbiddenException(l["Factory.Forbidden"]);
        }

        await validator.ValidateAndThrowAsync(input, cancellationToken);

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var park = await db.Parks.AsNoTracking().SingleOrDefaultAsync(p => p.Id == input.ParkId, cancellationToken)
            ?? throw Invalid(nameof(FactoryInput.ParkId), l["Park.NotFound"]);
        await EnsureNotDuplicateAsync(db, input, exceptId: null, cancellationToken);

        var factory = new Factory(Guid.NewGuid(), park.Id, ToDetails(input));
        db.Factories.Add(factory);
        await SaveAsync(db, cancellationToken);
        return FactoryDto.From(factory, park.Name.Zh, park.Name.En, canEdit: true);
    }

    public async Task<FactoryDto> UpdateAsync(Caller caller, Guid id, FactoryInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var factory = await db.Factories.SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (factory is null || !caller.CanReadFactory(factory.Id, factory.ParkId))
        {
            throw new NotFoundException(l["Factory.NotFound"]);
        }

        if (!caller.CanEditFactory(factory.Id, factory.ParkId))
        {
            throw new ForbiddenException(l["Factory.Forbidden"]);
        }

        // A factory stays in its park: moving it is a new registration, not an edit.
        input.ParkId = factory.ParkId;
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        await EnsureNotDuplicateAsync(db, input, exceptId: id, cancellationToken);

        db.Entry(factory).Property(f => f.Version).OriginalValue = input.Version;
        var (location, industry) = (factory.Location, factory.Industry);
        factory.Update(ToDetails(input));
        await SaveAsync(db, cancellationToken);
        if (factory.Location != location || factory.Industry != industry)
        {
            // Its place decides what is in reach and its industry enters the water judgement: its pairs are recomputed in the background.
            await candidates.EnqueueFactoryAsync(factory.Id, cancellationToken);
        }

        var park = await db.Parks.AsNoTracking().SingleAsync(p => p.Id == factory.ParkId, cancellationToken);
        return FactoryDto.From(factory, park.Name.Zh, park.Name.En, canEdit: true);
    }

    private static FactoryDetails ToDetails(FactoryInput input) => new(
        new BilingualName(input.NameZh, input.NameEn),
        input.Address,
        UnifiedBusinessNumber.Parse(input.UnifiedBusinessNumber),
        EnumKeys.TryParse<Industry>(input.Industry, out var industry) ? industry : Industry.Other,
        input.TsicCode.Trim(),
        new GeoPoint(input.Latitude!.Value, input.Longitude!.Value),
        new ContactPerson(input.ContactName, input.ContactPhone, input.ContactEmail));

    private async Task EnsureNotDuplicateAsync(IEcoParkDbContext db, FactoryInput input, Guid? exceptId, CancellationToken cancellationToken)
    {
        var ubn = UnifiedBusinessNumber.Parse(input.UnifiedBusinessNumber.Trim());
        var address = input.Address.Trim();
        var nameZh = input.NameZh.Trim();
        var clashes = await db.Factories.AsNoTracking()
            .Where(f => f.Id != exceptId)
            .Where(f => (f.UnifiedBusinessNumber == ubn && f.Address == address) || (f.ParkId == input.ParkId && f.Name.Zh == nameZh))
            .Select(f => new { f.ParkId, f.Address, NameZh = f.Name.Zh })
            .ToListAsync(cancellationToken);

        var failures = new List<ValidationFailure>();
        if (clashes.Any(c => c.Address == address))
        {
            failures.Add(BusinessNumberAtAddress());
        }

        if (clashes.Any(c => c.ParkId == input.ParkId && c.NameZh == nameZh))
        {
            failures.Add(NameInPark());
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }
    }

    private ValidationFailure BusinessNumberAtAddress() => new(nameof(FactoryInput.UnifiedBusinessNumber), l["Factory.Duplicate.Ubn"]);

    private ValidationFailure NameInPark() => new(nameof(FactoryInput.NameZh), l["Factory.Duplicate.Name"]);

    private async Task SaveAsync(IEcoParkDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(l["Factory.Conflict"]);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e, UniqueIndexes.FactoryBusinessNumberAtAddress))
        {
            throw new ValidationException([BusinessNumberAtAddress()]);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e, UniqueIndexes.FactoryNameInPark))
        {
            throw new ValidationException([NameInPark()]);
        }
    }

    private static ValidationException Invalid(string field, string message) =>
        new([new ValidationFailure(field, message)]);
}
