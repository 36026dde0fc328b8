namespace Dinmo.IrEngine.Columnar;

/// <summary>
/// Orders fixed-width integer key tuples (<c>stride</c> ints per entry, each in [0, keyBound)) so that
/// equal tuples are adjacent, in lexicographic tuple order, equal tuples keeping their entry order.
/// <see cref="Radix"/> is a least-significant-column-first counting sort: one stable O(n + keyBound)
/// pass per column, no comparisons. <see cref="Reference"/> is the plain comparison sort it is tested
/// against.
/// </summary>
internal static class KeyGrouping
{
    /// <summary>Entry indexes 0..n-1 in (tuple, entry) order, by counting sort.</summary>
    public static int[] Radix(ReadOnlySpan<int> keys, int stride, int keyBound)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, 1);
        var n = keys.Length / stride;
        var order = new int[n];
        for (var i = 0; i < n; i++) order[i] = i;
        if (n < 2) return order;
        var scratch = new int[n];
        var counts = new int[keyBound + 1];
        for (var column = stride - 1; column >= 0; column--)
        {
            System.Array.Clear(counts);
            for (var i = 0; i < n; i++) counts[keys[i * stride + column] + 1]++;
            for (var k = 1; k < counts.Length; k++) counts[k] += counts[k - 1];
            foreach (var entry in order) scratch[counts[keys[entry * stride + column]]++] = entry;
            (order, scratch) = (scratch, order);
        }
        return order;
    }

    /// <summary>The same order by a comparison sort: the reference for <see cref="Radix"/>.</summary>
    public static int[] Reference(ReadOnlySpan<int> keys, int stride)
    {
        var n = keys.Length / stride;
        var order = new int[n];
        for (var i = 0; i < n; i++) order[i] = i;
        var copy = keys.ToArray();
        System.Array.Sort(order, (a, b) =>
        {
            var c = copy.AsSpan(a * stride, stride).SequenceCompareTo(copy.AsSpan(b * stride, stride));
            return c != 0 ? c : a.CompareTo(b);
        });
        return order;
    }
}
