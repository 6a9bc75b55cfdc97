using EcoPark.Application.Abstractions;
using EcoPark.Application.Common;
using EcoPark.Application.Factories;
using EcoPark.Domain.Access;
using EcoPark.Domain.Common;
using EcoPark.Domain.Reporting;
using EcoPark.Domain.Water;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Filings;

/// <summary>
/// Water-balance filings. The factory's engineers, its park's staff and administrators file and amend;
/// auditors read. Nobody else learns that a filing exists.
/// </summary>
public sealed class WaterBalanceFilings(
    IEcoParkDbContextFactory dbFactory,
    IValidator<WaterBalanceRequest> validator,
    TimeProvider clock,
    IStringLocalizer<Messages> l,
    Matching.CandidateStore candidates)
{
    public async Task<WaterBalanceDto> CreateAsync(Caller caller, Guid factoryId, WaterBalanceRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var tolerance = await EditableFactoryToleranceAsync(db, caller, factoryId, cancellationToken);
        await validator.ValidateAndThrowAsync(request, cancellationToken);
        var period = FilingPeriod.Parse(request.Period);
        if (await db.WaterBalanceFilings.AnyAsync(f => f.FactoryId == factoryId && f.Period == period.ToString(), cancellationToken))
        {
            throw DomainGuard.Invalid("period", l["Filing.Period.Duplicate"]);
        }

        var filing = DomainGuard.Run(l, () => new WaterBalanceFiling(Guid.NewGuid(), factoryId, period, request.ToBalance(), caller.UserId, clock.GetUtcNow()));
        if (request.Submit)
        {
            DomainGuard.Run(l, () => filing.Submit(tolerance, request.Justification, caller.UserId, clock.GetUtcNow()));
        }

        db.WaterBalanceFilings.Add(filing);
        await SaveAsync(db, cancellationToken, duplicatePeriod: true);
        await RefreshMarginalFeeAsync(filing, cancellationToken);
        return ToDto(filing, tolerance);
    }

    public async Task<IReadOnlyList<WaterBalanceDto>> ListAsync(Caller caller, Guid factoryId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var tolerance = await ReadableFactoryToleranceAsync(db, caller, factoryId, cancellationToken);
        var filings = await db.WaterBalanceFilings.AsNoTracking().Where(f => f.FactoryId == factoryId).ToListAsync(cancellationToken);
        return [.. filings.OrderByDescending(f => f.Period, StringComparer.Ordinal).Select(f => ToDto(f, tolerance))];
    }

    public async Task<WaterBalanceHistoryDto> HistoryAsync(Caller caller, Guid factoryId, Guid filingId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var tolerance = await ReadableFactoryToleranceAsync(db, caller, factoryId, cancellationToken);
        var filing = await FindAsync(db, factoryId, filingId, tracking: false, cancellationToken);
        var versions = filing.Versions.OrderBy(v => v.Version).ToList();
        var userIds = versions.Select(v => v.ChangedBy).Distinct().ToList();
        var emails = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, cancellationToken);
        return new WaterBalanceHistoryDto(
            ToDto(filing, tolerance),
            [.. versions.Select((v, i) => new WaterBalanceVersionDto(v.Version, v.Reason, v.Justification, v.ChangedBy, emails.GetValueOrDefault(v.ChangedBy), v.ChangedAt,
                i == 0 ? [] : WaterBalanceFields.Diff(versions[i - 1].Balance, v.Balance)))]);
    }

    /// <summary>Replaces a draft's figures. <paramref name="rowVersion"/> is what the editor read: a later save by someone else is a conflict.</summary>
    public Task<WaterBalanceDto> EditDraftAsync(Caller caller, Guid factoryId, Guid filingId, WaterBalanceRequest? request, uint rowVersion,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, factoryId, filingId, request, rowVersion, (filing, checkedRequest, tolerance) =>
        {
            filing.EditDraft(checkedRequest.ToBalance(), caller.UserId, clock.GetUtcNow());
            if (checkedRequest.Submit)
            {
                filing.Submit(tolerance, checkedRequest.Justification, caller.UserId, clock.GetUtcNow());
            }
        }, cancellationToken);

    public Task<WaterBalanceDto> AmendAsync(Caller caller, Guid factoryId, Guid filingId, WaterBalanceRequest? request, string reason, uint rowVersion,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, factoryId, filingId, request, rowVersion, (filing, checkedRequest, tolerance) =>
        {
            InputRules.EnsureText("reason", reason, Domain.Common.TextLimits.Comment, l, multiline: true);
            filing.Amend(checkedRequest.ToBalance(), reason, checkedRequest.Justification, tolerance, caller.UserId, clock.GetUtcNow());
        }, cancellationToken);

    /// <summary>The factory's filed monthly intake in a range of months, for a caller who may read the factory.</summary>
    public async Task<IReadOnlyList<Domain.Fees.MonthlyVolumes>> MonthlyIntakeAsync(Caller caller, Guid factoryId, Domain.Fees.YearMonth from,
        Domain.Fees.YearMonth to, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await ReadableFactoryToleranceAsync(db, caller, factoryId, cancellationToken);
        return await MonthlyIntakeAsync(db, factoryId, from, to, cancellationToken);
    }

    /// <summary>
    /// The monthly intake by source from a factory's submitted monthly filings in a range of months, for
    /// pre-filling fee cases and estimates. Half-year filings are not split into months.
    /// </summary>
    public static async Task<IReadOnlyList<Domain.Fees.MonthlyVolumes>> MonthlyIntakeAsync(IEcoParkDbContext db, Guid factoryId, Domain.Fees.YearMonth from,
        Domain.Fees.YearMonth to, CancellationToken cancellationToken)
    {
        var filings = await db.WaterBalanceFilings.AsNoTracking()
            .Where(f => f.FactoryId == factoryId && f.PeriodKind == FilingPeriodKind.Month && f.Status != FilingStatus.Draft)
            .ToListAsync(cancellationToken);
        return [.. filings
            .Select(f => (Month: Domain.Fees.YearMonth.TryParse(f.Period, out var m) ? m : default, f.Current.Balance))
            .Where(x => x.Month >= from && x.Month <= to)
            .OrderBy(x => x.Month)
            .Select(x => new Domain.Fees.MonthlyVolumes(x.Month, x.Balance.TapM3, x.Balance.SurfaceM3, x.Balance.GroundwaterM3, x.Balance.OtherSupplierM3))];
    }

    /// <summary>
    /// <see cref="MonthlyIntakeAsync(IEcoParkDbContext, Guid, Domain.Fees.YearMonth, Domain.Fees.YearMonth, CancellationToken)"/> for many factories in
    /// one query bounded to the months asked for; a factory without filed months in the range is absent.
    /// </summary>
    public static async Task<Dictionary<Guid, IReadOnlyList<Domain.Fees.MonthlyVolumes>>> MonthlyIntakeAsync(IEcoParkDbContext db, IReadOnlyCollection<Guid> factoryIds,
        Domain.Fees.YearMonth from, Domain.Fees.YearMonth to, CancellationToken cancellationToken)
    {
        var (first, last) = (from.ToString(), to.ToString());
        var filings = await db.WaterBalanceFilings.AsNoTracking()
            .Where(f => factoryIds.Contains(f.FactoryId) && f.PeriodKind == FilingPeriodKind.Month && f.Status != FilingStatus.Draft)
            .Where(f => string.Compare(f.Period, first) >= 0 && string.Compare(f.Period, last) <= 0)
            .ToListAsync(cancellationToken);
        return filings
            .Select(f => (f.FactoryId, Month: Domain.Fees.YearMonth.TryParse(f.Period, out var m) ? m : default, f.Current.Balance))
            .Where(x => x.Month >= from && x.Month <= to)
            .GroupBy(x => x.FactoryId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Domain.Fees.MonthlyVolumes>)[.. g.OrderBy(x => x.Month)
                .Select(x => new Domain.Fees.MonthlyVolumes(x.Month, x.Balance.TapM3, x.Balance.SurfaceM3, x.Balance.GroundwaterM3, x.Balance.OtherSupplierM3))]);
    }

    /// <summary>Staff's view of a park: every filing, and the factories that have not filed the last closed month.</summary>
    /// <remarks>
    /// A factory whose latest filing is a half-year filing has chosen half-years: it is overdue only once
    /// the last closed half-year has no filing.
    /// </remarks>
    public async Task<ParkFilingOverviewDto> ParkOverviewAsync(Caller caller, Guid parkId, CancellationToken cancellationToken = default)
    {
        if (!caller.SeesEverything && !caller.ParkIds.Contains(parkId))
        {
            throw new NotFoundException(l["Park.NotFound"]);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var park = await db.Parks.AsNoTracking().SingleOrDefaultAsync(p => p.Id == parkId, cancellationToken) ?? throw new NotFoundException(l["Park.NotFound"]);
        var factories = await db.Factories.AsNoTracking().Where(f => f.ParkId == parkId)
            .Select(f => new { f.Id, f.Name.Zh, f.Name.En }).ToListAsync(cancellationToken);
        var factoryIds = factories.Select(f => f.Id).ToList();
        var filings = await db.WaterBalanceFilings.AsNoTracking().Where(f => factoryIds.Contains(f.FactoryId)).ToListAsync(cancellationToken);

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var due = FilingDue.Of(factoryIds, filings, today);
        var overdue = factories.Where(f => due.Overdue.Contains(f.Id));

        var names = factories.ToDictionary(f => f.Id);
        var rows = filings
            .Select(f => (Filing: f, Figures: f.Current.Balance.Derive(f.Days)))
            .OrderByDescending(x => x.Filing.Period, StringComparer.Ordinal).ThenBy(x => names[x.Filing.FactoryId].Zh, StringComparer.Ordinal)
            .Select(x => new ParkFilingRow(x.Filing.Id, x.Filing.FactoryId, names[x.Filing.FactoryId].Zh, names[x.Filing.FactoryId].En, x.Filing.Period,
                x.Filing.Status.Key(), x.Filing.Current.Version, x.Figures.R2Percent, x.Figures.Closes(park.ClosureTolerancePercent), x.Filing.Current.ChangedAt));
        return new ParkFilingOverviewDto(due.LastClosedMonth, [.. rows], [.. overdue.Select(f => new OverdueFactory(f.Id, f.Zh, f.En))]);
    }

    private WaterBalanceDto ToDto(WaterBalanceFiling filing, decimal tolerance)
    {
        var current = filing.Current;
        var figures = current.Balance.Derive(filing.Days);
        var warnings = new List<string>();
        if (figures.ClosureGapPercent > tolerance)
        {
            var outflows = current.Balance.TotalOutflowsM3;
            warnings.Add(l["Filing.Warning.Closure", Math.Round(figures.ClosureGapPercent, 1), tolerance,
                l[outflows < figures.TotalIntakeM3 ? "Filing.Below" : "Filing.Above"], Math.Abs(figures.TotalIntakeM3 - outflows).ToString("N0")]);
        }

        if (figures.UseGapPercent > tolerance)
        {
            var uses = current.Balance.TotalUsesM3;
            warnings.Add(l["Filing.Warning.Uses", Math.Round(figures.UseGapPercent, 1), tolerance,
                l[uses < figures.TotalIntakeM3 ? "Filing.Below" : "Filing.Above"], Math.Abs(figures.TotalIntakeM3 - uses).ToString("N0")]);
        }

        return new WaterBalanceDto(filing.Id, filing.FactoryId, filing.Period, filing.Status.Key(), current.Version, figures.TotalIntakeM3, figures.TotalWaterUseM3,
            Math.Round(figures.R1Percent, 2), Math.Round(figures.R2Percent, 2), Math.Round(figures.ClosureGapPercent, 2), Math.Round(figures.UseGapPercent, 2),
            Math.Round(figures.IntakeM3PerDay, 2), Math.Round(figures.WaterUseM3PerDay, 2), tolerance, figures.Closes(tolerance), warnings, current.Justification,
            WaterBalanceRequest.From(filing.Period, current.Balance), filing.RowVersion);
    }

    /// <summary>Changes a filing once the caller's right to the factory and the filing are established: only then is the body judged.</summary>
    private async Task<WaterBalanceDto> ChangeAsync(Caller caller, Guid factoryId, Guid filingId, WaterBalanceRequest? request, uint rowVersion,
        Action<WaterBalanceFiling, WaterBalanceRequest, decimal> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var tolerance = await EditableFactoryToleranceAsync(db, caller, factoryId, cancellationToken);
        var filing = await FindAsync(db, factoryId, filingId, tracking: true, cancellationToken);
        var checkedRequest = request ?? throw InputRules.Missing("balance", l);
        checkedRequest.Period = filing.Period;
        await validator.ValidateAndThrowAsync(checkedRequest, cancellationToken);
        db.Entry(filing).Property(f => f.RowVersion).OriginalValue = rowVersion;
        DomainGuard.Run(l, () => change(filing, checkedRequest, tolerance));
        await SaveAsync(db, cancellationToken);
        await RefreshMarginalFeeAsync(filing, cancellationToken);
        return ToDto(filing, tolerance);
    }

    /// <summary>A submitted month changes the factory's marginal water fee as a buyer: its water demands' candidates are recomputed.</summary>
    private Task RefreshMarginalFeeAsync(WaterBalanceFiling filing, CancellationToken cancellationToken) =>
        filing.Status == FilingStatus.Draft ? Task.CompletedTask : candidates.RefreshBuyerAsync(filing.FactoryId, cancellationToken);

    private async Task<decimal> ReadableFactoryToleranceAsync(IEcoParkDbContext db, Caller caller, Guid factoryId, CancellationToken cancellationToken) =>
        await ToleranceAsync(db, await FactoryAccess.ReadableAsync(db, caller, factoryId, l, cancellationToken), cancellationToken);

    private async Task<decimal> EditableFactoryToleranceAsync(IEcoParkDbContext db, Caller caller, Guid factoryId, CancellationToken cancellationToken) =>
        await ToleranceAsync(db, await FactoryAccess.EditableAsync(db, caller, factoryId, l, cancellationToken), cancellationToken);

    private static Task<decimal> ToleranceAsync(IEcoParkDbContext db, FactoryFacts factory, CancellationToken cancellationToken) =>
        db.Parks.Where(p => p.Id == factory.ParkId).Select(p => p.ClosureTolerancePercent).SingleAsync(cancellationToken);

    private async Task<WaterBalanceFiling> FindAsync(IEcoParkDbContext db, Guid factoryId, Guid filingId, bool tracking, CancellationToken cancellationToken)
    {
        var query = tracking ? db.WaterBalanceFilings : db.WaterBalanceFilings.AsNoTracking();
        return await query.SingleOrDefaultAsync(f => f.Id == filingId && f.FactoryId == factoryId, cancellationToken)
            ?? throw new NotFoundException(l["Filing.NotFound"]);
    }

    private async Task SaveAsync(IEcoParkDbContext db, CancellationToken cancellationToken, bool duplicatePeriod = false)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(l["Filing.Conflict"]);
        }
        catch (DbUpdateException e) when (duplicatePeriod && db.IsUniqueViolation(e))
        {
            throw DomainGuard.Invalid("period", l["Filing.Period.Duplicate"]);
        }
    }
}
