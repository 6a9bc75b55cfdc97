using System.Text.Json;
using EcoPark.Application.Abstractions;
using EcoPark.Application.Common;
using EcoPark.Application.Matching;
using EcoPark.Domain.Access;
using EcoPark.Domain.Common;
using EcoPark.Domain.Matching;
using EcoPark.Domain.Screening;
using EcoPark.Domain.Water;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Screening;

public sealed record ScreeningFactorDto(
    string Key,
    int Number,
    object? Value,
    string Unit,
    string? Band,
    int? Score,
    int Weight,
    int? Points,
    string Source,
    string Origin,
    decimal? DerivedValue,
    int? BasisCount,
    int? BasisOf);

public sealed record SecondScreenDto(string Verdict, IReadOnlyList<string> Reasons, decimal? EffluentM3PerDay, decimal? ConductivityUsCm, decimal? ExpansionLandHa);

/// <summary>One ranked park as <c>GET /api/v1/screening</c> returns it.</summary>
public sealed record ParkScreeningDto(
    Guid ParkId,
    string NameZh,
    string NameEn,
    int Rank,
    int TotalPoints,
    int UnknownPoints,
    int MaxPoints,
    IReadOnlyList<ScreeningFactorDto> Factors,
    SecondScreenDto SecondScreen,
    string RuleSet,
    int RuleVersion,
    int? InputVersion,
    DateOnly? InputAsOf,
    string? InputSource);

/// <summary>One stored version of a park's figures.</summary>
public sealed record ScreeningInputsVersionDto(Guid ParkId, int Version, DateOnly AsOf, string Source, DateTimeOffset EnteredAt, ParkScreeningValues Values,
    string? EnteredBy = null);

