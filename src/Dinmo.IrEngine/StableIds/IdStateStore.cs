using Apache.Arrow;
using Apache.Arrow.Ipc;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Errors;
using Dinmo.IrEngine.Output;
using Dinmo.IrEngine.Output.Tables;

namespace Dinmo.IrEngine.StableIds;

/// <summary>
/// Reads and writes <see cref="IdState"/> as Arrow IPC files in <c>_state/</c> inside a run's output
/// folder: <c>run.arrow</c> (run sequence and id), <c>record_ids.arrow</c>, <c>registry.arrow</c>,
/// <c>id_history.arrow</c>. Written into the staging folder, so state is published with the outputs.
/// </summary>
internal static class IdStateStore
{
    public const string Folder = "_state";

    /// <summary>The state of a published run folder, or an empty state when there is none.</summary>
    public static IdState Read(string? runDirectory)
    {
        var folder = runDirectory is null ? null : Path.Combine(runDirectory, Folder);
        if (folder is null || !File.Exists(Path.Combine(folder, "run.arrow"))) return IdState.Empty();
        try
        {
            var run = ReadRows(Path.Combine(folder, "run.arrow"));
            var records = new Dictionary<(string, string), RecordId>();
            ForEachBatch(Path.Combine(folder, "record_ids.arrow"), batch =>
            {
                var (models, keys, ids, active) = (Text(batch, 0), Text(batch, 1), Text(batch, 2), (BooleanArray)batch.Column(3));
                for (var i = 0; i < batch.Length; i++) records[(models.GetString(i), keys.GetString(i))] = new RecordId(ids.GetString(i), active.GetValue(i)!.Value);
            });
            var registry = new Dictionary<string, long>(StringComparer.Ordinal);
            ForEachBatch(Path.Combine(folder, "registry.arrow"), batch =>
            {
                var (ids, first) = (Text(batch, 0), (Int64Array)batch.Column(1));
                for (var i = 0; i < batch.Length; i++) registry[ids.GetString(i)] = first.GetValue(i)!.Value;
            });
            var history = ReadRows(Path.Combine(folder, "id_history.arrow"))
                .Select(r => new IdChange((string)r[0]!, (string)r[1]!, (string?)r[2], (string)r[3]!, (long)r[4]!)).ToList();
            return new IdState { RunSequence = (long)run[0][0]!, Records = records, Registry = registry, History = history };
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidCastException or ArgumentException)
        {
            throw new InputException($"the previous run's state in {folder} cannot be read ({e.Message}); " +
                "move the output folder away to start from no state", e);
        }
    }

    public static void Write(string runDirectory, IdState state, string runId)
    {
        var folder = Path.Combine(runDirectory, Folder);
        Directory.CreateDirectory(folder);
        Save(folder, "run", [("run_sequence", ColumnTypes.Int64), ("run_id", ColumnTypes.Text)],
            [new Int64Array.Builder().Append(state.RunSequence).Build(), TextColumn.Of([runId])], 1);

        var records = state.Records.ToArray();
        System.Array.Sort(records, (a, b) => Columnar.CodePointOrder.Instance.Compare(a.Key.Model, b.Key.Model) is var m && m != 0
            ? m : Columnar.CodePointOrder.Instance.Compare(a.Key.Key, b.Key.Key));
        var active = new BooleanArray.Builder();
        foreach (var r in records) active.Append(r.Value.Active);
        Save(folder, "record_ids", [("model_name", ColumnTypes.Text), ("entity_key", ColumnTypes.Text), ("dinmo_id", ColumnTypes.Text), ("active", ColumnTypes.Flag)],
            [TextColumn.Of(records.Select(r => r.Key.Model)), TextColumn.Of(records.Select(r => r.Key.Key)),
             TextColumn.Of(records.Select(r => r.Value.DinmoId)), active.Build()], records.Length);

        var registry = state.Registry.ToArray();
        System.Array.Sort(registry, (a, b) => Columnar.CodePointOrder.Instance.Compare(a.Key, b.Key));
        var first = new Int64Array.Builder();
        foreach (var r in registry) first.Append(r.Value);
        Save(folder, "registry", [("dinmo_id", ColumnTypes.Text), ("first_run_sequence", ColumnTypes.Int64)],
            [TextColumn.Of(registry.Select(r => r.Key)), first.Build()], registry.Length);

        var sequence = new Int64Array.Builder();
        foreach (var h in state.History) sequence.Append(h.RunSequence);
        Save(folder, "id_history", [("dinmo_id", ColumnTypes.Text), ("change_type", ColumnTypes.Text), ("into_dinmo_id", ColumnTypes.Text),
                ("run_id", ColumnTypes.Text), ("run_sequence", ColumnTypes.Int64)],
            [TextColumn.Of(state.History.Select(h => h.DinmoId)), TextColumn.Of(state.History.Select(h => h.ChangeType)),
             TextColumn.Of(state.History.Select(h => h.IntoDinmoId)), TextColumn.Of(state.History.Select(h => h.RunId)),
             sequence.Build()], state.History.Count);
    }

    private static void Save(string folder, string name, IReadOnlyList<(string, Apache.Arrow.Types.IArrowType)> columns,
        IReadOnlyList<IArrowArray> arrays, int rows)
    {
        var table = OutputTable.Create(name, columns, arrays, rows);
        TableFileWriter.Write(OutputFormat.Arrow, folder, name, table.Schema, [table.Batch]);
    }

    private static void ForEachBatch(string path, Action<RecordBatch> read)
    {
        using var stream = File.OpenRead(path);
        using var reader = new ArrowFileReader(stream);
        while (reader.ReadNextRecordBatch() is { } batch)
        {
            using (batch) read(batch);
        }
    }

    private static StringArray Text(RecordBatch batch, int column) =>
        batch.Column(column) as StringArray ?? throw new InvalidDataException($"column {column} is not text");

    /// <summary>Every row of a small state file as boxed values (strings, bools, longs, nulls).</summary>
    private static List<object?[]> ReadRows(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new ArrowFileReader(stream);
        var rows = new List<object?[]>();
        while (reader.ReadNextRecordBatch() is { } batch)
        {
            for (var i = 0; i < batch.Length; i++)
            {
                rows.Add(batch.Arrays.Select(a => Value(a, i)).ToArray());
            }
        }
        return rows;
    }

    private static object? Value(IArrowArray array, int row) => array.IsNull(row) ? null : array switch
    {
        StringArray s => s.GetString(row),
        BooleanArray b => b.GetValue(row),
        Int64Array l => l.GetValue(row),
        _ => throw new InvalidDataException($"unexpected column type {array.Data.DataType.Name}"),
    };
}
