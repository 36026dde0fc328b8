using System.Text;
using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Ingest;
using Dinmo.IrEngine.Stitch;

namespace Dinmo.IrEngine.Tests.Stitch;

/// <summary>
/// The events the stitch loop takes, those settled before it and those skipped as processed: chunked on
/// several threads, the selection is the one a plain pass over the events in order makes, its orders grouped
/// by time range (in event order within each group), and sorting the groups gives the stitching order.
/// </summary>
public sealed class EventSelectionTests
{
    [Theory]
    [InlineData(1, 1 << 20, EventSelection.DefaultBucketOrders)]
    [InlineData(2, 7, EventSelection.DefaultBucketOrders)]
    [InlineData(3, 1, 16)]
    [InlineData(2, 64, 4)]
    [InlineData(1, 1 << 20, 1)]
    public void Of_ChunkedOnThreads_IsOnePassInEventOrder(int threads, int chunkEvents, int bucketOrders)
    {
        var random = new Random(20261207 + chunkEvents);
        using var keys = EventKeys.Of(["b_model", "a_model"]);
        for (var m = 0; m < 2; m++)
            for (var k = 0; k < 40; k++)
            {
                var id = keys.Intern(m, Encoding.UTF8.GetBytes($"key-{random.Next(1000):D4}-{k}"));
                if (random.Next(5) == 0) keys.RowOf(m, id) = k; // processed by an earlier run
            }
        // The events in read parts of uneven sizes (an empty one too), numbered across them.
        var parts = new List<EventColumns> { new() };
        var copies = new[] { new byte[40], new byte[40] };
        for (var e = 0; e < 500; e++)
        {
            if (e == 2) parts.Add(new EventColumns()); // stays empty
            if (random.Next(40) == 0 || e is 1 or 2) parts.Add(new EventColumns());
            var m = random.Next(2);
            var key = random.Next(12) == 0 ? -1 : random.Next(40);
            parts[^1].Add(m, key, random.Next(6) == 0 ? Timestamps.Null : random.Next(1_000_000));
            for (var o = random.Next(4); o > 0; o--) parts[^1].Observe(random.Next(-1, 30));
            if (key >= 0 && copies[m][key] < 2) copies[m][key]++;
        }
        using var events = new RunEvents(parts);
        var modelRanks = keys.Models.Ranks();
        var keyRanks = keys.Ranks(threads);

        var selection = EventSelection.Of(events, keys, copies, modelRanks, keyRanks, threads, chunkEvents, bucketOrders);

        // Ranks: the models by name ("a_model" first), each model's keys by theirs.
        var firstRank = new[] { keyRanks[1].Length, 0 };
        var orders = new List<EventOrder>();
        var settled = new List<int>();
        var skipped = new long[2];
        for (var e = 0; e < events.Count; e++)
        {
            int m = events.Model(e), key = events.Key(e);
            if (key < 0) settled.Add(e);
            else if (keys.RowOf(m, key) >= 0) skipped[m]++;
            else if (copies[m][key] < 2 && events.Timestamp(e) == Timestamps.Null) settled.Add(e);
            else orders.Add(new EventOrder(events.Timestamp(e), firstRank[m] + keyRanks[m][key], e, EventOrder.Carry(events.Observations(e).Length, m, copies[m][key] > 1)));
        }
        // Grouped: in event order within a group, every timestamp of a group before the next group's.
        var groups = Enumerable.Range(0, selection.Bounds.Length - 1)
            .Select(b => selection.Orders[selection.Bounds[b]..selection.Bounds[b + 1]]).Where(g => g.Length > 0).ToList();
        Assert.Equal(selection.Count, selection.Bounds[^1]);
        Assert.Equal(orders, groups.SelectMany(g => g).OrderBy(o => o.Event));
        Assert.All(groups, g => Assert.Equal(g.OrderBy(o => o.Event), g));
        for (var g = 1; g < groups.Count; g++) Assert.True(groups[g - 1].Max(o => o.Timestamp) < groups[g].Min(o => o.Timestamp));
        if (bucketOrders < 100) Assert.True(groups.Count > 4, $"{groups.Count} groups");
        var expected = orders.ToArray();
        ParallelSort.Sort(expected, expected.Length, new EventOrder.Comparer(), threads);
        EventOrder.Sort(selection.Orders, selection.Bounds, threads);
        Assert.Equal(expected, selection.Orders);
        Assert.Equal(settled, selection.Settled);
        Assert.Equal(skipped, selection.Skipped);
        Assert.NotEmpty(settled);
        Assert.Contains(skipped, s => s > 0);
    }

