using System.Runtime.CompilerServices;

namespace Dinmo.IrEngine.Columnar;

/// <summary>
/// The key a <see cref="RadixSort"/> orders items by: up to 128 bits, <see cref="High"/> then the
/// <see cref="LowBits"/> bits of <see cref="Low"/>, compared as unsigned numbers.
/// </summary>
internal interface IRadixKey<T>
{
    /// <summary>How many bits of <see cref="Low"/> are used (0 to 64): the fewer, the fewer passes.</summary>
    int LowBits { get; }

    /// <summary>The low part; bits from <see cref="LowBits"/> up must be zero.</summary>
    ulong Low(in T item);

    ulong High(in T item);
}

/// <summary>
/// A stable least-significant-digit radix sort on up to a run's threads: 11 bits per pass, no
/// comparisons, passes over digits that all items share skipped. Each pass counts the digits of
/// each thread's share of the items, then moves the shares side by side to their places, so equal
/// keys keep their order whatever the thread count. Sorting millions of events by time this way
/// replaced a comparison sort that took several times as long; <see cref="ParallelSort"/> with an
/// equivalent comparer is the reference the tests hold it to.
/// </summary>
internal static class RadixSort
{
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;

    /// <summary>Below this many items per thread the passes run on the calling thread only.</summary>
    private const int MinItemsPerThread = 1 << 16;

    /// <summary>Sorts the first <paramref name="count"/> items by <paramref name="key"/>; items with equal keys keep their order.</summary>
    public static void Sort<T, TKey>(T[] items, int count, TKey key, int threads) where T : unmanaged where TKey : struct, IRadixKey<T> =>
        Sort(items, 0, count, key, threads, scratch: null);

    /// <summary>
    /// Sorts the <paramref name="count"/> items from <paramref name="start"/> on, passing them through
    /// <paramref name="scratch"/> (at least <paramref name="count"/> long; null: one is allocated when a pass is needed).
    /// </summary>
    public static void Sort<T, TKey>(T[] items, int start, int count, TKey key, int threads, T[]? scratch)
        where T : unmanaged where TKey : struct, IRadixKey<T>
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((long)start + count, items.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(key.LowBits, 64);
        if (scratch is not null) ArgumentOutOfRangeException.ThrowIfLessThan(scratch.Length, count);
        if (count < 2) return;
        var shares = Math.Clamp(Math.Min(threads, count / MinItemsPerThread), 1, 64);
        var bounds = new int[shares + 1];
        for (var s = 0; s <= shares; s++) bounds[s] = (int)((long)count * s / shares);
        var counts = new int[shares][];
        for (var s = 0; s < shares; s++) counts[s] = new int[Buckets];
        var varying = VaryingBits(items.AsSpan(start, count), key);
        // Passes go back and forth between the items' range and the scratch's start.
        (T[] Array, int Start) from = (items, start), to = (items, start);
        for (var shift = 0; shift < key.LowBits + 64; shift += DigitBits)
        {
            if (Digit(varying.Low, varying.High, key.LowBits, shift) == 0) continue; // every item has the same digit here
            if (ReferenceEquals(from.Array, to.Array)) to = (scratch ??= ColumnBuffers.Uninitialized<T>(count), 0); // the first pass
            var (source, target, at) = (from, to, shift);
            if (shares == 1) Count(source.Array.AsSpan(source.Start, count), key, at, counts[0]);
            else Parallel.For(0, shares, ParallelChunks.Options(shares), s => Count(Share(source, bounds, s), key, at, counts[s]));
            // Bucket by bucket, share by share: each share's items of a bucket follow the earlier shares' ones.
            var next = target.Start;
            for (var bucket = 0; bucket < Buckets; bucket++)
                for (var s = 0; s < shares; s++) (counts[s][bucket], next) = (next, next + counts[s][bucket]);
            if (shares == 1) Scatter(source.Array.AsSpan(source.Start, count), key, at, counts[0], target.Array);
            else Parallel.For(0, shares, ParallelChunks.Options(shares), s => Scatter(Share(source, bounds, s), key, at, counts[s], target.Array));
            (from, to) = (to, from);
        }
        if (!ReferenceEquals(from.Array, items)) from.Array.AsSpan(from.Start, count).CopyTo(items.AsSpan(start, count));
    }

    private static Span<T> Share<T>((T[] Array, int Start) range, int[] bounds, int share) =>
        range.Array.AsSpan(range.Start + bounds[share], bounds[share + 1] - bounds[share]);

    /// <summary>The bits in which some item differs from the first, as (low, high).</summary>
    private static (ulong Low, ulong High) VaryingBits<T, TKey>(ReadOnlySpan<T> items, TKey key) where TKey : struct, IRadixKey<T>
    {
        ulong firstLow = key.Low(items[0]), firstHigh = key.High(items[0]);
        ulong low = 0, high = 0;
        for (var i = 1; i < items.Length; i++)
        {
            low |= key.Low(items[i]) ^ firstLow;
            high |= key.High(items[i]) ^ firstHigh;
        }
        return (key.LowBits == 64 ? low : low & ((1UL << key.LowBits) - 1), high);
    }

    /// <summary>The digit at bit <paramref name="shift"/> of the key <paramref name="high"/> ∥ <paramref name="low"/> (low's <paramref name="lowBits"/> bits).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Digit(ulong low, ulong high, int lowBits, int shift)
    {
        ulong bits;
        if (shift >= lowBits) bits = shift - lowBits >= 64 ? 0 : high >> (shift - lowBits);
        else if (shift + DigitBits <= lowBits) bits = low >> shift;
        else bits = (low >> shift) | (high << (lowBits - shift)); // the digit spans both parts
        return (int)(bits & (Buckets - 1));
    }

    private static void Count<T, TKey>(ReadOnlySpan<T> items, TKey key, int shift, int[] counts) where TKey : struct, IRadixKey<T>
    {
        Array.Clear(counts);
        var lowBits = key.LowBits;
        foreach (ref readonly var item in items) counts[Digit(key.Low(item), key.High(item), lowBits, shift)]++;
    }

    // The offsets are indexes into target: the caller placed the scratch's or the items' range in them.
    private static void Scatter<T, TKey>(ReadOnlySpan<T> items, TKey key, int shift, int[] offsets, T[] target) where TKey : struct, IRadixKey<T>
    {
        var lowBits = key.LowBits;
        foreach (ref readonly var item in items) target[offsets[Digit(key.Low(item), key.High(item), lowBits, shift)]++] = item;
    }
}
