using Apache.Arrow;
using Apache.Arrow.Ipc;

namespace Dinmo.IrEngine.Output;

/// <summary>Writes an Arrow IPC file; with no batches it holds only the schema and footer.</summary>
internal static class ArrowTableWriter
{
    public static void Write(Stream stream, Schema schema, IReadOnlyList<RecordBatch> batches)
    {
        using var writer = new ArrowFileWriter(stream, schema, leaveOpen: true);
        writer.WriteStart();
        foreach (var batch in batches) writer.WriteRecordBatch(batch);
        writer.WriteEnd();
    }
}
