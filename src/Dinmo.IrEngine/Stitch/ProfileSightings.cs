using Dinmo.IrEngine.Columnar;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// When each profile was first and last seen and how many events it gathered, by profile index: the
/// only profile fields the stitch loop writes for every event. They sit in one array (huge pages at
/// scale, <see cref="ColumnBuffers"/>), not in the <see cref="EventProfile"/> objects, so the loop
/// reaches them from the index with one read it can start early, instead of a list slot and then an
/// object on the GC heap's small pages. <see cref="EventProfile"/>'s properties read and write here.
/// </summary>
internal sealed class ProfileSightings
{
    private Sighting[] _sightings = new Sighting[256];

    private struct Sighting
    {
        public long FirstSeen;
        public long LastSeen;
        public long EventCount;
    }

    /// <summary>Makes the entry of a new profile: never seen yet.</summary>
    public void Add(int index)
    {
        if (index >= _sightings.Length) ColumnBuffers.Resize(ref _sightings, Math.Max(index + 1, _sightings.Length * 2));
        _sightings[index] = new Sighting { FirstSeen = long.MaxValue, LastSeen = long.MinValue };
    }

    public ref long FirstSeen(int index) => ref _sightings[index].FirstSeen;

    public ref long LastSeen(int index) => ref _sightings[index].LastSeen;

    public ref long EventCount(int index) => ref _sightings[index].EventCount;

    /// <summary>Notes <paramref name="events"/> more events of profile <paramref name="index"/> at <paramref name="timestamp"/>.</summary>
    public void See(int index, long timestamp, long events = 1)
    {
        ref var sighting = ref _sightings[index];
        sighting.FirstSeen = Math.Min(sighting.FirstSeen, timestamp);
        sighting.LastSeen = Math.Max(sighting.LastSeen, timestamp);
        sighting.EventCount += events;
    }

    /// <summary>Adds the sightings of a merged profile to its survivor's.</summary>
    public void Absorb(int survivor, int loser)
    {
        ref var into = ref _sightings[survivor];
        ref readonly var from = ref _sightings[loser];
        into.FirstSeen = Math.Min(into.FirstSeen, from.FirstSeen);
        into.LastSeen = Math.Max(into.LastSeen, from.LastSeen);
        into.EventCount += from.EventCount;
    }

    /// <summary>Starts loading the entry <see cref="See"/> updates (see <see cref="CacheHint"/>).</summary>
    public void Prefetch(int index) => CacheHint.PrefetchWhole(ref _sightings[index]);
}
