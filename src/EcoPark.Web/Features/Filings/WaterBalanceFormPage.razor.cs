using EcoPark.Application.Common;
using EcoPark.Application.Filings;
using EcoPark.Domain.Common;
using EcoPark.Domain.Water;
using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace EcoPark.Web.Features.Filings;

/// <summary>
/// Files or amends a water balance. The figures (totals, R1, R2, the closure check) are worked out by the
/// domain as the engineer types; the server repeats every check when the filing is saved.
/// </summary>
public partial class WaterBalanceFormPage
{
    private WaterBalanceRequest request = new();
    private WaterBalanceDto? current;
    private WaterBalanceHistoryDto? history;
    private WaterBalanceFigures? preview;
    private string? previewProblem;
    private Field? problemField;
    private decimal tolerance = 5;
    private string? reason;
    private string? errorMessage;
    private string? loadError;

    [Parameter]
    public Guid FactoryId { get; set; }

    [Parameter]
    public Guid? FilingId { get; set; }

    [Inject]
    private WaterBalanceFilings Filings { get; set; } = default!;

    [Inject]
    private Application.Factories.FactoryQueries FactoryQueries { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Application.Messages> Messages { get; set; } = default!;

    private bool ReadOnly { get; set; }

    private static IReadOnlyList<(string Title, IReadOnlyList<Field> Fields)> Groups { get; } =
    [
        ("Filing.Group.Intake",
        [
            new("tap", r => r.Intake.TapM3, (r, v) => r.Intake.TapM3 = v), new("surface", r => r.Intake.SurfaceM3, (r, v) => r.Intake.SurfaceM3 = v),
            new("groundwater", r => r.Intake.GroundwaterM3, (r, v) => r.Intake.GroundwaterM3 = v),
            new("otherSupplier", r => r.Intake.OtherSupplierM3, (r, v) => r.Intake.OtherSupplierM3 = v),
            new("reclaimedSystem", r => r.Intake.ReclaimedSystemM3, (r, v) => r.Intake.ReclaimedSystemM3 = v),
            new("reclaimedNonSystem", r => r.Intake.ReclaimedNonSystemM3, (r, v) => r.Intake.ReclaimedNonSystemM3 = v),
            new("desalinated", r => r.Intake.DesalinatedM3, (r, v) => r.Intake.DesalinatedM3 = v),
            new("rainwater", r => r.RainwaterM3, (r, v) => r.RainwaterM3 = v), new("condensate", r => r.CondensateM3, (r, v) => r.CondensateM3 = v),
        ]),
        ("Filing.Group.Uses",
        [
            new("cooling", r => r.Uses.CoolingM3, (r, v) => r.Uses.CoolingM3 = v), new("process", r => r.Uses.ProcessM3, (r, v) => r.Uses.ProcessM3 = v),
            new("boiler", r => r.Uses.BoilerM3, (r, v) => r.Uses.BoilerM3 = v), new("scrubber", r => r.Uses.ScrubberM3, (r, v) => r.Uses.ScrubberM3 = v),
            new("domestic", r => r.Uses.DomesticM3, (r, v) => r.Uses.DomesticM3 = v), new("otherUse", r => r.Uses.OtherM3, (r, v) => r.Uses.OtherM3 = v),
        ]),
        ("Filing.Group.Circulation",
        [
            new("circulation", r => r.CirculationM3, (r, v) => r.CirculationM3 = v),
            new("coolingTower", r => r.CoolingTowerCirculationM3, (r, v) => r.CoolingTowerCirculationM3 = v),
            new("reuse", r => r.ReuseM3, (r, v) => r.ReuseM3 = v),
        ]),
        ("Filing.Group.Outflows",
        [
            new("sewer", r => r.Outflows.SewerM3, (r, v) => r.Outflows.SewerM3 = v), new("waterBody", r => r.Outflows.WaterBodyM3, (r, v) => r.Outflows.WaterBodyM3 = v),
            new("evaporation", r => r.Outflows.EvaporationLossM3, (r, v) => r.Outflows.EvaporationLossM3 = v),
            new("inProduct", r => r.Outflows.InProductM3, (r, v) => r.Outflows.InProductM3 = v),
        ]),
    ];

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            var caller = await LoadCallerAsync();
            var filings = await Filings.ListAsync(caller, FactoryId);
            tolerance = filings.FirstOrDefault()?.TolerancePercent ?? tolerance;
            if (FilingId is { } id)
            {
                history = await Filings.HistoryAsync(caller, FactoryId, id);
                current = history.Filing;
                request = current.Balance;
                tolerance = current.TolerancePercent;
            }
            else
            {
                request.Period = DateOnly.FromDateTime(Clock.GetLocalNow().DateTime).AddMonths(-1).ToString("yyyy-MM");
            }

            ReadOnly = !(await FactoryQueries.GetAsync(caller, FactoryId)).CanEdit;
            Recalculate();
        }
        catch (NotFoundException e)
        {
            loadError = e.Message;
        }
    }

    private void Set(Field field, decimal value)
    {
        field.Set(request, value);
        Recalculate();
    }

    private void Recalculate()
    {
        try
        {
            var days = FilingPeriod.TryParse(request.Period, out var period) ? period.Days : 30;
            preview = request.ToBalance().Derive(days);
            previewProblem = null;
        }
        catch (DomainException e)
        {
            preview = null;
            previewProblem = DomainGuard.Message(Messages, e);
            problemField = FieldFor(e.Field);
            return;
        }

        problemField = null;
    }

    private async Task SaveAsync(bool submit)
    {
        request.Submit = submit;
        await RunAsync(async caller => current is null
            ? await Filings.CreateAsync(caller, FactoryId, request)
            : await Filings.EditDraftAsync(caller, FactoryId, current.Id, request, current.RowVersion));
    }

    private Task AmendAsync() =>
        RunAsync(async caller => await Filings.AmendAsync(caller, FactoryId, current!.Id, request, reason ?? string.Empty, current.RowVersion));

    private async Task RunAsync(Func<Domain.Access.Caller, Task<WaterBalanceDto>> save)
    {
        errorMessage = null;
        try
        {
            var saved = await save(await LoadCallerAsync());
            Navigation.NavigateTo($"filings/{FactoryId}/{saved.Id}", forceLoad: FilingId == saved.Id);
        }
        catch (ValidationException e)
        {
            errorMessage = string.Join(" ", e.Errors.Select(x => x.ErrorMessage).Distinct());
        }
        catch (Exception e) when (e is ConflictException or ForbiddenException or NotFoundException)
        {
            errorMessage = e.Message;
        }
    }

    /// <summary>
    /// The form's field for a name the domain or the API uses (<c>tapM3</c>, <c>uses.domesticM3</c>): its last segment is the
    /// field's key with <c>M3</c>, except for the three keys that are shortened on the form.
    /// </summary>
    private static Field? FieldFor(string path)
    {
        var name = path.Split('.')[^1];
        return Groups.SelectMany(g => g.Fields).FirstOrDefault(f => f.Key switch
        {
            "otherUse" => "otherM3",
            "coolingTower" => "coolingTowerCirculationM3",
            "evaporation" => "evaporationLossM3",
            _ => f.Key + "M3",
        } == name);
    }

    /// <summary>A changed field as the form labels it (the history lists the API's paths).</summary>
    private string FieldLabel(string path) => FieldFor(path) is { } field ? L["Filing.Field." + field.Key] : path;

    private sealed record Field(string Key, Func<WaterBalanceRequest, decimal> Get, Action<WaterBalanceRequest, decimal> Set);
}
