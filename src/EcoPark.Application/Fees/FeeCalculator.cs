using EcoPark.Application.Abstractions;
using EcoPark.Application.Common;
using EcoPark.Domain.Access;
using EcoPark.Domain.Common;
using EcoPark.Domain.Fees;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EcoPark.Application.Fees;

/// <summary>
/// The stateless fee calculation. Auditors, staff and administrators may calculate any figures; an
/// engineer only for one of their own factories (name it in <see cref="FeeCalculationRequest.FactoryId"/>).
/// </summary>
public sealed class FeeCalculator(FeeRules rules, IValidator<FeeCalculationRequest> validator, IEcoParkDbContextFactory dbFactory, IStringLocalizer<Messages> l)
{
    public async Task<FeeResultDto> CalculateAsync(Caller caller, FeeCalculationRequest request, CancellationToken cancellationToken = default)
    {
        await validator.ValidateAndThrowAsync(request, cancellationToken);
        await AuthorizeAsync(caller, request.FactoryId, cancellationToken);

        EnumKeys.TryParse<FeeScheme>(request.Scheme, out var scheme);
        var ruleSet = await rules.EffectiveAsync(scheme, request.FeeYear, cancellationToken);
        var domainRequest = ToDomain(request);
        if (ruleSet.Regulation2023 is { } regulation)
        {
            CheckWindow(domainRequest, regulation, request.FeeYear);
        }

        return FeeResultDto.From(FeeEngine.Calculate(ruleSet, domainRequest), l);
    }

    private static FeeRequest ToDomain(FeeCalculationRequest request)
    {
        EnumKeys.TryParse<RecyclingRateStatus>(request.RecyclingRate, out var status);
        EnumKeys.TryParse<PayerCategory>(request.PayerCategory, out var payer);
        var claims = request.Claims;
        return new FeeRequest(
            request.FeeYear,
            payer,
            [.. request.Months.Select(m => new MonthlyVolumes(YearMonth.TryParse(m.Month, out var ym) ? ym : default, m.TapM3, m.SurfaceM3, m.GroundwaterM3, m.OtherSupplierM3))],
            status,
            new FeeClaims
            {
                ReclaimedAndDesalinatedM3 = claims.ReclaimedAndDesalinatedM3,
                CommittedReclaimedM3 = claims.CommittedReclaimedM3,
                InvestmentOffsetNtd = claims.InvestmentOffsetNtd,
                PollutionFeePaidNtd = claims.PollutionFeePaidNtd,
                TapPriceConservationNtd = claims.TapPriceConservationNtd,
                DraftReductionPercent = claims.DraftReductionPercent,
            },
            request.HalfRate,
            EnumKeys.TryParse<DraftPeriod>(request.Period, out var period) ? period : DraftPeriod.Month);
    }

    private void CheckWindow(FeeRequest request, Regulation2023Rules regulation, int feeYear)
    {
        var failures = request.Months
            .Select((m, i) => (m.Month, Index: i))
            .Where(x => !regulation.InWindow(x.Month, feeYear))
            .Select(x => new ValidationFailure($"Months[{x.Index}].Month",
                l["Fee.Month.OutsideWindow", x.Month, regulation.WindowStart(feeYear), regulation.WindowEnd(feeYear)]))
            .ToList();
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }
    }

    private async Task AuthorizeAsync(Caller caller, Guid? factoryId, CancellationToken cancellationToken)
    {
        var broad = caller.IsAdministrator || caller.IsIn(Roles.Auditor) || caller.IsIn(Roles.ParkStaff);
        if (!broad && !caller.IsIn(Roles.FactoryEngineer))
        {
            throw new ForbiddenException(l["Fee.Forbidden"]);
        }

        if (factoryId is null)
        {
            if (!broad)
            {
                throw new ForbiddenException(l["Fee.EngineerOwnOnly"]);
            }

            return;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var factory = await db.Factories.AsNoTracking().Where(f => f.Id == factoryId).Select(f => new { f.Id, f.ParkId }).SingleOrDefaultAsync(cancellationToken);
        if (factory is null || !caller.CanReadFactory(factory.Id, factory.ParkId))
        {
            throw new NotFoundException(l["Factory.NotFound"]);
        }
    }
}
