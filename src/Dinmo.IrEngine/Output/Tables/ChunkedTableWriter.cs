using Apache.Arrow;
using Apache.Arrow.Types;

namespace Dinmo.IrEngine.Output.Tables;

/// <summary>
/// Writes a table row by row in chunks of a fixed number of rows: a table builder appends a row to
/// every column, calls <see cref="EndRow"/>, and each full chunk becomes one record batch (one
/// Parquet row group) written through a <see cref="StreamingTableWriter"/>, after which the columns
/// are emptied and refilled. A table never exists whole in memory, and one chunk's buffers serve
/// the whole table. Owns the file writer until disposed.
/// </summary>
internal sealed class ChunkedTableWriter : IDisposable
{
    /// <summary>
    /// Rows per chunk. A constant, never derived from the thread count or the data's size, so the
    /// files' bytes depend only on the rows. 64Ki rows keep a chunk of the widest table (lookup,
    /// about 90 bytes a row) near 6 MB, so its buffers stay warm in cache and are reused from
    /// chunk to chunk instead of faulting in fresh pages, while the per-batch metadata stays small.
    /// </summary>
    public const int RowsPerChunk = 1 << 16;

    private readonly StreamingTableWriter _output;
    private readonly Schema _schema;
    private readonly IColumnChunk[] _columns;
    private readonly int _rowsPerChunk;
    private int _rows;

    public ChunkedTableWriter(TableDestination to, string table, IReadOnlyList<(string Name, IArrowType Type, IColumnChunk Column)> columns)
    {
        _schema = new Schema(columns.Select(c => new Field(c.Name, c.Type, nullable: true)), null);
        _columns = [.. columns.Select(c => c.Column)];
        _rowsPerChunk = to.RowsPerChunk;
        _output = new StreamingTableWriter(to.Format, to.Directory, table, _schema);
    }

    /// <summary>The capacity to give column builders: a whole chunk, or the whole table when it is smaller.</summary>
    public static int ChunkCapacity(TableDestination to, int rows) => Math.Max(1, Math.Min(rows, to.RowsPerChunk));

    /// <summary>Closes the row just appended to every column; writes the chunk when it is full.</summary>
    public void EndRow()
    {
        if (++_rows == _rowsPerChunk) Flush();
    }

    /// <summary>Writes the last, partial chunk and the file's footer.</summary>
    public WrittenTable Complete()
    {
        Flush();
        return _output.Complete();
    }

    public void Dispose() => _output.Dispose();

    private void Flush()
    {
        if (_rows == 0) return;
        var arrays = new IArrowArray[_columns.Length];
        for (var c = 0; c < arrays.Length; c++)
        {
            // A builder that missed or doubled a row would shift every later value: fail loudly instead.
            if (_columns[c].Count != _rows)
                throw new InvalidOperationException($"column '{_schema.FieldsList[c].Name}' holds {_columns[c].Count} rows of a {_rows}-row chunk");
            arrays[c] = _columns[c].BuildChunk();
        }
        // The arrays borrow the builders' managed buffers: nothing to free, and they must not outlive the Append.
        _output.Append(new RecordBatch(_schema, arrays, _rows));
        foreach (var column in _columns) column.Reset();
        _rows = 0;
    }
}
