namespace EcoPark.Domain.Access;

/// <summary>
/// Who is asking, with the scopes their roles carry: park staff act on the factories of their parks,
/// engineers on their own factories, auditors read every factory for fee work and edit none, and
/// administrators read and edit everything. A scope counts only for the role it belongs to.
/// </summary>
public sealed class Caller
{
    public Caller(Guid userId, IEnumerable<string> roles, IEnumerable<Guid> parkIds, IEnumerable<Guid> factoryIds)
    {
        UserId = userId;
        RoleSet = new HashSet<string>(roles, StringComparer.Ordinal);
        ParkIds = IsIn(Roles.ParkStaff) ? parkIds.ToHashSet() : [];
        FactoryIds = IsIn(Roles.FactoryEngineer) ? factoryIds.ToHashSet() : [];
    }

    public Guid UserId { get; }

    public IReadOnlySet<Guid> ParkIds { get; }

    public IReadOnlySet<Guid> FactoryIds { get; }

    public IEnumerable<string> RoleNames => RoleSet;

    /// <summary>Administrators and auditors see every park and factory.</summary>
    public bool SeesEverything => IsAdministrator || IsIn(Roles.Auditor);

    public bool IsAdministrator => IsIn(Roles.Administrator);

    private HashSet<string> RoleSet { get; }

    public bool IsIn(string role) => RoleSet.Contains(role);

    public bool CanReadFactory(Guid factoryId, Guid parkId) =>
        SeesEverything || ParkIds.Contains(parkId) || FactoryIds.Contains(factoryId);

    public bool CanEditFactory(Guid factoryId, Guid parkId) =>
        IsAdministrator || ParkIds.Contains(parkId) || FactoryIds.Contains(factoryId);

    /// <summary>Registering a factory is for administrators and the staff of its park.</summary>
    public bool CanRegisterFactoryIn(Guid parkId) => IsAdministrator || ParkIds.Contains(parkId);
}
