using Apache.Arrow;
using Apache.Arrow.Ipc;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Errors;

namespace Dinmo.IrEngine.Output;

/// <summary>
/// Writes one table as <c>&lt;table&gt;.arrow|.parquet|.csv</c> a batch at a time (one Arrow record batch
/// or one Parquet row group per <see cref="Append"/>; CSV rows carry no batch boundary), so a table of
/// any size needs only one batch in memory. Same bytes as <see cref="TableFileWriter"/> for the same batches. Owns the file until
/// disposed; a file not <see cref="Complete"/>d is removed, and write failures become an
/// <see cref="OutputException"/> naming the file.
/// </summary>
internal sealed class StreamingTableWriter : IDisposable
{
    private readonly string _table;
    private readonly string _file;
    private readonly Stream _stream;
    private readonly ParquetSharp.Arrow.FileWriter? _parquet;
    private readonly ArrowFileWriter? _arrow;
    private readonly CsvTableWriter? _csv;
    private long _rows;
    private bool _complete;

    public StreamingTableWriter(OutputFormat format, string directory, string table, Schema schema)
    {
        if (format is not (OutputFormat.Arrow or OutputFormat.Parquet or OutputFormat.Csv))
            throw new ArgumentOutOfRangeException(nameof(format), format, "unknown output format");
        _table = table;
        _file = Path.Combine(directory, table + TableFileWriter.Extension(format));
        try
        {
            Directory.CreateDirectory(directory);
            _stream = DirectFileStream.Create(_file);
            if (format == OutputFormat.Parquet) _parquet = ParquetTableWriter.Open(_stream, schema);
            else if (format == OutputFormat.Csv) _csv = new CsvTableWriter(_stream, schema);
            else _arrow = ArrowTableWriter.Open(_stream, schema);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ParquetSharp.ParquetException)
        {
            _stream?.Dispose();
            throw Failed(e);
        }
    }

    public string File => _file;

    /// <summary>Writes <paramref name="batch"/> (an empty one is skipped); the caller still owns and disposes it.</summary>
    public void Append(RecordBatch batch)
    {
        if (batch.Length == 0) return;
        try
        {
            if (_parquet is not null) _parquet.WriteRecordBatch(batch);
            else if (_csv is not null) _csv.Append(batch);
            else _arrow!.WriteRecordBatch(batch);
        }
        catch (Exception e) when (e is IOException or ParquetSharp.ParquetException)
        {
            throw Failed(e);
        }
        _rows += batch.Length;
    }

    /// <summary>Writes the footer and returns the table as written.</summary>
    public WrittenTable Complete()
    {
        try
        {
            if (_parquet is not null) _parquet.Close();
            else if (_csv is not null) _csv.Complete();
            else _arrow!.WriteEnd();
            _stream.Flush();
        }
        catch (Exception e) when (e is IOException or ParquetSharp.ParquetException)
        {
            throw Failed(e);
        }
        _complete = true;
        return new WrittenTable(_table, _file, _rows);
    }

    public void Dispose()
    {
        // An incomplete table is deleted below: its stream writes nothing more, and throws nothing over the run's own error.
        if (!_complete) (_stream as DirectFileStream)?.Abandon();
        _parquet?.Dispose();
        _arrow?.Dispose();
        _stream.Dispose();
        if (_complete) return;
        // Best effort: a half-written table must not look like a result.
        try { System.IO.File.Delete(_file); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private OutputException Failed(Exception e) => new($"cannot write table '{_table}' to '{_file}': {e.Message}", e);
}
