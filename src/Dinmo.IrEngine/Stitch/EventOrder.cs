namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// The stitching order of one event (SPEC §9: timestamp, model, key) as precomputed ranks: the model
/// name's and the key's rank in code point order, so sorting compares ints only. Only copies of one
/// duplicated key tie on those; they are excluded alike, and the event index (read order) settles
/// them, so the order is total and a parallel sort gives one result whatever the threads.
/// </summary>
internal readonly record struct EventOrder(long Timestamp, int ModelRank, int KeyRank, int Event) : IComparable<EventOrder>
{
    public int CompareTo(EventOrder other) =>
        Timestamp != other.Timestamp ? Timestamp.CompareTo(other.Timestamp)
        : ModelRank != other.ModelRank ? ModelRank.CompareTo(other.ModelRank)
        : KeyRank != other.KeyRank ? KeyRank.CompareTo(other.KeyRank)
        : Event.CompareTo(other.Event);

    /// <summary><see cref="CompareTo"/> as a comparer, for sorts that take one (<see cref="Columnar.ParallelSort"/>).</summary>
    public readonly struct Comparer : IComparer<EventOrder>
    {
        public int Compare(EventOrder x, EventOrder y) => x.CompareTo(y);
    }
}
