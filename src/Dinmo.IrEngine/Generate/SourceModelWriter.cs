using Apache.Arrow;
using Dinmo.IrEngine.Output;

namespace Dinmo.IrEngine.Generate;

/// <summary>
/// Writes one generated model as <c>&lt;model&gt;.csv|.parquet|.arrow</c> through the engine's own
/// <see cref="TableFileWriter"/>, so inputs are written exactly as outputs are (deterministic bytes).
/// </summary>
internal static class SourceModelWriter
{
    /// <summary>Rows per batch (and Parquet row group): bounds builder memory at large scales.</summary>
    private const int BatchRows = 1 << 16;

    public static WrittenTable Write(string directory, ISourceModel model, IReadOnlyList<ProfileCopy> rows)
    {
        var batches = new List<RecordBatch>();
        for (var start = 0; start < rows.Count; start += BatchRows)
            batches.Add(model.Batch(rows, start, Math.Min(BatchRows, rows.Count - start)));
        try
        {
            return TableFileWriter.Write(model.Format, directory, model.Name, model.Schema, batches);
        }
        finally
        {
            foreach (var batch in batches) batch.Dispose();
        }
    }
}
