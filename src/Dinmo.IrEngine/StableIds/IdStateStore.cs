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

    /// <summary>
    /// Writes the state into <c>_state/</c> under <paramref name="runDirectory"/>, each file streamed in
    /// chunks of <paramref name="rowsPerChunk"/> rows like the output tables, so no state table is ever
    /// whole in memory. Files are read back batch by batch, whatever the chunk size.
    /// </summary>
    public static void Write(string runDirectory, IdState state, string runId, int rowsPerChunk = ChunkedTableWriter.RowsPerChunk)
    {
        var to = new TableDestination(OutputFormat.Arrow, Path.Combine(runDirectory, Folder), rowsPerChunk);
        Directory.CreateDirectory(to.Directory);
        Save(to, "run", [("run_sequence", ColumnTypes.Int64), ("run_id", ColumnTypes.Text)],
            [new Int64Array.Builder().Append(state.RunSequence).Build(), TextColumn.Of([runId])], 1);
        WriteRecords(to, state.Records);
        WriteRegistry(to, state.Registry);
        WriteHistory(to, state.History);
    }

    private static void WriteRecords(TableDestination to, StateRecords records)
    {
        var capacity = ChunkedTableWriter.ChunkCapacity(to, records.Count);
        var (models, keys, ids, active) = (new TextColumnBuilder(capacity, 16), new TextColumnBuilder(capacity, 16),
            new TextColumnBuilder(capacity, DinmoId.TextLength), new FlagColumnBuilder(capacity));
        using var output = new ChunkedTableWriter(to, "record_ids",
            [("model_name", ColumnTypes.Text, models), ("entity_key", ColumnTypes.Text, keys), ("dinmo_id", ColumnTypes.Text, ids), ("active", ColumnTypes.Flag, active)]);
        for (var row = 0; row < records.Count; row++)
        {
            models.Append(records.ModelName(row));
            keys.Append(records.Key(row));
            ids.Append(records.Ids[row]);
            active.Append(records.Active[row]);
            output.EndRow();
        }
        output.Complete();
    }

    private static void WriteRegistry(TableDestination to, IdRegistry registry)
    {
        var capacity = ChunkedTableWriter.ChunkCapacity(to, registry.Count);
        var (ids, first) = (new TextColumnBuilder(capacity, DinmoId.TextLength), new ValueColumnBuilder<long>(ColumnTypes.Int64, capacity));
        using var output = new ChunkedTableWriter(to, "registry", [("dinmo_id", ColumnTypes.Text, ids), ("first_run_sequence", ColumnTypes.Int64, first)]);
        for (var row = 0; row < registry.Count; row++)
        {
            ids.Append(registry.Ids[row]);
            first.Append(registry.FirstRun[row]);
            output.EndRow();
        }
        output.Complete();
    }

    private static void WriteHistory(TableDestination to, IdChangeLog history)
    {
        var capacity = ChunkedTableWriter.ChunkCapacity(to, history.Count);
        var columns = new IdHistoryColumns(history, capacity);
        var sequence = new ValueColumnBuilder<long>(ColumnTypes.Int64, capacity);
        using var output = new ChunkedTableWriter(to, "id_history",
            [("dinmo_id", ColumnTypes.Text, columns.Ids), ("change_type", ColumnTypes.Text, columns.Types), ("into_dinmo_id", ColumnTypes.Text, columns.Into),
             ("run_id", ColumnTypes.Text, columns.Runs), ("run_sequence", ColumnTypes.Int64, sequence)]);
        foreach (var row in history.Rows)
        {
            columns.Append(row);
            sequence.Append(row.RunSequence);
            output.EndRow();
        }
        output.Complete();
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

    private static void Save(TableDestination to, string name, IReadOnlyList<(string, Apache.Arrow.Types.IArrowType)> columns,
        IReadOnlyList<IArrowArray> arrays, int rows)
    {
        var table = OutputTable.Create(name, columns, arrays, rows);
        TableFileWriter.Write(OutputFormat.Arrow, to.Directory, name, table.Schema, [table.Batch]);
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
