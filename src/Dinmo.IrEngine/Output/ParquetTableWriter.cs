using Apache.Arrow;
using ParquetSharp;
using ParquetSharp.Arrow;

namespace Dinmo.IrEngine.Output;

/// <summary>
/// Writes a Parquet file through Arrow C++, one row group per batch. Deterministic: Parquet
/// metadata holds no timestamp, <c>created_by</c> is fixed, and the Arrow schema is stored so
/// time zones and list types read back as written.
/// </summary>
internal static class ParquetTableWriter
{
    private const string CreatedBy = "Dinmo.IrEngine";

    public static void Write(Stream stream, Schema schema, IReadOnlyList<RecordBatch> batches)
    {
        using var writer = Open(stream, schema);
        foreach (var batch in batches)
        {
            // An empty row group adds nothing but noise; a table with no rows is just schema and footer.
            if (batch.Length > 0) writer.WriteRecordBatch(batch);
        }
        writer.Close();
    }

    /// <summary>
    /// A writer with this class's deterministic settings, for callers that stream batches one at a
    /// time (the event generator); the caller owns it and must <c>Close</c> it.
    /// </summary>
    public static FileWriter Open(Stream stream, Schema schema)
    {
        using var properties = new WriterPropertiesBuilder()
            .Compression(Compression.Snappy)
            .CreatedBy(CreatedBy)
            .Build();
        using var arrowProperties = new ArrowWriterPropertiesBuilder()
            .StoreSchema()
            .Build();
        return new FileWriter(stream, schema, properties, arrowProperties, leaveOpen: true);
    }
}
