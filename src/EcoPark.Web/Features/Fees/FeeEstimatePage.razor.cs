using EcoPark.Application.Factories;
using EcoPark.Application.Fees;
using EcoPark.Domain.Common;
using EcoPark.Domain.Fees;
using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace EcoPark.Web.Features.Fees;

/// <summary>
/// An engineer's estimate of a fee year for their own factory, with what-ifs: reaching the industry
/// benchmark, and taking a steady flow of reclaimed water in place of tap water.
/// </summary>
public partial class FeeEstimatePage
{
    private IReadOnlyList<FactoryDto> factories = [];
    private Guid? factoryId;
    private int feeYear;
    private RecyclingRateStatus status = RecyclingRateStatus.Unverified;
    private List<FeeMonthInput> months = [];
    private decimal typicalTap = 30_000;
    private bool reachBenchmark = true;
    private bool takeReclaimed;
    private decimal reclaimedPerDay = 100;
    private FeeResultDto? baseline;
    private FeeResultDto? scenario;
    private FeeResultDto? draft2019;
    private string? draftError;
    private string? errorMessage;
    private int filedMonths;

    [Inject]
    private FactoryQueries FactoryQueries { get; set; } = default!;

    [Inject]
    private FeeCalculator Calculator { get; set; } = default!;

    [Inject]
    private FeeRules FeeRules { get; set; } = default!;

    [Inject]
    private Application.Filings.WaterBalanceFilings Filings { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        // The next bill: once this year's window has ended, the coming window belongs to next year's fee (rule data).
        var today = DateOnly.FromDateTime(Clock.GetLocalNow().DateTime);
        feeYear = await NextFeeYearAsync(today);
        await SetWindowAsync();
        var caller = await LoadCallerAsync();
        factories = await FactoryQueries.ListAsync(caller);
        factoryId = factories.FirstOrDefault(f => caller.FactoryIds.Contains(f.Id))?.Id ?? factories.FirstOrDefault()?.Id;
        await PrefillFromFilingsAsync();
    }

    private async Task FactoryChanged(Guid? id)
    {
        factoryId = id;
        await SetWindowAsync();
        await PrefillFromFilingsAsync();
    }

    private async Task FeeYearChanged(int year)
    {
        feeYear = year;
        await SetWindowAsync();
        await PrefillFromFilingsAsync();
    }

    /// <summary>Months the factory has filed come from its filings; the others stay for the engineer to enter.</summary>
    private async Task PrefillFromFilingsAsync()
    {
        baseline = scenario = draft2019 = null;
        if (factoryId is not { } id)
        {
            return;
        }

        if (months.Count == 0)
        {
            return;
        }

        YearMonth.TryParse(months[0].Month, out var first);
        YearMonth.TryParse(months[^1].Month, out var last);
        filedMonths = 0;
        foreach (var filed in await Filings.MonthlyIntakeAsync(await LoadCallerAsync(), id, first, last))
        {
            var month = months.Single(m => m.Month == filed.Month.ToString());
            (month.TapM3, month.SurfaceM3, month.GroundwaterM3, month.OtherSupplierM3) = (filed.TapM3, filed.SurfaceM3, filed.GroundwaterM3, filed.OtherSupplierM3);
            filedMonths++;
        }
    }

    /// <summary>The collection window of the rule set in force for the fee year.</summary>
    private async Task<int> NextFeeYearAsync(DateOnly today)
    {
        try
        {
            return (await FeeRules.EffectiveAsync(FeeScheme.Regulation2023, today.Year)).Regulation2023!.NextFeeYear(today);
        }
        catch (ValidationException)
        {
            return today.Year; // no rule set in force this year: SetWindowAsync says so
        }
    }

    private async Task SetWindowAsync()
    {
        errorMessage = null;
        try
        {
            var rules = await FeeRules.EffectiveAsync(FeeScheme.Regulation2023, feeYear);
            months = [.. rules.Regulation2023!.WindowMonths(feeYear).Select(m => new FeeMonthInput { Month = m.ToString() })];
        }
        catch (ValidationException e)
        {
            months = [];
            errorMessage = string.Join(" ", e.Errors.Select(x => x.ErrorMessage));
        }
    }

