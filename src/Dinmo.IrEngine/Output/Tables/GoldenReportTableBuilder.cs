using Apache.Arrow;
using Dinmo.IrEngine.Metrics;

namespace Dinmo.IrEngine.Output.Tables;

/// <summary><c>identity_golden_report</c>: one row with the run's summary metrics (SPEC §7).</summary>
internal static class GoldenReportTableBuilder
{
    public static OutputTable Build(string project, string runId, RunMetrics metrics, int skippedBlocks)
    {
        var counts = new (string Name, long Value)[]
        {
            ("records", metrics.Records), ("unique_records", metrics.Unique), ("matched_records", metrics.Matched),
            ("conflict_records", metrics.Conflict), ("missing_records", metrics.Missing), ("golden_records", metrics.Golden),
            ("largest_cluster_size", metrics.LargestCluster), ("skipped_fuzzy_blocks", skippedBlocks),
        };
        var rates = new (string Name, double Value)[]
        {
            ("resolution_rate", metrics.ResolutionRate), ("match_rate", metrics.MatchRate),
            ("conflict_rate", metrics.ConflictRate), ("records_per_profile", metrics.RecordsPerProfile),
        };
        var columns = new List<(string, Apache.Arrow.Types.IArrowType)> { ("project", ColumnTypes.Text), ("run_id", ColumnTypes.Text) };
        var arrays = new List<IArrowArray> { TextColumn.Of([project]), TextColumn.Of([runId]) };
        foreach (var (name, value) in counts)
        {
            columns.Add((name, ColumnTypes.Int64));
            arrays.Add(new Int64Array.Builder().Append(value).Build());
        }
        foreach (var (name, value) in rates)
        {
            columns.Add((name, ColumnTypes.Real));
            arrays.Add(new DoubleArray.Builder().Append(value).Build());
        }
        return OutputTable.Create(TableNames.GoldenReport, columns, arrays, 1);
    }
}
