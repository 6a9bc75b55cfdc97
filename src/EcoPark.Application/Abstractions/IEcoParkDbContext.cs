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
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EcoPark.Application.Abstractions;

/// <summary>
/// The EF Core context as the use cases see it. Handlers query it directly (no repositories); the
/// implementation and its mappings live in the infrastructure project.
/// </summary>
public interface IEcoParkDbContext : IAsyncDisposable
{
    DbSet<Park> Parks { get; }

    DbSet<Factory> Factories { get; }

    DbSet<ApplicationUser> Users { get; }

    DbSet<ApplicationRole> Roles { get; }

    DbSet<IdentityUserRole<Guid>> UserRoles { get; }

    DbSet<UserParkScope> UserParkScopes { get; }

    DbSet<UserFactoryScope> UserFactoryScopes { get; }

    DbSet<RefreshToken> RefreshTokens { get; }

    DbSet<EngineerInvitation> EngineerInvitations { get; }

    DbSet<ParkInvitationSwitch> ParkInvitationSwitches { get; }

    DbSet<FeeRuleSetRecord> FeeRuleSets { get; }

    DbSet<IndustryBenchmark> IndustryBenchmarks { get; }

    DbSet<FeeCase> FeeCases { get; }

    DbSet<FeeEvidence> FeeEvidence { get; }

    DbSet<AuditEntry> AuditEntries { get; }

    DbSet<WaterBalanceFiling> WaterBalanceFilings { get; }

    DbSet<EffluentStream> EffluentStreams { get; }

    DbSet<WaterDemand> WaterDemands { get; }

    DbSet<HeatStream> HeatStreams { get; }

    DbSet<ByproductStream> ByproductStreams { get; }

    DbSet<BaselineLimitSet> BaselineLimitSets { get; }

    DbSet<MatchCase> MatchCases { get; }

    DbSet<MatchDocument> MatchDocuments { get; }

    DbSet<MatchingRuleSetRecord> MatchingRuleSets { get; }

    DbSet<ScreeningRuleSetRecord> ScreeningRuleSets { get; }

    DbSet<ParkScreeningInput> ParkScreeningInputs { get; }

    DbSet<MatchCandidate> MatchCandidates { get; }

    DbSet<BackgroundJob> BackgroundJobs { get; }

    DbSet<ParkReport> ParkReports { get; }

    DbSet<ParkPublication> ParkPublications { get; }
    DbSet<Allocation.AllocationRun> AllocationRuns { get; }

    DatabaseFacade Database { get; }

    ChangeTracker ChangeTracker { get; }

    EntityEntry<TEntity> Entry<TEntity>(TEntity entity)
        where TEntity : class;

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>Whether a failed save broke a unique index (two users racing to insert the same thing).</summary>
    bool IsUniqueViolation(DbUpdateException exception);

    /// <summary>
    /// Holds a lock on the factory's records until the current transaction ends, so that two saves that insert the
    /// same new unique names cannot wait on each other (EF orders a batch by its generated keys, so two such saves
    /// insert in different orders and would deadlock): the second waits, then meets the first's names as unique violations.
    /// </summary>
    Task LockFactoryAsync(Guid factoryId, CancellationToken cancellationToken);

    /// <summary>
    /// Holds the lock of the stored candidates until the current transaction ends, so that two recomputations never
    /// interleave (each reads the streams after the other's writes are committed).
    /// </summary>
    Task LockCandidatesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Takes the lock of an allocation run for this context's session, opening its connection and keeping it open until the
    /// context is disposed: the instance running a run holds it for as long as the run is in progress, so that any other
    /// instance can tell a run whose instance is alive (the lock is held) from one a stopped or crashed instance left behind
    /// (the database released the lock with the dead session). Answers false, at once, when another session holds it.
    /// </summary>
    Task<bool> TryHoldRunAsync(Guid runId, CancellationToken cancellationToken);

    /// <summary>Releases a run's lock taken with <see cref="TryHoldRunAsync"/>.</summary>
    Task ReleaseRunAsync(Guid runId, CancellationToken cancellationToken);

    /// <summary>Whether a failed save broke the named unique index (one of <see cref="UniqueIndexes"/>).</summary>
    bool IsUniqueViolation(DbUpdateException exception, string indexName);
}

/// <summary>
/// The unique indexes whose violation a use case turns into the answer a sequential request would get: the
/// database keeps the rule under races, the handler names the field.
/// </summary>
public static class UniqueIndexes
{
    /// <summary>One open (not declined, not ended) match per supply–demand pair.</summary>
    public const string OpenMatchPair = "ux_match_cases_open_pair";

    /// <summary>A factory is one unified business number (統一編號) at one address.</summary>
    public const string FactoryBusinessNumberAtAddress = "ux_factories_business_number_address";

    /// <summary>One factory of a Chinese name per park.</summary>
    public const string FactoryNameInPark = "ux_factories_park_name_zh";
}

/// <summary>Creates one short-lived context per operation, as Blazor Server requires.</summary>
public interface IEcoParkDbContextFactory
{
    Task<IEcoParkDbContext> CreateAsync(CancellationToken cancellationToken = default);
}
