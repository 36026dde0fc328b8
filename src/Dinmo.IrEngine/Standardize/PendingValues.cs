namespace Dinmo.IrEngine.Standardize;

/// <summary>
/// A run of values waiting to be interned into one <see cref="ValueDictionary"/>, each copied with
/// its hash computed ahead, so <see cref="Intern"/> can ask for the slot of a value several places
/// ahead while it interns the current one, and then for the bytes of the value found there: at
/// millions of values every slot and every stored value is a cache miss, and this way they overlap. Positions without a value (<see cref="AddNone"/>) keep the run aligned
/// with the cells it came from. Interning in position order gives the same ids as interning the
/// values one by one. The buffers are reused after <see cref="Clear"/>; used by one thread at a time
/// (resolve fills a chunk on one thread and interns it on another, handing the chunk over in between).
/// </summary>
internal sealed class PendingValues(int capacity = 1024, int bytesPerValue = 32)
{
    /// <summary>
    /// How many positions ahead <see cref="Intern"/> prefetches a slot (about the memory latency over one
    /// intern's work); a found value's offsets and then bytes follow at two thirds and one third of it.
    /// </summary>
    private const int PrefetchDistance = 24;

    private int[] _end = new int[Math.Max(capacity, 16)]; // end of the position's bytes, or -1: no value
    private ulong[] _hash = new ulong[Math.Max(capacity, 16)];
    private byte[] _bytes = new byte[Math.Max(capacity, 16) * Math.Max(bytesPerValue, 1)];
    private int _byteCount;

    public int Count { get; private set; }

    public void Clear() => (Count, _byteCount) = (0, 0);

    /// <summary>A position without a value (skipped by <see cref="Intern"/>).</summary>
    public void AddNone()
    {
        EnsurePosition();
        _end[Count++] = -1;
    }

    /// <summary>Adds <paramref name="value"/> as <paramref name="values"/> will intern it.</summary>
    public void Add(ReadOnlySpan<byte> value, ValueDictionary values) => Add(ReadOnlySpan<byte>.Empty, value, values);

    /// <summary>Adds <paramref name="prefix"/> followed by <paramref name="value"/> as one value.</summary>
    public void Add(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> value, ValueDictionary values)
    {
        EnsurePosition();
        var start = _byteCount;
        var length = prefix.Length + value.Length;
        if (start + length > _bytes.Length) Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, start + length));
        prefix.CopyTo(_bytes.AsSpan(start));
        value.CopyTo(_bytes.AsSpan(start + prefix.Length));
        _byteCount += length;
        _end[Count] = _byteCount;
        _hash[Count] = values.Hash(_bytes.AsSpan(start, length));
        Count++;
    }

    /// <summary>
    /// Interns the values in position order into <paramref name="values"/>, writing each position's
    /// value id into <paramref name="ids"/> (-1 for a position without a value). New values get their
    /// ids in position order, so a caller can spot them as the ids that reach its count.
    /// </summary>
    public void Intern(ValueDictionary values, Span<int> ids) => Resolve(values, ids, intern: true);

    /// <summary>
    /// As <see cref="Intern"/>, but adds nothing: a value <paramref name="values"/> does not hold gets -1. Reads only, so
    /// several threads may each find their own pending values in one dictionary at once while nothing is interned.
    /// </summary>
    public void Find(ValueDictionary values, Span<int> ids) => Resolve(values, ids, intern: false);

    private void Resolve(ValueDictionary values, Span<int> ids, bool intern)
    {
        var begin = 0;
        for (var j = 0; j < Count; j++)
        {
            // The table is far larger than the cache: start loading a later value's slot now.
            if (j + PrefetchDistance < Count && _end[j + PrefetchDistance] >= 0) values.Prefetch(_hash[j + PrefetchDistance]);
            if (j + PrefetchDistance * 2 / 3 < Count && _end[j + PrefetchDistance * 2 / 3] >= 0) values.PrefetchCandidate(_hash[j + PrefetchDistance * 2 / 3]);
            if (j + PrefetchDistance / 3 < Count && _end[j + PrefetchDistance / 3] >= 0) values.PrefetchCandidateBytes(_hash[j + PrefetchDistance / 3]);
            var end = _end[j];
            if (end < 0)
            {
                ids[j] = -1;
                continue;
            }
            ids[j] = intern ? values.Intern(_bytes.AsSpan(begin, end - begin), _hash[j]) : values.Find(_bytes.AsSpan(begin, end - begin), _hash[j]);
            begin = end;
        }
    }

    private void EnsurePosition()
    {
        if (Count < _end.Length) return;
        Array.Resize(ref _end, _end.Length * 2);
        Array.Resize(ref _hash, _hash.Length * 2);
    }
}
