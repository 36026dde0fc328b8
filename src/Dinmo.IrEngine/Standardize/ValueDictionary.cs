using System.IO.Hashing;
using Dinmo.IrEngine.Columnar;

namespace Dinmo.IrEngine.Standardize;

/// <summary>
/// Interns standardized values: equal bytes get one value id, in order of first appearance.
/// An open-addressing table keyed by XXH3-64; a hash match is always confirmed by comparing the
/// bytes, so a collision can never make two different values one ("exact means exact"). One made
/// <see cref="ForAscending"/> builds that table only once its values stop coming in ascending order.
/// Ids depend on input order, so nothing persisted or ordered may use them as such: outputs order
/// values by their bytes. Owned by the pipeline for the whole run.
/// </summary>
internal sealed class ValueDictionary : IDisposable
{
    // Load factor at most 1/2 keeps probe sequences short with linear probing.
    private const int MaxLoadShift = 1;

    private readonly ValueHash _hash;
    private readonly Utf8Column _values = new();
    private readonly GrowableArray<ulong> _hashes = new();
    // Per slot: the hash's high 32 bits (a tag) above the value id + 1; 0 = empty. The tag settles most
    // probes that miss inside the table, without a second random read into the hash column.
    private ulong[] _slots = new ulong[1024];
    private int _mask = 1023;

    public ValueDictionary() : this(static value => XxHash3.HashToUInt64(value)) { }

    /// <summary>With another hash function: tests use a constant one to prove collisions never merge values.</summary>
    internal ValueDictionary(ValueHash hash) => _hash = hash;

    /// <summary>
    /// A dictionary for values that often come in strictly ascending byte order, such as event keys (a
    /// table exported in key order): while they do, they are all distinct, so it holds no lookup table and
    /// interning a value only compares it with the last one; finding one is a binary search. The first value
    /// that is not above the last builds the table (<see cref="BuildIndex"/>) and interning goes on through it.
    /// Ids are the same either way (order of first appearance).
    /// </summary>
    public static ValueDictionary ForAscending() => new() { _ascending = true };

    /// <summary>For tests: <see cref="ForAscending"/> with another hash function.</summary>
    internal static ValueDictionary ForAscending(ValueHash hash) => new(hash) { _ascending = true };

    // While true, every value was above the one before it and _slots is empty: no lookup table yet.
    private bool _ascending;

    /// <summary>Whether every value came above the one before it (<see cref="ForAscending"/>, no table built): ids are in byte order.</summary>
    public bool InByteOrder => _ascending;

    // The values a Reserve (and a ReserveColumns) asked room for while ascending: when the table is built, it is sized for
    // the first and the hashes' column for both.
    private int _reservedValues;
    private int _reservedColumns;

    public int Count => _values.Count;

    /// <summary>Total UTF-8 bytes of the values.</summary>
    public int ByteCount => _values.ByteCount;

    public ReadOnlySpan<byte> this[int id] => _values[id];

    public string GetString(int id) => _values.GetString(id)!;

    /// <summary>The id of <paramref name="value"/>, adding it when new.</summary>
    public int Intern(ReadOnlySpan<byte> value) => Intern(value, _hash(value));

    /// <summary>The hash <see cref="Intern(ReadOnlySpan{byte}, ulong)"/> expects; thread-safe, so another thread may compute it ahead.</summary>
    public ulong Hash(ReadOnlySpan<byte> value) => _hash(value);

    /// <summary>The id of <paramref name="value"/>, whose <see cref="Hash"/> is <paramref name="hash"/>, adding it when new.</summary>
    public int Intern(ReadOnlySpan<byte> value, ulong hash)
    {
        if (_indexDropped) throw IndexDropped();
        if (_ascending)
        {
            if (_values.Count == 0 || _values[_values.Count - 1].SequenceCompareTo(value) < 0) return _values.Add(value);
            BuildIndex();
        }
        var slot = Probe(value, hash, out var id);
        if (id >= 0) return id;
        var added = _values.Add(value);
        _hashes.Add(hash);
        _slots[slot] = Entry(hash, added);
        if ((_values.Count << MaxLoadShift) > _slots.Length) Rehash();
        return added;
    }

