using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Errors;
using Dinmo.IrEngine.Ingest;
using Dinmo.IrEngine.Output;
using Dinmo.IrEngine.Resolution;
using Dinmo.IrEngine.Standardize;

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
        var threads = Math.Max(1, options.Threads ?? Environment.ProcessorCount);
        var stages = new StageClock { OnStart = options.OnStage, Cancel = cancel, ReclaimMemory = options.ReclaimMemory };
        var policies = IdentifierPolicy.Compile(config);
        var reader = new EventReader(config, policies);
        var sources = stages.Time("open", reader.Open);
        try
        {
            using var publisher = new OutputPublisher(outputDirectory);
            var counts = new StitchRunCounts();
            using var graph = stages.Time("state", () => RestoreState(config, policies, publisher, options.Full, counts, threads));
            using (var events = stages.Time("read", () => ReadEvents(config, reader, sources, graph, counts, threads, options.MinSliceRows, cancel)))
                stages.Time("stitch", () => Stitch(graph, policies, events, runId, counts, threads, options.ReclaimMemory, cancel));
            // No collection after these three: metrics leaves little behind, and after the write the run only publishes and ends.
            var metrics = stages.Time("metrics", () => StitchMetrics.Compute(graph, policies, counts, runId, config.Models.Select(m => m.Name).ToList(), threads),
                reclaim: false);
            var written = stages.Time("write", () => StitchOutputWriter.Write(graph, policies, metrics, format, publisher.StagingDirectory, threads),
                reclaim: false);
            cancel.ThrowIfCancellationRequested();
            var summary = new StitchSummary(config.Project, runId, publisher.Target, counts.Incremental, metrics, stages.Stages,
                written.Select(w => w with { File = Path.Combine(publisher.Target, Path.GetFileName(w.File)) }).ToList(), watch.Elapsed);
            File.WriteAllText(Path.Combine(publisher.StagingDirectory, "run_summary.json"), summary.ToJson(indented: true) + "\n");
            stages.Time("publish", () => publisher.Publish(runId), reclaim: false);
            return summary.ToJson(indented: false);
        }
        finally
        {
            foreach (var source in sources.SelectMany(s => s)) source.Dispose();
        }
    }

    /// <summary>Checks a config and its input schemas without reading data or writing anything.</summary>
    public static void Validate(string configPath)
    {
        var config = EventGraphLoader.Load(configPath);
        var policies = IdentifierPolicy.Compile(config);
        foreach (var source in new EventReader(config, policies).Open().SelectMany(s => s)) source.Dispose();
    }

    private static ProfileGraph RestoreState(EventGraph config, IReadOnlyList<IdentifierPolicy> policies, OutputPublisher publisher,
        bool full, StitchRunCounts counts, int threads)
    {
        var graph = new ProfileGraph(config.Project, policies, config.Models.Select(m => m.Name));
        if (full || publisher.PreviousRunDirectory is not { } previous) return graph;
        var state = Path.Combine(previous, StitchState.Directory);
        if (!Directory.Exists(state))
        {
            graph.Dispose();
            Throw.Input($"the previous run in {previous} has no stitching state ({StitchState.Directory}/): " +
                "it was not written by 'irengine stitch'; use another --out or rerun with --full");
        }
        counts.Incremental = true;
        try
        {
            StitchState.Read(state, graph, policies, threads);
            return graph;
        }
        catch
        {
            graph.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads the models in parallel, a large model in several slices (<see cref="ReadSlice.Plan"/>), each into
    /// its own columns and value dictionary (keys go to the model's key dictionary, or the slice's own for a
    /// model's later slices), then merges them in model and slice order, so key ids, value ids and the event
    /// order are those of one read after another, whichever read finished first. The slices' columns stay where
    /// they were read, their ids translated in place (<see cref="RunEvents"/>).
    /// </summary>
    private static RunEvents ReadEvents(EventGraph config, EventReader reader, IReadOnlyList<IReadOnlyList<ITableSource>> sources,
        ProfileGraph graph, StitchRunCounts counts, int threads, long minSliceRows, CancellationToken cancel)
    {
        var slices = ReadSlice.Plan(sources, threads, minSliceRows);
        var parts = new ModelEvents?[slices.Count];
        try
        {
            var reads = slices.Select((slice, i) => (Action)(() =>
            {
                var name = config.Models[slice.Model].Name;
                long? window = counts.Incremental && graph.PartitionWindow.TryGetValue(name, out var w) ? w : null;
                parts[i] = reader.Read(slice, window, graph.Keys, cancel);
            }));
            ParallelActions.Run([.. reads], threads);
            var maxPartitions = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var part in parts)
            {
                var name = config.Models[part!.Model].Name;
                counts.SkippedByPartition[name] = counts.SkippedByPartition.GetValueOrDefault(name) + part.SkippedByPartition;
                counts.Read[name] = counts.Read.GetValueOrDefault(name) + part.Events.Count + part.SkippedByPartition;
                if (part.MaxPartition is { } max) maxPartitions[name] = Math.Max(max, maxPartitions.GetValueOrDefault(name, long.MinValue));
            }
            foreach (var (name, max) in maxPartitions)
                graph.PartitionWindow[name] = Math.Max(max, graph.PartitionWindow.GetValueOrDefault(name, long.MinValue));
            // Keys and values go to different dictionaries, each merged in part order. Each part's ids are then translated
            // to the graph's.
            var keyIds = new int[]?[parts.Length];
            var valueIds = new int[]?[parts.Length];
            // A full run: the first part's dictionary becomes the graph's as it is, instead of being interned again, so
            // its ids stay; and its keys went to the graph's (a model's first slice): its ids are the graph's already.
            var firstMerged = 0;
            if (parts.Length > 0 && graph.Values.Count == 0)
            {
                graph.AdoptValues(parts[0]!.TakeValues());
                firstMerged = 1;
            }
            // The later parts' values are looked up in the graph's dictionary as it stands first, a chunk at a time on the
            // run's threads beside the keys' merge (reading only: most are there already); the ones not found are then
            // interned part by part in order, which gives the ids interning every value in order gives.
            for (var i = firstMerged; i < parts.Length; i++) valueIds[i] = new int[parts[i]!.Values.Count];
            var chunks = Enumerable.Range(firstMerged, parts.Length - firstMerged)
                .SelectMany(i => Enumerable.Range(0, ParallelChunks.Count(valueIds[i]!.Length, MergeChunkValues)).Select(c => (Part: i, Start: c * MergeChunkValues)))
                .ToArray();
            var taken = -1;
            void FindValues()
            {
                var pending = new PendingValues(MergeChunkValues);
                for (var c = Interlocked.Increment(ref taken); c < chunks.Length; c = Interlocked.Increment(ref taken))
                    FindChunk(parts[chunks[c].Part]!.Values, graph.Values, valueIds[chunks[c].Part]!, chunks[c].Start, pending);
            }
            ParallelActions.Run(
            [
                () =>
                {
                    var pending = new PendingValues(MergeChunkValues);
                    for (var i = 0; i < parts.Length; i++)
                        if (parts[i]!.OwnKeys is { } own) keyIds[i] = MergeKeys(parts[i]!.Model, own, graph.Keys, pending);
                    FindValues();
                },
                .. Enumerable.Repeat<Action>(FindValues, Math.Max(1, threads - 1)),
            ], threads);
            InternMissing([.. parts.Skip(firstMerged).Select(p => p!.Values)], valueIds[firstMerged..]!, graph.Values);
            ParallelActions.Run([.. Enumerable.Range(0, parts.Length)
                .Where(i => valueIds[i] is not null || keyIds[i] is not null)
                .Select(i => (Action)(() => parts[i]!.Events.TranslateIds(valueIds[i], keyIds[i])))], threads);
            var events = new RunEvents([.. parts.Select(p => p!.TakeEvents())]);
            for (var i = 0; i < parts.Length; i++)
            {
                parts[i]!.Dispose();
                parts[i] = null;
            }
            // No key or value is interned or looked up after the read: only read by id.
            graph.Keys.DropIndexes();
            graph.Values.DropIndex();
            return events;
        }
        catch
        {
            foreach (var part in parts) part?.Dispose();
            throw;
        }
    }

    /// <summary>The graph's id of every key of a slice's own dictionary, interning them into the model's in id order, a chunk at a time.</summary>
    private static int[] MergeKeys(int model, EventKeys from, EventKeys into, PendingValues pending)
    {
        var ids = new int[from.Count(model)];
        into.Reserve(model, ColumnBuffers.Reservation((long)into.Count(model) + ids.Length), ColumnBuffers.Reservation((long)into.ByteCount(model) + from.ByteCount(model)));
        for (var start = 0; start < ids.Length; start += MergeChunkValues)
        {
            pending.Clear();
            var end = Math.Min(ids.Length, start + MergeChunkValues);
            for (var id = start; id < end; id++) into.Stage(model, pending, from.Utf8(model, id));
            into.Intern(model, pending, ids.AsSpan(start, end - start));
        }
        return ids;
    }

    private const int MergeChunkValues = 1 << 14;

    /// <summary>Looks up a chunk of values of a part's own dictionary from <paramref name="start"/> in the graph's: their ids there, -1 when not found.</summary>
    private static void FindChunk(IdentifierValues from, IdentifierValues into, int[] ids, int start, PendingValues pending)
    {
        pending.Clear();
        var end = Math.Min(ids.Length, start + MergeChunkValues);
        for (var id = start; id < end; id++) into.Stage(pending, from.Identifier(id), from.Utf8(id));
        into.Find(pending, ids.AsSpan(start, end - start));
    }

    /// <summary>
    /// Interns into <paramref name="into"/> the values of each part's own dictionary (<paramref name="parts"/>, in order)
    /// that were not found there (id -1 in <paramref name="ids"/>), in id order, a chunk at a time, writing their ids.
    /// </summary>
    private static void InternMissing(IdentifierValues[] parts, int[][] ids, IdentifierValues into)
    {
        long missing = 0, missingBytes = 0;
        for (var p = 0; p < parts.Length; p++)
            for (var id = 0; id < ids[p].Length; id++)
                if (ids[p][id] < 0) (missing, missingBytes) = (missing + 1, missingBytes + 1 + parts[p].Utf8(id).Length); // one byte of rank
        // At most every value not found is new (one found in several parts is counted once per part: an upper bound).
        into.Reserve(ColumnBuffers.Reservation(into.Count + missing), ColumnBuffers.Reservation(into.ByteCount + missingBytes));
        var pending = new PendingValues(MergeChunkValues);
        var positions = new List<int>(MergeChunkValues);
        var interned = new int[MergeChunkValues];
        for (var p = 0; p < parts.Length; p++)
            for (var id = 0; id < ids[p].Length;)
            {
                pending.Clear();
                positions.Clear();
                for (; id < ids[p].Length && positions.Count < MergeChunkValues; id++)
                {
                    if (ids[p][id] >= 0) continue;
                    positions.Add(id);
                    into.Stage(pending, parts[p].Identifier(id), parts[p].Utf8(id));
                }
                into.Intern(pending, interned.AsSpan(0, positions.Count));
                for (var k = 0; k < positions.Count; k++) ids[p][positions[k]] = interned[k];
            }
    }

    // Called once per run (or table): full optimization from the start, not a tier-0 loop until on-stack replacement.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Stitch(ProfileGraph graph, IReadOnlyList<IdentifierPolicy> policies, RunEvents events, string runId,
        StitchRunCounts counts, int threads, bool reclaimMemory, CancellationToken cancel)
    {
        var keys = graph.Keys;
        var run = graph.RunIds.Intern(runId);
        var rows = graph.Attributions.Count + events.Count; // at most a row per event
        // A key seen twice in this run's input is ambiguous: every copy is excluded (as in Profile Resolution).
        var copies = new byte[keys.Models.Count][];
        for (var m = 0; m < copies.Length; m++) copies[m] = new byte[keys.Count(m)];
        foreach (var part in events.Parts)
            for (var e = 0; e < part.Count; e++)
            {
                var key = part.Key(e);
                if (key >= 0 && copies[part.Model(e)][key] < 2) copies[part.Model(e)][key]++;
            }

        // Sorted by (timestamp, model, key) on precomputed ranks: model names and keys in code point order.
        var modelRanks = keys.Models.Ranks();
        var keyRanks = keys.Ranks(threads);
        EventSelection? selection = EventSelection.Of(events, keys, copies, modelRanks, keyRanks, threads);
        foreach (var e in selection.Settled)
        {
            int m = events.Model(e), key = events.Key(e);
            if (key < 0) Record(m, key, events.Timestamp(e), new StitchOutcome(AttributionReason.NullPrimaryKey, -1, -1));
            else Record(m, key, Timestamps.Null, new StitchOutcome(AttributionReason.InvalidTimestamp, -1, -1));
        }
        for (var m = 0; m < selection.Skipped.Length; m++)
            if (selection.Skipped[m] > 0)
                counts.SkippedProcessed[keys.Models[m]] = counts.SkippedProcessed.GetValueOrDefault(keys.Models[m]) + selection.Skipped[m];
        var (toStitch, count) = (selection.Orders, selection.Count);
        EventOrder.Sort(toStitch, selection.Bounds, threads);
        // Bunched timestamps make large buckets, sorted through a scratch as large as the largest (up to as large as the
        // orders): garbage now, which the queue can reuse after a collection. Spread timestamps need none.
        if (reclaimMemory && EventOrder.SharedScratch(selection.Bounds) > count / 8) StageMemory.Collect();
        var queue = StitchQueue.Gather(events, toStitch, count, threads);
        // The queue holds the events in order now: release the read's columns and the order (at 10M
        // events about 270 MB and 200 MB) before the loop. Disposing the columns twice is harmless.
        (toStitch, selection) = (null, null);
        events.Dispose();
        // Their memory is garbage now, but only a full collection frees it: one here lets the loop's tables (value states,
        // the profiles' values, the attribution rows) and its profiles reuse it, instead of touching as much fresh memory
        // (StageMemory). They are sized only now for that reason.
        if (reclaimMemory) StageMemory.Collect();
        graph.States.Grow(graph.Values.Count);
        graph.ProfileValues.Reserve(graph.Values.Count, threads); // most values end up on one profile
        graph.Attributions.Reserve(rows);

        var engine = new StitchingEngine(graph, policies, runId);
        graph.StartNaming(); // created profiles get their ids on the other core while the loop runs
        graph.StartOrderingValues(); // and the values are put in the tables' orders there too
        // and the room of the loop's attribution rows (a row per event at most) is faulted in there, ahead of its appends:
        // at 10M events about 0.25 s of page faults and clearing of fresh memory that the loop took itself.
        var populating = SideThreads.Start(() => graph.Attributions.PopulateRoom(queue.Count), "irengine attribution room");
        try
        {
            for (var i = 0; i < queue.Count; i++)
            {
                cancel.ThrowIfCancellationRequested();
                // Random reads started a few events ahead overlap; the loop's own reads then mostly hit the cache.
                if (i + StitchingEngine.PrefetchDistance < queue.Count)
                {
                    engine.PrefetchValues(queue.Observations(i + StitchingEngine.PrefetchDistance));
                    keys.PrefetchRow(queue.Model(i + StitchingEngine.PrefetchDistance), queue.Key(i + StitchingEngine.PrefetchDistance));
                }
                if (i + StitchingEngine.ProfilePrefetchDistance < queue.Count) engine.PrefetchProfiles(queue.Observations(i + StitchingEngine.ProfilePrefetchDistance));
                if (i + StitchingEngine.AnchorPrefetchDistance < queue.Count) engine.PrefetchAnchors(queue.Observations(i + StitchingEngine.AnchorPrefetchDistance));
                int m = queue.Model(i), key = queue.Key(i);
                if (queue.Duplicate(i))
                {
                    // Every copy is counted as processed; the key is remembered once (its earliest copy).
                    var excluded = new StitchOutcome(AttributionReason.DuplicatePrimaryKey, -1, -1);
                    if (keys.RowOf(m, key) >= 0) counts.Count(m, excluded.Reason, excluded.Matched);
                    else Record(m, key, queue.Timestamp(i), excluded);
                    continue;
                }
                Record(m, key, queue.Timestamp(i), engine.Process(m, key, queue.Timestamp(i), queue.Observations(i)));
            }
        }
        finally
        {
            populating.Wait(); // also when the loop failed: nothing is left advising the graph's memory
        }
        graph.NameProfiles(threads);

        void Record(int model, int key, long timestamp, StitchOutcome outcome)
        {
            counts.Count(model, outcome.Reason, outcome.Matched);
            var row = graph.Attributions.Add(model, key, timestamp, outcome.Profile, outcome.Reason, outcome.Matched, run);
            if (key >= 0) keys.RowOf(model, key) = row;
        }
    }
}
