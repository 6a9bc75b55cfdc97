using EcoPark.Domain.Access;

namespace EcoPark.Infrastructure.Seeding;

/// <summary>The demo's sign-in accounts, listed in the README. They exist only in a demo database.</summary>
public static class DemoAccounts
{
    public const string Domain = "demo.ecopark.tw";

    /// <summary>Shared by every demo account; a production start refuses it.</summary>
    public const string Password = "EcoPark#Demo2026";

    public static readonly DemoAccount Administrator = new("admin@" + Domain, "示範系統管理員", Roles.Administrator);
    public static readonly DemoAccount Staff = new("staff@" + Domain, "示範園區服務中心", Roles.ParkStaff);
    public static readonly DemoAccount Engineer = new("engineer@" + Domain, "示範工程師（永彩染整）", Roles.FactoryEngineer);
    public static readonly DemoAccount SecondEngineer = new("engineer2@" + Domain, "示範工程師（鋁鑫金屬）", Roles.FactoryEngineer);
    public static readonly DemoAccount Auditor = new("auditor@" + Domain, "示範稽核員", Roles.Auditor);

    public static IReadOnlyList<DemoAccount> All { get; } = [Administrator, Staff, Engineer, SecondEngineer, Auditor];

    public static bool IsDemoEmail(string? email) =>
        email is not null && email.EndsWith("@" + Domain, StringComparison.OrdinalIgnoreCase);
}

public sealed record DemoAccount(string Email, string DisplayName, string Role);
