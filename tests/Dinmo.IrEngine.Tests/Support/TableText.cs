using Apache.Arrow;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Ingest;
using Dinmo.IrEngine.Output;

namespace Dinmo.IrEngine.Tests.Support;

/// <summary>Compares tables by their CSV rendering, which shows every value, null and empty string.</summary>
internal static class TableText
{
    public static string Csv(Schema schema, IReadOnlyList<RecordBatch> batches)
    {
        using var dir = new TempDirectory();
        var written = TableFileWriter.Write(OutputFormat.Csv, dir.Path, "t", schema, batches);
        return File.ReadAllText(written.File);
    }

    public static string Csv(ITableSource source) => Csv(source.Schema, source.ReadBatches().ToList());
}
