using System.Diagnostics;
using System.Globalization;
using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Errors;
using Dinmo.IrEngine.Ingest;
using Dinmo.IrEngine.Output;
using Dinmo.IrEngine.Resolution;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// The whole Event Stitching flow in one place (SPEC §9): load and validate the config → open inputs
/// and check their schemas → take the output (lock) and restore the previous run's state → read the
/// events inside the partition window → keep the new ones (unseen (model, key)), exclude bad keys and
/// timestamps → stitch in (timestamp, model, key) order → metrics → write the six tables and the
/// state into staging → publish atomically.
/// </summary>
public static class StitchPipeline
{
    /// <summary>Runs Event Stitching; returns the summary as one line of JSON. Throws <see cref="IrEngineException"/> subtypes.</summary>
    public static string Run(StitchOptions options, CancellationToken cancel = default)
    {
        var watch = Stopwatch.StartNew();
        var config = EventGraphLoader.Load(options.ConfigPath);
        var runId = options.RunId ?? DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var format = options.Format ?? config.OutputFormat;
        var outputDirectory = options.OutputDirectory ?? Path.Combine(config.BaseDirectory, "out", config.Project);
        var stages = new StageClock { OnStart = options.OnStage, Cancel = cancel };
        var policies = IdentifierPolicy.Compile(config);
        var reader = new EventReader(config, policies);
        var sources = stages.Time("open", reader.Open);
        try
        {
            using var publisher = new OutputPublisher(outputDirectory);
            var counts = new StitchRunCounts();
            var graph = stages.Time("state", () => RestoreState(config, policies, publisher, options.Full, counts));
            var events = stages.Time("read", () => ReadEvents(config, reader, sources, graph, counts, cancel));
            stages.Time("stitch", () => Stitch(graph, policies, events, runId, counts, cancel));
            foreach (var (model, partition) in reader.MaxPartition)
                graph.PartitionWindow[model] = Math.Max(partition, graph.PartitionWindow.GetValueOrDefault(model, long.MinValue));
            var metrics = stages.Time("metrics", () => StitchMetrics.Compute(graph, policies, counts, runId, config.Models.Select(m => m.Name).ToList()));
            var written = stages.Time("write", () =>
            {
                // Sorted once for both the output tables and the state.
                var sorted = new SortedRows(StitchTables.SortedAttributions(graph.Processed.Values, graph.Unkeyed), StitchTables.SortedAudit(graph.Audit));
                var tables = StitchTables.Build(graph, policies, metrics, sorted);
                var files = tables.Select(t => TableFileWriter.Write(format, publisher.StagingDirectory, t.Name, t.Schema, [t.Batch])).ToList();
                StitchState.Write(graph, policies, publisher.StagingDirectory, sorted, tables);
                return files;
            });
            cancel.ThrowIfCancellationRequested();
            var summary = new StitchSummary(config.Project, runId, publisher.Target, counts.Incremental, metrics, stages.Stages,
                written.Select(w => w with { File = Path.Combine(publisher.Target, Path.GetFileName(w.File)) }).ToList(), watch.Elapsed);
            File.WriteAllText(Path.Combine(publisher.StagingDirectory, "run_summary.json"), summary.ToJson(indented: true) + "\n");
            stages.Time("publish", () => publisher.Publish(runId));
            return summary.ToJson(indented: false);
        }
        finally
        {
            foreach (var source in sources.SelectMany(s => s)) source.Dispose();
            foreach (var policy in policies) policy.Dispose();
        }
    }

    /// <summary>Checks a config and its input schemas without reading data or writing anything.</summary>
    public static void Validate(string configPath)
    {
        var config = EventGraphLoader.Load(configPath);
        var policies = IdentifierPolicy.Compile(config);
        foreach (var source in new EventReader(config, policies).Open().SelectMany(s => s)) source.Dispose();
        foreach (var policy in policies) policy.Dispose();
    }

    private static ProfileGraph RestoreState(EventGraph config, IReadOnlyList<IdentifierPolicy> policies, OutputPublisher publisher,
        bool full, StitchRunCounts counts)
    {
        if (full || publisher.PreviousRunDirectory is not { } previous) return new ProfileGraph(config.Project);
        var state = Path.Combine(previous, StitchState.Directory);
        if (!Directory.Exists(state))
            Throw.Input($"the previous run in {previous} has no stitching state ({StitchState.Directory}/): " +
                "it was not written by 'irengine stitch'; use another --out or rerun with --full");
        counts.Incremental = true;
        return StitchState.Read(state, config, policies);
    }

