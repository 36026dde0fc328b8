namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// One event profile (SPEC §9): created by the first event no existing profile matched, it gathers
/// events and identifier values (held in the graph's <see cref="ProfileGraph.ProfileValues"/>, keyed by
/// <see cref="Index"/>) until it is merged into an older profile. A merged profile keeps its row and a
/// redirect; its values move to the survivor.
/// </summary>
internal sealed class EventProfile(int index, string id, long createdSequence, long createdAt)
{
    /// <summary>The profile's position in <see cref="ProfileGraph.Profiles"/>: how columns and value states refer to it.</summary>
    public int Index { get; } = index;

    public string Id { get; } = id;

    /// <summary>The id as UTF-8, for output columns.</summary>
    public byte[] IdUtf8 { get; } = System.Text.Encoding.UTF8.GetBytes(id);

    /// <summary>1, 2, … in creation order across runs; the lower one survives a merge.</summary>
    public long CreatedSequence { get; } = createdSequence;

    /// <summary>The timestamp of the event that created the profile.</summary>
    public long CreatedAt { get; } = createdAt;

    public long FirstSeen { get; set; } = long.MaxValue;
    public long LastSeen { get; set; } = long.MinValue;
    public long EventCount { get; set; }

    /// <summary>The profile this one was merged into (directly); null while it is live.</summary>
    public EventProfile? MergedInto { get; set; }

    public string? MergedRunId { get; set; }

    /// <summary>The identifier whose value connected this profile to the survivor.</summary>
    public string? MergedVia { get; set; }

    public bool IsMerged => MergedInto is not null;

    public void See(long timestamp, long events = 1)
    {
        FirstSeen = Math.Min(FirstSeen, timestamp);
        LastSeen = Math.Max(LastSeen, timestamp);
        EventCount += events;
    }
}
