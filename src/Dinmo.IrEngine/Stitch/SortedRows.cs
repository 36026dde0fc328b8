namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// The attributions and audit rows of the graph in table order, sorted once per run and shared by the
/// output tables and the state (<see cref="StitchTables"/>, <see cref="StitchState"/>). The state's
/// <c>events</c> table is the keyed part: unkeyed rows sort first within their model and are skipped.
/// </summary>
internal sealed record SortedRows(Attribution[] Attributions, AuditEvent[] Audit)
{
    /// <summary>The attributions with a key, in the same order.</summary>
    public List<Attribution> Keyed()
    {
        var keyed = new List<Attribution>(Attributions.Length);
        foreach (var a in Attributions)
            if (a.EventKey is not null) keyed.Add(a);
        return keyed;
    }
}