    /// <summary>Timestamps spanning the whole 64-bit range, in a run too small for more than one bucket: still in time order.</summary>
    [Theory]
    [InlineData(new[] { -1L, long.MaxValue, 1L << 40 })]
    [InlineData(new[] { long.MinValue + 1, 5L, 0L })]
    [InlineData(new[] { -(1L << 62), (1L << 62) + 100, -(1L << 62) + (1L << 32) + 50, -(1L << 62) + 60 })]
    public void Of_TimestampsAcrossTheWholeRange_SortInTimeOrder(long[] timestamps)
    {
        using var keys = EventKeys.Of(["model"]);
        using var events = new RunEvents([Events(keys, timestamps)]);
        var copies = new[] { Enumerable.Repeat((byte)1, timestamps.Length).ToArray() };
        var modelRanks = keys.Models.Ranks();
        var keyRanks = keys.Ranks(threads: 1);

        var selection = EventSelection.Of(events, keys, copies, modelRanks, keyRanks, threads: 1);
        EventOrder.Sort(selection.Orders, selection.Bounds, threads: 1);

        Assert.Equal(timestamps.Order(), selection.Orders.Select(o => o.Timestamp));
    }

    /// <summary>What an order carries for the gather comes back as packed, at the edges of each field; past them it throws.</summary>
    [Theory]
    [InlineData(0, 0, false)]
    [InlineData(3, 4, true)]
    [InlineData(EventOrder.MaxObservations, EventOrder.MaxModels - 1, true)]
    [InlineData(EventOrder.MaxObservations, EventOrder.MaxModels - 1, false)]
    public void Carry_UnpacksAsPacked(int observations, int model, bool duplicate)
    {
        var order = new EventOrder(-5, 7, 9, EventOrder.Carry(observations, model, duplicate));

        Assert.Equal((observations, model, duplicate), (order.Observations, order.Model, order.Duplicate));
        Assert.Throws<ArgumentOutOfRangeException>(() => EventOrder.Carry(EventOrder.MaxObservations + 1, model, duplicate));
        Assert.Throws<ArgumentOutOfRangeException>(() => EventOrder.Carry(observations, EventOrder.MaxModels, duplicate));
        Assert.Throws<ArgumentOutOfRangeException>(() => EventOrder.Carry(-1, model, duplicate));
        Assert.Throws<ArgumentOutOfRangeException>(() => EventOrder.Carry(observations, -1, duplicate));
    }

    /// <summary>Every model a config may have fits in what an order carries.</summary>
    [Fact]
    public void Carry_HoldsEveryModelAConfigAllows() =>
        Assert.Equal(Dinmo.IrEngine.Config.EventGraph.MaxModels - 1, new EventOrder(0, 0, 0, EventOrder.Carry(0, Dinmo.IrEngine.Config.EventGraph.MaxModels - 1, true)).Model);

    private static EventColumns Events(EventKeys keys, long[] timestamps)
    {
        var events = new EventColumns();
        for (var e = 0; e < timestamps.Length; e++) events.Add(0, keys.Intern(0, Encoding.UTF8.GetBytes($"key-{e}")), timestamps[e]);
        return events;
    }
}
