using Apache.Arrow;
using Apache.Arrow.Ipc;
using Dinmo.IrEngine.Errors;

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
            // The reader returns no schema (rather than throwing) when the stream ends before one.
            Schema = _reader.Schema ?? Throw.Input<Schema>(Empty(file), file: file);
        }
        catch (Exception e) when (ReadFailure.IsCorruption(e))
        {
            stream.Dispose();
            throw ReadFailure.Corrupt(What, file, e);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static string Empty(string file) => file == SourceFile.StandardInput
        ? $"the {What} on standard input is empty: expected a schema message, found end of input (was nothing piped in?)"
        : $"the {What} is empty: expected a schema message, found end of file";

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
