using Apache.Arrow;
using Dinmo.IrEngine.Errors;
using Dinmo.IrEngine.Ingest;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// One Arrow state file read back a record batch and a column at a time (or row by row by column name, for short
/// tables). State files are written by this engine (<see cref="StitchState"/>), so a missing column or file means the
/// state is damaged or from another version: an input error suggesting <c>--full</c>.
/// </summary>
internal sealed class StateTable : IDisposable
{
    private readonly string _file;
    private readonly List<RecordBatch> _batches = [];
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal); // every batch of a file has its schema
    private readonly bool _streamed;

    private StateTable(string file, bool streamed = false) => (_file, _streamed) = (file, streamed);

    public static StateTable Read(string directory, string name)
    {
        var file = Path.Combine(directory, name + ".arrow");
        if (!System.IO.File.Exists(file)) Throw.Input($"stitching state file is missing; rerun with --full", file);
        var table = new StateTable(file);
        using var source = new ArrowFileSource(file);
        table._batches.AddRange(source.ReadBatches());
        return table;
    }

    /// <summary>
    /// A table read a batch at a time through <see cref="Batches"/>, each batch freed once the next is asked for: for the
    /// long tables (a row per event), which are read once in order, so they never sit in memory whole. It has no
    /// <see cref="Rows"/> or <see cref="RowCount"/>.
    /// </summary>
    public static StateTable Stream(string directory, string name)
    {
        var file = Path.Combine(directory, name + ".arrow");
        if (!System.IO.File.Exists(file)) Throw.Input($"stitching state file is missing; rerun with --full", file);
        return new StateTable(file, streamed: true);
    }

    /// <summary>The file's path, for errors about the table as a whole.</summary>
    public string File => _file;

    public long RowCount => !_streamed ? _batches.Sum(b => (long)b.Length) : throw new InvalidOperationException("a streamed table is read by its batches");

    /// <summary>The record batches, in file order: the rows of a long table are read a batch at a time, a column at a time.</summary>
    public IEnumerable<RecordBatch> Batches => _streamed ? Streamed() : _batches;

    private IEnumerable<RecordBatch> Streamed()
    {
        using var source = new ArrowFileSource(_file);
        foreach (var batch in source.ReadBatches())
            using (batch)
                yield return batch;
    }

    /// <summary>A text column of <paramref name="batch"/>.</summary>
    public StringArray Texts(RecordBatch batch, string column) => Column<StringArray>(batch, column);

    public TimestampArray Instants(RecordBatch batch, string column) => Column<TimestampArray>(batch, column);

    public Int64Array Int64s(RecordBatch batch, string column) => Column<Int64Array>(batch, column);

    public BooleanArray Flags(RecordBatch batch, string column) => Column<BooleanArray>(batch, column);

    public ListArray Lists(RecordBatch batch, string column) => Column<ListArray>(batch, column);

    /// <summary>The UTF-8 bytes of a text cell that may not be null (a null is a damaged state).</summary>
    public ReadOnlySpan<byte> Required(StringArray texts, int row, string column) =>
        texts.IsNull(row) ? throw new FormatException($"a null in {column} of {_file}") : texts.GetBytes(row);

    /// <summary>As <see cref="Required(StringArray, int, string)"/>, for a column whose cells are read in a loop.</summary>
    public ReadOnlySpan<byte> Required(in TextCells texts, int row, string column) =>
        texts.IsNull(row) ? throw new FormatException($"a null in {column} of {_file}") : texts[row];

    /// <summary>µs since the epoch, or <see cref="Timestamps.Null"/>.</summary>
    public static long Instant(TimestampArray instants, int row) => instants.IsNull(row) ? Timestamps.Null : Timestamps.ToMicros(instants, row);

    /// <summary>Every row as (batch, row) positions, in file order.</summary>
    public IEnumerable<(RecordBatch Batch, int Row)> Rows() => _streamed ? throw new InvalidOperationException("a streamed table is read by its batches") :
        _batches.SelectMany(b => Enumerable.Range(0, b.Length).Select(r => (b, r)));

    public string? Text(RecordBatch batch, int row, string column) => Column<StringArray>(batch, column).GetString(row);

    public long? Int64(RecordBatch batch, int row, string column) => Column<Int64Array>(batch, column).GetValue(row);

    public bool Flag(RecordBatch batch, int row, string column) => Column<BooleanArray>(batch, column).GetValue(row) == true;

    /// <summary>µs since the epoch, or <see cref="Timestamps.Null"/>.</summary>
    public long Instant(RecordBatch batch, int row, string column) => Instant(Column<TimestampArray>(batch, column), row);

    /// <summary>Whether the table has the column (a table without rows: no).</summary>
    public bool Has(string column) => !_streamed ? _batches.Count > 0 && _batches[0].Schema.GetFieldIndex(column) >= 0
        : throw new InvalidOperationException("a streamed table is read by its batches");

    public IReadOnlyList<string> TextList(RecordBatch batch, int row, string column)
    {
        var list = Column<ListArray>(batch, column);
        var items = (StringArray)list.Values;
        var result = new List<string>();
        for (var i = list.ValueOffsets[row]; i < list.ValueOffsets[row + 1]; i++) result.Add(items.GetString(i));
        return result;
    }

    private TArray Column<TArray>(RecordBatch batch, string column) where TArray : class, IArrowArray
    {
        // Looked up per cell by the row-by-row readers: the schema's own lookup cost more than the cell.
        if (!_columns.TryGetValue(column, out var index)) _columns.Add(column, index = batch.Schema.GetFieldIndex(column));
        return (index >= 0 ? batch.Column(index) as TArray : null)
            ?? Throw.Input<TArray>($"stitching state column '{column}' is missing or mistyped; rerun with --full", _file);
    }

    /// <summary>Frees the batches of a table read whole (a streamed table frees each batch as it goes).</summary>
    public void Dispose()
    {
        foreach (var batch in _batches) batch.Dispose();
        _batches.Clear();
    }
}
