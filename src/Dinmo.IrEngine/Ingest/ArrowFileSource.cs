using Apache.Arrow;
using Apache.Arrow.Ipc;

namespace Dinmo.IrEngine.Ingest;

/// <summary>An Arrow IPC file (<c>.arrow</c>, <c>.feather</c> v2): schema and footer are read at open.</summary>
internal sealed class ArrowFileSource : ITableSource
{
    private const string What = "Arrow IPC file";
    private readonly ArrowFileReader _reader;
    private readonly ArrowBatchMemory _memory = new();

    public ArrowFileSource(string file)
    {
        File = file;
        var stream = System.IO.File.OpenRead(file);
        try
        {
            _reader = new ArrowFileReader(stream, _memory, leaveOpen: false);
            Schema = _reader.Schema;
        }
        catch (Exception e) when (ReadFailure.IsCorruption(e))
        {
            stream.Dispose();
            _memory.Dispose();
            throw ReadFailure.Corrupt(What, file, e);
        }
    }

    public string File { get; }

    public Schema Schema { get; }

    public IEnumerable<RecordBatch> ReadBatches()
    {
        for (long batch = 0; ; batch++)
        {
            RecordBatch? next;
            try { next = _reader.ReadNextRecordBatch(); }
            catch (Exception e) when (ReadFailure.IsCorruption(e)) { throw ReadFailure.Corrupt(What, File, e, batch); }
            if (next is null) yield break;
            yield return next;
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _memory.Dispose();
    }
}
