using EcoPark.Application.Common;
using EcoPark.Application.Matching;
using EcoPark.Domain.Access;
using EcoPark.Domain.Common;
using EcoPark.Domain.Matching;
using EcoPark.Web.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace EcoPark.Web.Features.Matching;

/// <summary>
/// One match as its park's staff follow it: the lifecycle with dated notes, the agreement and its credit split, consent
/// and introduction, measured months, quotes that replace defaults, the pair's current explanation, documents and history.
/// </summary>
public sealed partial class MatchCasePage
{
    /// <summary>The lifecycle in order, as the state chips show it (declined is shown only as the match's own state).</summary>
    private static readonly string[] States =
        [.. Enum.GetValues<MatchState>().Where(s => s != MatchState.Declined).Select(s => s.Key())];

    private MatchCaseDto? match;

    /// <summary>The match's resource, which decides the kinds of quote it takes.</summary>
    private ResourceKind MatchResource => EnumKeys.Parse<ResourceKind>(match!.Resource);
    private MatchExplanation? explanation;
    private bool canEdit;
    private string? errorMessage;
    private DateTime? eventDate = DateTime.Today;
    private string? note;
    private decimal agreedQuantity;
    private decimal supplierWater = 50, supplierEnergy = 50, supplierCo2e = 50;

    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private MatchCases MatchCases { get; set; } = default!;

    [Inject]
    private Matchmaking Matchmaking { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    private DateOnly? EventDate => eventDate is { } d ? DateOnly.FromDateTime(d) : null;

    private bool IsOpen => match is { State: not ("declined" or "ended") };

    private IReadOnlyList<AttachedFile> Documents =>
    [
        .. match!.Documents.Select(d => new AttachedFile($"api/v1/matches/{match.Id}/documents/{d.Id}", d.FileName, L["State." + d.State], d.SizeBytes,
            d.Sha256, d.UploadedAt, d.UploadedBy)),
    ];

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            // Prerendering: the frame only; the interactive circuit loads the match and evaluates the pair, once.
            return;
        }

        await RunAsync(async caller =>
        {
            match = await MatchCases.GetAsync(caller, Id);
            canEdit = caller.IsAdministrator || caller.ParkIds.Contains(match.ParkId);
            agreedQuantity = match.PredictedQuantity ?? 0;
            await ExplainAsync(caller);
        });
    }

    /// <summary>The pair's explanation as the engine gives it now, with the match's quotes in place of the defaults they stand for.</summary>
    private async Task ExplainAsync(Caller caller)
    {
        try
        {
            explanation = await Matchmaking.ExplainAsync(caller, match!.SupplyStreamId, match.DemandStreamId);
        }
        catch (NotFoundException)
        {
            // A stream deleted since the match was taken up: the match keeps its stored prediction and history.
            explanation = null;
        }
    }

    private Task AdvanceAsync() => RunAsync(async caller =>
        match = await MatchCases.AdvanceAsync(caller, Id, new AdvanceInput { To = match!.Next!, EventDate = EventDate, Note = note, RowVersion = match.RowVersion }));

    private Task AgreeAsync() => RunAsync(async caller =>
        match = await MatchCases.AgreeAsync(caller, Id, new AgreeInput
        {
            Quantity = agreedQuantity,
            SupplierWaterPercent = supplierWater,
            SupplierEnergyPercent = supplierEnergy,
            SupplierCo2ePercent = supplierCo2e,
            EventDate = EventDate,
            Note = note,
            RowVersion = match!.RowVersion,
        }));

    private Task DeclineAsync() => RunAsync(async caller =>
        match = await MatchCases.DeclineAsync(caller, Id, new DeclineInput { Reason = note ?? string.Empty, EventDate = EventDate, RowVersion = match!.RowVersion }));

    private Task AddNoteAsync() => RunAsync(async caller =>
        match = await MatchCases.AddNoteAsync(caller, Id, new MatchNoteInput { Note = note ?? string.Empty, EventDate = EventDate, RowVersion = match!.RowVersion }));

    private Task IntroduceAsync() => RunAsync(async caller => match = await MatchCases.IntroduceAsync(caller, Id));

    private Task RecordMonthAsync(string month, decimal measured) => RunAsync(async caller =>
        match = await MatchCases.RecordMonthAsync(caller, Id, new MatchMonthInput { Month = month, MeasuredQuantity = measured, RowVersion = match!.RowVersion }));

    /// <summary>
    /// Records a quote from the quotes panel. The panel raised the event, so this page is asked to render again: its match,
    /// explanation and message changed, not only the panel's form.
    /// </summary>
    private async Task<bool> RecordQuoteAsync(MatchQuoteInput quote)
    {
        var saved = await RunAsync(async caller =>
        {
            quote.RowVersion = match!.RowVersion;
            match = await MatchCases.RecordQuoteAsync(caller, Id, quote);
            await ExplainAsync(caller);
        });
        StateHasChanged();
        return saved;
    }

    /// <summary>Records a consent on a factory's behalf from the consent panel, which raised the event: this page renders again.</summary>
    private async Task<bool> RecordConsentAsync(ConsentOnBehalfInput input, UploadedFile letter)
    {
        var saved = await RunAsync(async caller => match = await MatchCases.ConsentOnBehalfAsync(caller, Id, input, letter.FileName, letter.Content));
        StateHasChanged();
        return saved;
    }

    private Task UploadAsync(UploadedFile file) => RunAsync(async caller => match = await MatchCases.AddDocumentAsync(caller, Id, file.FileName, file.Content));

    /// <summary>Runs an action; a refusal is shown in the user's language and the note is kept for another try. True when it succeeded.</summary>
    private async Task<bool> RunAsync(Func<Caller, Task> action)
    {
        errorMessage = null;
        try
        {
            await action(await LoadCallerAsync());
            note = null;
            return true;
        }
        catch (ValidationException e)
        {
            errorMessage = string.Join(" ", e.Errors.Select(x => x.ErrorMessage));
        }
        catch (Exception e) when (e is NotFoundException or ForbiddenException or ConflictException)
        {
            errorMessage = e.Message;
        }

        return false;
    }
}
