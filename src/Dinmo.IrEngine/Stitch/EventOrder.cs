using System.Runtime.InteropServices;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// The stitching order of one event (SPEC §9: timestamp, model, key) as a precomputed rank: the (model,
/// key) pair's place with models by name and then keys in code point order (<see cref="FirstRanks"/>), so
/// sorting compares numbers only. Only copies of one duplicated key tie on those; they are excluded
/// alike, and the event index (read order) settles them, so the order is total and a parallel sort
/// gives one result whatever the threads.
/// </summary>
/// <remarks>
/// What the gather into stitching order needs besides the event's key and observations rides along in
/// <see cref="Carried"/> (<see cref="Carry"/>): how many observations the event has, its model, and whether its
/// key is duplicated in the run's input. The selection reads them in event order anyway, while the gather reads
/// events in time order, each such read a cache miss. Packed to 20 bytes (not 24): the orders are a large part
/// of the stitch stage's peak memory (200 MB at 10M events).
/// </remarks>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly record struct EventOrder(long Timestamp, int Rank, int Event, int Carried = 0) : IComparable<EventOrder>
{
    /// <summary>The most observations one event can carry (<see cref="Carry"/>); an event has one per identifier column at most.</summary>
    public const int MaxObservations = (1 << 24) - 1;

    /// <summary>The most models (<see cref="Carry"/>); a config has <see cref="Config.EventGraph.MaxModels"/> at most.</summary>
    public const int MaxModels = 1 << 7;

    /// <summary>
    /// Packs an event's observation count (bits 0–23), model (bits 24–30) and whether its key is duplicated in the
    /// run's input (the sign bit) into <see cref="Carried"/>.
    /// </summary>
    public static int Carry(int observations, int model, bool duplicate)
    {
        if ((uint)observations > MaxObservations) throw new ArgumentOutOfRangeException(nameof(observations), observations, "too many observations on one event");
        if ((uint)model >= MaxModels) throw new ArgumentOutOfRangeException(nameof(model), model, "too many models");
        return observations | (model << 24) | (duplicate ? int.MinValue : 0);
    }

    /// <summary>How many observations the event has (<see cref="Carry"/>).</summary>
    public int Observations => Carried & MaxObservations;

    /// <summary>The event's model (<see cref="Carry"/>).</summary>
    public int Model => (Carried >> 24) & (MaxModels - 1);

    /// <summary>Whether the event's key occurs more than once in the run's input (<see cref="Carry"/>).</summary>
    public bool Duplicate => Carried < 0;

    public int CompareTo(EventOrder other) =>
        Timestamp != other.Timestamp ? Timestamp.CompareTo(other.Timestamp)
        : Rank != other.Rank ? Rank.CompareTo(other.Rank)
        : Event.CompareTo(other.Event);

    /// <summary>
    /// Where each model's keys start among the ranks: models by <paramref name="modelRanks"/>, each taking as
    /// many ranks as it has keys (<paramref name="keyRanks"/>[model].Length). A key's rank is its model's
    /// start plus its own rank within the model.
    /// </summary>
    public static int[] FirstRanks(int[] modelRanks, int[][] keyRanks)
    {
        var starts = new int[modelRanks.Length];
        var byRank = Enumerable.Range(0, modelRanks.Length).OrderBy(m => modelRanks[m]).ToArray();
        var next = 0;
        foreach (var m in byRank)
        {
            starts[m] = next;
            next = checked(next + keyRanks[m].Length);
        }
        return starts;
    }

    /// <summary>
    /// Sorts orders grouped in time buckets (<see cref="EventSelection.Bounds"/>: bucket b is [<paramref name="bounds"/>[b],
    /// <paramref name="bounds"/>[b + 1]), all its orders before the next bucket's) into stitching order, by
    /// <see cref="Columnar.RadixSort"/> bucket by bucket; within a bucket they must come in <see cref="Event"/> order,
    /// which the stable sort keeps among copies of a key, as <see cref="CompareTo"/> orders them.
    /// </summary>
    /// <remarks>
    /// Buckets up to <see cref="LargeBucket"/> orders are sorted side by side, each on one thread, through a scratch
    /// per thread that stays in the cache; larger ones (timestamps bunched together) one after another on all threads.
    /// </remarks>
    public static void Sort(EventOrder[] orders, int[] bounds, int threads)
    {
        int Size(int bucket) => bounds[bucket + 1] - bounds[bucket];
        var buckets = Enumerable.Range(0, bounds.Length - 1);
        var small = buckets.Where(b => Size(b) is > 1 and <= LargeBucket).ToArray();
        var large = buckets.Where(b => Size(b) > LargeBucket).ToArray();
        // Each thread takes the next bucket left: which thread sorts a bucket does not change how it is sorted.
        var taken = -1;
        var smallScratch = small.Length == 0 ? 0 : small.Max(Size);
        Parallel.For(0, Math.Min(threads, small.Length), Columnar.ParallelChunks.Options(threads), _ =>
        {
            var scratch = new EventOrder[smallScratch];
            for (var i = Interlocked.Increment(ref taken); i < small.Length; i = Interlocked.Increment(ref taken))
                SortBucket(orders, bounds[small[i]], Size(small[i]), threads: 1, scratch);
        });
        if (large.Length == 0) return;
        var shared = Columnar.ColumnBuffers.Uninitialized<EventOrder>(SharedScratch(bounds));
        foreach (var b in large) SortBucket(orders, bounds[b], Size(b), threads, shared);
    }

    /// <summary>Buckets up to this many orders are each sorted on one thread; their scratch (1.3 MB) stays in a core's cache.</summary>
    internal const int LargeBucket = 1 << 16;

    /// <summary>How many orders <see cref="Sort(EventOrder[], int[], int)"/> passes through a scratch shared by the large buckets (0: none is needed).</summary>
    public static int SharedScratch(int[] bounds)
    {
        var largest = 0;
        for (var b = 0; b + 1 < bounds.Length; b++) largest = Math.Max(largest, bounds[b + 1] - bounds[b]);
        return largest > LargeBucket ? largest : 0;
    }

    /// <remarks>
    /// By timestamp alone first: at microseconds events rarely share one, and the rank's bits would cost
    /// two or three more passes over every order. The few runs of a shared timestamp are then put in order
    /// on their own. Where runs grow longer than <see cref="MaxTiedRun"/> (coarse timestamps), the whole key
    /// is sorted after all; the sort is stable, so the result is the same.
    /// </remarks>
    private static void SortBucket(EventOrder[] orders, int start, int count, int threads, EventOrder[] scratch)
    {
        long minTimestamp = long.MaxValue;
        var maxRank = 0;
        foreach (ref readonly var order in orders.AsSpan(start, count))
        {
            minTimestamp = Math.Min(minTimestamp, order.Timestamp);
            maxRank = Math.Max(maxRank, order.Rank);
        }
        Columnar.RadixSort.Sort(orders, start, count, new RadixKey(minTimestamp, 0), threads, scratch);
        if (SortTiedRuns(orders.AsSpan(start, count))) return;
        var rankBits = 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)maxRank);
        Columnar.RadixSort.Sort(orders, start, count, new RadixKey(minTimestamp, rankBits), threads, scratch);
    }

    /// <summary>The longest run of one timestamp put in order by insertion; a longer one sends the sort to the whole key.</summary>
    internal const int MaxTiedRun = 32;

    /// <summary>Puts every run of equal timestamps in order; false (some runs left as they were) when one is longer than <see cref="MaxTiedRun"/>.</summary>
    private static bool SortTiedRuns(Span<EventOrder> orders)
    {
        for (var start = 0; start < orders.Length;)
        {
            var end = start + 1;
            while (end < orders.Length && orders[end].Timestamp == orders[start].Timestamp) end++;
            if (end - start > MaxTiedRun) return false;
            for (var i = start + 1; i < end; i++)
            {
                var order = orders[i];
                var j = i - 1;
                for (; j >= start && orders[j].CompareTo(order) > 0; j--) orders[j + 1] = orders[j];
                orders[j + 1] = order;
            }
            start = end;
        }
        return true;
    }

    /// <summary>The order as a radix key: the timestamp from the smallest one up, then the rank below it (none when <c>lowBits</c> is 0).</summary>
    private readonly struct RadixKey(long minTimestamp, int lowBits) : Columnar.IRadixKey<EventOrder>
    {
        public int LowBits => lowBits;

        public ulong Low(in EventOrder item) => lowBits == 0 ? 0 : (uint)item.Rank;

        public ulong High(in EventOrder item) => unchecked((ulong)item.Timestamp - (ulong)minTimestamp);
    }

    /// <summary><see cref="CompareTo"/> as a comparer, for sorts that take one (<see cref="Columnar.ParallelSort"/>): the reference of <see cref="Sort"/>.</summary>
    public readonly struct Comparer : IComparer<EventOrder>
    {
        public int Compare(EventOrder x, EventOrder y) => x.CompareTo(y);
    }
}
