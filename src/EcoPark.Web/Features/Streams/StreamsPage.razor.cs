using EcoPark.Application.Factories;
using EcoPark.Application.Streams;
using EcoPark.Application.Workbooks;
using EcoPark.Domain.Common;
using EcoPark.Domain.Factories;
using EcoPark.Domain.Streams;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace EcoPark.Web.Features.Streams;

/// <summary>
/// A factory's filed streams in four tabs, each with search, sorting and paging; entries open in their
/// dialog. The Excel template, the export and the all-or-nothing import sit above the tabs.
/// </summary>
public sealed partial class StreamsPage
{
    private IReadOnlyList<FactoryDto> factories = [];
    private IReadOnlyList<StreamDto<EffluentStreamInput>> effluents = [];
    private IReadOnlyList<StreamDto<WaterDemandStreamInput>> demands = [];
    private IReadOnlyList<StreamDto<HeatStreamInput>> heat = [];
    private IReadOnlyList<StreamDto<ByproductStreamInput>> byproducts = [];
    private IReadOnlyList<WorkbookProblem> problems = [];
    private BaselineLimitSet? baseline;
    private Guid? factoryId;
    private string search = string.Empty;
    private string? message;
    private Severity messageSeverity = Severity.Success;
    private bool importing;

    [SupplyParameterFromQuery(Name = "factory")]
    public Guid? FactoryQuery { get; set; }

    [Inject]
    private FactoryQueries FactoryQueries { get; set; } = default!;

    [Inject]
    private EffluentStreams Effluents { get; set; } = default!;

    [Inject]
    private WaterDemands Demands { get; set; } = default!;

    [Inject]
    private HeatStreams Heat { get; set; } = default!;

    [Inject]
    private ByproductStreams Byproducts { get; set; } = default!;

    [Inject]
    private QualityReference Quality { get; set; } = default!;

    [Inject]
    private FilingWorkbooks Workbooks { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    private FactoryDto? Factory => factories.FirstOrDefault(f => f.Id == factoryId);

    private bool CanEdit => Factory?.CanEdit == true;

    protected override async Task OnInitializedAsync()
    {
        var caller = await LoadCallerAsync();
        factories = await FactoryQueries.ListAsync(caller);
        baseline = await Quality.BaselineAsync();
        await FactoryChangedAsync(FactoryQuery ?? factories.FirstOrDefault(f => caller.FactoryIds.Contains(f.Id))?.Id ?? factories.FirstOrDefault()?.Id);
    }

    private async Task FactoryChangedAsync(Guid? id)
    {
        factoryId = id;
        problems = [];
        message = null;
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        if (factoryId is not { } id)
        {
            return;
        }

        var caller = await LoadCallerAsync();
        effluents = await Effluents.ListAsync(caller, id);
        demands = await Demands.ListAsync(caller, id);
        heat = await Heat.ListAsync(caller, id);
        byproducts = await Byproducts.ListAsync(caller, id);
    }

    private IEnumerable<StreamDto<T>> Filtered<T>(IEnumerable<StreamDto<T>> streams)
        where T : StreamInput =>
        string.IsNullOrWhiteSpace(search) ? streams : streams.Where(s => s.Stream.Name.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase));

    private Task OpenEffluentAsync(StreamDto<EffluentStreamInput>? stream) =>
        OpenAsync<EffluentEditDialog, EffluentStream, EffluentStreamInput>("effluent", stream, Effluents, new EffluentStreamInput());

    private Task OpenDemandAsync(StreamDto<WaterDemandStreamInput>? stream) =>
        OpenAsync<WaterDemandEditDialog, WaterDemand, WaterDemandStreamInput>("demand", stream, Demands, new WaterDemandStreamInput(), new Dictionary<string, object?>
        {
            [nameof(WaterDemandEditDialog.Industry)] = EnumKeys.TryParse<Industry>(Factory?.Industry, out var industry) ? industry : Industry.Other,
            [nameof(WaterDemandEditDialog.Baseline)] = baseline,
        });