    private void FillMonths()
    {
        foreach (var month in months)
        {
            month.TapM3 = typicalTap;
        }
    }

    private async Task EstimateAsync()
    {
        errorMessage = null;
        try
        {
            baseline = await Calculator.CalculateAsync(await LoadCallerAsync(), Request(months, status, reclaimedM3: 0));
            var whatIfStatus = reachBenchmark && status is RecyclingRateStatus.Unverified or RecyclingRateStatus.Below ? RecyclingRateStatus.Within : status;
            var whatIfMonths = takeReclaimed ? [.. months.Select(WithReclaimed)] : months;
            scenario = await Calculator.CalculateAsync(await LoadCallerAsync(), Request(whatIfMonths, whatIfStatus, takeReclaimed ? reclaimedPerDay * 365 : 0));
            await CompareWithDraftAsync();
        }
        catch (ValidationException e)
        {
            errorMessage = string.Join(" ", e.Errors.Select(x => x.ErrorMessage).Distinct());
        }
        catch (Exception e) when (e is Application.Common.ForbiddenException or Application.Common.NotFoundException)
        {
            errorMessage = e.Message;
        }
    }

    /// <summary>
    /// The same window under the 2019 draft, for comparison only: the window's six months as one half-year, tiered on the
    /// total volume (decision 0017). The draft was never promulgated; a failure here leaves the estimate standing.
    /// </summary>
    private async Task CompareWithDraftAsync()
    {
        draft2019 = null;
        draftError = null;
        if (months.Count == 0)
        {
            return;
        }

        try
        {
            draft2019 = await Calculator.CalculateAsync(await LoadCallerAsync(), new FeeCalculationRequest
            {
                Scheme = FeeScheme.Draft2019.Key(),
                FeeYear = feeYear,
                FactoryId = factoryId,
                Period = DraftPeriod.HalfYear.Key(),
                Months =
                [
                    new FeeMonthInput
                    {
                        Month = months[0].Month,
                        TapM3 = months.Sum(m => m.TapM3),
                        SurfaceM3 = months.Sum(m => m.SurfaceM3),
                        GroundwaterM3 = months.Sum(m => m.GroundwaterM3),
                        OtherSupplierM3 = months.Sum(m => m.OtherSupplierM3),
                    },
                ],
            });
        }
        catch (ValidationException e)
        {
            draftError = string.Join(" ", e.Errors.Select(x => x.ErrorMessage).Distinct());
        }
    }

    /// <summary>Reclaimed water replaces fee-bearing water day for day, as <see cref="MonthlyVolumes.Replacing"/> does.</summary>
    private FeeMonthInput WithReclaimed(FeeMonthInput month)
    {
        YearMonth.TryParse(month.Month, out var ym);
        var (less, _) = new MonthlyVolumes(ym, month.TapM3, month.SurfaceM3, month.GroundwaterM3, month.OtherSupplierM3).Replacing(reclaimedPerDay * ym.Days);
        return new FeeMonthInput
        {
            Month = month.Month,
            TapM3 = less.TapM3,
            OtherSupplierM3 = less.OtherSupplierM3,
            SurfaceM3 = less.SurfaceM3,
            GroundwaterM3 = less.GroundwaterM3,
        };
    }

    private FeeCalculationRequest Request(List<FeeMonthInput> volumes, RecyclingRateStatus rate, decimal reclaimedM3) => new()
    {
        Scheme = FeeScheme.Regulation2023.Key(),
        FeeYear = feeYear,
        FactoryId = factoryId,
        Months = volumes,
        RecyclingRate = rate.Key(),
        Claims = new FeeClaimsInput { ReclaimedAndDesalinatedM3 = reclaimedM3 },
    };
}
