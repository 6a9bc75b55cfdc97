using EcoPark.Application.Abstractions;
using EcoPark.Application.Jobs;
using EcoPark.Application.Matching;
using EcoPark.Application.Users;
using EcoPark.Domain.Common;
using EcoPark.Domain.Factories;
using EcoPark.Domain.Fees;
using EcoPark.Domain.Matching;
using EcoPark.Domain.Parks;
using EcoPark.Domain.Reporting;
using EcoPark.Domain.Screening;
using EcoPark.Domain.Streams;
using EcoPark.Domain.Water;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EcoPark.Infrastructure.Persistence;

public sealed class EcoParkDbContext(DbContextOptions<EcoParkDbContext> options)
    : IdentityDbContext<ApplicationUser, ApplicationRole, Guid>(options), IEcoParkDbContext, IDataProtectionKeyContext
{
    public DbSet<Park> Parks => Set<Park>();

    public DbSet<Factory> Factories => Set<Factory>();

    public DbSet<UserParkScope> UserParkScopes => Set<UserParkScope>();

    public DbSet<UserFactoryScope> UserFactoryScopes => Set<UserFactoryScope>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<EngineerInvitation> EngineerInvitations => Set<EngineerInvitation>();

    public DbSet<ParkInvitationSwitch> ParkInvitationSwitches => Set<ParkInvitationSwitch>();

    public DbSet<FeeRuleSetRecord> FeeRuleSets => Set<FeeRuleSetRecord>();

    public DbSet<IndustryBenchmark> IndustryBenchmarks => Set<IndustryBenchmark>();

    public DbSet<FeeCase> FeeCases => Set<FeeCase>();

    public DbSet<FeeEvidence> FeeEvidence => Set<FeeEvidence>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<WaterBalanceFiling> WaterBalanceFilings => Set<WaterBalanceFiling>();

    public DbSet<EffluentStream> EffluentStreams => Set<EffluentStream>();

    public DbSet<WaterDemand> WaterDemands => Set<WaterDemand>();

    public DbSet<HeatStream> HeatStreams => Set<HeatStream>();

    public DbSet<ByproductStream> ByproductStreams => Set<ByproductStream>();

    public DbSet<BaselineLimitSet> BaselineLimitSets => Set<BaselineLimitSet>();

    public DbSet<MatchCase> MatchCases => Set<MatchCase>();

    public DbSet<MatchDocument> MatchDocuments => Set<MatchDocument>();

    public DbSet<MatchingRuleSetRecord> MatchingRuleSets => Set<MatchingRuleSetRecord>();

    public DbSet<ScreeningRuleSetRecord> ScreeningRuleSets => Set<ScreeningRuleSetRecord>();

    public DbSet<ParkScreeningInput> ParkScreeningInputs => Set<ParkScreeningInput>();

    public DbSet<MatchCandidate> MatchCandidates => Set<MatchCandidate>();

    public DbSet<BackgroundJob> BackgroundJobs => Set<BackgroundJob>();

    public DbSet<ParkReport> ParkReports => Set<ParkReport>();

    public DbSet<ParkPublication> ParkPublications => Set<ParkPublication>();
    public DbSet<Application.Allocation.AllocationRun> AllocationRuns => Set<Application.Allocation.AllocationRun>();

    /// <summary>ASP.NET Core's data-protection keys, so that cookies and tokens survive restarts and span instances.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public Task LockFactoryAsync(Guid factoryId, CancellationToken cancellationToken)
    {
        var key = BitConverter.ToInt64(factoryId.ToByteArray(), 0);
        return Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken);
    }

    /// <summary>One fixed advisory-lock key for the stored candidates ("cand" in ASCII).</summary>
    private const long CandidatesLockKey = 0x63616e64;

    public Task LockCandidatesAsync(CancellationToken cancellationToken) =>
        Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({CandidatesLockKey})", cancellationToken);

    /// <summary>
    /// An allocation run's lock is a session-level advisory lock of the two-key form, its keys the run id's first 64 bits; the
    /// one-key form (the factory and candidate locks) is a separate key space, so the two never meet.
    /// </summary>
    private static (int, int) RunLockKeys(Guid runId)
    {
        var bytes = runId.ToByteArray();
        return (BitConverter.ToInt32(bytes, 0), BitConverter.ToInt32(bytes, 4));
    }

    public async Task<bool> TryHoldRunAsync(Guid runId, CancellationToken cancellationToken)
    {
        var (high, low) = RunLockKeys(runId);
        await Database.OpenConnectionAsync(cancellationToken);
        return await Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({high}, {low}) AS \"Value\"").SingleAsync(cancellationToken);
    }

    public async Task ReleaseRunAsync(Guid runId, CancellationToken cancellationToken)
    {
        var (high, low) = RunLockKeys(runId);
        await Database.SqlQuery<bool>($"SELECT pg_advisory_unlock({high}, {low}) AS \"Value\"").SingleAsync(cancellationToken);
    }

    public bool IsUniqueViolation(DbUpdateException exception, string indexName) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } e && e.ConstraintName == indexName;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<ApplicationUser>().ToTable("users");
        builder.Entity<ApplicationRole>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        builder.ApplyConfigurationsFromAssembly(typeof(EcoParkDbContext).Assembly);
    }
}

/// <summary>Hands out one context per operation from EF Core's context factory.</summary>
internal sealed class EcoParkDbContextFactory(IDbContextFactory<EcoParkDbContext> inner) : IEcoParkDbContextFactory
{
    public async Task<IEcoParkDbContext> CreateAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
