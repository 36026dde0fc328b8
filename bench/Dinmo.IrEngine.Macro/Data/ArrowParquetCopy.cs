using Apache.Arrow;
using Apache.Arrow.Ipc;
using ParquetSharp;
using ParquetSharp.Arrow;

namespace Dinmo.IrEngine.Macro.Data;

/// <summary>
/// Copies an Arrow IPC file to Parquet, batch by batch, through ParquetSharp's Arrow writer. DuckDB
/// reads no Arrow IPC files without an extension that cannot be installed offline, so the SQL side
/// reads this copy of any Arrow model (made before timing starts); the comparison reads the engine's
/// <c>identity_match</c> the same way.
/// </summary>
internal static class ArrowParquetCopy
{
    /// <param name="columns">Columns to keep, in order; all when null.</param>
    public static void Write(string arrowPath, string parquetPath, IReadOnlyList<string>? columns = null)
    {
        using var input = File.OpenRead(arrowPath);
        using var reader = new ArrowFileReader(input);
        var schema = reader.Schema;
        var keep = columns?.Select(c => schema.GetFieldIndex(c)).ToArray() ?? [.. Enumerable.Range(0, schema.FieldsList.Count)];
        if (keep.Any(i => i < 0))
            throw new InvalidDataException($"{arrowPath}: expected columns {string.Join(", ", columns!)}");
        var kept = new Schema([.. keep.Select(i => schema.GetFieldByIndex(i))], schema.Metadata);

        var scratch = parquetPath + ".partial";
        using (var properties = new WriterPropertiesBuilder().Compression(Compression.Snappy).Build())
        using (var writer = new FileWriter(scratch, kept, properties))
        {
            while (reader.ReadNextRecordBatch() is { } batch)
            {
                using (batch)
                {
                    if (batch.Length == 0) continue;
                    // Not disposed: the projection shares its arrays with `batch`.
                    var projected = new RecordBatch(kept, keep.Select(i => batch.Column(i)), batch.Length);
                    writer.WriteRecordBatch(projected);
                }
            }
            writer.Close();
        }
        File.Move(scratch, parquetPath, overwrite: true);
    }
}
