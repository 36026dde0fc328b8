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
    public static void Sort<T, TKey>(T[] items, int count, TKey key, int threads) where T : unmanaged where TKey : struct, IRadixKey<T>
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, items.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(key.LowBits, 64);
        if (count < 2) return;
        var shares = Math.Clamp(Math.Min(threads, count / MinItemsPerThread), 1, 64);
        var bounds = new int[shares + 1];
        for (var s = 0; s <= shares; s++) bounds[s] = (int)((long)count * s / shares);
        var counts = new int[shares][];
        for (var s = 0; s < shares; s++) counts[s] = new int[Buckets];
        var varying = VaryingBits(items, count, key);
        T[] from = items, to = null!;
        for (var shift = 0; shift < key.LowBits + 64; shift += DigitBits)
        {
            if (Digit(varying.Low, varying.High, key.LowBits, shift) == 0) continue; // every item has the same digit here
            to ??= ColumnBuffers.Uninitialized<T>(count);
            var (source, target, at) = (from, to, shift);
            Parallel.For(0, shares, ParallelChunks.Options(shares), s => Count(source, bounds[s], bounds[s + 1], key, at, counts[s]));
            // Bucket by bucket, share by share: each share's items of a bucket follow the earlier shares' ones.
            var next = 0;
            for (var bucket = 0; bucket < Buckets; bucket++)
                for (var s = 0; s < shares; s++) (counts[s][bucket], next) = (next, next + counts[s][bucket]);
            Parallel.For(0, shares, ParallelChunks.Options(shares), s => Scatter(source, bounds[s], bounds[s + 1], key, at, counts[s], target));
            (from, to) = (to, from);
        }
        if (!ReferenceEquals(from, items)) from.AsSpan(0, count).CopyTo(items);
    }

    /// <summary>The bits in which some item differs from the first, as (low, high).</summary>
    private static (ulong Low, ulong High) VaryingBits<T, TKey>(T[] items, int count, TKey key) where TKey : struct, IRadixKey<T>
    {
        ulong firstLow = key.Low(items[0]), firstHigh = key.High(items[0]);
        ulong low = 0, high = 0;
        for (var i = 1; i < count; i++)
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

    private static void Count<T, TKey>(T[] items, int start, int end, TKey key, int shift, int[] counts) where TKey : struct, IRadixKey<T>
    {
        Array.Clear(counts);
        var lowBits = key.LowBits;
        for (var i = start; i < end; i++) counts[Digit(key.Low(items[i]), key.High(items[i]), lowBits, shift)]++;
    }

    private static void Scatter<T, TKey>(T[] items, int start, int end, TKey key, int shift, int[] offsets, T[] target) where TKey : struct, IRadixKey<T>
    {
        var lowBits = key.LowBits;
        for (var i = start; i < end; i++)
        {
            ref readonly var item = ref items[i];
            target[offsets[Digit(key.Low(item), key.High(item), lowBits, shift)]++] = item;
        }
    }
}
