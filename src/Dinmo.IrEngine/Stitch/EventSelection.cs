using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Ingest;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// Sorts the read events into three: those the stitch loop takes, as their <see cref="EventOrder"/>s in event
/// order; those settled before it (a null key, or an invalid timestamp on a key seen once), in event order;
/// and per model how many carry a key an earlier run already processed (skipped). Chunks of events are
/// classified on the run's threads, each writing its orders where its own events start, then closed up in
/// chunk order: the result is that of one pass, whatever the threads.
/// </summary>
internal sealed class EventSelection
{
    /// <summary>Events per chunk: a few per thread at 10M events, and small enough to keep the two cores even.</summary>
    public const int DefaultChunkEvents = 1 << 20;

    private EventSelection(EventOrder[] orders, int count, int[] settled, long[] skipped) =>
        (Orders, Count, Settled, Skipped) = (orders, count, settled, skipped);

    /// <summary>The orders of the events to stitch in their first <see cref="Count"/> places, in event order.</summary>
    public EventOrder[] Orders { get; }

    public int Count { get; }

    /// <summary>The events settled before the loop, in event order: a null key (key &lt; 0) or an invalid timestamp.</summary>
    public int[] Settled { get; }

    /// <summary>Per model: its events whose key an earlier run processed.</summary>
    public long[] Skipped { get; }

    /// <summary>
    /// Selects from <paramref name="events"/>; <paramref name="copies"/>[model][key] counts a key's copies in the
    /// input (capped at 2), <paramref name="modelRanks"/> and <paramref name="keyRanks"/> rank models and keys in code point order.
    /// </summary>
    public static EventSelection Of(EventColumns events, EventKeys keys, byte[][] copies, int[] modelRanks, int[][] keyRanks,
        int threads, int chunkEvents = DefaultChunkEvents)
    {
        var orders = ColumnBuffers.Uninitialized<EventOrder>(events.Count); // only the first Count are written and read
        var firstRank = EventOrder.FirstRanks(modelRanks, keyRanks);
        var chunks = new Chunk[ParallelChunks.Count(events.Count, chunkEvents)];
        ParallelChunks.For(events.Count, chunkEvents, threads, (c, start, end) =>
        {
            var chunk = chunks[c] = new Chunk(modelRanks.Length);
            for (var e = start; e < end; e++)
            {
                int m = events.Model(e), key = events.Key(e);
                if (key < 0) chunk.Settled.Add(e);
                else if (keys.RowOf(m, key) >= 0) chunk.Skipped[m]++;
                else if (copies[m][key] < 2 && events.Timestamp(e) == Timestamps.Null) chunk.Settled.Add(e);
                else // duplicates too: they are excluded after sorting
                    orders[start + chunk.Kept++] = new EventOrder(events.Timestamp(e), firstRank[m] + keyRanks[m][key], e, events.Observations(e).Length);
            }
        });
        var count = 0;
        var settled = new List<int>();
        var skipped = new long[modelRanks.Length];
        for (var c = 0; c < chunks.Length; c++)
        {
            // A chunk's orders start at its first event, never before the orders kept so far: moving them down is safe.
            Array.Copy(orders, (long)c * chunkEvents, orders, count, chunks[c].Kept);
            count += chunks[c].Kept;
            settled.AddRange(chunks[c].Settled);
            for (var m = 0; m < skipped.Length; m++) skipped[m] += chunks[c].Skipped[m];
        }
        return new EventSelection(orders, count, [.. settled], skipped);
    }

    private sealed class Chunk(int models)
    {
        public int Kept;
        public readonly List<int> Settled = [];
        public readonly long[] Skipped = new long[models];
    }
}