    private static List<StitchEvent> ReadEvents(EventGraph config, EventReader reader, IReadOnlyList<IReadOnlyList<ITableSource>> sources,
        ProfileGraph graph, StitchRunCounts counts, CancellationToken cancel)
    {
        var events = new List<StitchEvent>();
        for (var m = 0; m < config.Models.Count; m++)
        {
            var name = config.Models[m].Name;
            var before = events.Count;
            long? window = counts.Incremental && graph.PartitionWindow.TryGetValue(name, out var w) ? w : null;
            reader.Read(m, sources[m], window, events, cancel);
            counts.SkippedByPartition[name] = reader.SkippedByPartition.GetValueOrDefault(name);
            counts.Read[name] = events.Count - before + counts.SkippedByPartition[name];
        }
        return events;
    }

    private static void Stitch(ProfileGraph graph, IReadOnlyList<IdentifierPolicy> policies, List<StitchEvent> events, string runId,
        StitchRunCounts counts, CancellationToken cancel)
    {
        // A key seen twice in this run's input is ambiguous: every copy is excluded (as in Profile Resolution).
        // One ordinal set per model: hashing the key alone is much cheaper than hashing (model, key) tuples.
        var models = events.Count == 0 ? 0 : events.Max(e => e.Model) + 1;
        var seen = new HashSet<string>[models];
        var duplicated = new HashSet<string>[models];
        for (var m = 0; m < models; m++) (seen[m], duplicated[m]) = (new(StringComparer.Ordinal), new(StringComparer.Ordinal));
        foreach (var e in events)
            if (e.Key is { } key && !seen[e.Model].Add(key)) duplicated[e.Model].Add(key);
        seen = null; // the sets can go before stitching starts

        graph.Processed.EnsureCapacity(graph.Processed.Count + events.Count);
        var toStitch = new List<StitchEvent>(events.Count);
        var anyProcessed = graph.Processed.Count > 0;
        foreach (var e in events)
        {
            if (e.Key is not { } key)
            {
                Record(Excluded(e, AttributionReason.NullPrimaryKey, runId), keyed: false);
                continue;
            }
            if (anyProcessed && graph.Processed.ContainsKey((e.ModelName, key)))
            {
                counts.SkippedProcessed[e.ModelName] = counts.SkippedProcessed.GetValueOrDefault(e.ModelName) + 1;
                continue;
            }
            if (duplicated[e.Model].Contains(key)) toStitch.Add(e); // excluded below, once per key, after sorting
            else if (e.Timestamp == Timestamps.Null) Record(Excluded(e, AttributionReason.InvalidTimestamp, runId), keyed: true);
            else toStitch.Add(e);
        }
        toStitch.Sort((a, b) => a.Timestamp != b.Timestamp ? a.Timestamp.CompareTo(b.Timestamp)
            : !string.Equals(a.ModelName, b.ModelName, StringComparison.Ordinal) ? CodePointOrder.Instance.Compare(a.ModelName, b.ModelName)
            : CodePointOrder.Instance.Compare(a.Key, b.Key));

        var engine = new StitchingEngine(graph, policies, runId);
        foreach (var e in toStitch)
        {
            cancel.ThrowIfCancellationRequested();
            if (duplicated[e.Model].Count > 0 && duplicated[e.Model].Contains(e.Key!))
            {
                // Every copy is counted as processed; the key is remembered once (its earliest copy).
                var excluded = Excluded(e, AttributionReason.DuplicatePrimaryKey, runId);
                counts.Processed.Add(excluded);
                graph.Processed.TryAdd((e.ModelName, e.Key!), excluded);
                continue;
            }
            Record(engine.Process(e), keyed: true);
        }

        void Record(Attribution attribution, bool keyed)
        {
            counts.Processed.Add(attribution);
            if (keyed) graph.Processed[(attribution.ModelName, attribution.EventKey!)] = attribution;
            else graph.Unkeyed.Add(attribution);
        }
    }

    private static Attribution Excluded(StitchEvent e, string reason, string runId) =>
        new(e.ModelName, e.Key, e.Timestamp, null, Attribution.Excluded, reason, null, runId);
}
