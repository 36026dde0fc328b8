using System.Text;
using Dinmo.IrEngine.StableIds;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// One event profile (SPEC §9): created by the first event no existing profile matched, it gathers
/// events and identifier values (held in the graph's <see cref="ProfileGraph.ProfileValues"/>, keyed by
/// <see cref="Index"/>) until it is merged into an older profile. A merged profile keeps its row and a
/// redirect; its values move to the survivor. Its sightings live in the graph's
/// <see cref="ProfileSightings"/>, by index.
/// </summary>
internal sealed class EventProfile
{
    private string? _id;
    private readonly ProfileSightings _sightings;

    /// <summary>A profile restored from the state, with the id it was saved under; its sightings go to <paramref name="sightings"/>.</summary>
    public EventProfile(ProfileSightings sightings, int index, string id, long createdSequence, long createdAt)
        : this(sightings, index, createdSequence, createdAt)
    {
        _id = id;
        _idUtf8 = Encoding.UTF8.GetBytes(id);
    }

    /// <summary>A profile restored from the state, with the id it was saved under as UTF-8 (its string is made on first use).</summary>
    public EventProfile(ProfileSightings sightings, int index, ReadOnlySpan<byte> idUtf8, long createdSequence, long createdAt)
        : this(sightings, index, createdSequence, createdAt) => _idUtf8 = idUtf8.ToArray();

    /// <summary>
    /// A profile created by this run, without its id yet: hashing a name per profile would hold up the serial
    /// stitch loop, so the graph names the run's new profiles together after it (<see cref="ProfileGraph.NameProfiles"/>).
    /// </summary>
    public EventProfile(ProfileSightings sightings, int index, long createdSequence, long createdAt)
    {
        _sightings = sightings;
        Index = index;
        CreatedSequence = createdSequence;
        CreatedAt = createdAt;
        sightings.Add(index);
    }

    /// <summary>Gives a created profile its id (once): the text is formatted once, as UTF-8; the string is decoded from it on first use.</summary>
    public void Name(DinmoId id)
    {
        if (_idUtf8 is not null) throw new InvalidOperationException($"profile {Index} already has an id");
        var utf8 = new byte[DinmoId.TextLength];
        id.Format(utf8);
        _idUtf8 = utf8;
    }

    /// <summary>The profile's position in <see cref="ProfileGraph.Profiles"/>: how columns and value states refer to it.</summary>
    public int Index { get; }

    // Two threads writing tables may both make the string: equal texts, either kept.
    public string Id => _id ??= Encoding.UTF8.GetString(IdUtf8);

    // A field rather than an auto-property so that Prefetch can name it; null until named.
    private byte[]? _idUtf8;

    /// <summary>The id as UTF-8, for output columns.</summary>
    public byte[] IdUtf8 => _idUtf8 ?? throw new InvalidOperationException($"profile {Index} has no id yet (ProfileGraph.NameProfiles)");

    /// <summary>
    /// Starts loading <paramref name="profile"/>'s object without reading it (see <see cref="Columnar.CacheHint.PrefetchObject"/>);
    /// <see cref="PrefetchId"/> is the step after.
    /// </summary>
    public static void Prefetch(EventProfile? profile) => Columnar.CacheHint.PrefetchObject(profile);

    /// <summary>Starts loading the id's bytes (once this object is loaded).</summary>
    public void PrefetchId() => Columnar.CacheHint.Prefetch(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(IdUtf8));

    /// <summary>1, 2, … in creation order across runs; the lower one survives a merge.</summary>
    public long CreatedSequence { get; }

    /// <summary>The timestamp of the event that created the profile.</summary>
    public long CreatedAt { get; }

    public long FirstSeen { get => _sightings.FirstSeen(Index); set => _sightings.FirstSeen(Index) = value; }
    public long LastSeen { get => _sightings.LastSeen(Index); set => _sightings.LastSeen(Index) = value; }
    public long EventCount { get => _sightings.EventCount(Index); set => _sightings.EventCount(Index) = value; }

    /// <summary>The profile this one was merged into (directly); null while it is live.</summary>
    public EventProfile? MergedInto { get; set; }

    public string? MergedRunId { get; set; }

    /// <summary>The identifier whose value connected this profile to the survivor.</summary>
    public string? MergedVia { get; set; }

    public bool IsMerged => MergedInto is not null;
}
