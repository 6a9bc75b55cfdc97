using EcoPark.Domain.Access;
using Microsoft.AspNetCore.Authorization;

namespace EcoPark.Web.Security;

/// <summary>
/// Which roles may call an endpoint at all, checked by the authorization middleware before the body is
/// read or validated, so that a caller who may not write gets 403 whatever they send. The handlers still
/// check the record (this factory, this park) themselves.
/// </summary>
public static class Policies
{
    public const string Administrators = "administrators";

    /// <summary>Fee cases: auditors and administrators.</summary>
    public const string FeeCaseWorkers = "fee-case-workers";

    /// <summary>Filings, streams and workbooks of a factory, and editing a factory: its engineers, its park's staff, administrators.</summary>
    public const string FactoryEditors = "factory-editors";

    /// <summary>Registering factories and running matches: park staff and administrators.</summary>
    public const string ParkStaff = "park-staff";

    /// <summary>Who reads a park's KPIs and reports: its staff, auditors and administrators (the park is checked by the handler).</summary>
    public const string ParkReaders = "park-readers";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Administrators, p => p.RequireRole(Roles.Administrator));
        options.AddPolicy(FeeCaseWorkers, p => p.RequireRole(Roles.Auditor, Roles.Administrator));
        options.AddPolicy(FactoryEditors, p => p.RequireRole(Roles.FactoryEngineer, Roles.ParkStaff, Roles.Administrator));
        options.AddPolicy(ParkStaff, p => p.RequireRole(Roles.ParkStaff, Roles.Administrator));
        options.AddPolicy(ParkReaders, p => p.RequireRole(Roles.ParkStaff, Roles.Auditor, Roles.Administrator));
    }
}
