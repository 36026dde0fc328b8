namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// The stitching order of one event (SPEC §9: timestamp, model, key) as precomputed ranks: the model
/// name's and the key's rank in code point order, so sorting compares ints only. Only copies of one
/// duplicated key tie on those; they are excluded alike, and the event index (read order) settles
/// them, so the order is total and a parallel sort gives one result whatever the threads.
/// </summary>
/// <remarks>
/// <see cref="Observations"/> rides along (in what would be padding): how many observations the event has, so that the
/// gather into stitching order can place every event's observations without a random read per event first.
/// </remarks>
internal readonly record struct EventOrder(long Timestamp, int ModelRank, int KeyRank, int Event, int Observations = 0) : IComparable<EventOrder>
{
    public int CompareTo(EventOrder other) =>
        Timestamp != other.Timestamp ? Timestamp.CompareTo(other.Timestamp)
        : ModelRank != other.ModelRank ? ModelRank.CompareTo(other.ModelRank)
        : KeyRank != other.KeyRank ? KeyRank.CompareTo(other.KeyRank)
        : Event.CompareTo(other.Event);

    /// <summary>
    /// Sorts the first <paramref name="count"/> orders into stitching order by <see cref="Columnar.RadixSort"/>; they
    /// must come in <see cref="Event"/> order, which the stable sort keeps among copies of a key, as <see cref="CompareTo"/> orders them.
    /// </summary>
    public static void Sort(EventOrder[] orders, int count, int threads)
    {
        if (count < 2) return;
        long minTimestamp = long.MaxValue;
        int maxModel = 0, maxKey = 0;
        for (var i = 0; i < count; i++)
        {
            ref readonly var order = ref orders[i];
            minTimestamp = Math.Min(minTimestamp, order.Timestamp);
            maxModel = Math.Max(maxModel, order.ModelRank);
            maxKey = Math.Max(maxKey, order.KeyRank);
        }
        var keyBits = 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)maxKey);
        var modelBits = 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)maxModel);
        Columnar.RadixSort.Sort(orders, count, new RadixKey(minTimestamp, keyBits, keyBits + modelBits), threads);
    }

    /// <summary>The order as a radix key: the timestamp from the smallest one up, then the model rank and key rank packed below it.</summary>
    private readonly struct RadixKey(long minTimestamp, int keyBits, int lowBits) : Columnar.IRadixKey<EventOrder>
    {
        public int LowBits => lowBits;

        public ulong Low(in EventOrder item) => ((ulong)(uint)item.ModelRank << keyBits) | (uint)item.KeyRank;

        public ulong High(in EventOrder item) => unchecked((ulong)item.Timestamp - (ulong)minTimestamp);
    }

    /// <summary><see cref="CompareTo"/> as a comparer, for sorts that take one (<see cref="Columnar.ParallelSort"/>): the reference of <see cref="Sort"/>.</summary>
    public readonly struct Comparer : IComparer<EventOrder>
    {
        public int Compare(EventOrder x, EventOrder y) => x.CompareTo(y);
    }
}
