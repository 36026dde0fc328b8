using System.Numerics;
using System.Runtime.CompilerServices;
using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Ingest;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// Sorts the read events into three: those the stitch loop takes, as their <see cref="EventOrder"/>s grouped
/// by time (<see cref="Bounds"/>); those settled before it (a null key, or an invalid timestamp on a key seen
/// once), in event order; and per model how many carry a key an earlier run already processed (skipped).
/// Chunks of events are classified on the run's threads, in three passes: the time range each chunk spans;
/// where each of its events goes, and how many of its orders fall in each time bucket; then each chunk writes
/// its orders in its own places inside the buckets, which follow the chunks in order: the result is that of
/// one pass, whatever the threads.
/// </summary>
/// <remarks>
/// The grouping is the first step of the sort (<see cref="EventOrder.Sort(EventOrder[], int[], int)"/>): each bucket
/// is then sorted on its own, in the cache and with a scratch of its own size, where sorting all orders at
/// once took a second array as large as the orders (200 MB at 10M events, the stitch stage's peak). Only
/// timestamps bunched into a few buckets still need a large scratch.
/// </remarks>
internal sealed class EventSelection
{
    /// <summary>Events per chunk: a few per thread at 10M events, and small enough to keep the two cores even.</summary>
    public const int DefaultChunkEvents = 1 << 20;

    /// <summary>About how many orders a time bucket holds when timestamps are spread evenly: its sort stays in the cache.</summary>
    public const int DefaultBucketOrders = 1 << 11;

    /// <summary>At most 2^12 buckets: each chunk's counts stay small, and its writes go to few enough places at a time.</summary>
    private const int MaxBucketBits = 12;

    private EventSelection(EventOrder[] orders, int[] bounds, int[] settled, long[] skipped) =>
        (Orders, Bounds, Settled, Skipped) = (orders, bounds, settled, skipped);

    /// <summary>The orders of the events to stitch, bucket by bucket (<see cref="Bounds"/>); in event order within a bucket.</summary>
    public EventOrder[] Orders { get; }

    public int Count => Orders.Length;

    /// <summary>
    /// Where each time bucket starts in <see cref="Orders"/>, and the end last: bucket b is [Bounds[b], Bounds[b + 1]),
    /// and its timestamps are all earlier than the next bucket's (invalid ones, on duplicated keys, in the first).
    /// </summary>
    public int[] Bounds { get; }

    /// <summary>The events settled before the loop, in event order: a null key (key &lt; 0) or an invalid timestamp.</summary>
    public int[] Settled { get; }

    /// <summary>Per model: its events whose key an earlier run processed.</summary>
    public long[] Skipped { get; }

