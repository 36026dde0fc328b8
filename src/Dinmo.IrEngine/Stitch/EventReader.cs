using Apache.Arrow;
using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Errors;
using Dinmo.IrEngine.Ingest;
using Dinmo.IrEngine.Standardize;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// Reads the events of every model through the shared readers (<see cref="TableSources"/>,
/// <see cref="ArrowValueText"/>), standardizes and block-checks their identifier values with the
/// shared <see cref="IdentifierPolicy"/> steps, and skips rows of partitions older than the
/// previous run's window. Models, and slices of one model (<see cref="ReadSlice"/>), can be read on
/// different threads (<see cref="Read"/> keeps its state in its result). Files are still scanned in full: the window saves the stitching work, not
/// the I/O (no predicate pushdown).
/// </summary>
internal sealed class EventReader(EventGraph graph, IReadOnlyList<IdentifierPolicy> policies)
{
    private readonly Dictionary<string, IdentifierPolicy> _byName = policies.ToDictionary(p => p.Name, StringComparer.Ordinal);

    /// <summary>Opens every model (schemas only) and checks that the named columns exist and can be read.</summary>
    public IReadOnlyList<IReadOnlyList<ITableSource>> Open()
    {
        var opened = new List<IReadOnlyList<ITableSource>>();
        try
        {
            foreach (var model in graph.Models) opened.Add(TableSources.Open(model.AsReaderModel(), graph.BaseDirectory));
            try
            {
                EventGraphLoader.CheckInputSchemas(graph, m => opened[IndexOf(m)][0].Schema);
            }
            catch (ConfigException e)
            {
                // SPEC §10: a column missing from an input is invalid input (exit 3).
                throw new InputException(e.Message, e);
            }
            for (var m = 0; m < graph.Models.Count; m++) CheckTypes(graph.Models[m], opened[m][0]);
            return opened;
        }
        catch
        {
            foreach (var source in opened.SelectMany(s => s)) source.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Every event of <paramref name="slice"/> whose partition is not older than <paramref name="window"/>: keys
    /// interned into <paramref name="graphKeys"/> for a model's first slice (each model has its own key dictionary),
    /// into the result's own <see cref="ModelEvents.OwnKeys"/> for the others, values into the result's own <see cref="ModelEvents.Values"/>,
    /// so slices can be read at the same time.
    /// </summary>
    public ModelEvents Read(ReadSlice slice, long? window, EventKeys graphKeys, CancellationToken cancel)
    {
        var m = slice.Model;
        var model = graph.Models[m];
        var result = new ModelEvents(m, slice.Index == 0 ? null : EventKeys.Of(graph.Models.Select(x => x.Name)));
        var keys = result.OwnKeys ?? graphKeys;
        var maxPartition = long.MinValue;
        var utf8 = new ValidUtf8();
        // A standardizer holds scratch buffers: one per identifier column for this read (this thread).
        var standardizers = new Dictionary<string, Standardizer>(StringComparer.Ordinal);
        Span<byte> scratch = stackalloc byte[ArrowValueText.ScratchBytes];
        var staged = new StagedBatch();
        // Text cells through plain arrays loaded once per batch, as Profile Resolution reads them (not Arrow's per-cell lookups).
        var keyCells = new BatchTextColumn();
        var identifierColumns = model.Identifiers.SelectMany(i => i.Columns.Select(c => (Identifier: i.Identifier, Column: c))).ToArray();
        var identifierCells = identifierColumns.Select(_ => new BatchTextColumn()).ToArray();
        // Rows the files' metadata promise (Parquet): once the first batch shows the sizes, the columns are sized once.
        var rows = slice.Rows;
        long rowsBefore = 0; // rows of the batches before the current one
        var reserved = false;
        try
        {
            foreach (var source in slice.Ranges)
            {
                foreach (var batch in source.ReadBatches())
                {
                    cancel.ThrowIfCancellationRequested();
                    using (batch)
                    {
                        var key = batch.Column(model.PrimaryKey);
                        var time = batch.Column(model.Timestamp);
                        var partition = model.Partition is { } p ? batch.Column(p) : null;
                        keyCells.Load(key);
                        var columns = new IdentifierColumn[identifierColumns.Length];
                        for (var c = 0; c < columns.Length; c++)
                        {
                            identifierCells[c].Load(batch.Column(identifierColumns[c].Column));
                            columns[c] = new IdentifierColumn(_byName[identifierColumns[c].Identifier], Standardizer(identifierColumns[c].Identifier), identifierCells[c]);
                        }
                        var times = EventTimestampReader.Plain(time); // epoch µs per row when the column holds them as they are
                        staged.Clear();
                        var (keysBefore, keyBytesBefore) = (keys.Count(m), keys.ByteCount(m));
                        var (valuesBefore, valueBytesBefore) = (result.Values.Count, result.Values.ByteCount);
                        for (var row = 0; row < batch.Length; row++)
                        {
                            if (partition is not null && EventTimestampReader.TryRead(partition, row, model.TimestampUnit, out var part))
                            {
                                if (window is { } w && part < w)
                                {
                                    result.SkippedByPartition++;
                                    continue;
                                }
                                maxPartition = Math.Max(maxPartition, part);
                            }
                            if (keyCells.TryGet(row, scratch, out var keyText) && !keyText.IsEmpty)
                            {
                                keys.Stage(m, staged.Keys, utf8.Of(keyText));
                                staged.KeyEvents.Add(result.Events.Count);
                            }
                            long timestamp;
                            if (!times.IsEmpty) timestamp = times[row];
                            else if (!EventTimestampReader.TryRead(time, row, model.TimestampUnit, out timestamp)) timestamp = Timestamps.Null;
                            result.Events.Add(m, -1, timestamp); // the key id is set once the batch's keys are interned
                            foreach (var column in columns) Observe(column, row, scratch, utf8, result, staged);
                        }
                        // Interned a batch at a time, in row order (the ids one-by-one interning gives), with slots prefetched.
                        var keyIds = staged.Ids(staged.Keys.Count);
                        keys.Intern(m, staged.Keys, keyIds);
                        for (var i = 0; i < keyIds.Length; i++) result.Events.SetKey(staged.KeyEvents[i], keyIds[i]);
                        var valueIds = staged.Ids(staged.Values.Count);
                        result.Values.Intern(staged.Values, valueIds);
                        for (var i = 0; i < valueIds.Length; i++) result.Events.SetObservation(staged.ValueObservations[i], valueIds[i]);
                        // A model's first slice interns into the graph's keys, where the later slices' keys are merged too.
                        // Once, on the first batch that kept rows (an incremental run may skip the first ones), for the rows still to read.
                        if (!reserved && rows is { } total && result.Events.Count > 0)
                        {
                            reserved = true;
                            var modelRows = result.OwnKeys is null ? slice.ModelRows!.Value : total;
                            ReserveForAll(total - rowsBefore, modelRows - rowsBefore, m, keys,
                                keys.Count(m) - keysBefore, keys.ByteCount(m) - keyBytesBefore, result.Events,
                                result.Values, result.Values.Count - valuesBefore, result.Values.ByteCount - valueBytesBefore);
                        }
                        rowsBefore += batch.Length;
                    }
                }
            }
            result.MaxPartition = maxPartition == long.MinValue ? null : maxPartition;
            return result;
        }
        catch
        {
            result.Dispose();
            throw;
        }
        finally
        {
            foreach (var standardizer in standardizers.Values) standardizer.Dispose();
        }

        Standardizer Standardizer(string identifier)
        {
            if (!standardizers.TryGetValue(identifier, out var standardizer))
                standardizers.Add(identifier, standardizer = new Standardizer(_byName[identifier].Config.Standardize));
            return standardizer;
        }
    }

    /// <summary>
    /// Sizes the slice's events for all its <paramref name="rows"/>, its key dictionary for <paramref name="keyRows"/>,
    /// and its value dictionary's columns, from what its first batch held, so the read neither rehashes nor copies
    /// them while they grow (at 10M events that was a quarter of the read, and then the values' copies were a
    /// third of the memory the read touched). Slightly more than the first batch's average per row; an estimate
    /// only, as the columns still grow past it. Values repeat, so theirs is a high one: their lookup table is not
    /// sized from it (<see cref="IdentifierValues.ReserveColumns"/>).
    /// </summary>
    private static void ReserveForAll(long rows, long keyRows, int m, EventKeys keys, int firstKeys, int firstKeyBytes, EventColumns events,
        IdentifierValues values, int firstValues, int firstValueBytes)
    {
        var first = events.Count; // the kept rows of one batch: what each row adds is scaled from them
        long Scaled(long amount, long of) => Math.Min(int.MaxValue / 2, (amount * of / first) + (amount * of / first / 16));
        keys.Reserve(m, ColumnBuffers.Reservation(keys.Count(m) + Scaled(firstKeys, keyRows)),
            ColumnBuffers.Reservation(keys.ByteCount(m) + Scaled(firstKeyBytes, keyRows)));
        events.Reserve(ColumnBuffers.Reservation(rows), (int)Scaled(events.ObservationCount, rows));
        values.ReserveColumns(ColumnBuffers.Reservation(values.Count + Scaled(firstValues, rows)),
            ColumnBuffers.Reservation(values.ByteCount + Scaled(firstValueBytes, rows)));
    }

    private static void Observe(IdentifierColumn column, int row, Span<byte> scratch, ValidUtf8 utf8, ModelEvents into, StagedBatch staged)
    {
        if (!column.Cells.TryGet(row, scratch, out var raw)) return;
        var standardized = column.Standardizer.Apply(raw);
        if (standardized.IsEmpty) return; // empty after standardization is null: no observation
        var value = utf8.Of(standardized); // repaired first: a blocked value matches the text it decodes to
        if (column.Policy.BlockList.Decide(value) != Standardize.BlockReason.None)
        {
            into.Events.Observe(EventColumns.Blocked);
            return;
        }
        into.Values.Stage(staged.Values, column.Policy.Rank, value);
        staged.ValueObservations.Add(into.Events.ObservationCount);
        into.Events.Observe(EventColumns.Blocked); // a placeholder until the batch's values are interned
    }

    /// <summary>One batch's keys and values, staged for interning after its rows are read, and where each id goes.</summary>
    private sealed class StagedBatch
    {
        public PendingValues Keys { get; } = new();
        public List<int> KeyEvents { get; } = [];
        public PendingValues Values { get; } = new();
        public List<int> ValueObservations { get; } = [];
        private int[] _ids = new int[1024];

        /// <summary>Room for <paramref name="count"/> interned ids, reused from batch to batch.</summary>
        public Span<int> Ids(int count)
        {
            if (count > _ids.Length) _ids = new int[Math.Max(count, _ids.Length * 2)];
            return _ids.AsSpan(0, count);
        }

        public void Clear()
        {
            Keys.Clear();
            KeyEvents.Clear();
            Values.Clear();
            ValueObservations.Clear();
        }
    }

    /// <summary>One identifier column of a batch (its cells loaded) with its policy and this read's standardizer.</summary>
    private readonly record struct IdentifierColumn(IdentifierPolicy Policy, Standardizer Standardizer, BatchTextColumn Cells);

    private void CheckTypes(EventModelConfig model, ITableSource source)
    {
        var schema = source.Schema;
        void Require(string column, bool supported, string expected)
        {
            if (!supported)
                Throw.Input($"column type {schema.GetFieldByName(column).DataType.Name} cannot be used; expected {expected}",
                    source.File, model.Name, column);
        }
        Require(model.PrimaryKey, ArrowValueText.Supports(schema.GetFieldByName(model.PrimaryKey).DataType), "text, a number, a date or a timestamp");
        Require(model.Timestamp, EventTimestampReader.Supports(schema.GetFieldByName(model.Timestamp).DataType), "a timestamp, date, integer or ISO-8601 text");
        if (model.Partition is { } partition)
            Require(partition, EventTimestampReader.Supports(schema.GetFieldByName(partition).DataType), "a timestamp, date, integer or ISO-8601 text");
        foreach (var column in model.Identifiers.SelectMany(i => i.Columns))
            Require(column, ArrowValueText.Supports(schema.GetFieldByName(column).DataType), "text, a number, a date or a timestamp");
    }

    private int IndexOf(EventModelConfig model)
    {
        for (var m = 0; m < graph.Models.Count; m++)
            if (ReferenceEquals(graph.Models[m], model)) return m;
        throw new InvalidOperationException($"model {model.Name} is not part of the graph");
    }
}
