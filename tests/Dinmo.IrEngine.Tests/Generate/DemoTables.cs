using System.Globalization;
using Apache.Arrow;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Ingest;

namespace Dinmo.IrEngine.Tests.Generate;

/// <summary>Reads generated tables back through the engine's own readers, as (key, row) text.</summary>
internal static class DemoTables
{
    /// <summary>Every value of <paramref name="column"/> in <paramref name="model"/>'s files, as invariant text (null stays null).</summary>
    public static List<string?> Column(ModelConfig model, string baseDirectory, string column)
    {
        var values = new List<string?>();
        var sources = TableSources.Open(model, baseDirectory);
        try
        {
            foreach (var source in sources)
            {
                var index = source.Schema.GetFieldIndex(column);
                foreach (var batch in source.ReadBatches())
                {
                    using (batch)
                    {
                        var array = batch.Column(index);
                        for (var row = 0; row < batch.Length; row++) values.Add(Text(array, row));
                    }
                }
            }
        }
        finally
        {
            foreach (var source in sources) source.Dispose();
        }
        return values;
    }

    private static string? Text(IArrowArray array, int row)
    {
        if (array.IsNull(row)) return null;
        return array switch
        {
            StringArray s => s.GetString(row),
            Int64Array l => l.GetValue(row)!.Value.ToString(CultureInfo.InvariantCulture),
            _ => throw new NotSupportedException($"column type {array.Data.DataType.Name}"),
        };
    }
}
