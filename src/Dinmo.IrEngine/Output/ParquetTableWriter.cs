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
        using var properties = new WriterPropertiesBuilder()
            .Compression(Compression.Snappy)
            .CreatedBy(CreatedBy)
            .Build();
        using var arrowProperties = new ArrowWriterPropertiesBuilder()
            .StoreSchema()
            .Build();
        using var writer = new FileWriter(stream, schema, properties, arrowProperties, leaveOpen: true);
        foreach (var batch in batches)
        {
            // An empty row group adds nothing but noise; a table with no rows is just schema and footer.
            if (batch.Length > 0) writer.WriteRecordBatch(batch);
        }
        writer.Close();
    }
}
