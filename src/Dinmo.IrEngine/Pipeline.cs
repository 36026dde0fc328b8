using System.Diagnostics;
using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Compare;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Errors;
using Dinmo.IrEngine.Ingest;
using Dinmo.IrEngine.Metrics;
using Dinmo.IrEngine.Output;
using Dinmo.IrEngine.Output.Tables;
using Dinmo.IrEngine.Resolution;
using Dinmo.IrEngine.StableIds;

namespace Dinmo.IrEngine;

/// <summary>
/// The whole Profile Resolution flow in one place: load and validate the graph → open inputs and
/// check their schemas → ingest → resolve (standardize, block, compare, cluster, guard, golden,
/// stable ids) → metrics → write every table into staging → publish atomically.
/// </summary>
public static class Pipeline
{
    /// <summary>Runs Profile Resolution; returns the summary as one line of JSON. Throws <see cref="IrEngineException"/> subtypes.</summary>
    public static string Resolve(ResolveOptions options, CancellationToken cancel = default)
    {
        using var budget = new MemoryBudget(options.MaxMemoryBytes);
        if (options.CapManagedHeap) budget.CapManagedHeap();
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        try
        {
            return Resolve(options, budget, run);
        }
        catch (OperationCanceledException) when (budget.Exceeded is { } why && !cancel.IsCancellationRequested)
        {
            throw new MemoryBudgetException(why);
        }
        catch (Exception e) when (IsOutOfMemory(e))
        {
            throw new MemoryBudgetException(budget.OutOfMemory());
        }
    }

    /// <summary>An allocation failed, directly or inside parallel work (which wraps it).</summary>
    private static bool IsOutOfMemory(Exception e) =>
        e is OutOfMemoryException || e is AggregateException a && a.Flatten().InnerExceptions.Any(x => x is OutOfMemoryException);

    private static string Resolve(ResolveOptions options, MemoryBudget budget, CancellationTokenSource run)
    {
        var cancel = run.Token;
        var watch = Stopwatch.StartNew();
        // A bad IRENGINE_JW_PATH is a usage error (exit 2) before any input is read or output taken.
        var jaroWinklerPath = JaroWinkler.ActivePathName;
        var graph = IdentityGraphLoader.Load(options.GraphPath);
        var runId = options.RunId ?? DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var threads = Math.Max(1, options.Threads ?? Environment.ProcessorCount);
        var format = options.Format ?? graph.Outputs.Format;
        var tables = SelectTables(options.Tables ?? graph.Outputs.Tables);
        var outputDirectory = options.OutputDirectory ?? Path.Combine(graph.BaseDirectory, "out", graph.Project);
        var stages = new StageClock { OnStart = options.OnStage, Cancel = cancel, ReclaimMemory = options.ReclaimMemory };
        budget.Watch(stages, run);

        // Take the output (lock, clean what a killed run left) before reading: the state read must be the one we replace.
        using var publisher = new OutputPublisher(outputDirectory);
        var previous = stages.Time("load_state", () => IdStateStore.Read(publisher.PreviousRunDirectory));
        var sources = stages.Time("open", () => OpenSources(graph));
        try
        {
            using var loaded = stages.Time("read", () => RecordLoader.Load(graph, sources.Inputs, cancel, threads));
            budget.Check("read");
            Diagnostics.IrEngineMeter.Read(loaded.Records.Count);
            using var result = Resolver.Resolve(graph, loaded, stages, previous, runId, cancel, threads);
            budget.Check("resolve");
            var metrics = stages.Time("metrics", () => RunMetricsCalculator.Compute(result, threads));

            var written = stages.Time("write", () => WriteTables(result, metrics, runId, tables, format, threads, publisher.StagingDirectory, cancel));
            budget.Check("write");
            cancel.ThrowIfCancellationRequested();
            var summary = new RunSummary
            {
                Status = "succeeded", Project = graph.Project, RunId = runId, OutputDirectory = publisher.Target,
                Metrics = metrics, Stages = stages.Stages,
                Outputs = written.Select(w => w with { File = Path.Combine(publisher.Target, Path.GetFileName(w.File)) }).ToArray(),
                PeakMemoryBytes = budget.PeakBytes, Threads = threads, JaroWinklerPath = jaroWinklerPath, JaroWinklerBlocks = result.JaroWinklerUsage.Blocks,
                Elapsed = watch.Elapsed,
            };
            File.WriteAllText(Path.Combine(publisher.StagingDirectory, "run_summary.json"), RunSummaryJson.Write(summary, indented: true) + "\n");
            stages.Time("publish", () => publisher.Publish(runId), reclaim: false); // the run ends: nothing to give back early
            return RunSummaryJson.Write(summary, indented: false);
        }
        finally
        {
            foreach (var source in sources.All) source.Dispose();
        }
    }

    /// <summary>Checks a graph and its input schemas without reading data or writing anything.</summary>
    public static void Validate(string graphPath)
    {
        var graph = IdentityGraphLoader.Load(graphPath);
        _ = JaroWinkler.ActivePath; // the environment a resolve would run with: a bad IRENGINE_JW_PATH is reported too
        var sources = OpenSources(graph, schemaErrorsAreInputErrors: false);
        foreach (var source in sources.All) source.Dispose();
    }

