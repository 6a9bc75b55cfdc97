using EcoPark.Application.Common;
using EcoPark.Application.Screening;
using EcoPark.Domain.Screening;
using EcoPark.Web.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EcoPark.Web.Features.Screening;

/// <summary>
/// Records the next dated, sourced version of one park's screening figures, pre-filled from its latest
/// version, and lists the versions so far. The request's validator judges every field; the handler checks
/// that the caller may edit the park.
/// </summary>
public partial class ScreeningInputsDialog
{
    private static readonly string[] LowToleranceKeys = ["unknown", "yes", "no"];

    private MudForm form = default!;
    private FormValidation<ScreeningInputsRequest> validation = default!;
    private IReadOnlyList<ScreeningInputsVersionDto> history = [];
    private string? errorMessage;
    private bool saving;
    private bool loaded;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    /// <summary>A county is kept by its Chinese name, as the screen compares it, and shown in the reader's language.</summary>
    private string CountyName(string? county) => TaiwanCounties.Code(county) is { } code ? L["County." + code] : county ?? string.Empty;

    [Parameter, EditorRequired]
    public Guid ParkId { get; set; }

    private ScreeningInputsForm Input { get; set; } = new();

    private string LowToleranceKey
    {
        get => Input.LowTolerance switch { true => "yes", false => "no", null => "unknown" };
        set => Input.LowTolerance = value switch { "yes" => true, "no" => false, _ => null };
    }

    protected override async Task OnInitializedAsync()
    {
        validation = new FormValidation<ScreeningInputsRequest>(Validator, model => ((ScreeningInputsForm)model).ToRequest());
        try
        {
            history = await Screening.HistoryAsync(await LoadCallerAsync(), ParkId);
        }
        catch (Exception e) when (e is ForbiddenException or NotFoundException)
        {
            errorMessage = e.Message;
        }

        Input = ScreeningInputsForm.From(history.Count > 0 ? history[0].Values : null, Screening.Today);
        loaded = true;
    }

    private void Cancel() => Dialog.Cancel();

    private async Task SaveAsync()
    {
        if (!loaded)
        {
            return;
        }

        await form.ValidateAsync();
        if (!form.IsValid)
        {
            return;
        }

        saving = true;
        errorMessage = null;
        try
        {
            var saved = await Screening.RecordAsync(await LoadCallerAsync(), ParkId, Input.ToRequest());
            Dialog.Close(DialogResult.Ok(saved));
        }
        catch (FluentValidation.ValidationException e)
        {
            validation.SetServerErrors(e);
            await form.ValidateAsync();
            errorMessage = L["Form.HasErrors"];
        }
        catch (Exception e) when (e is ConflictException or ForbiddenException or NotFoundException)
        {
            errorMessage = e.Message;
        }
        finally
        {
            saving = false;
        }
    }
}
