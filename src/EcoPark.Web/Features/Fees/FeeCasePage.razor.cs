using EcoPark.Application.Fees;
using EcoPark.Domain.Common;
using EcoPark.Domain.Fees;
using EcoPark.Web.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace EcoPark.Web.Features.Fees;

public partial class FeeCasePage
{
    private FeeCaseDto? feeCase;
    private string? errorMessage;
    private bool notFound;
    private EvidenceKind evidenceKind = EvidenceKind.VerificationStatement;

    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private FeeCases FeeCases { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    private bool IsOpen => feeCase?.Status == FeeCaseStatus.Open.Key();

    private IReadOnlyList<AttachedFile> EvidenceFiles =>
    [
        .. feeCase!.Evidence.Select(e => new AttachedFile($"api/v1/fee-cases/{Id}/evidence/{e.Id}", e.FileName, L["Fee.Evidence.Kind." + e.Kind],
            e.SizeBytes, e.Sha256, e.UploadedAt, null)),
    ];

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            await ReloadAsync();
        }
        catch (Application.Common.NotFoundException e)
        {
            notFound = true;
            errorMessage = e.Message;
        }
    }

    private async Task ReloadAsync() => feeCase = await FeeCases.GetAsync(await LoadCallerAsync(), Id);

    /// <summary>Runs a change; validation and rule errors are shown, and the case is reloaded either way.</summary>
    private async Task RunAsync(Func<Task> change)
    {
        errorMessage = null;
        try
        {
            await change();
        }
        catch (ValidationException e)
        {
            errorMessage = string.Join(" ", e.Errors.Select(x => x.ErrorMessage).Distinct());
        }
        catch (Exception e) when (e is Application.Common.ConflictException or Application.Common.ForbiddenException or Application.Common.NotFoundException)
        {
            errorMessage = e.Message;
        }

        await ReloadAsync();
    }

    private Task CalculateAsync() => RunAsync(async () => await FeeCases.CalculateAsync(await LoadCallerAsync(), Id));

    /// <summary>Deciding cannot be undone: the auditor confirms it in a dialog that shows the amount and what it locks.</summary>
    private async Task DecideAsync()
    {
        if (feeCase?.Calculation is not { } calculation)
        {
            return;
        }

        var dialog = await Dialogs.ShowAsync<FeeDecideDialog>(L["Fee.Decide.Confirm.Title"], new DialogParameters<FeeDecideDialog> { { d => d.NetFeeNtd, calculation.NetFeeNtd } });
        if (await dialog.Result is { Canceled: false })
        {
            await RunAsync(async () => await FeeCases.DecideAsync(await LoadCallerAsync(), Id));
        }
    }

    private Task ConfirmZeroAsync(string month) =>
        RunAsync(async () => await FeeCases.SetMonthAsync(await LoadCallerAsync(), Id, new FeeCaseMonthInput { Month = month, ConfirmedZero = true }));

    private Task SaveVerificationAsync(VerificationInput verification) =>
        RunAsync(async () => await FeeCases.RecordVerificationAsync(await LoadCallerAsync(), Id, verification));

    private async Task EditMonthAsync(string month, FeeCaseMonth? current)
    {
        var input = new FeeCaseMonthInput
        {
            Month = month,
            TapM3 = current?.TapM3 ?? 0,
            SurfaceM3 = current?.SurfaceM3 ?? 0,
            GroundwaterM3 = current?.GroundwaterM3 ?? 0,
            OtherSupplierM3 = current?.OtherSupplierM3 ?? 0,
        };
        var dialog = await Dialogs.ShowAsync<FeeMonthEditDialog>(month, new DialogParameters<FeeMonthEditDialog>
        {
            { d => d.Input, input },
            { d => d.ReasonRequired, current is not null },
        });
        if (await dialog.Result is { Canceled: false })
        {
            await RunAsync(async () => await FeeCases.SetMonthAsync(await LoadCallerAsync(), Id, input));
        }
    }

    private async Task AddClaimAsync()
    {
        var input = new ClaimInput { Kind = FeeClaimKind.PollutionFee.Key() };
        var dialog = await Dialogs.ShowAsync<FeeClaimAddDialog>(L["Fee.Claim.Add"], new DialogParameters<FeeClaimAddDialog> { { d => d.Input, input } });
        if (await dialog.Result is { Canceled: false })
        {
            await RunAsync(async () => await FeeCases.AddClaimAsync(await LoadCallerAsync(), Id, input));
        }
    }

    private async Task DecideClaimAsync(Guid claimId, bool accept)
    {
        var dialog = await Dialogs.ShowAsync<TextPromptDialog>(L[accept ? "Fee.Claim.Accept" : "Fee.Claim.Reject"],
            new DialogParameters<TextPromptDialog> { { d => d.Label, L["Field.Comment"].Value } });
        if (await dialog.Result is { Canceled: false, Data: string comment })
        {
            await RunAsync(async () => await FeeCases.DecideClaimAsync(await LoadCallerAsync(), Id, claimId, new ClaimDecisionInput { Accept = accept, Comment = comment }));
        }
    }

    private async Task ReexamineAsync()
    {
        var dialog = await Dialogs.ShowAsync<TextPromptDialog>(L["Fee.Reexamine"], new DialogParameters<TextPromptDialog> { { d => d.Label, L["Field.Reason"].Value } });
        if (await dialog.Result is { Canceled: false, Data: string reason })
        {
            var next = Guid.Empty;
            await RunAsync(async () => next = await FeeCases.ReexamineAsync(await LoadCallerAsync(), Id, reason));
            if (next != Guid.Empty)
            {
                Navigation.NavigateTo($"fees/cases/{next}");
            }
        }
    }

    private Task UploadAsync(UploadedFile file) =>
        RunAsync(async () => await FeeCases.AddEvidenceAsync(await LoadCallerAsync(), Id, evidenceKind, null, file.FileName, file.Content));
}