    /// <summary>
    /// Asks the CPU to start loading the slot where a value of <paramref name="hash"/> is probed first,
    /// so an <see cref="Intern(ReadOnlySpan{byte}, ulong)"/> a few values later finds it in cache; a hint
    /// only (no effect on results, nothing where the CPU has no prefetch instruction).
    /// </summary>
    public void Prefetch(ulong hash) => CacheHint.Prefetch(ref _slots[(int)hash & _mask]);

    /// <summary>
    /// The second step of <see cref="Prefetch"/>, a few values later: reads the (by now loaded) first slot
    /// and, when its tag matches, starts loading where the candidate's bytes are (its offsets).
    /// </summary>
    public void PrefetchCandidate(ulong hash)
    {
        if (Candidate(hash) is var id and >= 0) _values.PrefetchOffsets(id);
    }

    /// <summary>The third step, a few values later again: starts loading the candidate's bytes, which a match compares.</summary>
    public void PrefetchCandidateBytes(ulong hash)
    {
        if (Candidate(hash) is var id and >= 0) _values.PrefetchBytes(id);
    }

    /// <summary>Starts loading where value <paramref name="id"/>'s bytes are (its offsets); <see cref="PrefetchBytes"/> follows a few reads later.</summary>
    public void PrefetchOffsets(int id) => _values.PrefetchOffsets(id);

    /// <summary>Starts loading value <paramref name="id"/>'s bytes.</summary>
    public void PrefetchBytes(int id) => _values.PrefetchBytes(id);

    // The id in the first slot a value of the hash probes when its tag matches, else -1 (a hint only: no further probing).
    private int Candidate(ulong hash)
    {
        var entry = _slots[(int)hash & _mask];
        return entry != 0 && (entry & TagMask) == Tag(hash) ? (int)(uint)entry - 1 : -1;
    }

    /// <summary>The id of <paramref name="value"/>, or -1 when it was never interned.</summary>
    public int Find(ReadOnlySpan<byte> value) => Find(value, _hash(value));

    /// <summary>
    /// As <see cref="Find(ReadOnlySpan{byte})"/> for a value whose <see cref="Hash"/> is <paramref name="hash"/>. Reads only:
    /// several threads may find at once while nothing is interned.
    /// </summary>
    public int Find(ReadOnlySpan<byte> value, ulong hash)
    {
        if (_indexDropped) throw IndexDropped();
        if (_ascending) return FindAscending(value);
        Probe(value, hash, out var id);
        return id;
    }

    /// <summary>The slot holding <paramref name="value"/> (its id in <paramref name="id"/>), or the empty slot where it goes (id -1).</summary>
    private int Probe(ReadOnlySpan<byte> value, ulong hash, out int id)
    {
        var tag = Tag(hash);
        var slot = (int)hash & _mask;
        while (true)
        {
            var entry = _slots[slot];
            if (entry == 0) break;
            // The tag is half the hash and settles nearly every mismatch; the bytes confirm a match. (The
            // full hash is not read here: it would be one more random read per value found.)
            if ((entry & TagMask) == tag)
            {
                id = (int)(uint)entry - 1;
                if (_values[id].SequenceEqual(value)) return slot;
            }
            slot = (slot + 1) & _mask;
        }
        id = -1;
        return slot;
    }

    private const ulong TagMask = 0xFFFF_FFFF_0000_0000UL;

    private static ulong Tag(ulong hash) => hash & TagMask;

    private static ulong Entry(ulong hash, int id) => Tag(hash) | (uint)(id + 1);

