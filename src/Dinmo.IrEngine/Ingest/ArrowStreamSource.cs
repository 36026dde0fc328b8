using Apache.Arrow;
using Apache.Arrow.Ipc;

namespace Dinmo.IrEngine.Ingest;

/// <summary>
/// An Arrow IPC stream (<c>.arrows</c>, or standard input for path <c>-</c>). Opening reads only the
/// schema message, so it is cheap even on a pipe.
/// </summary>
internal sealed class ArrowStreamSource : ITableSource
{
    private const string What = "Arrow IPC stream";
    private readonly ArrowStreamReader _reader;

    public ArrowStreamSource(string file)
    {
        File = file;
        var stream = file == SourceFile.StandardInput ? Console.OpenStandardInput() : System.IO.File.OpenRead(file);
        try
        {
            _reader = new ArrowStreamReader(stream, leaveOpen: false);
            Schema = _reader.Schema;
        }
        catch (Exception e) when (ReadFailure.IsCorruption(e))
        {
            stream.Dispose();
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

    public void Dispose() => _reader.Dispose();
}
