using System.Runtime.CompilerServices;
using Apache.Arrow;
using Apache.Arrow.Types;
using Dinmo.IrEngine.Output.Tables;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// Declares the columns of a stitching table (output or state) as accessors over sorted rows and
/// builds the Arrow arrays with the types of SPEC §6's conventions. Rows are visited once, every
/// column appended per row: the rows are objects spread over the heap (a million attributions), so
/// one pass touches each once instead of once per column.
/// </summary>
internal sealed class TableColumns<T>
{
    // Builders are created per Build for its row count: offsets, validity and fixed-width values are
    // allocated once at their final size instead of doubling (and copying) from a small default.
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
        Add(name, ColumnTypes.Text, rows => new Column<TextColumnBuilder>(new(rows), (b, row) => b.Append(get(row)), b => b.BuildPadded()));

    /// <summary>A text column from bytes already held as UTF-8 (keys, values, ids), copied without a string.</summary>
    public TableColumns<T> Utf8(string name, Utf8Of<T> get) =>
        Add(name, ColumnTypes.Text, rows => new Column<TextColumnBuilder>(new(rows), (b, row) => b.Append(get(row)), b => b.BuildPadded()));

    /// <summary>A text column from UTF-8 bytes held in arrays (profile ids), where a null array is a null.</summary>
    public TableColumns<T> Utf8OrNull(string name, Func<T, byte[]?> get) =>
        Add(name, ColumnTypes.Text, rows => new Column<TextColumnBuilder>(new(rows), (b, row) =>
        {
            if (get(row) is { } utf8) b.Append(utf8);
            else b.AppendNull();
        }, b => b.BuildPadded()));

    public TableColumns<T> Int64(string name, Func<T, long?> get) => Add(name, ColumnTypes.Int64, rows => new Column<Int64Array.Builder>(new Int64Array.Builder().Reserve(rows),
        (b, row) =>
        {
            if (get(row) is { } value) b.Append(value);
            else b.AppendNull();
        }, b => b.Build()));

    public TableColumns<T> Real(string name, Func<T, double> get) =>
        Add(name, ColumnTypes.Real, rows => new Column<DoubleArray.Builder>(new DoubleArray.Builder().Reserve(rows), (b, row) => b.Append(get(row)), b => b.Build()));

    /// <summary>A UTC timestamp column from µs; <see cref="Ingest.Timestamps.Null"/> is a null.</summary>
    public TableColumns<T> Instant(string name, Func<T, long> get) =>
        Add(name, ColumnTypes.Instant, rows => new Column<TimestampArray.Builder>(ColumnTypes.InstantBuilder().Reserve(rows), (b, row) => b.AppendInstant(get(row)), b => b.Build()));

    public TableColumns<T> Flag(string name, Func<T, bool> get) =>
        Add(name, ColumnTypes.Flag, rows => new Column<BooleanArray.Builder>(new BooleanArray.Builder().Reserve(rows), (b, row) => b.Append(get(row)), b => b.Build()));

    /// <summary>A list-of-text column from UTF-8 bytes held in arrays: <paramref name="count"/> items per row, item i from <paramref name="item"/>.</summary>
    public TableColumns<T> Utf8List(string name, Func<T, int> count, Func<T, int, byte[]> item) =>
        Add(name, ColumnTypes.TextList, _ => new Column<ListArray.Builder>(ColumnTypes.TextListBuilder(), (b, row) =>
        {
            b.Append();
            var items = (StringArray.Builder)b.ValueBuilder;
            for (int i = 0, n = count(row); i < n; i++) items.Append(item(row, i).AsSpan());
        }, b => b.Build()));

    // Called once per run (or table): full optimization from the start, not a tier-0 loop until on-stack replacement.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public OutputTable Build(string table, IReadOnlyList<T> rows)
    {
        var columns = _columns.Select(c => c.Create(rows.Count)).ToArray();
        var prefetches = _prefetches.ToArray();
        for (var r = 0; r < rows.Count; r++)
        {
            foreach (var (distance, prefetch) in prefetches)
                if (r + distance < rows.Count) prefetch(rows[r + distance]);
            var row = rows[r];
            foreach (var column in columns) column.Append(row);
        }
        return OutputTable.Create(table, _columns.Select(c => (c.Name, c.Type)).ToList(), columns.Select(c => c.Build()).ToList(), rows.Count);
    }

    private TableColumns<T> Add(string name, IArrowType type, Func<int, Column> create)
    {
        _columns.Add((name, type, create));
        return this;
    }

    /// <summary>One column being built: an Arrow builder and how a row appends to it.</summary>
    private abstract class Column
    {
        public abstract void Append(T row);

        public abstract IArrowArray Build();
    }

    private sealed class Column<TBuilder>(TBuilder builder, Action<TBuilder, T> append, Func<TBuilder, IArrowArray> build) : Column
    {
        public override void Append(T row) => append(builder, row);

        public override IArrowArray Build() => build(builder);
    }
}

/// <summary>The UTF-8 text of a row's column.</summary>
internal delegate ReadOnlySpan<byte> Utf8Of<in T>(T row);
