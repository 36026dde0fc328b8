using System.Runtime.CompilerServices;
using Apache.Arrow;
using Apache.Arrow.Types;
using Dinmo.IrEngine.Output;
using Dinmo.IrEngine.Output.Tables;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// Declares the columns of a stitching table (output or state) as accessors over sorted rows and
/// writes them with the types of SPEC §6's conventions, a chunk of rows at a time
/// (<see cref="ChunkedTableWriter"/>): one chunk's buffers serve the whole table, so a table of ten
/// million rows never exists whole in memory and its bytes go to the file while still in cache.
/// Rows are visited once, every column appended per row: the rows read the graph at random places
/// (a million attributions), so one pass touches each once instead of once per column.
/// </summary>
internal sealed class TableColumns<T>
{
    // Builders are created per Write, sized for one chunk of the table (or the whole table when smaller).
    private readonly List<(string Name, IArrowType Type, Func<int, Column> Create)> _columns = [];
    private readonly List<(int Distance, Action<T> Prefetch)> _prefetches = [];

    /// <summary>
    /// Calls <paramref name="prefetch"/> on the row <paramref name="distance"/> rows ahead of the one being
    /// appended: rows in table order read the graph at random places, so a chain of reads (a value's offsets,
    /// then its bytes) can be started step by step, farther steps first. A hint only: no effect on the table.
    /// </summary>
    public TableColumns<T> Prefetch(int distance, Action<T> prefetch)
    {
        _prefetches.Add((distance, prefetch));
        return this;
    }

    public TableColumns<T> Text(string name, Func<T, string?> get) =>
        Add(name, ColumnTypes.Text, rows => new Column<TextColumnBuilder>(new(rows), (b, row) => b.Append(get(row))));

    /// <summary>A text column from bytes already held as UTF-8 (keys, values, ids), copied without a string.</summary>
    public TableColumns<T> Utf8(string name, Utf8Of<T> get, int bytesPerValue = 16) =>
        Add(name, ColumnTypes.Text, rows => new Column<TextColumnBuilder>(new(rows, bytesPerValue), (b, row) => b.Append(get(row))));

    /// <summary>A text column from UTF-8 bytes, null where <paramref name="present"/> says so.</summary>
    public TableColumns<T> Utf8OrNull(string name, Func<T, bool> present, Utf8Of<T> get, int bytesPerValue = 16) =>
        Add(name, ColumnTypes.Text, rows => new Column<TextColumnBuilder>(new(rows, bytesPerValue), (b, row) =>
        {
            if (present(row)) b.Append(get(row));
            else b.AppendNull();
        }));

    /// <summary>A text column from UTF-8 bytes held in arrays (profile ids), where a null array is a null.</summary>
    public TableColumns<T> Utf8OrNull(string name, Func<T, byte[]?> get) =>
        Add(name, ColumnTypes.Text, rows => new Column<TextColumnBuilder>(new(rows), (b, row) =>
        {
            if (get(row) is { } utf8) b.Append(utf8);
            else b.AppendNull();
        }));

    public TableColumns<T> Int64(string name, Func<T, long?> get) =>
        Add(name, ColumnTypes.Int64, rows => new Column<ValueColumnBuilder<long>>(new(ColumnTypes.Int64, rows), (b, row) =>
        {
            if (get(row) is { } value) b.Append(value);
            else b.AppendNull();
        }));

    public TableColumns<T> Real(string name, Func<T, double> get) =>
        Add(name, ColumnTypes.Real, rows => new Column<ValueColumnBuilder<double>>(new(ColumnTypes.Real, rows), (b, row) => b.Append(get(row))));

    /// <summary>A UTC timestamp column from µs; <see cref="Ingest.Timestamps.Null"/> is a null.</summary>
    public TableColumns<T> Instant(string name, Func<T, long> get) =>
        Add(name, ColumnTypes.Instant, rows => new Column<ValueColumnBuilder<long>>(new(ColumnTypes.Instant, rows), (b, row) => b.AppendInstant(get(row))));

    public TableColumns<T> Flag(string name, Func<T, bool> get) =>
        Add(name, ColumnTypes.Flag, rows => new Column<FlagColumnBuilder>(new(rows), (b, row) => b.Append(get(row))));

    /// <summary>A list-of-integer column: <paramref name="count"/> items per row, item i from <paramref name="item"/>.</summary>
    public TableColumns<T> Int64List(string name, Func<T, int> count, Func<T, int, long> item) =>
        Add(name, ColumnTypes.Int64List, rows => new Column<ListColumnBuilder<ValueColumnBuilder<long>>>(
            new((ListType)ColumnTypes.Int64List, new ValueColumnBuilder<long>(ColumnTypes.Int64, rows), rows), (b, row) =>
            {
                for (int i = 0, n = count(row); i < n; i++) b.Items.Append(item(row, i));
                b.EndList();
            }));

    /// <summary>Writes <paramref name="rows"/>, in that order, as table <paramref name="table"/> at <paramref name="to"/>.</summary>
    // Called once per run (or table): full optimization from the start, not a tier-0 loop until on-stack replacement.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public WrittenTable Write(TableDestination to, string table, IReadOnlyList<T> rows)
    {
        var capacity = ChunkedTableWriter.ChunkCapacity(to, rows.Count);
        var columns = _columns.Select(c => c.Create(capacity)).ToArray();
        var prefetches = _prefetches.ToArray();
        using var output = new ChunkedTableWriter(to, table, [.. _columns.Select((c, i) => (c.Name, c.Type, columns[i].Chunk))]);
        for (var r = 0; r < rows.Count; r++)
        {
            foreach (var (distance, prefetch) in prefetches)
                if (r + distance < rows.Count) prefetch(rows[r + distance]);
            var row = rows[r];
            foreach (var column in columns) column.Append(row);
            output.EndRow();
        }
        return output.Complete();
    }

    private TableColumns<T> Add(string name, IArrowType type, Func<int, Column> create)
    {
        _columns.Add((name, type, create));
        return this;
    }

    /// <summary>One column being written: a chunk builder and how a row appends to it.</summary>
    private abstract class Column
    {
        public abstract IColumnChunk Chunk { get; }

        public abstract void Append(T row);
    }

    private sealed class Column<TBuilder>(TBuilder builder, Action<TBuilder, T> append) : Column where TBuilder : IColumnChunk
    {
        public override IColumnChunk Chunk => builder;

        public override void Append(T row) => append(builder, row);
    }
}

/// <summary>The UTF-8 text of a row's column.</summary>
internal delegate ReadOnlySpan<byte> Utf8Of<in T>(T row);
