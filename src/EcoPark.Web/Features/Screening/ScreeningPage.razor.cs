using System.Globalization;
using EcoPark.Application.Common;
using EcoPark.Application.Screening;
using EcoPark.Web.Shared;
using FluentValidation;
using MudBlazor;

namespace EcoPark.Web.Features.Screening;

/// <summary>
/// 園區缺水風險篩選: the ranked parks on a date, a stacked bar of each park's points by factor, the factor
/// breakdown on expansion, the second-screen verdicts and the export. Administrators see every park, staff
/// their own (the handler filters; this page shows what it is given).
/// </summary>
public partial class ScreeningPage
{
    private readonly HashSet<Guid> expanded = [];
    private IReadOnlyList<ParkScreeningDto> parks = [];
    private List<ChartSeries<double>> series = [];
    private string[] labels = [];
    private DateTime? date = DateTime.Today;
    private bool loading = true;
    private string? error;

    private string ExportHref => $"api/v1/screening.xlsx?date={date:yyyy-MM-dd}";

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task DateChangedAsync(DateTime? value)
    {
        date = value ?? DateTime.Today;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        loading = true;
        error = null;
        try
        {
            parks = await Screening.ScreenAsync(await LoadCallerAsync(), DateOnly.FromDateTime(date ?? DateTime.Today));
        }
        catch (Exception e) when (e is ValidationException or ForbiddenException)
        {
            parks = [];
            error = e is ValidationException v ? string.Join(" ", v.Errors.Select(x => x.ErrorMessage)) : e.Message;
        }

        labels = [.. parks.Select(p => Names.Pick(p.NameZh, p.NameEn))];
        series = parks.Count == 0 ? [] :
        [
            .. parks[0].Factors.Select((f, i) => new ChartSeries<double>
            {
                Name = $"{f.Number}. {L["Screening.Factor." + f.Key]}",
                Data = new ChartData<double>([.. parks.Select(p => (double)(p.Factors[i].Points ?? 0))]),
            }),
        ];
        loading = false;
    }

    /// <summary>Opens the figures form for one park; a saved version refreshes the ranking.</summary>
    private async Task EditAsync(ParkScreeningDto park)
    {
        var parameters = new DialogParameters<ScreeningInputsDialog> { { d => d.ParkId, park.ParkId } };
        var dialog = await Dialogs.ShowAsync<ScreeningInputsDialog>(L["Screening.EditTitle", Names.Pick(park.NameZh, park.NameEn)], parameters,
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(L["Screening.Saved"], MudBlazor.Severity.Success);
            await LoadAsync();
        }
    }

    private void Toggle(Guid parkId)
    {
        if (!expanded.Remove(parkId))
        {
            expanded.Add(parkId);
        }
    }

    private string ValueText(ScreeningFactorDto f) => f.Value switch
    {
        null => L["Screening.Missing"],
        bool listed => listed ? L["Screening.Listed"] : L["Screening.NotListed"],
        decimal number => $"{number.ToString("N2", CultureInfo.CurrentCulture)} {f.Unit}",
        var other => other.ToString() ?? string.Empty,
    };

    private static Color VerdictColor(string verdict) => verdict switch
    {
        "priority" => Color.Success,
        "needs-desalination" or "no-land" or "low-flow" => Color.Warning,
        _ => Color.Default,
    };
}