    /// <summary>
    /// Selects from <paramref name="events"/>; <paramref name="copies"/>[model][key] counts a key's copies in the
    /// input (capped at 2), <paramref name="modelRanks"/> and <paramref name="keyRanks"/> rank models and keys in code point order.
    /// </summary>
    public static EventSelection Of(RunEvents events, EventKeys keys, byte[][] copies, int[] modelRanks, int[][] keyRanks,
        int threads, int chunkEvents = DefaultChunkEvents, int bucketOrders = DefaultBucketOrders)
    {
        var chunks = new Chunk[ParallelChunks.Count(events.Count, chunkEvents)];
        // The buckets span every valid timestamp read: a pass over one column, ahead of the pass that counts the orders per bucket.
        ParallelChunks.For(events.Count, chunkEvents, threads, (c, start, end) =>
        {
            var chunk = chunks[c] = new Chunk(modelRanks.Length);
            foreach (var (part, from, to, _) in events.Ranges(start, end))
                for (var e = from; e < to; e++)
                {
                    var timestamp = part.Timestamp(e);
                    if (timestamp == Timestamps.Null) continue; // on a duplicated key, it goes in the first bucket
                    chunk.Earliest = Math.Min(chunk.Earliest, timestamp);
                    chunk.Latest = Math.Max(chunk.Latest, timestamp);
                }
        });
        long earliest = chunks.Select(c => c.Earliest).DefaultIfEmpty(0).Min(), latest = chunks.Select(c => c.Latest).DefaultIfEmpty(0).Max();
        if (earliest > latest) (earliest, latest) = (0, 0); // no valid timestamp: one bucket
        var buckets = new TimeBuckets(earliest, latest, events.Count, bucketOrders);

        ParallelChunks.For(events.Count, chunkEvents, threads, (c, start, end) =>
        {
            var chunk = chunks[c];
            var starts = chunk.Starts = new int[buckets.Count];
            foreach (var (part, from, to, first) in events.Ranges(start, end))
                for (var e = from; e < to; e++)
                    switch (FateOf(part, keys, copies, e))
                    {
                        case Fate.Settled:
                            chunk.Settled.Add(first + e - from);
                            break;
                        case Fate.Skipped:
                            chunk.Skipped[part.Model(e)]++;
                            break;
                        default:
                            starts[buckets.Of(part.Timestamp(e))]++;
                            break;
                    }
        });
        // Bucket by bucket, chunk by chunk: a chunk's orders of a bucket follow the earlier chunks' ones.
        var bounds = new int[buckets.Count + 1];
        var next = 0;
        for (var b = 0; b < buckets.Count; b++)
        {
            bounds[b] = next;
            foreach (var chunk in chunks) (chunk.Starts![b], next) = (next, next + chunk.Starts[b]);
        }
        bounds[^1] = next;

        var orders = ColumnBuffers.Uninitialized<EventOrder>(next);
        var firstRank = EventOrder.FirstRanks(modelRanks, keyRanks);
        ParallelChunks.For(events.Count, chunkEvents, threads, (c, start, end) =>
        {
            var places = chunks[c].Starts!;
            foreach (var (part, from, to, first) in events.Ranges(start, end))
                for (var e = from; e < to; e++)
                {
                    if (FateOf(part, keys, copies, e) != Fate.Stitched) continue;
                    int m = part.Model(e), key = part.Key(e);
                    var timestamp = part.Timestamp(e);
                    orders[places[buckets.Of(timestamp)]++] = new EventOrder(timestamp, firstRank[m] + keyRanks[m][key], first + e - from,
                        EventOrder.Carry(part.Observations(e).Length, m, copies[m][key] > 1));
                }
        });

        var settled = new List<int>();
        var skipped = new long[modelRanks.Length];
        foreach (var chunk in chunks)
        {
            settled.AddRange(chunk.Settled);
            for (var m = 0; m < skipped.Length; m++) skipped[m] += chunk.Skipped[m];
        }
        return new EventSelection(orders, bounds, [.. settled], skipped);
    }

    private enum Fate : byte { Stitched, Settled, Skipped }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Fate FateOf(EventColumns events, EventKeys keys, byte[][] copies, int e)
    {
        int m = events.Model(e), key = events.Key(e);
        if (key < 0) return Fate.Settled;
        if (keys.RowOf(m, key) >= 0) return Fate.Skipped;
        // Duplicated keys are stitched too, invalid timestamps and all: they are excluded after sorting.
        return copies[m][key] < 2 && events.Timestamp(e) == Timestamps.Null ? Fate.Settled : Fate.Stitched;
    }

    /// <summary>
    /// Equal slices of the time range from <paramref name="earliest"/> to <paramref name="latest"/> (powers of two long),
    /// about one per <paramref name="bucketOrders"/> of the <paramref name="orders"/> expected at most; a timestamp before the
    /// earliest (invalid) falls in the first.
    /// </summary>
    private readonly struct TimeBuckets
    {
        private readonly long _earliest;
        private readonly int _shift;

        public TimeBuckets(long earliest, long latest, int orders, int bucketOrders)
        {
            _earliest = earliest;
            var span = unchecked((ulong)latest - (ulong)earliest);
            var bits = orders <= bucketOrders ? 0 : Math.Min(MaxBucketBits, BitOperations.Log2((uint)(orders / bucketOrders)));
            // At most 63: a range of 64 significant bits in one bucket would shift by 64, which C# takes as a shift by 0.
            _shift = Math.Clamp(64 - BitOperations.LeadingZeroCount(span) - bits, 0, 63);
            Count = (int)(span >> _shift) + 1;
        }

        public int Count { get; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Of(long timestamp) => timestamp < _earliest ? 0 : (int)(unchecked((ulong)timestamp - (ulong)_earliest) >> _shift);
    }

    private sealed class Chunk(int models)
    {
        public long Earliest = long.MaxValue;
        public long Latest = long.MinValue;
        public readonly List<int> Settled = [];
        public readonly long[] Skipped = new long[models];
        public int[]? Starts; // per bucket: its count of orders, then where its next one goes
    }
}
