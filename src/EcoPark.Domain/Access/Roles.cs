namespace EcoPark.Domain.Access;

/// <summary>The four roles of the platform; the names are stored, so never rename them.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string ParkStaff = "ParkStaff";
    public const string FactoryEngineer = "FactoryEngineer";
    public const string Auditor = "Auditor";

    public static IReadOnlyList<string> All { get; } = [Administrator, ParkStaff, FactoryEngineer, Auditor];
}
