namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// Every (profile, value) pair of the graph in one flat table: <see cref="ProfileValue"/> entries by
/// value in one array, each profile's entries chained in the order they joined it (what the
/// per-profile dictionaries enumerated before), and one <see cref="ProfileValueIndex"/> keyed by
/// (profile index, value id). The stitch loop's lookups, attaches and merges touch a slot and an
/// entry instead of a profile object, its dictionary and a value object. Owned by the
/// <see cref="ProfileGraph"/>; profiles are added in index order.
/// </summary>
internal sealed class ProfileValues
{
    private const int None = -1;

    private readonly ProfileValueIndex _index = new();
    private ProfileValue[] _entries = new ProfileValue[1024];
    private int _used;
    private int _free = None; // entries folded away by merges, chained through Next for reuse

    // Per profile index: its first and last entry (None when it has none) and how many it has.
    private int[] _first = [];
    private int[] _last = [];
    private int[] _count = [];
    private int _profiles;

    public ref ProfileValue this[int entry] => ref _entries[entry];

    /// <summary>Makes room for the next profile index, with no values.</summary>
    public void AddProfile()
    {
        if (_profiles == _first.Length)
        {
            var size = Math.Max(256, _first.Length * 2);
            Array.Resize(ref _first, size);
            Array.Resize(ref _last, size);
            Array.Resize(ref _count, size);
        }
        (_first[_profiles], _last[_profiles], _count[_profiles]) = (None, None, 0);
        _profiles++;
    }

    /// <summary>How many values <paramref name="profile"/> holds (none once merged).</summary>
    public int Count(int profile) => _count[profile];

    /// <summary>The profile's entries in the order they joined it: <c>foreach (var entry in values.Of(p))</c>.</summary>
    public Entries Of(int profile) => new(this, _first[profile]);

    /// <summary>The entry of <paramref name="value"/> on <paramref name="profile"/>, or -1.</summary>
    public int Find(int profile, int value) => _index.Find(ProfileValueIndex.Key(profile, value));

    /// <summary>The entry of <paramref name="value"/> on <paramref name="profile"/>, added (active, unseen) when absent.</summary>
    public int Attach(int profile, int value, int identifier, out bool added)
    {
        ref var slot = ref _index.FindOrAdd(ProfileValueIndex.Key(profile, value), out var found);
        added = !found;
        if (found) return slot - 1;
        var entry = NewEntry(ProfileValue.New(value, identifier));
        slot = entry + 1;
        Append(profile, entry);
        return entry;
    }

    /// <summary>
    /// Moves the values of <paramref name="loser"/> to <paramref name="survivor"/>: a value both hold
    /// folds into the survivor's entry, the others join the survivor after its own, in the loser's order.
    /// </summary>
    public void Merge(int loser, int survivor)
    {
        for (var entry = _first[loser]; entry != None;)
        {
            var next = _entries[entry].Next;
            var value = _entries[entry].Value;
            _index.Remove(ProfileValueIndex.Key(loser, value));
            ref var slot = ref _index.FindOrAdd(ProfileValueIndex.Key(survivor, value), out var found);
            if (found)
            {
                _entries[slot - 1].Absorb(in _entries[entry]);
                _entries[entry].Next = _free;
                _free = entry;
            }
            else
            {
                slot = entry + 1;
                Append(survivor, entry);
            }
            entry = next;
        }
        (_first[loser], _last[loser], _count[loser]) = (None, None, 0);
    }

    private int NewEntry(in ProfileValue value)
    {
        int entry;
        if (_free != None)
        {
            entry = _free;
            _free = _entries[entry].Next;
        }
        else
        {
            if (_used == _entries.Length) Array.Resize(ref _entries, _entries.Length * 2);
            entry = _used++;
        }
        _entries[entry] = value;
        return entry;
    }

    private void Append(int profile, int entry)
    {
        _entries[entry].Next = None;
        if (_last[profile] == None) _first[profile] = entry;
        else _entries[_last[profile]].Next = entry;
        _last[profile] = entry;
        _count[profile]++;
    }

    /// <summary>One profile's entries, following the chain.</summary>
    public readonly struct Entries(ProfileValues values, int first)
    {
        public Enumerator GetEnumerator() => new(values, first);
    }

    public struct Enumerator(ProfileValues values, int first)
    {
        private int _next = first;

        public int Current { get; private set; } = None;

        public bool MoveNext()
        {
            if (_next == None) return false;
            Current = _next;
            _next = values._entries[_next].Next;
            return true;
        }
    }
}
