using Dinmo.IrEngine.Columnar;
using FsCheck.Xunit;

namespace Dinmo.IrEngine.Tests.Columnar;

public sealed class ParallelSortTests
{
    /// <summary>Large enough to be cut into runs (at least 65,536 items per run), with 1 to 5 runs: odd counts leave a run for a later round.</summary>
    [Property(MaxTest = 25)]
    public void RandomItems_SameOrderAsOneSort_WhateverTheThreads(int seed)
    {
        var random = new Random(seed);
        var threads = 1 + random.Next(5);
        var count = (1 << 16) * threads + random.Next(50_000);
        var range = random.Next(2) == 0 ? int.MaxValue : 1_000; // many ties, or nearly none
        var items = new long[count + 7]; // items past count must be left alone
        for (var i = 0; i < items.Length; i++) items[i] = random.Next(range);
        var expected = (long[])items.Clone();
        Array.Sort(expected, 0, count);

        ParallelSort.Sort(items, count, Comparer<long>.Default, threads);

        Assert.Equal(expected, items);
    }

    [Fact]
    public void FewItems_SortedOnOneThread()
    {
        int[] items = [5, 3, 9, 1, 3];
        ParallelSort.Sort(items, items.Length, Comparer<int>.Default, threads: 8);
        Assert.Equal([1, 3, 3, 5, 9], items);
    }
}
