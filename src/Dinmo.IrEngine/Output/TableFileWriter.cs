using Apache.Arrow;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Errors;

namespace Dinmo.IrEngine.Output;

/// <summary>
/// Writes one output table as one file, <c>&lt;table&gt;.arrow|.parquet|.csv</c>, in the chosen
/// format. The same schema and batches always give byte-identical files; an empty table is still
/// written with its schema. Any failure to write becomes an <see cref="OutputException"/> naming
/// the file, and a partly written file is removed.
/// </summary>
internal static class TableFileWriter
{
    public static WrittenTable Write(OutputFormat format, string directory, string tableName, Schema schema,
        IReadOnlyList<RecordBatch> batches)
    {
        var file = Path.Combine(directory, tableName + Extension(format));
        long rows = 0;
        foreach (var batch in batches) rows += batch.Length;
        try
        {
            Directory.CreateDirectory(directory);
            using var stream = DirectFileStream.Create(file);
            switch (format)
            {
                case OutputFormat.Arrow: ArrowTableWriter.Write(stream, schema, batches); break;
                case OutputFormat.Parquet: ParquetTableWriter.Write(stream, schema, batches); break;
                case OutputFormat.Csv: CsvTableWriter.Write(stream, schema, batches); break;
                default: Throw.Output($"unsupported output format {format} for '{file}'"); break;
            }
            stream.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ParquetSharp.ParquetException)
        {
            TryDelete(file);
            Throw.Output($"cannot write output table '{tableName}' to '{file}': {e.Message}", e);
        }
        return new WrittenTable(tableName, file, rows);
    }

    public static string Extension(OutputFormat format) => format switch
    {
        OutputFormat.Arrow => ".arrow",
        OutputFormat.Parquet => ".parquet",
        OutputFormat.Csv => ".csv",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown output format"),
    };

    private static void TryDelete(string file)
    {
        // Best effort: the original error is what the user needs to see, not a cleanup failure.
        try { File.Delete(file); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
