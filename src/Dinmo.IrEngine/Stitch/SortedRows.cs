namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// The attribution rows (indexes into <see cref="ProfileGraph.Attributions"/>) and audit rows of the
/// graph in table order, sorted once per run and shared by the output tables and the state
/// (<see cref="StitchTables"/>, <see cref="StitchState"/>). The state's <c>events</c> table is the
/// keyed part: unkeyed rows sort first within their model and are skipped.
/// </summary>
internal sealed record SortedRows(int[] Attributions, AuditEvent[] Audit)
{
    /// <summary>The attribution rows with a key, in the same order.</summary>
    public int[] Keyed(AttributionTable table) => Attributions.Where(row => table.Key(row) >= 0).ToArray();
}
