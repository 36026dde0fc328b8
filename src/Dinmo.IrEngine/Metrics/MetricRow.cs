namespace Dinmo.IrEngine.Metrics;

/// <summary>One row of <c>identity_run_metrics</c>: a metric of the project, a model, a rule or an identifier.</summary>
internal sealed record MetricRow(string ScopeType, string ScopeValue, string Metric, double Value);

/// <summary>One of an identifier's most shared values, with the records that carry it.</summary>
internal sealed record SharedValue(string Identifier, string Value, int Records, string? BlockReason);

/// <summary>A valid cluster and its record count, for the largest-clusters report.</summary>
internal sealed record ClusterSize(string DinmoId, int Records);