    /// <summary>
    /// Makes room for <paramref name="values"/> values holding <paramref name="bytes"/> bytes in all, so that
    /// interning up to there neither rehashes nor copies the values (a read that knows its row count).
    /// </summary>
    public void Reserve(int values, int bytes)
    {
        if (_indexDropped) throw IndexDropped();
        _values.Reserve(values, bytes);
        if (_ascending)
        {
            _reservedValues = Math.Max(_reservedValues, values);
            return;
        }
        _hashes.Reserve(values);
        var slots = _slots.Length;
        while (((long)values << MaxLoadShift) > slots && slots < MaxSlots) slots *= 2;
        if (slots > _slots.Length) Rehash(slots);
    }

    /// <summary>The id of <paramref name="value"/> among values held in ascending order, or -1.</summary>
    private int FindAscending(ReadOnlySpan<byte> value)
    {
        int low = 0, high = _values.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var order = _values[middle].SequenceCompareTo(value);
            if (order == 0) return middle;
            if (order < 0) low = middle + 1;
            else high = middle - 1;
        }
        return -1;
    }

    /// <summary>
    /// Leaves the ascending mode (<see cref="ForAscending"/>): hashes the values held so far and builds their table,
    /// as large as the largest <see cref="Reserve"/> asked for.
    /// </summary>
    private void BuildIndex()
    {
        _ascending = false;
        var values = Math.Max(_reservedValues, _values.Count + 1);
        _hashes.Reserve(Math.Max(values, _reservedColumns));
        for (var id = 0; id < _values.Count; id++) _hashes.Add(_hash(_values[id]));
        var slots = _slots.Length;
        while (((long)values << MaxLoadShift) > slots && slots < MaxSlots) slots *= 2;
        Rehash(slots);
    }

    /// <summary>
    /// As <see cref="Reserve"/>, but for the values' columns only: the table still grows as values come. For a rough
    /// estimate that may be well above the count reached: the columns' memory past what is written is never touched,
    /// while a table is written all over, so one sized too large costs its whole size.
    /// </summary>
    public void ReserveColumns(int values, int bytes)
    {
        if (_indexDropped) throw IndexDropped();
        _values.Reserve(values, bytes);
        if (_ascending) _reservedColumns = Math.Max(_reservedColumns, values);
        else _hashes.Reserve(values);
    }

    /// <summary>The largest table <see cref="Reserve"/> asks for (2^30 slots, 8 GiB); interning grows on from there.</summary>
    private const int MaxSlots = 1 << 30;

    private void Rehash() => Rehash(_slots.Length * 2);

    private void Rehash(int size)
    {
        var slots = ColumnBuffers.Zeroed<ulong>(size);
        var mask = slots.Length - 1;
        for (var id = 0; id < _values.Count; id++)
        {
            var hash = _hashes[id];
            var slot = (int)hash & mask;
            while (slots[slot] != 0) slot = (slot + 1) & mask;
            slots[slot] = Entry(hash, id);
        }
        _slots = slots;
        _mask = mask;
    }

    /// <summary>
    /// Frees the lookup by bytes (the slot table and the hashes, about 24 bytes a value) once nothing more will be
    /// interned or found: the values and their ids stay readable. Ten million event keys out of key order held about
    /// 300 MB of it through the stitch loop, the run's peak. Interning or finding afterwards throws.
    /// </summary>
    public void DropIndex()
    {
        _indexDropped = true;
        _slots = new ulong[1]; // one empty slot: a prefetch before the throw still reads a slot
        _mask = 0;
        _hashes.Dispose();
    }

    private bool _indexDropped;

    private static InvalidOperationException IndexDropped() => new("the value dictionary's index was dropped (DropIndex): its values can only be read now");

    public void Dispose()
    {
        _values.Dispose();
        _hashes.Dispose();
    }
}

/// <summary>A 64-bit hash of a standardized value's bytes.</summary>
internal delegate ulong ValueHash(ReadOnlySpan<byte> value);
