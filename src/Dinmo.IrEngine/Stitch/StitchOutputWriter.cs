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
        var stateTo = StitchState.Destination(stagingDirectory);
        // With Arrow outputs the state's profile values are the output's identifier values plus a flag per row.
        var fromOutputs = StitchState.ReadsFromOutputs(format);
        var outputs = StitchTables.Writers(graph, policies, metrics, sorted, new TableDestination(format, stagingDirectory), threads,
            fromOutputs ? (rows, shown) => StitchState.WriteValueStatus(graph, stateTo, rows, shown) : null);
        var state = StitchState.Writers(graph, stateTo, threads, withProfileValues: !fromOutputs);
        var longState = StitchState.LongWriters(withProfileValues: !fromOutputs);
        var written = new WrittenTable[outputs.Count];
        var attribution = StitchTableNames.All.ToList().IndexOf(StitchTableNames.Attribution);
        Action Output(int i) => () => written[i] = outputs[i]();
        Action State(Func<WrittenTable> write) => () => write();
        // Longest first, so that no long table starts last: the attribution table (a row per event), then the
        // state's per-value tables (StitchState.Writers lists them first), then the other outputs, longest first (at
        // 10M events: identifier values 2.5 s with the state's flags, profiles 1.2, audit 0.7, redirects 0.3), and
        // the other state tables.
        string[] byLength = [StitchTableNames.IdentifierValues, StitchTableNames.Profiles, StitchTableNames.AuditEvents,
            StitchTableNames.Redirects, StitchTableNames.RunMetrics];
        if (!byLength.Order(StringComparer.Ordinal).SequenceEqual(StitchTableNames.All.Where(t => t != StitchTableNames.Attribution).Order(StringComparer.Ordinal)))
            throw new InvalidOperationException("every output table but the attribution must be listed by length");
        var otherOutputs = byLength.Select(name => Output(StitchTableNames.All.ToList().IndexOf(name)));
        var repeated = fromOutputs ? [] : StitchState.RepeatingOutputs(graph, sorted, stateTo);
        // With other formats the state's events (a row per keyed event) are as long as the attribution table: next.
        ParallelActions.Run([Output(attribution), .. repeated.Take(1).Select(State), .. state.Take(longState).Select(State),
            .. otherOutputs, .. state.Skip(longState).Select(State), .. repeated.Skip(1).Select(State)], threads);
        return written;
    }
}
