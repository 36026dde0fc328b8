using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Stitch;
using FsCheck.Xunit;

namespace Dinmo.IrEngine.Tests.Columnar;

/// <summary>
/// The radix sort against the comparison sort it replaced: the same order for keys of any width (digits
/// inside the low part, inside the high part, and across both), with ties kept in input order, whatever
/// the threads; and the stitching order's key against <see cref="EventOrder.CompareTo"/>.
/// </summary>
public sealed class RadixSortTests
{
    private readonly record struct Item(ulong High, ulong Low, int Index);

    private readonly struct ItemKey(int lowBits) : IRadixKey<Item>
    {
        public int LowBits => lowBits;

        public ulong Low(in Item item) => item.Low;

        public ulong High(in Item item) => item.High;
    }

    [Property(MaxTest = 40)]
    public void RandomKeys_SameOrderAsAStableComparisonSort_WhateverTheThreads(int seed)
    {
        var random = new Random(seed);
        var threads = 1 + random.Next(4);
        var count = random.Next(3) == 0 ? random.Next(300) : (1 << 16) * threads + random.Next(50_000);
        int[] widths = [0, 1, 5, 11, 12, 30, 63, 64];
        var lowBits = widths[random.Next(widths.Length)];
        var highBits = widths[random.Next(widths.Length)];
        var tied = random.Next(2) == 0; // few distinct keys: many ties, whose input order must stay
        var items = new Item[count + 5]; // items past count must be left alone
        for (var i = 0; i < items.Length; i++)
            items[i] = new Item(Bits(random, highBits, tied), Bits(random, lowBits, tied), i);
        var expected = items.Take(count).OrderBy(x => x.High).ThenBy(x => x.Low).ThenBy(x => x.Index).Concat(items.Skip(count)).ToArray();

        RadixSort.Sort(items, count, new ItemKey(lowBits), threads);

        Assert.Equal(expected, items);
    }

    [Property(MaxTest = 25)]
    public void ARange_SortedThroughAGivenScratch_TheRestLeftAlone(int seed)
    {
        var random = new Random(seed);
        var threads = 1 + random.Next(3);
        var count = random.Next(2) == 0 ? random.Next(300) : (1 << 16) * threads + random.Next(5_000);
        var (before, after) = (random.Next(20), random.Next(20));
        var items = new Item[before + count + after];
        for (var i = 0; i < items.Length; i++) items[i] = new Item(Bits(random, 30, tied: random.Next(2) == 0), Bits(random, 5, tied: false), i);
        var expected = items.Take(before)
            .Concat(items.Skip(before).Take(count).OrderBy(x => x.High).ThenBy(x => x.Low).ThenBy(x => x.Index))
            .Concat(items.Skip(before + count)).ToArray();
        var scratch = new Item[count + random.Next(3)];

        RadixSort.Sort(items, before, count, new ItemKey(5), threads, scratch);

        Assert.Equal(expected, items);
    }

    [Property(MaxTest = 15)]
    public void EventOrders_InTimeBuckets_SortedAsTheirComparer(int seed)
    {
        // Buckets of every size (empty, one order, small, larger than a thread sorts alone), with long tied runs in some.
        var random = new Random(seed);
        var threads = 1 + random.Next(3);
        var bounds = new List<int> { 0 };
        var orders = new List<EventOrder>();
        for (var b = 0; b < 12; b++)
        {
            int[] sizes = [0, 1, random.Next(2, 100), random.Next(100, 3_000), EventOrder.LargeBucket + random.Next(2_000)];
            var size = sizes[random.Next(random.Next(8) == 0 ? sizes.Length : sizes.Length - 1)];
            var spread = random.Next(3) == 0 ? 3 : 1_000_000;
            for (var i = 0; i < size; i++)
                orders.Add(new EventOrder(b * 10_000_000L + random.Next(spread), random.Next(Math.Max(1, size / 2)), orders.Count));
            bounds.Add(orders.Count);
        }
        var items = orders.ToArray();
        var expected = orders.ToArray();
        ParallelSort.Sort(expected, expected.Length, new EventOrder.Comparer(), threads);

        EventOrder.Sort(items, [.. bounds], threads);

        Assert.Equal(expected, items);
    }

    [Property(MaxTest = 25)]
    public void EventOrders_SortedAsTheirComparer(int seed)
    {
        var random = new Random(seed);
        var threads = 1 + random.Next(3);
        var count = random.Next(2) == 0 ? random.Next(500) : (1 << 16) * threads + random.Next(20_000);
        // Timestamps around the epoch (negative too): tied in long runs (the whole key is sorted), in short ones (the runs are
        // sorted on their own), or spread widely; ranks with copies (duplicate keys).
        long[] spreads = [1_000L, Math.Max(1, count / 2), long.MaxValue / 4];
        var spread = spreads[random.Next(spreads.Length)];
        var orders = new EventOrder[count];
        for (var e = 0; e < count; e++)
            orders[e] = new EventOrder(random.NextInt64(-spread, spread), random.Next(Math.Max(1, count / 2)), e);
        var expected = (EventOrder[])orders.Clone();
        ParallelSort.Sort(expected, count, new EventOrder.Comparer(), threads);

        EventOrder.Sort(orders, [0, count], threads); // one bucket: every order

        Assert.Equal(expected, orders);
    }

    [Fact]
    public void SharedScratch_OnlyForBucketsTooLargeForOneThread()
    {
        Assert.Equal(0, EventOrder.SharedScratch([0, 10, 10, EventOrder.LargeBucket + 10]));
        Assert.Equal(EventOrder.LargeBucket + 1, EventOrder.SharedScratch([0, 5, EventOrder.LargeBucket + 6, EventOrder.LargeBucket + 8]));
        Assert.Equal(0, EventOrder.SharedScratch([0]));
    }

    [Fact]
    public void EventOrder_IsPackedToTwentyBytes() =>
        Assert.Equal(20, System.Runtime.CompilerServices.Unsafe.SizeOf<EventOrder>()); // the orders and the sort's scratch are the stitch stage's peak

    [Fact]
    public void ExtremeTimestamps_Sorted()
    {
        EventOrder[] orders = [new(long.MaxValue, 0, 0), new(long.MinValue, 100, 1), new(0, 3, 2), new(long.MinValue, 7, 3), new(0, 3, 4)];
        EventOrder.Sort(orders, [0, orders.Length], threads: 2);
        Assert.Equal([3, 1, 2, 4, 0], orders.Select(o => o.Event));
    }

    private static ulong Bits(Random random, int bits, bool tied)
    {
        if (bits == 0) return 0;
        var value = tied ? (ulong)random.Next(4) << Math.Max(0, bits - 2) : (ulong)random.NextInt64() << 1 ^ (ulong)random.Next(2);
        return bits == 64 ? value : value & ((1UL << bits) - 1);
    }
}
