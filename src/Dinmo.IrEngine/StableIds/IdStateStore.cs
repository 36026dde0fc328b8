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
            return new IdState
            {
                RunSequence = (long)run[0][0]!, Records = ReadRecords(Path.Combine(folder, "record_ids.arrow")),
                Registry = ReadRegistry(Path.Combine(folder, "registry.arrow")), History = ReadHistory(Path.Combine(folder, "id_history.arrow")),
            };
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

        var records = state.Records;
        var active = new BooleanArray.Builder();
        foreach (var flag in records.Active) active.Append(flag);
        var models = new TextColumnBuilder(records.Count);
        var keys = new TextColumnBuilder(records.Count);
        for (var row = 0; row < records.Count; row++)
        {
            models.Append(records.ModelName(row));
            keys.Append(records.Key(row));
        }
        Save(folder, "record_ids", [("model_name", ColumnTypes.Text), ("entity_key", ColumnTypes.Text), ("dinmo_id", ColumnTypes.Text), ("active", ColumnTypes.Flag)],
            [models.Build(), keys.Build(), IdColumns.Text(records.Ids), active.Build()], records.Count);

        var registry = state.Registry;
        var first = new Int64Array.Builder();
        foreach (var run in registry.FirstRun) first.Append(run);
        Save(folder, "registry", [("dinmo_id", ColumnTypes.Text), ("first_run_sequence", ColumnTypes.Int64)],
            [IdColumns.Text(registry.Ids), first.Build()], registry.Count);

        var history = state.History;
        var sequence = new Int64Array.Builder();
        foreach (var row in history.Rows) sequence.Append(row.RunSequence);
        Save(folder, "id_history", [("dinmo_id", ColumnTypes.Text), ("change_type", ColumnTypes.Text), ("into_dinmo_id", ColumnTypes.Text),
                ("run_id", ColumnTypes.Text), ("run_sequence", ColumnTypes.Int64)],
            [.. IdColumns.History(history), sequence.Build()], history.Count);
    }

    private static StateRecords ReadRecords(string path)
    {
        using var records = new StateRecordsBuilder(1024);
        ForEachBatch(path, batch =>
        {
            var (models, keys, ids, active) = (Text(batch, 0), Text(batch, 1), Text(batch, 2), (BooleanArray)batch.Column(3));
            for (var i = 0; i < batch.Length; i++)
            {
                if (models.IsNull(i) || keys.IsNull(i)) throw new InvalidDataException($"row {i}: null model_name or entity_key");
                records.Add(models.GetBytes(i), keys.GetBytes(i), IdColumns.Parse(ids, i), active.GetValue(i)!.Value);
            }
        });
        return records.Build();
    }

    private static IdRegistry ReadRegistry(string path)
    {
        var ids = new List<DinmoId>();
        var first = new List<long>();
        ForEachBatch(path, batch =>
        {
            var (text, runs) = (Text(batch, 0), (Int64Array)batch.Column(1));
            for (var i = 0; i < batch.Length; i++)
            {
                ids.Add(IdColumns.Parse(text, i));
                first.Add(runs.GetValue(i)!.Value);
            }
        });
        return new IdRegistry([.. ids], [.. first]);
    }

    private static IdChangeLog ReadHistory(string path)
    {
        var runIds = new List<string>();  // run index → run id, in order of first appearance
        var runIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<IdChange>();
        ForEachBatch(path, batch =>
        {
            var (ids, types, into, runs, sequence) = (Text(batch, 0), Text(batch, 1), Text(batch, 2), Text(batch, 3), (Int64Array)batch.Column(4));
            var (lastRun, run) = ((byte[]?)null, -1);
            for (var i = 0; i < batch.Length; i++)
            {
                if (runs.IsNull(i)) throw new InvalidDataException($"row {i}: null run_id");
                // Rows of one run come together (the history is sorted by run), so a run id becomes a string once per run.
                if (lastRun is null || !runs.GetBytes(i).SequenceEqual(lastRun))
                {
                    lastRun = runs.GetBytes(i).ToArray();
                    var runId = runs.GetString(i);
                    if (!runIndex.TryGetValue(runId, out run))
                    {
                        runIndex[runId] = run = runIds.Count;
                        runIds.Add(runId);
                    }
                }
                var hasInto = !into.IsNull(i);
                rows.Add(new IdChange(IdColumns.Parse(ids, i), IdChangeTypeNames.Parse(types.GetBytes(i)),
                    hasInto ? IdColumns.Parse(into, i) : default, hasInto, run, sequence.GetValue(i)!.Value));
            }
        });
        return new IdChangeLog([.. runIds], [.. rows]);
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
