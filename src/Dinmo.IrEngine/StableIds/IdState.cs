namespace Dinmo.IrEngine.StableIds;

/// <summary>
/// What one run hands the next through <c>&lt;out&gt;/_state/</c> (SPEC §5), as columns: every record
/// key's dinmo_id (its current id, or the id it last had while it is unresolved), the registry of
/// every id ever issued with the run that first issued it, and the whole id history.
/// </summary>
internal sealed class IdState
{
    /// <summary>The run sequence number of the run that wrote this state (1 for the first run).</summary>
    public required long RunSequence { get; init; }

    /// <summary>Record keys in (model, entity key) order with their ids.</summary>
    public required StateRecords Records { get; init; }

    public required IdRegistry Registry { get; init; }

    public required IdChangeLog History { get; init; }

    public static IdState Empty() => new() { RunSequence = 0, Records = StateRecords.Empty, Registry = IdRegistry.Empty, History = IdChangeLog.Empty };
}
