namespace Dinmo.IrEngine.Columnar;

/// <summary>
/// Sorts on up to a run's threads: the items are cut into one run per thread, the runs are sorted
/// at the same time, then merged pairwise (the merges of one round also side by side). With a total
/// order the result is the one a single sort gives, whatever the thread count; with ties, equal
/// items may land in either order, as with <see cref="MemoryExtensions.Sort{T, TComparer}(Span{T}, TComparer)"/>.
/// </summary>
internal static class ParallelSort
{
    /// <summary>Below this many items one sort on the calling thread is quicker than splitting.</summary>
    private const int MinItemsPerRun = 1 << 16;

    /// <summary>Sorts the first <paramref name="count"/> items of <paramref name="items"/> by <paramref name="comparer"/>.</summary>
    public static void Sort<T, TComparer>(T[] items, int count, TComparer comparer, int threads) where TComparer : IComparer<T>
    {
        var runs = Math.Clamp(Math.Min(threads, count / MinItemsPerRun), 1, 64);
        if (runs == 1)
        {
            items.AsSpan(0, count).Sort(comparer);
            return;
        }
        var bounds = new int[runs + 1];
        for (var r = 0; r <= runs; r++) bounds[r] = (int)((long)count * r / runs);
        Parallel.For(0, runs, ParallelChunks.Options(threads), r => items.AsSpan(bounds[r], bounds[r + 1] - bounds[r]).Sort(comparer));

        // Pairwise rounds: runs [b0, b1) and [b1, b2) become [b0, b2), until one is left; each round writes into the other buffer.
        var from = items;
        var to = GC.AllocateUninitializedArray<T>(count);
        var starts = bounds.ToList();
        while (starts.Count > 2)
        {
            var merged = new List<int> { 0 };
            var pairs = new List<(int Start, int Middle, int End)>();
            for (var r = 0; r + 1 < starts.Count; r += 2)
            {
                var end = r + 2 < starts.Count ? starts[r + 2] : starts[r + 1];
                pairs.Add((starts[r], r + 2 < starts.Count ? starts[r + 1] : end, end));
                merged.Add(end);
            }
            var (source, target) = (from, to);
            Parallel.ForEach(pairs, ParallelChunks.Options(threads), p => Merge(source, p.Start, p.Middle, p.End, target, comparer));
            (from, to) = (to, from);
            starts = merged;
        }
        if (!ReferenceEquals(from, items)) from.AsSpan(0, count).CopyTo(items);
    }

    /// <summary>Merges sorted <c>source[start..middle)</c> and <c>source[middle..end)</c> into <c>target[start..end)</c>; on a tie the left run's item goes first.</summary>
    private static void Merge<T, TComparer>(T[] source, int start, int middle, int end, T[] target, TComparer comparer) where TComparer : IComparer<T>
    {
        int i = start, j = middle, k = start;
        while (i < middle && j < end) target[k++] = comparer.Compare(source[j], source[i]) < 0 ? source[j++] : source[i++];
        source.AsSpan(i, middle - i).CopyTo(target.AsSpan(k));
        k += middle - i;
        source.AsSpan(j, end - j).CopyTo(target.AsSpan(k));
    }
}
