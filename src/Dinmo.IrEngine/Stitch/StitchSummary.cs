using System.Text.Json;
using Dinmo.IrEngine.Metrics;
using Dinmo.IrEngine.Output;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// What a stitching run reports to its caller: the last stdout line (one line of JSON) and
/// <c>run_summary.json</c>, in the shape of Profile Resolution's summary (status, run_id, counts,
/// rates, timings, output files with row counts).
/// </summary>
internal sealed record StitchSummary(
    string Project,
    string RunId,
    string OutputDirectory,
    bool Incremental,
    IReadOnlyList<MetricRow> Metrics,
    IReadOnlyList<(string Stage, TimeSpan Elapsed)> Stages,
    IReadOnlyList<WrittenTable> Outputs,
    TimeSpan Elapsed)
{
    private static readonly string[] Counts =
    [
        "events_read", "events_processed", "events_stitched", "events_excluded", "events_skipped_already_processed",
        "events_skipped_partition_window", "profiles_created", "profiles_merged", "merges_refused", "values_demoted",
        "values_quarantined", "values_expired", "profiles_total", "profiles_live", "profiles_known",
    ];

    public string ToJson(bool indented)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            json.WriteStartObject();
            json.WriteString("status", "succeeded");
            json.WriteString("command", "stitch");
            json.WriteString("project", Project);
            json.WriteString("run_id", RunId);
            json.WriteString("mode", Incremental ? "incremental" : "full");
            foreach (var metric in Counts) json.WriteNumber(metric, (long)StitchMetrics.Value(Metrics, metric));
            json.WriteNumber("stitch_rate", Math.Round(StitchMetrics.Value(Metrics, "stitch_rate"), 6));
            json.WriteStartObject("excluded");
            foreach (var word in AttributionReasonText.Exclusions.Select(AttributionReasonText.Of))
                json.WriteNumber(word, (long)StitchMetrics.Value(Metrics, "excluded_" + word));
            json.WriteEndObject();
            json.WriteNumber("elapsed_seconds", Math.Round(Elapsed.TotalSeconds, 3));
            using (var process = System.Diagnostics.Process.GetCurrentProcess()) json.WriteNumber("peak_memory_bytes", process.PeakWorkingSet64);
            // Where a run's time goes besides the stages' own work: the graph is millions of objects.
            json.WriteNumber("gc_pause_seconds", Math.Round(GC.GetTotalPauseDuration().TotalSeconds, 3));
            json.WriteNumber("gc_collections", GC.CollectionCount(0));
            json.WriteStartObject("stage_seconds");
            foreach (var (stage, elapsed) in Stages) json.WriteNumber(stage, Math.Round(elapsed.TotalSeconds, 3));
            json.WriteEndObject();
            json.WriteString("output_dir", OutputDirectory);
            json.WriteStartArray("outputs");
            foreach (var table in Outputs)
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
}
