using Apache.Arrow;
using Dinmo.IrEngine.Metrics;

namespace Dinmo.IrEngine.Output.Tables;

/// <summary><c>identity_run_metrics</c>: one row per metric, sorted by scope_type, scope_value, metric.</summary>
internal static class RunMetricsTableBuilder
{
    public static OutputTable Build(RunMetrics metrics)
    {
        var value = new DoubleArray.Builder();
        foreach (var row in metrics.Rows) value.Append(row.Value);
        return OutputTable.Create(TableNames.RunMetrics,
            [("scope_type", ColumnTypes.Text), ("scope_value", ColumnTypes.Text), ("metric", ColumnTypes.Text), ("value", ColumnTypes.Real)],
            [TextColumn.Of(metrics.Rows.Select(r => r.ScopeType)), TextColumn.Of(metrics.Rows.Select(r => r.ScopeValue)),
             TextColumn.Of(metrics.Rows.Select(r => r.Metric)), value.Build()],
            metrics.Rows.Count);
    }
}