    private sealed record OpenedSources(IReadOnlyList<ModelInput> Inputs, IReadOnlyList<ITableSource> All);

    /// <summary>
    /// A source's batches, each disposed once the reader asks for the next (the loader copies every cell out), so that
    /// an Arrow file's next batch reuses its memory (<see cref="ArrowBatchMemory"/>).
    /// </summary>
    private static IEnumerable<SourceBatch> ReadOnce(ITableSource source)
    {
        foreach (var batch in source.ReadBatches())
            using (batch)
                yield return new SourceBatch(source.File, batch);
    }

    private static OpenedSources OpenSources(IdentityGraph graph, bool schemaErrorsAreInputErrors = true)
    {
        var all = new List<ITableSource>();
        var inputs = new List<ModelInput>();
        try
        {
            foreach (var model in graph.Models)
            {
                var opened = TableSources.Open(model, graph.BaseDirectory);
                all.AddRange(opened);
                var batches = opened.SelectMany(ReadOnce);
                inputs.Add(new ModelInput(model, opened[0].Schema, batches));
            }
            try
            {
                var schemas = inputs.ToDictionary(i => i.Model.Name, i => i.Schema);
                IdentityGraphLoader.CheckInputSchemas(graph, m => schemas[m.Name]);
            }
            catch (ConfigException e) when (schemaErrorsAreInputErrors)
            {
                // SPEC §10: a column missing from an input is invalid input (exit 3) for a run; `validate` reports it as config.
                throw new InputException(e.Message, e);
            }
            return new OpenedSources(inputs, all);
        }
        catch
        {
            foreach (var source in all) source.Dispose();
            throw;
        }
    }

    private static IReadOnlyList<string> SelectTables(IReadOnlyList<string>? requested)
    {
        if (requested is null || requested.Count == 0) return TableNames.All;
        var unknown = requested.Where(t => !TableNames.All.Contains(t)).ToArray();
        if (unknown.Length > 0)
        {
            throw new ConfigException(new ConfigError("--tables", 0, 0, "$.outputs.tables", string.Join(", ", unknown),
                "one of " + string.Join(", ", TableNames.All)));
        }
        return TableNames.All.Where(requested.Contains).ToArray();
    }

    /// <summary>The state job runs after the four largest tables have started (<see cref="TableNames.BySize"/>).</summary>
    private const int StateJobPosition = 4;

    /// <summary>The write stage: every selected table, and the state for the next run, into the staging folder.</summary>
    private static List<WrittenTable> WriteTables(ResolutionResult result, RunMetrics metrics, string runId,
        IReadOnlyList<string> tables, OutputFormat format, int threads, string directory, CancellationToken cancel)
    {
        var to = new TableDestination(format, directory);
        // Formatted once, shared by the four tables that repeat a cluster's dinmo_id.
        var ids = new Lazy<ClusterIdText>(() => new ClusterIdText(result.DinmoIdValues));
        var builders = new Dictionary<string, Func<WrittenTable>>
        {
            [TableNames.Golden] = () => GoldenTableBuilder.Write(result, ids.Value, runId, to),
            [TableNames.MatchedIds] = () => MatchedIdsTableBuilder.Write(result, ids.Value, to, threads),
            [TableNames.Unresolved] = () => UnresolvedTableBuilder.Write(result, runId, to),
            [TableNames.Lookup] = () => LookupTableBuilder.Write(result, to),
            [TableNames.Match] = () => MatchTableBuilder.Write(result, ids.Value, runId, to),
            [TableNames.MatchPairs] = () => MatchPairsTableBuilder.Write(result, ids.Value, to),
            [TableNames.IdHistory] = () => IdHistoryTableBuilder.Write(result, to),
            [TableNames.GoldenReport] = () => Small(GoldenReportTableBuilder.Build(result.Graph.Project, runId, metrics, result.SkippedBlocks.Count)),
            [TableNames.RunMetrics] = () => Small(RunMetricsTableBuilder.Build(metrics)),
        };
        // The one-row report and the metrics are built whole and written as one batch.
        WrittenTable Small(OutputTable table) => TableFileWriter.Write(format, directory, table.Name, table.Schema, [table.Batch]);

        // Tables are independent: build and write them in parallel, largest first, so one large table
        // started last does not leave the other threads idle; the list keeps table order.
        var written = new WrittenTable[tables.Count];
        var jobs = Enumerable.Range(0, tables.Count).OrderBy(i => Array.IndexOf(TableNames.BySize, tables[i]))
            .Select(i => (Action)(() =>
            {
                // Each builder streams its table to its file in chunks; no table is ever whole in memory.
                written[i] = builders[tables[i]]();
                Diagnostics.IrEngineMeter.Written(written[i].Table, written[i].Rows);
            })).ToList();
        // The state for the next run (into _state/ of the same staging folder) is one more job, placed
        // among the tables of its size (about as large as identity_match), so it overlaps their writing.
        jobs.Insert(Math.Min(jobs.Count, StateJobPosition), () => IdStateStore.Write(directory, result.NextState, runId));
        // A failed table (a full disk, say) surfaces as its own error: the first table's in this order.
        ParallelActions.Run([.. jobs], threads, cancel);
        return [.. written];
    }
}
