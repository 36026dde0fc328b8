using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Metrics;
using Dinmo.IrEngine.Output;
using Dinmo.IrEngine.Output.Tables;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// The write stage: sorts the attribution and audit rows once, then writes the six output tables and the
/// state tables into the staging folder on the run's threads, each table a chunk of rows at a time
/// (<see cref="TableColumns{T}"/>). Every table only reads the graph and goes to its own file, so the
/// files do not depend on which thread wrote them or when. With Arrow outputs the state's <c>events</c>
/// and <c>audit</c> are not written at all: the next run reads them from the attribution and audit
/// tables published next to the state (<see cref="StitchState"/>); other formats write them into the
/// state as well.
/// </summary>
internal static class StitchOutputWriter
{
    public static IReadOnlyList<WrittenTable> Write(ProfileGraph graph, IReadOnlyList<IdentifierPolicy> policies, IReadOnlyList<MetricRow> metrics,
        OutputFormat format, string stagingDirectory, int threads)
    {
        var sorted = new SortedRows(AttributionColumns.Sorted(graph, threads), StitchTables.SortedAudit(graph.Audit));
        var outputs = StitchTables.Writers(graph, policies, metrics, sorted, new TableDestination(format, stagingDirectory), threads);
        var stateTo = StitchState.Destination(stagingDirectory);
        var state = StitchState.Writers(graph, stateTo, threads);
        var written = new WrittenTable[outputs.Count];
        var attribution = StitchTableNames.All.ToList().IndexOf(StitchTableNames.Attribution);
        Action Output(int i) => () => written[i] = outputs[i]();
        Action State(Func<WrittenTable> write) => () => write();
        // Longest first, so that no long table starts last: the attribution table (a row per event), then the
        // state's per-value tables (StitchState.Writers lists them first), then the other outputs and state tables.
        var otherOutputs = Enumerable.Range(0, outputs.Count).Where(i => i != attribution).Select(Output);
        var repeated = StitchState.ReadsFromOutputs(format) ? [] : StitchState.RepeatingOutputs(graph, sorted, stateTo);
        // With other formats the state's events (a row per keyed event) are as long as the attribution table: next.
        ParallelActions.Run([Output(attribution), .. repeated.Take(1).Select(State), .. state.Take(StitchState.LongWriters).Select(State),
            .. otherOutputs, .. state.Skip(StitchState.LongWriters).Select(State), .. repeated.Skip(1).Select(State)], threads);
        return written;
    }
}