    private Task OpenHeatAsync(StreamDto<HeatStreamInput>? stream) =>
        OpenAsync<HeatStreamEditDialog, HeatStream, HeatStreamInput>("heat", stream, Heat, new HeatStreamInput());

    private Task OpenByproductAsync(StreamDto<ByproductStreamInput>? stream) =>
        OpenAsync<ByproductEditDialog, ByproductStream, ByproductStreamInput>("byproduct", stream, Byproducts, new ByproductStreamInput());

    /// <summary>
    /// Opens an entry (re-read, so the dialog edits the current row version) or a blank one, and reloads after a save or delete.
    /// The title names the kind of stream (<paramref name="kind"/>: effluent, demand, heat or byproduct), and the entry's name.
    /// </summary>
    private async Task OpenAsync<TDialog, TStream, TInput>(string kind, StreamDto<TInput>? stream, StreamHandler<TStream, TInput> handler, TInput blank,
        Dictionary<string, object?>? extra = null)
        where TDialog : StreamDialogBase<TStream, TInput>
        where TStream : FactoryStream
        where TInput : StreamInput
    {
        if (factoryId is not { } id)
        {
            return;
        }

        var input = stream is null ? blank : (await handler.GetAsync(await LoadCallerAsync(), id, stream.Id)).Stream;
        var parameters = new DialogParameters
        {
            [nameof(StreamDialogBase<TStream, TInput>.FactoryId)] = id,
            [nameof(StreamDialogBase<TStream, TInput>.StreamId)] = stream?.Id,
            [nameof(StreamDialogBase<TStream, TInput>.Input)] = input,
            [nameof(StreamDialogBase<TStream, TInput>.CanEdit)] = CanEdit,
        };
        foreach (var (key, value) in extra ?? [])
        {
            parameters[key] = value;
        }

        var title = stream is null ? L["Stream.AddKind." + kind] : L["Stream.EditKind." + kind, stream.Stream.Name];
        var dialog = await Dialogs.ShowAsync<TDialog>(title, parameters,
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        var result = await dialog.Result;
        if (result is { Canceled: false })
        {
            message = result.Data is "deleted" ? L["Stream.Deleted", input.Name] : L["Stream.Saved", input.Name];
            messageSeverity = Severity.Success;
            await ReloadAsync();
        }
    }

    /// <summary>What was saved, and which submitted periods were left as they were or amended.</summary>
    private string ImportedMessage(ImportResult result)
    {
        var parts = new List<string> { L["Workbook.Imported", result.Rows, result.Filings, result.Streams] };
        if (result.Skipped is { Count: > 0 } skipped)
        {
            parts.Add(L["Workbook.Skipped", string.Join(", ", skipped)]);
        }

        if (result.Amended is { Count: > 0 } amended)
        {
            parts.Add(L["Workbook.Amended", string.Join(", ", amended)]);
        }

        return string.Join(" ", parts);
    }

    private async Task ImportAsync(IBrowserFile? file)
    {
        if (file is null || factoryId is not { } id)
        {
            return;
        }

        if (file.Size > FilingWorkbooks.MaxBytes)
        {
            message = L["Workbook.TooLarge", FilingWorkbooks.MaxBytes / 1024 / 1024];
            messageSeverity = Severity.Error;
            return;
        }

        importing = true;
        try
        {
            using var buffer = new MemoryStream();
            await file.OpenReadStream(FilingWorkbooks.MaxBytes).CopyToAsync(buffer);
            buffer.Position = 0;
            var result = await Workbooks.ImportAsync(await LoadCallerAsync(), id, buffer);
            problems = result.Problems;
            message = result.Saved ? ImportedMessage(result) : L["Workbook.Refused", result.Problems.Count];
            messageSeverity = result.Saved ? Severity.Success : Severity.Error;
            await ReloadAsync();
        }
        finally
        {
            importing = false;
        }
    }
}
