using EcoPark.Application.Matching;
using EcoPark.Application.Users;
using EcoPark.Domain.Access;
using EcoPark.Domain.Factories;
using EcoPark.Domain.Fees;
using EcoPark.Domain.Matching;
using EcoPark.Domain.Reporting;
using EcoPark.Domain.Screening;
using EcoPark.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace EcoPark.Infrastructure.Seeding;

/// <summary>
/// Brings a database up to date at start-up: migrations (when asked), the four roles, and either the demo
/// park with its accounts or, in production, the first administrator. Production refuses to run on a
/// database that holds demo accounts, or with a default password.
/// </summary>
public sealed class DatabaseInitializer(
    EcoParkDbContext db,
    UserManager<ApplicationUser> users,
    RoleManager<ApplicationRole> roles,
    MatchingRules matchingRules,
    ILogger<DatabaseInitializer> logger)
{
    /// <summary>Passwords that must never guard a production administrator.</summary>
    public static readonly IReadOnlySet<string> ForbiddenPasswords = new HashSet<string>(StringComparer.Ordinal)
    {
        DemoAccounts.Password,
        "ChangeMe#2026!",
        "Admin#12345678",
    };

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await CreateAndMigrateAsync(db, logger, cancellationToken);
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        logger.LogInformation("Database schema is at {Migration} ({Count} migrations applied)", applied.LastOrDefault(), applied.Count);
    }

    /// <summary>
    /// Creates the database when it is missing, then applies the migrations. The probe expects the database to be missing
    /// and the history table is created with it: left to Migrate, a fresh demo logged its first attempt to open the
    /// database (and then to read the history) as errors, which read like a failed start.
    /// </summary>
    public static async Task CreateAndMigrateAsync(DbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            logger.LogInformation("Database {Database} does not exist yet: creating it", db.Database.GetDbConnection().Database);
            await creator.CreateAsync(cancellationToken);
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
    }

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new ApplicationRole(role)), $"create role {role}");
            }
        }
    }

    /// <summary>The first version of each fee rule set and quality baseline; never overwrites what administrators changed.</summary>
    public async Task EnsureReferenceDataAsync(CancellationToken cancellationToken)
    {
        foreach (var rules in new[] { FeeDefaults.Regulation2023, FeeDefaults.Draft2019 })
        {
            if (!await db.FeeRuleSets.AnyAsync(r => r.Code == rules.Code, cancellationToken))
            {
                db.FeeRuleSets.Add(new FeeRuleSetRecord(Guid.NewGuid(), rules, DateTimeOffset.UtcNow, null, "初版，依法規條文建立"));
            }
        }

        var baseline = MatchingDefaults.Baseline();
        if (!await db.BaselineLimitSets.AnyAsync(s => s.Version == baseline.Version, cancellationToken))
        {
            db.BaselineLimitSets.Add(baseline);
        }

        if (!await db.MatchingRuleSets.AnyAsync(r => r.Version == MatchingDefaults.Version, cancellationToken))
        {
            const string note = "初版：耗水費以費額引擎計算、放流費僅採申報值、計入追加處理成本、設回收年限上限（決策紀錄 0005）";
            db.MatchingRuleSets.AddRange(
                new MatchingRuleSetRecord(MatchingDefaults.Parameters(), note, DateTimeOffset.UtcNow),
                new MatchingRuleSetRecord(MatchingDefaults.Treatments(), note, DateTimeOffset.UtcNow));
        }

        if (!await db.ScreeningRuleSets.AnyAsync(r => r.Code == ScreeningDefaults.Code, cancellationToken))
        {
            var screening = ScreeningDefaults.Screening2019();
            ScreeningChecks.Check(screening);
            db.ScreeningRuleSets.Add(new ScreeningRuleSetRecord(screening.Code, screening.Version, screening.EffectiveFrom, MatchingRules.Serialize(screening),
                "初版，依 2019 年水資源整合簡報之評分表；級距、產業清單與第二階段門檻見決策紀錄 0010",
                DateTimeOffset.UtcNow));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SeedDemoAsync(CancellationToken cancellationToken)
    {
        await EnsureRolesAsync();
        await EnsureReferenceDataAsync(cancellationToken);
        if (!await db.IndustryBenchmarks.AnyAsync(cancellationToken))
        {
            foreach (var (industry, lower, upper) in FeeDefaults.IllustrativeBenchmarks)
            {
                db.IndustryBenchmarks.Add(new IndustryBenchmark(Guid.NewGuid(), industry, new DateOnly(2023, 1, 1), lower, upper, official: false,
                    "Illustrative demo values, not the official notice"));
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        if (!await db.Parks.AnyAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Parks.AddRange(DemoPark.Qingxi, DemoPark.Xinan);
            var factories = DemoPark.Factories().Select(x => new Factory(Guid.NewGuid(), x.Park.Id, x.Factory)).ToDictionary(f => f.Name.Zh);
            db.Factories.AddRange(factories.Values);
            var now = DateTimeOffset.UtcNow;
            db.AddRange(DemoStreams.For(factories, DateOnly.FromDateTime(now.UtcDateTime), now));

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Seeded the demo parks and factories");
        }

        if (!await db.ParkScreeningInputs.AnyAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = DateTimeOffset.UtcNow;
            db.ParkScreeningInputs.AddRange(DemoScreening.ForDemoParks(now));
            foreach (var (park, values, source) in DemoScreening.BriefingParks)
            {
                db.Parks.Add(park);
                db.ParkScreeningInputs.Add(DemoScreening.Input(park, values, source, now));
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if (!await db.EffluentStreams.AnyAsync(s => s.Name == DemoMatches.BeverageEffluent, cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = DateTimeOffset.UtcNow;
            await DemoMatches.SeedAsync(db, matchingRules, matchingRules.Today, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Seeded the demo park's operating linkages");
        }

        if (!await db.ParkPublications.AnyAsync(cancellationToken))
        {
            // The demo park's last closed year is on the public KPI page, as if an administrator had published it.
            var now = DateTimeOffset.UtcNow;
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            db.ParkPublications.Add(new ParkPublication(Guid.NewGuid(), DemoPark.Qingxi.Id, ReportPeriod.LastClosedYear(today).Year, null, now, today));
            await db.SaveChangesAsync(cancellationToken);
        }

        foreach (var account in DemoAccounts.All)
        {
            if (await users.FindByEmailAsync(account.Email) is not null)
            {
                continue;
            }

            var user = new ApplicationUser
            {
                Id = Guid.NewGuid(),
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.DisplayName,
                LockoutEnabled = true,
            };
            if (account == DemoAccounts.Staff)
            {
                user.ParkScopes.Add(new UserParkScope { UserId = user.Id, ParkId = DemoPark.Qingxi.Id });
            }
            else if (account.Role == Roles.FactoryEngineer)
            {
                var factoryName = account == DemoAccounts.Engineer ? DemoPark.EngineerFactoryName : DemoPark.SecondEngineerFactoryName;
                var factoryId = await db.Factories.Where(f => f.Name.Zh == factoryName).Select(f => f.Id).SingleAsync(cancellationToken);
                user.FactoryScopes.Add(new UserFactoryScope { UserId = user.Id, FactoryId = factoryId });
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            Check(await users.CreateAsync(user, DemoAccounts.Password), $"create demo account {account.Email}");
            Check(await users.AddToRoleAsync(user, account.Role), $"give {account.Email} the role {account.Role}");
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>Production start: no demo accounts, and a first administrator with a password of its own.</summary>
    public async Task PrepareProductionAsync(string? adminEmail, string? adminPassword, CancellationToken cancellationToken)
    {
        var demoUsers = await db.Users.Where(u => u.NormalizedEmail!.EndsWith("@" + DemoAccounts.Domain.ToUpperInvariant()))
            .Select(u => u.Email).ToListAsync(cancellationToken);
        if (demoUsers.Count > 0)
        {
            throw new InvalidOperationException(
                $"This database holds demo accounts ({string.Join(", ", demoUsers)}); a production start refuses to run with them. Use a fresh database.");
        }

        if ((adminPassword is not null && ForbiddenPasswords.Contains(adminPassword)) || DemoAccounts.IsDemoEmail(adminEmail))
        {
            throw new InvalidOperationException("The bootstrap administrator uses a demo account or a default password; choose your own.");
        }

        await EnsureRolesAsync();
        await EnsureReferenceDataAsync(cancellationToken);
        if ((await users.GetUsersInRoleAsync(Roles.Administrator)).Count > 0)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(adminEmail) || string.IsNullOrWhiteSpace(adminPassword))
        {
            throw new InvalidOperationException(
                "No administrator exists yet: set EcoPark__Bootstrap__AdminEmail and EcoPark__Bootstrap__AdminPassword for the first start.");
        }

        var admin = new ApplicationUser
        {
            Id = Guid.NewGuid(),
            UserName = adminEmail,
            Email = adminEmail,
            EmailConfirmed = true,
            DisplayName = "Administrator",
            LockoutEnabled = true,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Check(await users.CreateAsync(admin, adminPassword), "create the bootstrap administrator");
        Check(await users.AddToRoleAsync(admin, Roles.Administrator), "make the bootstrap user an administrator");
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Created the first administrator {Email}", adminEmail);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
