using Apache.Arrow;
using Apache.Arrow.Ipc;
using ParquetSharp.Arrow;

namespace Dinmo.IrEngine.Ingest;

/// <summary>
/// A Parquet file read through Arrow C++ (ParquetSharp.Arrow): the schema comes from the footer
/// at open; batches are decoded row group by row group.
/// </summary>
internal sealed class ParquetSource : ITableSource
{
    private const string What = "Parquet file";
    private readonly FileReader _reader;

    public ParquetSource(string file)
    {
        File = file;
        try
        {
            _reader = new FileReader(file);
        }
        catch (Exception e) when (ReadFailure.IsCorruption(e))
        {
            throw ReadFailure.Corrupt(What, file, e);
        }
        try
        {
            Schema = _reader.Schema;
        }
        catch (Exception e) when (ReadFailure.IsCorruption(e))
        {
            _reader.Dispose();
            throw ReadFailure.Corrupt(What, file, e);
        }
    }

    public string File { get; }

    public Schema Schema { get; }

    public IEnumerable<RecordBatch> ReadBatches()
    {
        IArrowArrayStream stream;
        try { stream = _reader.GetRecordBatchReader(); }
        catch (Exception e) when (ReadFailure.IsCorruption(e)) { throw ReadFailure.Corrupt(What, File, e); }

        using (stream)
        {
            for (long batch = 0; ; batch++)
            {
                RecordBatch? next;
                // The native reader is synchronous under the ValueTask, so blocking here costs nothing.
                try { next = stream.ReadNextRecordBatchAsync().AsTask().GetAwaiter().GetResult(); }
                catch (Exception e) when (ReadFailure.IsCorruption(e)) { throw ReadFailure.Corrupt(What, File, e, batch); }
                if (next is null) yield break;
                yield return next;
            }
        }
    }

    public void Dispose() => _reader.Dispose();
}
