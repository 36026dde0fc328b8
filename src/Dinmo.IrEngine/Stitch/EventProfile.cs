using System.Text;
using Dinmo.IrEngine.StableIds;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// One event profile (SPEC §9): created by the first event no existing profile matched, it gathers
/// events and identifier values (held in the graph's <see cref="ProfileGraph.ProfileValues"/>, keyed by
/// <see cref="Index"/>) until it is merged into an older profile. A merged profile keeps its row and a
/// redirect; its values move to the survivor.
/// </summary>
internal sealed class EventProfile
{
    private string? _id;

    /// <summary>A profile restored from the state, with the id it was saved under.</summary>
    public EventProfile(int index, string id, long createdSequence, long createdAt)
        : this(index, Encoding.UTF8.GetBytes(id), createdSequence, createdAt) => _id = id;

    /// <summary>A profile created by this run: the id's text is formatted once, as UTF-8; the string is decoded from it on first use (the creation audit row).</summary>
    public EventProfile(int index, DinmoId id, long createdSequence, long createdAt)
        : this(index, Formatted(id), createdSequence, createdAt)
    {
    }

    private EventProfile(int index, byte[] idUtf8, long createdSequence, long createdAt)
    {
        Index = index;
        IdUtf8 = idUtf8;
        CreatedSequence = createdSequence;
        CreatedAt = createdAt;
    }

    /// <summary>The profile's position in <see cref="ProfileGraph.Profiles"/>: how columns and value states refer to it.</summary>
    public int Index { get; }

    // Two threads writing tables may both make the string: equal texts, either kept.
    public string Id => _id ??= Encoding.UTF8.GetString(IdUtf8);

    /// <summary>The id as UTF-8, for output columns.</summary>
    public byte[] IdUtf8 { get; }

    /// <summary>The step after <see cref="Prefetch"/> (which loads this object): starts loading the id's bytes.</summary>
    public void PrefetchId() => Columnar.CacheHint.Prefetch(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(IdUtf8));

    /// <summary>1, 2, … in creation order across runs; the lower one survives a merge.</summary>
    public long CreatedSequence { get; }

    /// <summary>The timestamp of the event that created the profile.</summary>
    public long CreatedAt { get; }

    // Fields rather than auto-properties so that Prefetch can name the first one.
    private long _firstSeen = long.MaxValue;
    private long _lastSeen = long.MinValue;
    private long _eventCount;

    public long FirstSeen { get => _firstSeen; set => _firstSeen = value; }
    public long LastSeen { get => _lastSeen; set => _lastSeen = value; }
    public long EventCount { get => _eventCount; set => _eventCount = value; }

    /// <summary>Starts loading the sighting fields <see cref="See"/> updates (see <see cref="Columnar.CacheHint"/>).</summary>
    public void Prefetch() => Columnar.CacheHint.Prefetch(ref _firstSeen);

    /// <summary>The profile this one was merged into (directly); null while it is live.</summary>
    public EventProfile? MergedInto { get; set; }

    public string? MergedRunId { get; set; }

    /// <summary>The identifier whose value connected this profile to the survivor.</summary>
    public string? MergedVia { get; set; }

    public bool IsMerged => MergedInto is not null;

    private static byte[] Formatted(DinmoId id)
    {
        var utf8 = new byte[DinmoId.TextLength];
        id.Format(utf8);
        return utf8;
    }

    public void See(long timestamp, long events = 1)
    {
        _firstSeen = Math.Min(_firstSeen, timestamp);
        _lastSeen = Math.Max(_lastSeen, timestamp);
        _eventCount += events;
    }
}
