using System.Text.Json;

namespace Dinmo.IrEngine.Output;

/// <summary>Writes a <see cref="RunSummary"/> (or a failure) as JSON, compact on one line or indented.</summary>
internal static class RunSummaryJson
{
    public static string Write(RunSummary summary, bool indented)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            var m = summary.Metrics;
            json.WriteStartObject();
            json.WriteString("status", summary.Status);
            json.WriteString("project", summary.Project);
            json.WriteString("run_id", summary.RunId);
            json.WriteNumber("records", m.Records);
            json.WriteNumber("unique_records", m.Unique);
            json.WriteNumber("matched_records", m.Matched);
            json.WriteNumber("conflict_records", m.Conflict);
            json.WriteNumber("missing_records", m.Missing);
            json.WriteNumber("golden_records", m.Golden);
            json.WriteNumber("resolution_rate", Math.Round(m.ResolutionRate, 6));
            json.WriteNumber("match_rate", Math.Round(m.MatchRate, 6));
            json.WriteNumber("conflict_rate", Math.Round(m.ConflictRate, 6));
            json.WriteNumber("records_per_profile", Math.Round(m.RecordsPerProfile, 6));
            json.WriteNumber("largest_cluster_size", m.LargestCluster);
            json.WriteNumber("elapsed_seconds", Math.Round(summary.Elapsed.TotalSeconds, 3));
            json.WriteNumber("peak_memory_bytes", summary.PeakMemoryBytes);
            json.WriteNumber("threads", summary.Threads);
            json.WriteString("jaro_winkler_path", summary.JaroWinklerPath);
            json.WriteStartObject("jaro_winkler_blocks");
            foreach (var (path, blocks) in summary.JaroWinklerBlocks) json.WriteNumber(path, blocks);
            json.WriteEndObject();
            json.WriteStartObject("stage_seconds");
            foreach (var (stage, elapsed) in summary.Stages) json.WriteNumber(stage, Math.Round(elapsed.TotalSeconds, 3));
            json.WriteEndObject();
            // Every skipped block is counted; the largest of each rule are listed (as in identity_run_metrics).
            json.WriteNumber("skipped_fuzzy_block_count", m.SkippedBlockCount);
            json.WriteStartArray("skipped_fuzzy_blocks");
            foreach (var block in m.LargestSkippedBlocks)
            {
                json.WriteStartObject();
                json.WriteString("rule", block.Rule);
                json.WriteString("criterion", block.Criterion);
                json.WriteString("key", block.Key);
                json.WriteNumber("distinct_values", block.DistinctValues);
                json.WriteNumber("records", block.Records);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartObject("most_shared_values");
            foreach (var group in m.MostShared.GroupBy(s => s.Identifier))
            {
                json.WriteStartArray(group.Key);
                foreach (var shared in group)
                {
                    json.WriteStartObject();
                    json.WriteString("value", shared.Value);
                    json.WriteNumber("records", shared.Records);
                    if (shared.BlockReason is null) json.WriteNull("block_reason");
                    else json.WriteString("block_reason", shared.BlockReason);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
            json.WriteStartObject("cluster_size_histogram");
            foreach (var row in m.Rows.Where(r => r.ScopeType == "project" && r.Metric.StartsWith("cluster_size_histogram:", StringComparison.Ordinal)))
            {
                json.WriteNumber(row.Metric["cluster_size_histogram:".Length..], row.Value);
            }
            json.WriteEndObject();
            json.WriteStartArray("largest_clusters");
            foreach (var cluster in m.LargestClusters)
            {
                json.WriteStartObject();
                json.WriteString("dinmo_id", cluster.DinmoId);
                json.WriteNumber("records", cluster.Records);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            // The same figures as identity_run_metrics, by scope: model, rule, identifier.
            foreach (var scope in new[] { "model", "rule", "identifier" })
            {
                json.WriteStartObject(scope + "s");
                // Rows with a value or key in their name are listed in their own sections above.
                foreach (var group in m.Rows.Where(r => r.ScopeType == scope && !r.Metric.StartsWith("most_shared_value:", StringComparison.Ordinal)
                                                        && !r.Metric.StartsWith("skipped_fuzzy_block:", StringComparison.Ordinal))
                             .GroupBy(r => r.ScopeValue))
                {
                    json.WriteStartObject(group.Key);
                    foreach (var row in group) json.WriteNumber(row.Metric, Math.Round(row.Value, 6));
                    json.WriteEndObject();
                }
                json.WriteEndObject();
            }
            json.WriteString("output_dir", summary.OutputDirectory);
            json.WriteStartArray("outputs");
            foreach (var table in summary.Outputs)
            {
                json.WriteStartObject();
                json.WriteString("table", table.Table);
                json.WriteString("file", table.File);
                json.WriteNumber("rows", table.Rows);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The one-line summary of a run that failed, for orchestrators reading the last stdout line.</summary>
    public static string Failure(int exitCode, string error, string? runId)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("status", "failed");
            json.WriteNumber("exit_code", exitCode);
            if (runId is not null) json.WriteString("run_id", runId);
            json.WriteString("error", error);
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