/// <summary>
/// The park water-shortage risk screen: the rule set in force on the date, each park's figures in use on
/// it, factor 3 from submitted filings and factor 8 from the matching engine, ranked by
/// <see cref="ScreeningEngine"/>. Administrators see and edit every park; staff their own parks; no one else.
/// </summary>
public sealed class ParkScreening(
    IEcoParkDbContextFactory dbFactory,
    MatchingRules matchingRules,
    IValidator<ScreeningInputsRequest> validator,
    TimeProvider clock,
    IStringLocalizer<Messages> l)
{
    private static readonly Caller EngineCaller = new(Guid.Empty, [Roles.Administrator], [], []);

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public static string Key(ScreeningFactor factor) => factor switch
    {
        ScreeningFactor.LeasableLand => "leasableLand",
        ScreeningFactor.WaterPerFactoryArea => "waterPerFactoryArea",
        ScreeningFactor.HighWaterUse => "highWaterUse",
        ScreeningFactor.ExpectedIncrease => "expectedIncrease",
        ScreeningFactor.WwtpSpareCapacity => "wwtpSpareCapacity",
        ScreeningFactor.ShortageCounty => "shortageCounty",
        ScreeningFactor.LowTolerance => "lowTolerance",
        _ => "easyMatchShare",
    };

    public static string Unit(ScreeningFactor factor) => factor switch
    {
        ScreeningFactor.LeasableLand => "ha",
        ScreeningFactor.WaterPerFactoryArea => "m³/day/ha",
        ScreeningFactor.HighWaterUse or ScreeningFactor.ExpectedIncrease => "10⁴ m³/yr",
        ScreeningFactor.WwtpSpareCapacity => "m³/day",
        ScreeningFactor.EasyMatchShare => "%",
        _ => string.Empty,
    };

    /// <summary>Who may see or edit a park's screening: administrators, and the staff of that park.</summary>
    public static bool MayScreen(Caller caller, Guid parkId) => caller.IsAdministrator || caller.ParkIds.Contains(parkId);

    /// <summary>Parses the API's <c>date</c> (YYYY-MM-DD; today when absent), naming the field when it is malformed.</summary>
    public DateOnly ParseDate(string? date) =>
        string.IsNullOrWhiteSpace(date) ? Today
        : ScreeningInputsRequest.TryParseDate(date, out var parsed) ? parsed
        : throw DomainGuard.Invalid("date", l["Screening.AsOf.Format"]);

    public async Task<IReadOnlyList<ParkScreeningDto>> ScreenAsync(Caller caller, DateOnly date, CancellationToken cancellationToken = default)
    {
        RequireScreener(caller);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var rules = await RulesOnAsync(db, date, cancellationToken);
        var parks = await db.Parks.AsNoTracking().ToListAsync(cancellationToken);
        var inputs = await db.ParkScreeningInputs.AsNoTracking().Where(i => i.AsOf <= date).ToListAsync(cancellationToken);
        var factories = await db.Factories.AsNoTracking().Select(f => new { f.Id, f.ParkId, f.Industry }).ToListAsync(cancellationToken);
        var intakes = await HighWaterUseIntakesAsync(db, factories.Where(f => rules.HighWaterUseIndustries.Contains(f.Industry)).Select(f => f.Id), cancellationToken);
        var easy = await EasyMatchFirmsAsync(db, cancellationToken);
        var cases = parks.Select(p => new ParkScreeningCase
        {
            ParkId = p.Id,
            NameZh = p.Name.Zh,
            NameEn = p.Name.En,
            ParkCounty = p.County,
            ParkWwtpSpareM3PerDay = p.WwtpSpareCapacity.Value,
            Inputs = ParkScreeningInput.InUseOn(inputs.Where(i => i.ParkId == p.Id), date),
            HighWaterUse = ScreeningDerivations.HighWaterUse(factories.Where(f => f.ParkId == p.Id).Select(f => (f.Id, f.Industry)), intakes, rules, date),
            EasyMatchShare = ScreeningDerivations.EasyMatchShare(factories.Count(f => f.ParkId == p.Id && easy.Contains(f.Id)), factories.Count(f => f.ParkId == p.Id)),
        });
        return [.. ScreeningEngine.Rank(cases, rules).Where(r => MayScreen(caller, r.ParkId)).Select(r => Dto(r, rules))];
    }

    /// <summary>Records the next version of a park's figures; earlier versions stay as they were.</summary>
    public async Task<ScreeningInputsVersionDto> RecordAsync(Caller caller, Guid parkId, ScreeningInputsRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await RequireEditableAsync(db, caller, parkId, cancellationToken);
        await validator.ValidateAndThrowAsync(request, cancellationToken);
        ScreeningInputsRequest.TryParseDate(request.AsOf, out var asOf);
        var version = (await db.ParkScreeningInputs.Where(i => i.ParkId == parkId).MaxAsync(i => (int?)i.Version, cancellationToken) ?? 0) + 1;
        var record = DomainGuard.Run(l, () => new ParkScreeningInput(Guid.NewGuid(), parkId, version, asOf, request, request.Source!, caller.UserId,
            clock.GetUtcNow()));
        db.ParkScreeningInputs.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            throw new ConflictException(l["Screening.Conflict"]);
        }

        return Dto(record);
    }

    /// <summary>Every version of a park's figures, newest first.</summary>
    public async Task<IReadOnlyList<ScreeningInputsVersionDto>> HistoryAsync(Caller caller, Guid parkId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await RequireEditableAsync(db, caller, parkId, cancellationToken);
        var versions = await db.ParkScreeningInputs.AsNoTracking().Where(i => i.ParkId == parkId).OrderByDescending(i => i.Version).ToListAsync(cancellationToken);
        var enteredBy = versions.Select(v => v.EnteredBy).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => enteredBy.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return [.. versions.Select(v => Dto(v) with { EnteredBy = v.EnteredBy is { } by ? names.GetValueOrDefault(by) : null })];
    }

    public static async Task<ScreeningRuleSet> RulesOnAsync(IEcoParkDbContext db, DateOnly date, CancellationToken cancellationToken)
    {
        var records = await db.ScreeningRuleSets.AsNoTracking().Where(r => r.EffectiveFrom <= date).ToListAsync(cancellationToken);
        return ScreeningRuleSet.EffectiveOn(records.Select(r => JsonSerializer.Deserialize<ScreeningRuleSet>(r.Json, MatchingRules.Json)!), date)
            ?? throw DomainGuard.Invalid("date", "No screening rule set is in force on " + date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The intake of every submitted (or amended) filing of a firm in the listed industries, for factor 3.</summary>
    private static async Task<List<FiledIntake>> HighWaterUseIntakesAsync(IEcoParkDbContext db, IEnumerable<Guid> heavyFirms, CancellationToken cancellationToken)
    {
        var ids = heavyFirms.ToList();
        var filings = await db.WaterBalanceFilings.AsNoTracking().Where(f => ids.Contains(f.FactoryId) && f.Status != FilingStatus.Draft).ToListAsync(cancellationToken);
        return [.. filings.Select(f => (Filing: f, Period: FilingPeriod.Parse(f.Period)))
            .Select(x => new FiledIntake(x.Filing.FactoryId, x.Period.Start, x.Period.End, x.Period.Kind, x.Filing.Current.Balance.TotalSourcesM3))];
    }

    /// <summary>The firms with at least one feasible or needs-lab-test water candidate, on either side, from the matching engine.</summary>
    private async Task<HashSet<Guid>> EasyMatchFirmsAsync(IEcoParkDbContext db, CancellationToken cancellationToken)
    {
        var world = await MatchingWorld.LoadAsync(db, matchingRules, cancellationToken);
        var workable = world.Evaluate(EngineCaller, null, ResourceKind.Water).Select(e => e.Candidate).Where(c => c.Feasible || c.Status == "needs-lab-test");
        return [.. workable.SelectMany(c => new[] { c.SupplyFactoryId, c.DemandFactoryId })];
    }

    private void RequireScreener(Caller caller)
    {
        if (!caller.IsAdministrator && !caller.IsIn(Roles.ParkStaff))
        {
            throw new ForbiddenException(l["Screening.Forbidden"]);
        }
    }

    private async Task RequireEditableAsync(IEcoParkDbContext db, Caller caller, Guid parkId, CancellationToken cancellationToken)
    {
        RequireScreener(caller);
        if (!MayScreen(caller, parkId) || !await db.Parks.AnyAsync(p => p.Id == parkId, cancellationToken))
        {
            throw new NotFoundException(l["Park.NotFound"]);
        }
    }

    private static ParkScreeningDto Dto(ParkScreeningResult r, ScreeningRuleSet rules) => new(r.ParkId, r.NameZh, r.NameEn, r.Rank, r.TotalPoints, r.UnknownPoints,
        r.MaxPoints, [.. r.Factors.Select(Dto)],
        new SecondScreenDto(r.SecondScreen.Verdict.Key(), r.SecondScreen.Reasons, r.SecondScreen.EffluentM3PerDay, r.SecondScreen.ConductivityUsCm,
            r.SecondScreen.ExpansionLandHa),
        rules.Code, rules.Version, r.InputVersion, r.InputAsOf, r.InputSource);

    private static ScreeningFactorDto Dto(FactorResult f) => new(Key(f.Factor), (int)f.Factor,
        f.Number is { } n ? Math.Round(n, 2) : (object?)f.Text ?? f.Flag, Unit(f.Factor), f.Band, f.Score, f.Weight, f.Points, f.Source.Key(), f.Origin,
        f.DerivedNumber, f.BasisCount, f.BasisOf);

    private static ScreeningInputsVersionDto Dto(ParkScreeningInput i) =>
        new(i.ParkId, i.Version, i.AsOf, i.Source, i.EnteredAt, i.Values);
}
