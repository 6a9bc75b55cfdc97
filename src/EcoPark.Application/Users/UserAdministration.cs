using EcoPark.Application.Abstractions;
using EcoPark.Domain.Access;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Users;

public sealed record UserDto(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<Guid> ParkIds,
    IReadOnlyList<Guid> FactoryIds, bool LockedOut);

/// <summary>
/// The administrator's user list and user creation. Resolved from a fresh DI scope per operation, so the
/// <see cref="UserManager{TUser}"/> and <paramref name="db"/> share one short-lived context and one transaction.
/// </summary>
public sealed class UserAdministration(
    UserManager<ApplicationUser> users,
    IEcoParkDbContext db,
    IValidator<CreateUserInput> validator,
    TimeProvider clock,
    IStringLocalizer<Messages> l)
{
    public async Task<IReadOnlyList<UserDto>> ListAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        RequireAdministrator(caller);
        var now = clock.GetUtcNow();
        var rows = await db.Users.AsNoTracking().OrderBy(u => u.Email)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.DisplayName,
                u.LockoutEnd,
                Parks = u.ParkScopes.Select(s => s.ParkId).ToList(),
                Factories = u.FactoryScopes.Select(s => s.FactoryId).ToList(),
            })
            .ToListAsync(cancellationToken);
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var rolesByUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        return [.. rows.Select(row => new UserDto(row.Id, row.Email ?? string.Empty, row.DisplayName, [.. rolesByUser[row.Id].Order()],
            row.Parks, row.Factories, row.LockoutEnd is { } end && end > now))];
    }

    public async Task<Guid> CreateAsync(Caller caller, CreateUserInput input, CancellationToken cancellationToken = default)
    {
        RequireAdministrator(caller);
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        var failures = new List<ValidationFailure>();
        if (await users.FindByEmailAsync(input.Email) is not null)
        {
            failures.Add(new(nameof(CreateUserInput.Email), l["User.Email.Taken"]));
        }

        var parkIds = input.Role == Roles.ParkStaff ? input.ParkIds.Distinct().ToList() : [];
        var factoryIds = input.Role == Roles.FactoryEngineer ? input.FactoryIds.Distinct().ToList() : [];
        if (await db.Parks.CountAsync(p => parkIds.Contains(p.Id), cancellationToken) != parkIds.Count)
        {
            failures.Add(new(nameof(CreateUserInput.ParkIds), l["Park.NotFound"]));
        }

        if (await db.Factories.CountAsync(f => factoryIds.Contains(f.Id), cancellationToken) != factoryIds.Count)
        {
            failures.Add(new(nameof(CreateUserInput.FactoryIds), l["Factory.NotFound"]));
        }

        ThrowIfAny(failures);

        var user = new ApplicationUser
        {
            Id = Guid.NewGuid(),
            UserName = input.Email.Trim(),
            Email = input.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = input.DisplayName.Trim(),
            PreferredCulture = input.PreferredCulture,
            LockoutEnabled = true,
        };
        user.ParkScopes.AddRange(parkIds.Select(id => new UserParkScope { UserId = user.Id, ParkId = id }));
        user.FactoryScopes.AddRange(factoryIds.Select(id => new UserFactoryScope { UserId = user.Id, FactoryId = id }));

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, input.Password);
        ThrowIfAny(created.Errors.Select(e => new ValidationFailure(
            e.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(CreateUserInput.Password) : nameof(CreateUserInput.Email),
            e.Description)).ToList());
        var added = await users.AddToRoleAsync(user, input.Role);
        ThrowIfAny(added.Errors.Select(e => new ValidationFailure(nameof(CreateUserInput.Role), e.Description)).ToList());
        await transaction.CommitAsync(cancellationToken);
        return user.Id;
    }

    private void RequireAdministrator(Caller caller)
    {
        if (!caller.IsAdministrator)
        {
            throw new Common.ForbiddenException(l["User.AdminOnly"]);
        }
    }

    private static void ThrowIfAny(List<ValidationFailure> failures)
    {
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }
    }
}
