using System.Data;
using EcoPark.Application.Abstractions;
using EcoPark.Application.Common;
using EcoPark.Application.Factories;
using EcoPark.Application.Filings;
using EcoPark.Application.Streams;
using EcoPark.Domain.Access;
using EcoPark.Domain.Common;
using EcoPark.Domain.Water;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace EcoPark.Application.Workbooks;

/// <summary>One problem in an uploaded workbook, located as the user sees it.</summary>
public sealed record WorkbookProblem(string Sheet, int Row, string Column, string Message);

/// <summary>
/// What an import did: saved everything, or nothing and every problem found. <see cref="Skipped"/>: submitted periods whose
/// rows were unchanged and so left as they were; <see cref="Amended"/>: submitted periods amended with the row's reason.
/// </summary>
public sealed record ImportResult(bool Saved, int Rows, int Filings, int Streams, IReadOnlyList<WorkbookProblem> Problems,
    IReadOnlyList<string>? Skipped = null, IReadOnlyList<string>? Amended = null);

/// <summary>
/// The filing workbook of a factory: a template, an export of everything filed, and an import that checks
/// every row first and then saves all of it in one transaction, or nothing. Water balances are imported
/// as drafts (a draft of the same period is replaced); a submitted period is skipped when its row is unchanged,
/// and amended when it changed and the row gives a reason (refused otherwise), so an export imports again as it
/// is. Streams are matched by name, so that exporting, editing and importing again updates them.
/// </summary>
public sealed class FilingWorkbooks(
    IEcoParkDbContextFactory dbFactory,
    IValidator<WaterBalanceRequest> balanceValidator,
    EffluentStreams effluents,
    WaterDemands demands,
    HeatStreams heat,
    ByproductStreams byproducts,
    TimeProvider clock,
    IStringLocalizer<Messages> l,
    Matching.CandidateStore candidates)
{
    /// <summary>Uploads above this are refused before they are read.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>Rows read from one sheet at most, empty ones included; a sheet with more is refused.</summary>
    public const int MaxRowsPerSheet = 20_000;

    /// <summary>
    /// A blank workbook: every sheet's headers and no data rows, so that what the user adds is all that is imported
    /// (a pre-filled row of zeros was itself refused as a balance without intake).
    /// </summary>
    public async Task<byte[]> TemplateAsync(Caller caller, Guid factoryId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await FactoryAccess.ReadableAsync(db, caller, factoryId, l, cancellationToken);
        return Write(new WorkbookData());
    }

    public async Task<byte[]> ExportAsync(Caller caller, Guid factoryId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await FactoryAccess.ReadableAsync(db, caller, factoryId, l, cancellationToken);
        var filings = await db.WaterBalanceFilings.AsNoTracking().Where(f => f.FactoryId == factoryId).ToListAsync(cancellationToken);
        var data = new WorkbookData();
        data.Balances.AddRange(filings.OrderBy(f => f.Period, StringComparer.Ordinal).Select(f => WaterBalanceRequest.From(f.Period, f.Current.Balance)));
        data.Effluents.AddRange(await InputsAsync(db, effluents, factoryId, cancellationToken));
        data.Demands.AddRange(await InputsAsync(db, demands, factoryId, cancellationToken));
        data.Heat.AddRange(await InputsAsync(db, heat, factoryId, cancellationToken));
        data.Byproducts.AddRange(await InputsAsync(db, byproducts, factoryId, cancellationToken));
        return Write(data);
    }

    public async Task<ImportResult> ImportAsync(Caller caller, Guid factoryId, Stream workbook, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var factory = await FactoryAccess.EditableAsync(db, caller, factoryId, l, cancellationToken);
        var read = Read(workbook);
        var problems = read.Problems;
        if (read.Rows == 0 && problems.Count == 0)
        {
            problems.Add(new WorkbookProblem(WorkbookLayout.Balance.Name, 2, WorkbookLayout.Balance.Columns[0].Header, l["Workbook.Empty"]));
        }

        foreach (var (input, rows) in read.Balances)
        {
            Report(problems, await balanceValidator.ValidateAsync(input, cancellationToken), WorkbookLayout.Balance, rows);
        }

        await CheckAsync(problems, read.Effluents, effluents, factory, WorkbookLayout.Effluents, cancellationToken);
        await CheckAsync(problems, read.Demands, demands, factory, WorkbookLayout.Demands, cancellationToken);
        await CheckAsync(problems, read.Heat, heat, factory, WorkbookLayout.Heat, cancellationToken);
        await CheckAsync(problems, read.Byproducts, byproducts, factory, WorkbookLayout.Byproducts, cancellationToken);
        if (problems.Count > 0)
        {
            return Refused(read, problems);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var filings = await db.WaterBalanceFilings.Where(f => f.FactoryId == factoryId).ToDictionaryAsync(f => f.Period, StringComparer.Ordinal, cancellationToken);
        var tolerance = await db.Parks.Where(p => p.Id == factory.ParkId).Select(p => p.ClosureTolerancePercent).SingleAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var newPeriods = new List<(int Row, string Period)>();
        var skipped = new List<string>();
        var amended = new List<string>();
        foreach (var (input, rows) in read.Balances)
        {
            var period = FilingPeriod.Parse(input.Period);
            if (!filings.TryGetValue(period.ToString(), out var filing))
            {
                newPeriods.Add((rows.Parent, period.ToString()));
                db.WaterBalanceFilings.Add(new WaterBalanceFiling(Guid.NewGuid(), factoryId, period, input.ToBalance(), caller.UserId, now));
            }
            else if (filing.Status == FilingStatus.Draft)
            {
                filing.EditDraft(input.ToBalance(), caller.UserId, now);
            }
            else if (WaterBalanceFields.Diff(filing.Current.Balance, input.ToBalance()).Count == 0)
            {
                // A submitted period exported and imported unchanged: nothing to do, and the report says so.
                skipped.Add(period.ToString());
            }
            else if (!read.AmendmentReasons.TryGetValue(rows.Parent, out var reason))
            {
                problems.Add(new WorkbookProblem(WorkbookLayout.Balance.Name, rows.Parent, WorkbookLayout.Balance.Column(WorkbookLayout.AmendmentReasonField)!.Header,
                    l["Workbook.AmendmentReasonRequired", period.ToString()]));
            }
            else
            {
                try
                {
                    filing.Amend(input.ToBalance(), reason, input.Justification, tolerance, caller.UserId, now);
                    amended.Add(period.ToString());
                }
                catch (DomainException e)
                {
                    Report(problems, new ValidationResult([new ValidationFailure(e.Field, DomainGuard.Message(l, e))]), WorkbookLayout.Balance, rows);
                }
            }
        }

        var created = new List<(WorkbookSheet Sheet, int Row, string Name)>();
        created.AddRange(Upsert(db, problems, read.Effluents, effluents, factory, WorkbookLayout.Effluents, await effluents.ByNameAsync(db, factoryId, cancellationToken), caller));
        created.AddRange(Upsert(db, problems, read.Demands, demands, factory, WorkbookLayout.Demands, await demands.ByNameAsync(db, factoryId, cancellationToken), caller));
        created.AddRange(Upsert(db, problems, read.Heat, heat, factory, WorkbookLayout.Heat, await heat.ByNameAsync(db, factoryId, cancellationToken), caller));
        created.AddRange(Upsert(db, problems, read.Byproducts, byproducts, factory, WorkbookLayout.Byproducts,
            await byproducts.ByNameAsync(db, factoryId, cancellationToken), caller));
        if (problems.Count > 0)
        {
            return Refused(read, problems);
        }

        try
        {
            await db.LockFactoryAsync(factoryId, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(l["Stream.Conflict"]);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // Another import (or a form) created one of these names or periods at the same moment: nothing is saved,
            // and the rows it took are reported as a sequential import reports a name that exists.
            await transaction.RollbackAsync(cancellationToken);
            return Refused(read, await TakenMeanwhileAsync(factoryId, created, newPeriods, cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        // The imported streams and months enter the factory's stored candidates.
        await candidates.RefreshFactoryAsync(factoryId, cancellationToken);
        return new ImportResult(true, read.Rows, read.Balances.Count - skipped.Count, read.Effluents.Count + read.Demands.Count + read.Heat.Count + read.Byproducts.Count, [],
            skipped, amended);
    }

    /// <summary>Every problem once per cell: a cell that could not be read is not also reported by the rule it then fails.</summary>
    private static ImportResult Refused(ParsedWorkbook read, List<WorkbookProblem> problems) =>
        new(false, read.Rows, 0, 0, [.. problems.DistinctBy(p => (p.Sheet, p.Row, p.Column)).OrderBy(p => WorkbookLayout.All.ToList().FindIndex(s => s.Name == p.Sheet)).ThenBy(p => p.Row)]);

    private static async Task<IEnumerable<TInput>> InputsAsync<TStream, TInput>(IEcoParkDbContext db, StreamHandler<TStream, TInput> handler, Guid factoryId,
        CancellationToken cancellationToken)
        where TStream : Domain.Streams.FactoryStream
        where TInput : StreamInput
    {
        var streams = await handler.Set(db).AsNoTracking().Where(s => s.FactoryId == factoryId).OrderBy(s => s.Name).ToListAsync(cancellationToken);
        return streams.Select(handler.ToInput);
    }

    private static async Task CheckAsync<TStream, TInput>(List<WorkbookProblem> problems, List<(TInput Input, RowMap Rows)> items,
        StreamHandler<TStream, TInput> handler, FactoryFacts factory, WorkbookSheet sheet, CancellationToken cancellationToken)
        where TStream : Domain.Streams.FactoryStream
        where TInput : StreamInput
    {
        foreach (var (input, rows) in items)
        {
            Report(problems, await handler.CheckAsync(input, factory, cancellationToken), sheet, rows);
        }
    }

    /// <summary>Creates or updates each row's stream; answers the rows that create a new name.</summary>
    private List<(WorkbookSheet Sheet, int Row, string Name)> Upsert<TStream, TInput>(IEcoParkDbContext db, List<WorkbookProblem> problems,
        List<(TInput Input, RowMap Rows)> items, StreamHandler<TStream, TInput> handler, FactoryFacts factory, WorkbookSheet sheet, Dictionary<string, TStream> existing,
        Caller caller)
        where TStream : Domain.Streams.FactoryStream
        where TInput : StreamInput
    {
        var created = new List<(WorkbookSheet Sheet, int Row, string Name)>();
        foreach (var (input, rows) in items)
        {
            try
            {
                if (!existing.ContainsKey(input.Name.Trim()))
                {
                    created.Add((sheet, rows.Parent, input.Name.Trim()));
                }

                handler.Upsert(db, factory, existing, input, caller.UserId);
            }
            catch (DomainException e)
            {
                Report(problems, new ValidationResult([new ValidationFailure(e.Field, DomainGuard.Message(l, e))]), sheet, rows);
            }
        }

        return created;
    }

    /// <summary>The new names and periods of a refused save that another writer created meanwhile, each on its row.</summary>
    private async Task<List<WorkbookProblem>> TakenMeanwhileAsync(Guid factoryId, List<(WorkbookSheet Sheet, int Row, string Name)> created,
        List<(int Row, string Period)> newPeriods, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var taken = new HashSet<(string Sheet, string Name)>();
        async Task AddAsync<TStream>(DbSet<TStream> set, WorkbookSheet sheet)
            where TStream : Domain.Streams.FactoryStream
        {
            var names = created.Where(c => c.Sheet == sheet).Select(c => c.Name).ToList();
            foreach (var name in await set.AsNoTracking().Where(s => s.FactoryId == factoryId && names.Contains(s.Name)).Select(s => s.Name).ToListAsync(cancellationToken))
            {
                taken.Add((sheet.Name, name));
            }
        }

        await AddAsync(db.EffluentStreams, WorkbookLayout.Effluents);
        await AddAsync(db.WaterDemands, WorkbookLayout.Demands);
        await AddAsync(db.HeatStreams, WorkbookLayout.Heat);
        await AddAsync(db.ByproductStreams, WorkbookLayout.Byproducts);
        var problems = created.Where(c => taken.Contains((c.Sheet.Name, c.Name)))
            .Select(c => new WorkbookProblem(c.Sheet.Name, c.Row, (c.Sheet.Column("name") ?? c.Sheet.Columns[0]).Header, l["Stream.Name.Duplicate", c.Name])).ToList();
        var periods = newPeriods.Select(p => p.Period).ToList();
        var filed = await db.WaterBalanceFilings.AsNoTracking().Where(f => f.FactoryId == factoryId && periods.Contains(f.Period)).Select(f => f.Period)
            .ToListAsync(cancellationToken);
        problems.AddRange(newPeriods.Where(p => filed.Contains(p.Period))
            .Select(p => new WorkbookProblem(WorkbookLayout.Balance.Name, p.Row, WorkbookLayout.Balance.Columns[0].Header, l["Filing.Period.Duplicate"])));
        if (problems.Count == 0)
        {
            problems.Add(new WorkbookProblem(WorkbookLayout.Balance.Name, 2, WorkbookLayout.Balance.Columns[0].Header, l["Stream.Conflict"]));
        }

        return problems;
    }

    /// <summary>Places each failure on its sheet, row and column: <c>Quality[2].Value</c> is the third quality row of the outlet, column "value".</summary>
    private static void Report(List<WorkbookProblem> problems, ValidationResult result, WorkbookSheet sheet, RowMap rows)
    {
        foreach (var failure in result.Errors)
        {
            var path = failure.PropertyName;
            var bracket = path.IndexOf('[', StringComparison.Ordinal);
            if (bracket > 0 && rows.Children.TryGetValue(path[..bracket].ToLowerInvariant(), out var child))
            {
                var index = int.Parse(path[(bracket + 1)..path.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
                var field = path[(path.IndexOf(']', StringComparison.Ordinal) + 1)..].TrimStart('.');
                var column = child.Sheet.Column(field) ?? child.Sheet.Columns[0];
                problems.Add(new WorkbookProblem(child.Sheet.Name, child.Rows[index], column.Header, failure.ErrorMessage));
                continue;
            }

            var own = sheet.Column(path) ?? sheet.Columns[0];
            problems.Add(new WorkbookProblem(sheet.Name, rows.Parent, own.Header, failure.ErrorMessage));
        }
    }

    // ---- reading ----

    /// <summary>Where an input came from: its own row, and the rows of each child list in order.</summary>
    private sealed record RowMap(int Parent, Dictionary<string, (WorkbookSheet Sheet, List<int> Rows)> Children);

    private sealed class ParsedWorkbook
    {
        public List<WorkbookProblem> Problems { get; } = [];

        public int Rows { get; set; }

        public List<(WaterBalanceRequest Input, RowMap Rows)> Balances { get; } = [];

        /// <summary>The balance rows' amendment reasons, by row number (rows without one are absent).</summary>
        public Dictionary<int, string> AmendmentReasons { get; } = [];

        public List<(EffluentStreamInput Input, RowMap Rows)> Effluents { get; } = [];

        public List<(WaterDemandStreamInput Input, RowMap Rows)> Demands { get; } = [];

        public List<(HeatStreamInput Input, RowMap Rows)> Heat { get; } = [];

        public List<(ByproductStreamInput Input, RowMap Rows)> Byproducts { get; } = [];
    }

    private ParsedWorkbook Read(Stream workbook)
    {
        var parsed = new ParsedWorkbook();
        IReadOnlyList<string> sheetNames;
        var buffer = new MemoryStream();
        workbook.CopyTo(buffer);
        try
        {
            buffer.Position = 0;
            if (DeclaresDocumentType(buffer))
            {
                parsed.Problems.Add(new WorkbookProblem("-", 0, "-", l["Workbook.Unreadable"]));
                return parsed;
            }

            buffer.Position = 0;
            sheetNames = MiniExcel.GetSheetNames(buffer);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            parsed.Problems.Add(new WorkbookProblem("-", 0, "-", l["Workbook.Unreadable"]));
            return parsed;
        }

        IEnumerable<(int Row, Dictionary<string, object?> Cells)> Rows(WorkbookSheet sheet)
        {
            if (!sheetNames.Contains(sheet.Name))
            {
                yield break;
            }

            buffer.Position = 0;
            var rowNumber = 1;
            var checkedHeaders = false;
            IEnumerator<dynamic>? reader = null;
            try
            {
                // Reading a sheet is where a broken file shows: bad XML, a DTD, a sheet the workbook names but lacks.
                while (true)
                {
                    IDictionary<string, object?>? row = null;
                    var unreadable = false;
                    try
                    {
                        reader ??= MiniExcel.Query(buffer, useHeaderRow: true, sheetName: sheet.Name).GetEnumerator();
                        row = reader.MoveNext() ? (IDictionary<string, object?>)reader.Current : null;
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        unreadable = true;
                    }

                    if (unreadable)
                    {
                        parsed.Problems.Add(new WorkbookProblem(sheet.Name, rowNumber + 1, "-", l["Workbook.Unreadable"]));
                        yield break;
                    }

                    if (row is null)
                    {
                        break;
                    }

                    rowNumber++;
                    if (rowNumber > MaxRowsPerSheet + 1)
                    {
                        // Empty rows count too: a sheet that declares millions of them is refused here, not read to the end.
                        parsed.Problems.Add(new WorkbookProblem(sheet.Name, rowNumber, "-", l["Workbook.TooManyRows", MaxRowsPerSheet]));
                        yield break;
                    }

                    if (!checkedHeaders)
                    {
                        checkedHeaders = true;
                        var missing = sheet.Columns.Where(c => !c.Optional && !row.ContainsKey(c.Header)).ToList();
                        foreach (var column in missing)
                        {
                            parsed.Problems.Add(new WorkbookProblem(sheet.Name, 1, column.Header, l["Workbook.ColumnMissing"]));
                        }

                        if (missing.Count > 0)
                        {
                            yield break;
                        }
                    }

                    if (row.Values.All(v => v is null || (v is string s && string.IsNullOrWhiteSpace(s))))
                    {
                        continue;
                    }

                    parsed.Rows++;
                    var cells = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                    foreach (var column in sheet.Columns)
                    {
                        if (WorkbookCells.TryConvert(row.TryGetValue(column.Header, out var cell) ? cell : null, column.Kind, out var value))
                        {
                            cells[column.Field] = value;
                        }
                        else
                        {
                            parsed.Problems.Add(new WorkbookProblem(sheet.Name, rowNumber, column.Header, l[column.Kind switch
                            {
                                CellKind.Flag => "Workbook.Cell.Flag",
                                CellKind.Date => "Workbook.Cell.Date",
                                CellKind.Integer or CellKind.OptionalInteger => "Workbook.Cell.Integer",
                                _ => "Workbook.Cell.Number",
                            }]));
                        }
                    }

                    yield return (rowNumber, cells);
                }
            }
            finally
            {
                reader?.Dispose();
            }
        }

        var periods = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (row, cells) in Rows(WorkbookLayout.Balance))
        {
            var balance = Fill(new WaterBalanceRequest(), cells);
            if (balance.Period is { Length: > 0 } && !periods.Add(balance.Period.Trim()))
            {
                parsed.Problems.Add(new WorkbookProblem(WorkbookLayout.Balance.Name, row, WorkbookLayout.Balance.Columns[0].Header, l["Workbook.PeriodTwice", balance.Period]));
                continue;
            }

            if (cells.GetValueOrDefault(WorkbookLayout.AmendmentReasonField) is string reason && !string.IsNullOrWhiteSpace(reason))
            {
                if (reason.Trim().Length > Domain.Common.TextLimits.Comment)
                {
                    parsed.Problems.Add(new WorkbookProblem(WorkbookLayout.Balance.Name, row, WorkbookLayout.Balance.Column(WorkbookLayout.AmendmentReasonField)!.Header,
                        l["Text.TooLong", Domain.Common.TextLimits.Comment]));
                }

                parsed.AmendmentReasons[row] = reason.Trim();
            }

            parsed.Balances.Add((balance, new RowMap(row, [])));
        }

        var outlets = Parents(parsed, Rows(WorkbookLayout.Effluents), WorkbookLayout.Effluents, () => new EffluentStreamInput(), parsed.Effluents);
        Children(parsed, Rows(WorkbookLayout.EffluentQuality), WorkbookLayout.EffluentQuality, outlets, "quality",
            (input, cells) => input.Quality.Add(Fill(new ParameterValueInput(), cells)));
        var needs = Parents(parsed, Rows(WorkbookLayout.Demands), WorkbookLayout.Demands, () => new WaterDemandStreamInput(), parsed.Demands);
        Children(parsed, Rows(WorkbookLayout.DemandLimits), WorkbookLayout.DemandLimits, needs, "limits",
            (input, cells) => input.Limits.Add(Fill(new ParameterLimitInput(), cells)));
        Children(parsed, Rows(WorkbookLayout.DemandQuality), WorkbookLayout.DemandQuality, needs, "currentwaterquality",
            (input, cells) => input.CurrentWaterQuality.Add(Fill(new ParameterValueInput(), cells)));
        Parents(parsed, Rows(WorkbookLayout.Heat), WorkbookLayout.Heat, () => new HeatStreamInput(), parsed.Heat);
        var materials = Parents(parsed, Rows(WorkbookLayout.Byproducts), WorkbookLayout.Byproducts, () => new ByproductStreamInput(), parsed.Byproducts);
        foreach (var (row, cells) in Rows(WorkbookLayout.ByproductProperties))
        {
            var name = cells["name"] as string ?? string.Empty;
            if (!materials.TryGetValue(name, out var parent))
            {
                parsed.Problems.Add(new WorkbookProblem(WorkbookLayout.ByproductProperties.Name, row, WorkbookLayout.ByproductProperties.Columns[0].Header,
                    l["Workbook.ParentMissing", name, WorkbookLayout.Byproducts.Name]));
                continue;
            }

            var demand = string.Equals(parent.Input.Direction, "demand", StringComparison.OrdinalIgnoreCase);
            if (!demand && cells["value"] is null)
            {
                parsed.Problems.Add(new WorkbookProblem(WorkbookLayout.ByproductProperties.Name, row, WorkbookLayout.ByproductProperties.Column("value")!.Header,
                    l["Workbook.Cell.Number"]));
                continue;
            }

            var list = demand ? "propertylimits" : "properties";
            if (demand)
            {
                parent.Input.PropertyLimits.Add(Fill(new ParameterLimitInput(), cells));
            }
            else
            {
                parent.Input.Properties.Add(Fill(new ParameterValueInput(), cells));
            }

            ChildRows(parent.Rows, list, WorkbookLayout.ByproductProperties).Add(row);
        }

        return parsed;
    }

    /// <summary>Whether any XML part of the package starts with a DTD: a workbook never needs one, and entity expansion is a known attack.</summary>
    private static bool DeclaresDocumentType(Stream package)
    {
        using var zip = new System.IO.Compression.ZipArchive(package, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
        {
            using var reader = new StreamReader(entry.Open());
            var head = new char[2048];
            var read = reader.ReadBlock(head, 0, head.Length);
            if (new string(head, 0, read).Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private Dictionary<string, (TInput Input, RowMap Rows)> Parents<TInput>(ParsedWorkbook parsed, IEnumerable<(int Row, Dictionary<string, object?> Cells)> rows,
        WorkbookSheet sheet, Func<TInput> create, List<(TInput Input, RowMap Rows)> into)
        where TInput : StreamInput
    {
        var byName = new Dictionary<string, (TInput, RowMap)>(StringComparer.Ordinal);
        foreach (var (row, cells) in rows)
        {
            var input = Fill(create(), cells);
            var entry = (input, new RowMap(row, []));
            if (!string.IsNullOrWhiteSpace(input.Name) && !byName.TryAdd(input.Name.Trim(), entry))
            {
                parsed.Problems.Add(new WorkbookProblem(sheet.Name, row, sheet.Columns[0].Header, l["Workbook.NameTwice", input.Name.Trim()]));
                continue;
            }

            into.Add(entry);
        }

        return byName;
    }

    private void Children<TInput>(ParsedWorkbook parsed, IEnumerable<(int Row, Dictionary<string, object?> Cells)> rows, WorkbookSheet sheet,
        Dictionary<string, (TInput Input, RowMap Rows)> parents, string list, Action<TInput, Dictionary<string, object?>> add)
        where TInput : StreamInput
    {
        foreach (var (row, cells) in rows)
        {
            var name = (cells["name"] as string)?.Trim() ?? string.Empty;
            if (!parents.TryGetValue(name, out var parent))
            {
                parsed.Problems.Add(new WorkbookProblem(sheet.Name, row, sheet.Columns[0].Header, l["Workbook.ParentMissing", name, ParentSheet(sheet).Name]));
                continue;
            }

            add(parent.Input, cells);
            ChildRows(parent.Rows, list, sheet).Add(row);
        }
    }

    private static WorkbookSheet ParentSheet(WorkbookSheet child) => child == WorkbookLayout.EffluentQuality ? WorkbookLayout.Effluents : WorkbookLayout.Demands;

    private static List<int> ChildRows(RowMap map, string list, WorkbookSheet sheet)
    {
        if (!map.Children.TryGetValue(list, out var child))
        {
            child = (sheet, []);
            map.Children[list] = child;
        }

        return child.Rows;
    }

    private static T Fill<T>(T target, Dictionary<string, object?> cells)
        where T : class
    {
        foreach (var (field, value) in cells)
        {
            if ((field != "name" || target is StreamInput) && WorkbookCells.Has(target.GetType(), field))
            {
                WorkbookCells.Set(target, field, field == "name" ? value ?? string.Empty : value);
            }
        }

        return target;
    }

    // ---- writing ----

    private sealed class WorkbookData
    {
        public List<WaterBalanceRequest> Balances { get; } = [];

        public List<EffluentStreamInput> Effluents { get; } = [];

        public List<WaterDemandStreamInput> Demands { get; } = [];

        public List<HeatStreamInput> Heat { get; } = [];

        public List<ByproductStreamInput> Byproducts { get; } = [];
    }

    private static byte[] Write(WorkbookData data)
    {
        var sheets = new Dictionary<string, object>
        {
            [WorkbookLayout.Balance.Name] = Table(WorkbookLayout.Balance, data.Balances.Select(b => ((object)b, (string?)null))),
            [WorkbookLayout.Effluents.Name] = Table(WorkbookLayout.Effluents, data.Effluents.Select(e => ((object)e, (string?)null))),
            [WorkbookLayout.EffluentQuality.Name] = Table(WorkbookLayout.EffluentQuality,
                data.Effluents.SelectMany(e => e.Quality.Select(q => ((object)q, (string?)e.Name)))),
            [WorkbookLayout.Demands.Name] = Table(WorkbookLayout.Demands, data.Demands.Select(d => ((object)d, (string?)null))),
            [WorkbookLayout.DemandLimits.Name] = Table(WorkbookLayout.DemandLimits, data.Demands.SelectMany(d => d.Limits.Select(x => ((object)x, (string?)d.Name)))),
            [WorkbookLayout.DemandQuality.Name] = Table(WorkbookLayout.DemandQuality,
                data.Demands.SelectMany(d => d.CurrentWaterQuality.Select(q => ((object)q, (string?)d.Name)))),
            [WorkbookLayout.Heat.Name] = Table(WorkbookLayout.Heat, data.Heat.Select(h => ((object)h, (string?)null))),
            [WorkbookLayout.Byproducts.Name] = Table(WorkbookLayout.Byproducts, data.Byproducts.Select(b => ((object)b, (string?)null))),
            [WorkbookLayout.ByproductProperties.Name] = Table(WorkbookLayout.ByproductProperties, data.Byproducts.SelectMany(b =>
                b.Properties.Select(p => ((object)p, (string?)b.Name)).Concat(b.PropertyLimits.Select(x => ((object)x, (string?)b.Name))))),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    /// <summary>A sheet as a table, so that an empty sheet still carries its headers.</summary>
    private static DataTable Table(WorkbookSheet sheet, IEnumerable<(object Row, string? Parent)> rows)
    {
        var table = new DataTable(sheet.Name);
        foreach (var column in sheet.Columns)
        {
            table.Columns.Add(column.Header, typeof(object));
        }

        foreach (var (row, parent) in rows)
        {
            table.Rows.Add([.. sheet.Columns.Select(c => parent is not null && c.Field == "name" ? parent : WorkbookCells.Has(row.GetType(), c.Field) ? WorkbookCells.Get(row, c.Field) : null)]);
        }

        return table;
    }
}
