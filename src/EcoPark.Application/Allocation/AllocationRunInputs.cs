using EcoPark.Domain.Allocation;
using EcoPark.Domain.Common;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Allocation;

/// <summary>A pair named by its two streams.</summary>
public sealed record AllocationPairKey(Guid SupplyStreamId, Guid DemandStreamId);

/// <summary>
/// The options of a new run: which resources, what to maximise (<c>netBenefit</c> or <c>reusedWater</c>), an investment
/// budget and a maximum payback (null: none), pairs to lock in or out (on top of the defaults: operating and agreed matches
/// stay in, declined ones stay out) and the solver's time limit.
/// </summary>
public sealed class StartAllocationInput
{
    public List<string?>? Resources { get; set; }

    public string? Objective { get; set; } = "netBenefit";

    public decimal? BudgetNtd { get; set; }

    public decimal? MaxPaybackMonths { get; set; }

    public List<AllocationPairKey?>? LockIn { get; set; }

    public List<AllocationPairKey?>? LockOut { get; set; }

    public int TimeLimitSeconds { get; set; } = 30;
}

public sealed class StartAllocationInputValidator : AbstractValidator<StartAllocationInput>
{
    public const int MinTimeLimitSeconds = 1;

    public const int MaxTimeLimitSeconds = 300;

    public const int MaxLocks = 500;

    public const decimal MaxBudgetNtd = 1_000_000_000_000m;

    public const decimal MaxPaybackMonthsLimit = 1_200m;

    public static readonly IReadOnlyList<string> ResourceKeys = EnumKeys.All<AllocationResource>();

    public static readonly IReadOnlyList<string> ObjectiveKeys = EnumKeys.All<AllocationObjective>();

    public StartAllocationInputValidator(IStringLocalizer<Messages> l)
    {
        RuleFor(x => x.Resources).NotEmpty().WithMessage(_ => l["Allocation.ResourcesRequired"]);
        RuleForEach(x => x.Resources).Must(r => r is not null && ResourceKeys.Contains(r, StringComparer.Ordinal))
            .WithMessage((_, r) => l["Key.Unknown", r ?? string.Empty, string.Join(", ", ResourceKeys)]);
        RuleFor(x => x.Objective).Must(o => o is not null && ObjectiveKeys.Contains(o, StringComparer.Ordinal))
            .WithMessage((_, o) => l["Key.Unknown", o ?? string.Empty, string.Join(", ", ObjectiveKeys)]);
        RuleFor(x => x.BudgetNtd).InclusiveBetween(0, MaxBudgetNtd).When(x => x.BudgetNtd is not null)
            .WithMessage(_ => l["Value.Range", 0, MaxBudgetNtd]);
        RuleFor(x => x.MaxPaybackMonths).GreaterThan(0).LessThanOrEqualTo(MaxPaybackMonthsLimit).When(x => x.MaxPaybackMonths is not null)
            .WithMessage(_ => l["Allocation.PaybackRange", MaxPaybackMonthsLimit]);
        RuleFor(x => x.TimeLimitSeconds).InclusiveBetween(MinTimeLimitSeconds, MaxTimeLimitSeconds)
            .WithMessage(_ => l["Value.Range", MinTimeLimitSeconds, MaxTimeLimitSeconds]);
        RuleFor(x => x.LockIn).Must(list => list is null || list.Count <= MaxLocks).WithMessage(_ => l["Allocation.TooManyLocks", MaxLocks]);
        RuleForEach(x => x.LockIn).Must(Named).WithMessage(_ => l["Allocation.LockPair"]);
        RuleFor(x => x.LockOut).Must(list => list is null || list.Count <= MaxLocks).WithMessage(_ => l["Allocation.TooManyLocks", MaxLocks]);
        RuleForEach(x => x.LockOut).Must(Named).WithMessage(_ => l["Allocation.LockPair"]);
    }

    private static bool Named(AllocationPairKey? key) => key is not null && key.SupplyStreamId != Guid.Empty && key.DemandStreamId != Guid.Empty;
}

/// <summary>The options as a run keeps them: the input's, normalised, with the locks the park's matches imply.</summary>
public sealed record AllocationRunOptions
{
    public IReadOnlyList<string> Resources { get; init; } = [];

    public string Objective { get; init; } = "netBenefit";

    public decimal? BudgetNtd { get; init; }

    public decimal? MaxPaybackMonths { get; init; }

    /// <summary>Pairs staff locked in or out.</summary>
    public IReadOnlyList<AllocationPairKey> LockIn { get; init; } = [];

    public IReadOnlyList<AllocationPairKey> LockOut { get; init; } = [];

    /// <summary>Operating and agreed matches: kept as they are (their quantity stays taken from the supply and given to the demand).</summary>
    public IReadOnlyList<AllocationPairKey> KeptMatches { get; init; } = [];

