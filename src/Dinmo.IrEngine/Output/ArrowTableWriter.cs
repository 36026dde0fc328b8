using Apache.Arrow;
using Apache.Arrow.Ipc;

namespace Dinmo.IrEngine.Output;

/// <summary>Writes an Arrow IPC file; with no batches it holds only the schema and footer.</summary>
internal static class ArrowTableWriter
{
    public static void Write(Stream stream, Schema schema, IReadOnlyList<RecordBatch> batches)
    {
        using var writer = Open(stream, schema);
        foreach (var batch in batches) writer.WriteRecordBatch(batch);
        writer.WriteEnd();
    }

    /// <summary>
    /// A started writer (schema written) for callers that stream batches one at a time (the scale
    /// generator); the caller owns it and must <c>WriteEnd</c> it to write the footer.
    /// </summary>
    public static ArrowFileWriter Open(Stream stream, Schema schema)
    {
        var writer = new ArrowFileWriter(stream, schema, leaveOpen: true);
        writer.WriteStart();
        return writer;
    }
}
