namespace Dinmo.IrEngine.StableIds;

/// <summary>
/// What one run hands the next through <c>&lt;out&gt;/_state/</c> (SPEC §5): every record key's dinmo_id
/// (its current id, or the id it last had while it is unresolved), the registry of every id ever
/// issued with the run that first issued it, and the whole id history.
/// </summary>
internal sealed class IdState
{
    /// <summary>The run sequence number of the run that wrote this state (1 for the first run).</summary>
    public required long RunSequence { get; init; }

    /// <summary>(model, entity key) → the record's id and whether it was the record's active id in that run.</summary>
    public required Dictionary<(string Model, string Key), RecordId> Records { get; init; }

    /// <summary>Every id ever issued → the sequence number of the run that first issued it.</summary>
    public required Dictionary<string, long> Registry { get; init; }

    /// <summary>Every id change since the first run, in (run, id) order.</summary>
    public required List<IdChange> History { get; init; }

    public static IdState Empty() => new() { RunSequence = 0, Records = [], Registry = new(StringComparer.Ordinal), History = [] };
}

/// <summary>A record's id in the state; <see cref="Active"/> is false for an id kept while the record is unresolved.</summary>
internal readonly record struct RecordId(string DinmoId, bool Active);

/// <summary>One row of <c>identity_id_history</c>.</summary>
internal sealed record IdChange(string DinmoId, string ChangeType, string? IntoDinmoId, string RunId, long RunSequence);