    /// <summary>Declined matches: locked out by default.</summary>
    public IReadOnlyList<AllocationPairKey> DeclinedMatches { get; init; } = [];

    public int TimeLimitSeconds { get; init; } = 30;

    public AllocationOptions ToDomain() => new()
    {
        Objective = EnumKeys.Parse<AllocationObjective>(Objective),
        BudgetNtd = BudgetNtd,
        MaxPaybackMonths = MaxPaybackMonths,
        LockIn = [.. LockIn.Where(k => !KeptMatches.Contains(k)).Select(k => new PairLock(k.SupplyStreamId, k.DemandStreamId))],
        LockOut = [.. LockOut.Concat(DeclinedMatches).Where(k => !LockIn.Contains(k)).Distinct().Select(k => new PairLock(k.SupplyStreamId, k.DemandStreamId))],
        TimeLimit = TimeSpan.FromSeconds(TimeLimitSeconds),
    };
}

/// <summary>What a run was built on, so that a second run on the same inputs can be told apart from one on changed ones.</summary>
public sealed record AllocationRunSnapshot(string ParametersVersion, string CatalogueVersion, int FeeYear, DateOnly RulesDate,
    IReadOnlyList<AllocationStreamVersion> Streams, IReadOnlyList<AllocationMatchVersion> Matches, int Pairs);

public sealed record AllocationStreamVersion(Guid Id, uint Version);

public sealed record AllocationMatchVersion(Guid Id, string State, uint Version);

/// <summary>One connection of a plan as the API shows it. A side the reader may not see is named by its factory's industry only.</summary>
public sealed record AllocationLinkDto(string Resource, Guid SupplyStreamId, string? SupplyName, string SupplyFactory, Guid DemandStreamId, string? DemandName,
    string DemandFactory, decimal Quantity, string Unit, IReadOnlyList<string> Treatment, decimal NetAnnualBenefitNtd, decimal InvestmentNtd)
{
    public Guid SupplyFactoryId { get; init; }

    public Guid DemandFactoryId { get; init; }

    public Guid SupplyParkId { get; init; }

    public Guid DemandParkId { get; init; }

    public string SupplyIndustry { get; init; } = string.Empty;

    public string DemandIndustry { get; init; } = string.Empty;

    /// <summary>Whether a match case is open on the pair now (set when read).</summary>
    public Guid? MatchId { get; init; }
}

/// <summary>What one more unit at a stream is worth with the chosen connections fixed (NTD a year per extra m³/day, kW or t/month).</summary>
public sealed record AllocationShadowPriceDto(Guid StreamId, string? StreamName, string Resource, string Side, string Unit, decimal NtdPerYearPerUnit)
{
    public Guid FactoryId { get; init; }

    public Guid ParkId { get; init; }
}

/// <summary>A run as the API returns it.</summary>
public sealed record AllocationRunDto
{
    public required Guid Id { get; init; }

    public required Guid ParkId { get; init; }

    public required string Status { get; init; }

    public required AllocationRunOptions Options { get; init; }

    public required int? Paths { get; init; }

    public required decimal? ObjectiveNtdPerYear { get; init; }

    public required decimal? GreedyObjectiveNtdPerYear { get; init; }

    public required decimal? BestBoundNtdPerYear { get; init; }

    public required decimal? GapPercent { get; init; }

    public required decimal? ReusedWaterM3PerDay { get; init; }

    public required decimal? GreedyReusedWaterM3PerDay { get; init; }

    public required double? SolveSeconds { get; init; }

    public required string? PlanSource { get; init; }

    public required IReadOnlyList<AllocationLinkDto> Links { get; init; }

    public required IReadOnlyList<AllocationLinkDto> GreedyLinks { get; init; }

    public required IReadOnlyList<AllocationShadowPriceDto> ShadowPrices { get; init; }

    public required string? Message { get; init; }

    public required bool CancelRequested { get; init; }

    public required Guid RequestedBy { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }

    public required DateTimeOffset? StartedAt { get; init; }

    public required DateTimeOffset? FinishedAt { get; init; }

    public required AllocationRunSnapshot? Snapshot { get; init; }
}

/// <summary>A run in a list.</summary>
public sealed record AllocationRunSummaryDto(Guid Id, string Status, string Objective, IReadOnlyList<string> Resources, decimal? BudgetNtd, decimal? ObjectiveNtdPerYear,
    decimal? GreedyObjectiveNtdPerYear, decimal? ReusedWaterM3PerDay, int Links, DateTimeOffset RequestedAt, DateTimeOffset? FinishedAt);

public sealed record AllocationRunPage(IReadOnlyList<AllocationRunSummaryDto> Items, int Total);

/// <summary>The answer to a start: the new run and where it stands.</summary>
public sealed record AllocationRunStarted(Guid Id, string Status);
