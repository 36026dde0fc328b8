using System.Runtime.CompilerServices;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// The open-addressing index of <see cref="ProfileValues"/>: (profile index, value id) → entry, with
/// linear probing in one array of 16-byte slots, so a lookup is usually one cache line. Hash order
/// never reaches an output: entries are listed per profile in the order they joined it, and the
/// index only answers "is this value on this profile". Owned by its <see cref="ProfileValues"/>.
/// </summary>
internal sealed class ProfileValueIndex
{
    // At most half full: linear probing then needs ≈ 1.5 probes for a hit and ≈ 2.5 for a miss.
    private const int InitialCapacity = 1 << 12;

    private struct Slot
    {
        public long Key;

        /// <summary>The entry + 1, so that a zeroed slot is empty and a fresh array needs no fill.</summary>
        public int EntryPlusOne;
    }

    private Slot[] _slots = new Slot[InitialCapacity];
    private int _shift = 64 - 12; // 64 − log2(capacity): the top bits of the product pick the home slot
    private int _count;

    public static long Key(int profile, int value) => ((long)profile << 32) | (uint)value;

    /// <summary>The entry for <paramref name="key"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(long key)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        for (var i = Home(key); ; i = (i + 1) & mask)
        {
            ref var slot = ref slots[i];
            if (slot.EntryPlusOne == 0) return -1;
            if (slot.Key == key) return slot.EntryPlusOne - 1;
        }
    }

    /// <summary>
    /// The entry for <paramref name="key"/> (<paramref name="found"/>), or, when absent, a reference to
    /// the new slot's entry: the caller must set it (to its entry + 1) before the next call.
    /// </summary>
    public ref int FindOrAdd(long key, out bool found)
    {
        if ((_count + 1) * 2 > _slots.Length) Grow();
        var slots = _slots;
        var mask = slots.Length - 1;
        for (var i = Home(key); ; i = (i + 1) & mask)
        {
            ref var slot = ref slots[i];
            if (slot.EntryPlusOne == 0)
            {
                slot.Key = key;
                _count++;
                found = false;
                return ref slot.EntryPlusOne;
            }
            if (slot.Key == key)
            {
                found = true;
                return ref slot.EntryPlusOne;
            }
        }
    }

    /// <summary>Removes <paramref name="key"/> (which must be present) by shifting later slots of its probe run back, so no tombstones build up.</summary>
    public void Remove(long key)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        var hole = Home(key);
        while (slots[hole].Key != key || slots[hole].EntryPlusOne == 0) hole = (hole + 1) & mask;
        for (var next = (hole + 1) & mask; slots[next].EntryPlusOne != 0; next = (next + 1) & mask)
        {
            // A slot may move back into the hole only if its home is not cyclically within (hole, next].
            var home = Home(slots[next].Key);
            var stays = hole <= next ? hole < home && home <= next : hole < home || home <= next;
            if (stays) continue;
            slots[hole] = slots[next];
            hole = next;
        }
        slots[hole] = default;
        _count--;
    }

    /// <summary>Grows ahead so that <paramref name="count"/> keys fit without a rehash on the way; the new table is cleared on up to <paramref name="threads"/> threads.</summary>
    public void Reserve(int count, int threads = 1)
    {
        var capacity = _slots.Length;
        var doublings = 0;
        while ((long)count * 2 > capacity) (capacity, doublings) = (capacity * 2, doublings + 1);
        if (doublings > 0) Grow(doublings, threads); // one new table, not every size on the way
    }

    /// <summary>The slot a key's probe starts at, at the current capacity (tests use it to build probe runs that wrap).</summary>
    internal int HomeOf(long key) => Home(key);

    /// <summary>Starts loading the slot where <paramref name="key"/> is probed first (a hint: no effect on results).</summary>
    public void Prefetch(long key) => Columnar.CacheHint.PrefetchWhole(ref _slots[Home(key)]);

    // Fibonacci hashing: profile and value ids are small dense ints, the multiply spreads both halves.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> _shift);

    private void Grow(int doublings = 1, int threads = 1)
    {
        var old = _slots;
        _slots = Columnar.ColumnBuffers.Zeroed<Slot>(old.Length << doublings, threads);
        _shift -= doublings;
        var mask = _slots.Length - 1;
        foreach (var slot in old)
        {
            if (slot.EntryPlusOne == 0) continue;
            var i = Home(slot.Key);
            while (_slots[i].EntryPlusOne != 0) i = (i + 1) & mask;
            _slots[i] = slot;
        }
    }
}
