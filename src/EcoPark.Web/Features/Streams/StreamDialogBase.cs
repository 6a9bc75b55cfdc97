using System.Text.RegularExpressions;
using EcoPark.Application.Common;
using EcoPark.Application.Streams;
using EcoPark.Domain.Streams;
using EcoPark.Web.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace EcoPark.Web.Features.Streams;

/// <summary>
/// What the four stream dialogs share: the form validated field by field with the same validator as the
/// API, save (create or update with the row version read), delete, and the errors of list rows
/// (quality values, limits) shown by row, since those have no single field to sit on.
/// </summary>
public abstract partial class StreamDialogBase<TStream, TInput> : CallerComponentBase
    where TStream : FactoryStream
    where TInput : StreamInput
{
    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Parameter, EditorRequired]
    public Guid FactoryId { get; set; }

    /// <summary>Null for a new entry.</summary>
    [Parameter]
    public Guid? StreamId { get; set; }

    [Parameter, EditorRequired]
    public TInput Input { get; set; } = default!;

    [Parameter]
    public bool CanEdit { get; set; } = true;

    [Inject]
    private IValidator<TInput> Validator { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    protected IStringLocalizer<SharedResource> L { get; set; } = default!;

    protected MudForm Form { get; set; } = default!;

    protected FormValidation<TInput> Validation { get; private set; } = default!;

    protected string? ErrorMessage { get; private set; }

    protected IReadOnlyList<string> RowErrors { get; private set; } = [];

    protected bool Saving { get; private set; }

    protected abstract StreamHandler<TStream, TInput> Handler { get; }

    protected override void OnInitialized() => Validation = new FormValidation<TInput>(Validator);

    protected void Cancel() => Dialog.Cancel();

    protected async Task SaveAsync()
    {
        await Form.ValidateAsync();
        if (!Form.IsValid)
        {
            return;
        }

        Saving = true;
        ErrorMessage = null;
        RowErrors = [];
        try
        {
            var caller = await LoadCallerAsync();
            var saved = StreamId is { } id
                ? await Handler.UpdateAsync(caller, FactoryId, id, Input)
                : await Handler.CreateAsync(caller, FactoryId, Input);
            Dialog.Close(DialogResult.Ok(saved));
        }
        catch (ValidationException e)
        {
            Validation.SetServerErrors(e);
            await Form.ValidateAsync();
            RowErrors = [.. e.Errors.Where(x => x.PropertyName.Contains('[', StringComparison.Ordinal)).Select(x => RowLabel(x.PropertyName) + x.ErrorMessage)];
            ErrorMessage = L["Form.HasErrors"];
        }
        catch (Exception e) when (e is ConflictException or ForbiddenException or NotFoundException)
        {
            ErrorMessage = e.Message;
        }
        finally
        {
            Saving = false;
        }
    }

    protected async Task DeleteAsync()
    {
        if (StreamId is not { } id || await Dialogs.ShowMessageBoxAsync(L["Stream.Delete"], L["Stream.DeleteConfirm", Input.Name], L["Stream.Delete"], L["Action.Cancel"]) != true)
        {
            return;
        }

        try
        {
            await Handler.DeleteAsync(await LoadCallerAsync(), FactoryId, id);
            Dialog.Close(DialogResult.Ok("deleted"));
        }
        catch (Exception e) when (e is ForbiddenException or NotFoundException)
        {
            ErrorMessage = e.Message;
        }
    }

    /// <summary><c>Quality[2].Value</c> → "Water quality, row 3, Value: ".</summary>
    private string RowLabel(string path)
    {
        var match = RowPath().Match(path);
        if (!match.Success)
        {
            return string.Empty;
        }

        var list = match.Groups["list"].Value switch
        {
            "Quality" => L["Quality.Title"].Value,
            "CurrentWaterQuality" => L["Quality.CurrentTitle"].Value,
            "Limits" => L["Limits.Title"].Value,
            "Properties" => L["Byproduct.Properties"].Value,
            "PropertyLimits" => L["Byproduct.PropertyLimits"].Value,
            var other => other,
        };
        return $"{list} #{int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture) + 1}: ";
    }

    [GeneratedRegex(@"^(?<list>\w+)\[(?<index>\d+)\]")]
    private static partial Regex RowPath();
}
