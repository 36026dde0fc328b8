using System.Text.Unicode;
using Apache.Arrow;
using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Errors;

namespace Dinmo.IrEngine.Ingest;

/// <summary>
/// Reads every model's batches into the columnar <see cref="LoadedRecords"/>: entity keys, order
/// instants, raw identifier cells and golden field values, then numbers records in key order and
/// marks missing and duplicate primary keys (SPEC §4.1). String cells are read as UTF-8 spans and
/// checked to be valid UTF-8 (an error names file, model, column and row).
/// </summary>
internal static class RecordLoader
{
    /// <summary>
    /// Reads the models on up to <paramref name="threads"/> threads, each into its own columns, then
    /// joins them in model order: record numbers, raw cells and their mapping numbers are the same
    /// whatever the thread count, and when several models fail the first model's error is reported.
    /// </summary>
    public static LoadedRecords Load(IdentityGraph graph, IReadOnlyList<ModelInput> inputs, CancellationToken cancel = default,
        int threads = 1)
    {
        var identifierIndex = graph.Identifiers.Select((d, i) => (d.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        var goldenFields = graph.Golden?.Fields ?? [];
        var fieldTypes = goldenFields.Select(g => FieldSourceType(g.Name, inputs)).ToArray();
        // Mappings are numbered in model order before any reading, so a cell's mapping number never depends on timing.
        var sources = new List<ObservationSource>();
        var mappings = inputs.Select((input, m) => MapSources(input, (short)m, identifierIndex, sources)).ToArray();
        var parts = new ModelPart[inputs.Count];
        RawObservations? raw = null;
        Utf8Column? keys = null;
        FieldColumn[] fields = [];
        try
        {
            ParallelActions.Run([.. inputs.Select((input, m) => (Action)(() =>
                parts[m] = LoadModel(input, mappings[m], goldenFields, fieldTypes, cancel)))], threads);
            // The joined columns are sized for all parts at once: one copy of each part, no growing.
            raw = new RawObservations(parts.Sum(p => p.Raw.Count), parts.Sum(p => p.Raw.Raw.ByteCount));
            raw.Sources.AddRange(sources);
            var total = parts.Sum(p => p.Keys.Count);
            fields = goldenFields.Select((g, f) => new FieldColumn(g.Name, fieldTypes[f], total, parts.Sum(p => p.Fields[f].TextBytes))).ToArray();
            keys = new Utf8Column(total, parts.Sum(p => p.Keys.ByteCount));
            var models = new short[total];
            var orders = new long[total];
            var loaded = 0;
            for (var m = 0; m < parts.Length; m++)
            {
                var part = parts[m];
                var count = part.Keys.Count;
                keys.AddAll(part.Keys);
                models.AsSpan(loaded, count).Fill((short)m);
                part.Orders.AsSpan().CopyTo(orders.AsSpan(loaded));
                foreach (var position in part.Raw.Record.AsSpan()) raw.Record.Add(loaded + position);
                raw.Source.AddRange(part.Raw.Source.AsSpan());
                raw.Raw.AddAll(part.Raw.Raw);
                for (var f = 0; f < fields.Length; f++) fields[f].AddAll(part.Fields[f]);
                part.Dispose();
                parts[m] = null!;
                loaded += count;
            }
            var table = KeyOrder.Build(graph.Models.Select(x => x.Name).ToArray(), models, orders, keys, threads);
            var recordOfLoad = new int[table.Count];
            for (var r = 0; r < table.Count; r++) recordOfLoad[table.LoadIndex[r]] = r;
            var rawRecords = raw.Record.AsSpan();
            for (var i = 0; i < rawRecords.Length; i++) rawRecords[i] = recordOfLoad[rawRecords[i]];
            return new LoadedRecords(table, raw, fields);
        }
        catch
        {
            keys?.Dispose();
            raw?.Dispose();
            foreach (var field in fields) field.Dispose();
            foreach (var part in parts) part?.Dispose();
            throw;
        }
    }

    /// <summary>One model's identifier columns: schema column, mapping number (into <see cref="RawObservations.Sources"/>) and name.</summary>
    private static (int Column, short Source, string Name)[] MapSources(ModelInput input, short modelIndex,
        Dictionary<string, int> identifierIndex, List<ObservationSource> sources)
    {
        var model = input.Model;
        var columns = new ColumnLocator(input.Schema, model);
        var mapped = new List<(int Column, short Source, string Name)>();
        foreach (var mapping in model.Identifiers)
        {
            foreach (var column in mapping.Columns)
            {
                mapped.Add((columns.Require(column), (short)sources.Count, column));
                sources.Add(new ObservationSource(modelIndex, identifierIndex[mapping.Identifier], column));
            }
        }
        return [.. mapped];
    }

    private static ModelPart LoadModel(ModelInput input, (int Column, short Source, string Name)[] sources,
        IReadOnlyList<GoldenColumn> goldenFields, Apache.Arrow.Types.IArrowType[] fieldTypes, CancellationToken cancel)
    {
        var model = input.Model;
        var columns = new ColumnLocator(input.Schema, model);
        var pk = columns.Require(model.PrimaryKey);
        var order = columns.Require(model.OrderField);
        var fieldColumns = goldenFields
            .Select(g => model.Fields.FirstOrDefault(f => f.Field == g.Name) is { } f ? columns.Require(f.Column) : -1)
            .ToArray();
        var fieldNames = goldenFields
            .Select(g => model.Fields.FirstOrDefault(f => f.Field == g.Name)?.Column ?? g.Name)
            .ToArray();
        var part = new ModelPart(goldenFields.Select((g, f) => new FieldColumn(g.Name, fieldTypes[f])).ToArray());
        try
        {
            ReadBatches(input, sources, pk, order, fieldColumns, fieldNames, part, cancel);
            return part;
        }
        catch
        {
            part.Dispose();
            throw;
        }
    }

    private static void ReadBatches(ModelInput input, (int Column, short Source, string Name)[] sources, int pk, int order,
        int[] fieldColumns, string[] fieldNames, ModelPart part, CancellationToken cancel)
    {
        var model = input.Model;
        var (keys, orders, raw, fields) = (part.Keys, part.Orders, part.Raw, part.Fields);
        Span<byte> scratch = stackalloc byte[ArrowValueText.ScratchBytes];
        var keyCells = new BatchTextColumn();
        var sourceCells = sources.Select(_ => new BatchTextColumn()).ToArray();
        var fieldCells = fieldColumns.Select(_ => new BatchTextColumn()).ToArray();
        string? currentFile = null;
        long fileRow = 0;
        foreach (var (file, batch) in input.Batches)
        {
            cancel.ThrowIfCancellationRequested();
            if (!ReferenceEquals(file, currentFile) && file != currentFile)
            {
                currentFile = file;
                fileRow = 0;
            }
            var orderReader = new OrderValueReader(model, file);
            keyCells.Load(batch.Column(pk));
            for (var s = 0; s < sources.Length; s++) sourceCells[s].Load(batch.Column(sources[s].Column));
            // Text fields go through the decoded cells; other types (and missing columns) cell by cell.
            var textField = new bool[fields.Length];
            for (var f = 0; f < fields.Length; f++)
            {
                if (fieldColumns[f] < 0 || fields[f].Kind != FieldKind.Text || batch.Column(fieldColumns[f]) is not BinaryArray) continue;
                fieldCells[f].Load(batch.Column(fieldColumns[f]));
                textField[f] = true;
            }
            var orderArray = batch.Column(order);
            for (var row = 0; row < batch.Length; row++)
            {
                fileRow++;
                var position = keys.Count;
                if (keyCells.TryGet(row, scratch, out var key))
                {
                    CheckUtf8(key, file, model, model.PrimaryKey, fileRow);
                    keys.Add(key);
                }
                else keys.AddNull();
                orders.Add(orderReader.Read(orderArray, row, fileRow));
                for (var s = 0; s < sources.Length; s++)
                {
                    var (_, source, name) = sources[s];
                    if (!sourceCells[s].TryGet(row, scratch, out var value)) continue;
                    CheckUtf8(value, file, model, name, fileRow);
                    raw.Record.Add(position);
                    raw.Source.Add(source);
                    raw.Raw.Add(value);
                }
                for (var f = 0; f < fields.Length; f++)
                {
                    if (textField[f])
                    {
                        if (!fieldCells[f].TryGet(row, scratch, out var cell)) fields[f].AppendNull();
                        else
                        {
                            CheckUtf8(cell, file, model, fieldNames[f], fileRow);
                            fields[f].AppendText(cell);
                        }
                        continue;
                    }
                    var array = fieldColumns[f] < 0 ? null : batch.Column(fieldColumns[f]);
                    fields[f].Append(array, row);
                    if (array is BinaryArray text && !array.IsNull(row))
                    {
                        CheckUtf8(text.GetBytes(row), file, model, fieldNames[f], fileRow);
                    }
                }
            }
        }
    }

    private static void CheckUtf8(ReadOnlySpan<byte> value, string file, ModelConfig model, string column, long row)
    {
        if (!Utf8.IsValid(value)) Throw.Input("invalid UTF-8 in a string value", file, model.Name, column, row);
    }

    /// <summary>The Arrow type of a golden field: that of the first model (config order) that maps it.</summary>
    private static Apache.Arrow.Types.IArrowType FieldSourceType(string field, IReadOnlyList<ModelInput> inputs)
    {
        foreach (var input in inputs)
        {
            var mapping = input.Model.Fields.FirstOrDefault(f => f.Field == field);
            if (mapping is null) continue;
            var index = input.Schema.GetFieldIndex(mapping.Column);
            if (index >= 0) return input.Schema.GetFieldByIndex(index).DataType;
        }
        return Apache.Arrow.Types.StringType.Default;
    }
}
