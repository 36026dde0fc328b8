namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// Every (profile, value) pair of the graph in one flat table: <see cref="ProfileValue"/> entries by
/// value in one array, each profile's entries chained, and one <see cref="ProfileValueIndex"/> keyed
/// by (profile index, value id). The stitch loop's lookups, attaches and merges touch a slot and an
/// entry instead of a profile object, its dictionary and a value object. Owned by the
/// <see cref="ProfileGraph"/>; profiles are added in index order.
/// <para>
/// Chain order: values of the <em>leading</em> identifiers (one-value anchors, which the per-event
/// conflict check reads, and identifiers with <c>max_unique_values_per_profile</c>, which demotion
/// counts) come first, so those checks read a profile's few anchor entries and not its dozens of
/// cookies; the others follow in the order they joined. Nothing that
/// reaches an output depends on the chain order: tables sort each profile's values, and the stitch
/// loop's decisions read at most one active value per one-value anchor (demotion keeps it so).
/// </para>
/// </summary>
internal sealed class ProfileValues(ulong leadingRanks)
{
    private const int None = -1;

    private readonly ProfileValueIndex _index = new();
    private ProfileValue[] _entries = new ProfileValue[1024];
    private int _used;
    private int _free = None; // entries folded away by merges, chained through Next for reuse

    // Per profile index, in one 24-byte struct so that a profile's checks load one cache line (two when it straddles), not one per field.
    private Chain[] _chains = [];
    private int _profiles;

    /// <summary>One profile's chain: its first and last entry (None when it has none), how many it has, how many of the first are of leading ranks, and which identifier ranks (RankBit).</summary>
    private struct Chain
    {
        public int First;
        public int Last;
        public int Count;
        public int Leading;
        public ulong Ranks;

        public static Chain Empty => new() { First = None, Last = None };
    }

    public ref ProfileValue this[int entry] => ref _entries[entry];

    /// <summary>Sizes the entries and the index for about <paramref name="entries"/> values on profiles, so they do not grow (and rehash) step by step.</summary>
    public void Reserve(int entries, int threads = 1)
    {
        // Entries are written before they are read (from _used on): memory past the used ones is never touched, so
        // room to spare costs nothing (values on several profiles passed the estimate by 1.4 % at 10M events, and
        // growing then copied 110 MB on the loop's thread). The index is written all over: it takes the estimate.
        var room = (int)Math.Min(Array.MaxLength, entries + (long)entries / 4);
        if (room > _entries.Length) Columnar.ColumnBuffers.Grow(ref _entries, room, _used);
        _index.Reserve(entries, threads);
    }

    /// <summary>Makes room for the next profile index, with no values.</summary>
    public void AddProfile()
    {
        if (_profiles == _chains.Length) Columnar.ColumnBuffers.Resize(ref _chains, Math.Max(256, _chains.Length * 2));
        _chains[_profiles++] = Chain.Empty;
    }

    /// <summary>Starts loading the profile's chain: its identifier ranks (<see cref="Ranks"/>), count and first entries (see <see cref="Columnar.CacheHint"/>).</summary>
    public void PrefetchProfile(int profile) => Columnar.CacheHint.PrefetchWhole(ref _chains[profile]);

    /// <summary>Starts loading an entry (see <see cref="Columnar.CacheHint"/>).</summary>
    public void PrefetchEntry(int entry) => Columnar.CacheHint.PrefetchWhole(ref _entries[entry]);

    /// <summary>Starts loading the profile's first entry, a step after <see cref="PrefetchProfile"/> (its chain is read here).</summary>
    public void PrefetchFirstEntry(int profile)
    {
        if (_chains[profile].First is var first and not None) PrefetchEntry(first);
    }

    /// <summary>How many values <paramref name="profile"/> holds (none once merged).</summary>
    public int Count(int profile) => _chains[profile].Count;

    /// <summary>
    /// The <see cref="RankBit"/>s of the identifiers the profile has values of (any status), so that a loop
    /// over its values for one kind of identifier can be skipped when the profile has none.
    /// </summary>
    public ulong Ranks(int profile) => _chains[profile].Ranks;

    /// <summary>One bit per identifier rank; ranks from 63 up share the last bit (a mask test may then say "maybe", never "no" wrongly).</summary>
    public static ulong RankBit(int rank) => 1UL << Math.Min(rank, 63);

    /// <summary>The profile's entries in the order they joined it: <c>foreach (var entry in values.Of(p))</c>.</summary>
    public Entries Of(int profile) => new(this, _chains[profile].First, _chains[profile].Count);

    /// <summary>The profile's entries of leading identifiers (see the type's remarks), first in its chain.</summary>
    public Entries LeadingOf(int profile) => new(this, _chains[profile].First, _chains[profile].Leading);

    /// <summary>Starts loading where <see cref="Find"/> or <see cref="Attach"/> of <paramref name="value"/> on <paramref name="profile"/> looks first (a hint).</summary>
    public void PrefetchIndex(int profile, int value) => _index.Prefetch(ProfileValueIndex.Key(profile, value));

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
        for (var entry = _chains[loser].First; entry != None;)
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
        _chains[survivor].Ranks |= _chains[loser].Ranks;
        _chains[loser] = Chain.Empty;
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
            if (_used == _entries.Length) Columnar.ColumnBuffers.Grow(ref _entries, _entries.Length * 2, _used);
            entry = _used++;
        }
        _entries[entry] = value;
        return entry;
    }

    private void Append(int profile, int entry)
    {
        var rank = RankBit(_entries[entry].Identifier);
        ref var chain = ref _chains[profile];
        if ((rank & leadingRanks) != 0)
        {
            // A leading identifier's value goes to the front of the chain.
            _entries[entry].Next = chain.First;
            chain.First = entry;
            if (chain.Last == None) chain.Last = entry;
            chain.Leading++;
        }
        else
        {
            _entries[entry].Next = None;
            if (chain.Last == None) chain.First = entry;
            else _entries[chain.Last].Next = entry;
            chain.Last = entry;
        }
        chain.Count++;
        chain.Ranks |= rank;
    }

    /// <summary>The first <paramref name="count"/> entries of one profile's chain.</summary>
    public readonly struct Entries(ProfileValues values, int first, int count)
    {
        public Enumerator GetEnumerator() => new(values, first, count);
    }

    public struct Enumerator(ProfileValues values, int first, int count)
    {
        private int _next = first;
        private int _left = count;

        public int Current { get; private set; } = None;

        public bool MoveNext()
        {
            if (_left == 0) return false;
            _left--;
            Current = _next;
            _next = values._entries[_next].Next;
            return true;
        }
    }
}
