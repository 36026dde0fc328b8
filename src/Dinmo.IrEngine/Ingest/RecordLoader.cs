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
    public static LoadedRecords Load(IdentityGraph graph, IReadOnlyList<ModelInput> inputs, CancellationToken cancel = default)
    {
        var identifierIndex = graph.Identifiers.Select((d, i) => (d.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        var goldenFields = graph.Golden?.Fields ?? [];
        var fields = goldenFields.Select(g => new FieldColumn(g.Name, FieldSourceType(g.Name, inputs))).ToArray();
        var keys = new Utf8Column();
        var models = new GrowableArray<short>();
        var orders = new GrowableArray<long>();
        var raw = new RawObservations();
        try
        {
            for (var m = 0; m < inputs.Count; m++)
            {
                LoadModel(inputs[m], (short)m, identifierIndex, goldenFields, fields, keys, models, orders, raw, cancel);
            }
            var table = KeyOrder.Build(graph.Models.Select(x => x.Name).ToArray(), models.ToArray(), orders.ToArray(), keys);
            var recordOfLoad = new int[table.Count];
            for (var r = 0; r < table.Count; r++) recordOfLoad[table.LoadIndex[r]] = r;
            var rawRecords = raw.Record.AsSpan();
            for (var i = 0; i < rawRecords.Length; i++) rawRecords[i] = recordOfLoad[rawRecords[i]];
            return new LoadedRecords(table, raw, fields);
        }
        catch
        {
            keys.Dispose();
            raw.Dispose();
            foreach (var f in fields) f.Dispose();
            throw;
        }
        finally
        {
            models.Dispose();
            orders.Dispose();
        }
    }

    private static void LoadModel(ModelInput input, short modelIndex, Dictionary<string, int> identifierIndex,
        IReadOnlyList<GoldenColumn> goldenFields, FieldColumn[] fields, Utf8Column keys, GrowableArray<short> models,
        GrowableArray<long> orders, RawObservations raw, CancellationToken cancel)
    {
        var model = input.Model;
        var columns = new ColumnLocator(input.Schema, model);
        var pk = columns.Require(model.PrimaryKey);
        var order = columns.Require(model.OrderField);
        var sources = new List<(int Column, short Source, string Name)>();
        foreach (var mapping in model.Identifiers)
        {
            foreach (var column in mapping.Columns)
            {
                sources.Add((columns.Require(column), (short)raw.Sources.Count, column));
                raw.Sources.Add(new ObservationSource(modelIndex, identifierIndex[mapping.Identifier], column));
            }
        }
        var fieldColumns = goldenFields
            .Select(g => model.Fields.FirstOrDefault(f => f.Field == g.Name) is { } f ? columns.Require(f.Column) : -1)
            .ToArray();

        Span<byte> scratch = stackalloc byte[ArrowValueText.ScratchBytes];
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
            var pkArray = batch.Column(pk);
            var orderArray = batch.Column(order);
            for (var row = 0; row < batch.Length; row++)
            {
                fileRow++;
                var position = keys.Count;
                if (ArrowValueText.TryGet(pkArray, row, scratch, out var key))
                {
                    CheckUtf8(key, file, model, model.PrimaryKey, fileRow);
                    keys.Add(key);
                }
                else keys.AddNull();
                models.Add(modelIndex);
                orders.Add(orderReader.Read(orderArray, row, fileRow));
                foreach (var (column, source, name) in sources)
                {
                    if (!ArrowValueText.TryGet(batch.Column(column), row, scratch, out var value)) continue;
                    CheckUtf8(value, file, model, name, fileRow);
                    raw.Record.Add(position);
                    raw.Source.Add(source);
                    raw.Raw.Add(value);
                }
                for (var f = 0; f < fields.Length; f++)
                {
                    var array = fieldColumns[f] < 0 ? null : batch.Column(fieldColumns[f]);
                    fields[f].Append(array, row);
                    if (array is BinaryArray text && !array.IsNull(row))
                    {
                        CheckUtf8(text.GetBytes(row), file, model, model.Fields.First(x => x.Field == fields[f].Name).Column, fileRow);
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
