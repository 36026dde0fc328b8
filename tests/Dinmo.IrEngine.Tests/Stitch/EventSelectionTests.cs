using System.Text;
using Dinmo.IrEngine.Ingest;
using Dinmo.IrEngine.Stitch;

namespace Dinmo.IrEngine.Tests.Stitch;

/// <summary>
/// The events the stitch loop takes, those settled before it and those skipped as processed: chunked on
/// several threads, the selection is the one a plain pass over the events in order makes.
/// </summary>
public sealed class EventSelectionTests
{
    [Theory]
    [InlineData(1, 1 << 20)]
    [InlineData(2, 7)]
    [InlineData(3, 1)]
    [InlineData(2, 64)]
    public void Of_ChunkedOnThreads_IsOnePassInEventOrder(int threads, int chunkEvents)
    {
        var random = new Random(20261207 + chunkEvents);
        using var keys = EventKeys.Of(["b_model", "a_model"]);
        for (var m = 0; m < 2; m++)
            for (var k = 0; k < 40; k++)
            {
                var id = keys.Intern(m, Encoding.UTF8.GetBytes($"key-{random.Next(1000):D4}-{k}"));
                if (random.Next(5) == 0) keys.RowOf(m, id) = k; // processed by an earlier run
            }
        using var events = new EventColumns();
        var copies = new[] { new byte[40], new byte[40] };
        for (var e = 0; e < 500; e++)
        {
            var m = random.Next(2);
            var key = random.Next(12) == 0 ? -1 : random.Next(40);
            events.Add(m, key, random.Next(6) == 0 ? Timestamps.Null : random.Next(1_000_000));
            for (var o = random.Next(4); o > 0; o--) events.Observe(random.Next(-1, 30));
            if (key >= 0 && copies[m][key] < 2) copies[m][key]++;
        }
        var modelRanks = keys.Models.Ranks();
        var keyRanks = keys.Ranks(threads);

        var selection = EventSelection.Of(events, keys, copies, modelRanks, keyRanks, threads, chunkEvents);

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
            else orders.Add(new EventOrder(events.Timestamp(e), firstRank[m] + keyRanks[m][key], e, events.Observations(e).Length));
        }
        Assert.Equal(orders, selection.Orders.Take(selection.Count));
        Assert.Equal(settled, selection.Settled);
        Assert.Equal(skipped, selection.Skipped);
        Assert.NotEmpty(settled);
        Assert.Contains(skipped, s => s > 0);
    }
}
