using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Metrics;
using Dinmo.IrEngine.Output;
using Dinmo.IrEngine.Output.Tables;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// The write stage: sorts the attribution and audit rows once, then builds and writes the six output
/// tables and the state tables into the staging folder on the run's threads. (A table may build its own
/// columns in parallel inside one of those threads, so for a while more threads than that can be busy.)
/// Every table only reads the graph
/// and goes to its own file, so the files do not depend on which thread wrote them or when. With
/// Arrow outputs the state's <c>events</c> and <c>audit</c> are not written at all: the next run reads
/// them from the attribution and audit tables published next to the state (<see cref="StitchState"/>);
/// other formats write them into the state after the output tables they reuse.
/// </summary>
internal static class StitchOutputWriter
{
    public static IReadOnlyList<WrittenTable> Write(ProfileGraph graph, IReadOnlyList<IdentifierPolicy> policies, IReadOnlyList<MetricRow> metrics,
        OutputFormat format, string stagingDirectory, int threads)
    {
        var sorted = new SortedRows(AttributionColumns.Sorted(graph, threads), StitchTables.SortedAudit(graph.Audit));
        var outputs = StitchTables.Builders(graph, policies, metrics, sorted, threads);
        var built = new OutputTable[outputs.Count];
        var written = new WrittenTable[outputs.Count];
        var attribution = StitchTableNames.All.ToList().IndexOf(StitchTableNames.Attribution);
        var audit = StitchTableNames.All.ToList().IndexOf(StitchTableNames.AuditEvents);
        Action Output(int i) => () =>
        {
            built[i] = outputs[i]();
            written[i] = TableFileWriter.Write(format, stagingDirectory, built[i].Name, built[i].Schema, [built[i].Batch]);
        };
        // Longest first, so that no long table starts last: the attribution table (a row per event), then the
        // state's per-value tables (StitchState.Builders lists them first), then the other outputs.
        var state = StitchState.Builders(graph, threads).Select(build => (Action)(() => StitchState.Save(stagingDirectory, build()))).ToList();
        var otherOutputs = Enumerable.Range(0, outputs.Count).Where(i => i != attribution).Select(Output);
        ParallelActions.Run([Output(attribution), .. state.Take(StitchState.LongBuilders), .. otherOutputs, .. state.Skip(StitchState.LongBuilders)], threads);
        if (StitchState.ReadsFromOutputs(format)) return written;
        ParallelActions.Run([.. StitchState.FromOutputs(graph, sorted, built[attribution], built[audit], threads)
            .Select(build => (Action)(() => StitchState.Save(stagingDirectory, build())))], threads);
        return written;
    }
}
