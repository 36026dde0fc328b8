using Apache.Arrow;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Errors;
using Dinmo.IrEngine.Ingest;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// Reads the events of every model through the shared readers (<see cref="TableSources"/>,
/// <see cref="ArrowValueText"/>), standardizes and block-checks their identifier values with the
/// shared <see cref="IdentifierPolicy"/> steps, and skips rows of partitions older than the
/// previous run's window. Files are still scanned in full: the window saves the stitching work, not
/// the I/O (no predicate pushdown).
/// </summary>
internal sealed class EventReader(EventGraph graph, IReadOnlyList<IdentifierPolicy> policies)
{
    private readonly Dictionary<string, IdentifierPolicy> _byName = policies.ToDictionary(p => p.Name, StringComparer.Ordinal);
    private readonly ValidUtf8 _utf8 = new();

    /// <summary>Rows skipped because their partition is older than the window, per model name.</summary>
    public Dictionary<string, long> SkippedByPartition { get; } = new(StringComparer.Ordinal);

    /// <summary>The newest partition value read, per model name (the next run's window).</summary>
    public Dictionary<string, long> MaxPartition { get; } = new(StringComparer.Ordinal);

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
    /// Every event of model <paramref name="m"/> whose partition is not older than <paramref name="window"/>,
    /// appended to <paramref name="into"/>: keys interned into <paramref name="keys"/>, unblocked values into <paramref name="values"/>.
    /// </summary>
    public void Read(int m, IReadOnlyList<ITableSource> sources, long? window, EventColumns into, EventKeys keys, IdentifierValues values,
        CancellationToken cancel)
    {
        var model = graph.Models[m];
        var skipped = 0L;
        var maxPartition = MaxPartition.GetValueOrDefault(model.Name, long.MinValue);
        Span<byte> scratch = stackalloc byte[ArrowValueText.ScratchBytes];
        foreach (var source in sources)
        {
            foreach (var batch in source.ReadBatches())
            {
                cancel.ThrowIfCancellationRequested();
                using (batch)
                {
                    var key = batch.Column(model.PrimaryKey);
                    var time = batch.Column(model.Timestamp);
                    var partition = model.Partition is { } p ? batch.Column(p) : null;
                    var columns = model.Identifiers
                        .SelectMany(i => i.Columns.Select(c => (Policy: _byName[i.Identifier], Array: batch.Column(c)))).ToArray();
                    for (var row = 0; row < batch.Length; row++)
                    {
                        if (partition is not null && EventTimestampReader.TryRead(partition, row, model.TimestampUnit, out var part))
                        {
                            if (window is { } w && part < w)
                            {
                                skipped++;
                                continue;
                            }
                            maxPartition = Math.Max(maxPartition, part);
                        }
                        ReadRow(m, model, key, time, columns, row, scratch, into, keys, values);
                    }
                }
            }
        }
        SkippedByPartition[model.Name] = skipped;
        if (maxPartition != long.MinValue) MaxPartition[model.Name] = maxPartition;
    }

    private void ReadRow(int m, EventModelConfig model, IArrowArray key, IArrowArray time, (IdentifierPolicy Policy, IArrowArray Array)[] columns,
        int row, Span<byte> scratch, EventColumns into, EventKeys keys, IdentifierValues values)
    {
        var keyId = ArrowValueText.TryGet(key, row, scratch, out var keyText) && !keyText.IsEmpty ? keys.Intern(m, _utf8.Of(keyText)) : -1;
        if (!EventTimestampReader.TryRead(time, row, model.TimestampUnit, out var timestamp)) timestamp = Timestamps.Null;
        into.Add(m, keyId, timestamp);
        foreach (var (policy, array) in columns)
        {
            if (!ArrowValueText.TryGet(array, row, scratch, out var raw)) continue;
            var standardized = policy.Standardizer.Apply(raw);
            if (standardized.IsEmpty) continue; // empty after standardization is null: no observation
            if (policy.BlockList.Decide(standardized) != Standardize.BlockReason.None) into.Observe(EventColumns.Blocked);
            else into.Observe(values.Intern(policy.Rank, _utf8.Of(standardized)));
        }
    }

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
