using Dinmo.IrEngine.Columnar;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// Where every event went (<c>identity_event_profile_attribution</c>), as rows of ints: model
/// index and key id (<see cref="EventKeys"/>, key -1 for an event without a key), timestamp, the
/// profile index it was attached to when processed (-1 when excluded; follow redirects for today's
/// profile), the reason (its status follows from it), the matched identifier (an index into
/// <see cref="ProfileGraph.IdentifierNames"/>, -1 when none) and the run (an index into
/// <see cref="ProfileGraph.RunIds"/>). Keyed rows are the earlier runs' (restored) and this run's;
/// unkeyed rows are this run's only. Owned by the <see cref="ProfileGraph"/>.
/// </summary>
internal sealed class AttributionTable : IDisposable
{
    /// <summary>
    /// One row, its fields side by side (24 bytes): the tables read rows out of processing order, so each
    /// row costs one random read instead of one per column.
    /// </summary>
    private struct Row
    {
        public long Timestamp;
        public int Key;
        public int Profile;
        public int Run;
        public short Matched;
        public byte Model;
        public byte Reason;
    }

    private readonly GrowableArray<Row> _rows = new(1 << 16);

    public int Count => _rows.Count;

    /// <summary>Whether any row has no key (those are not kept in the state).</summary>
    public bool AnyUnkeyed { get; private set; }

    /// <summary>Makes room for <paramref name="rows"/> rows in all, so that a run's appends never copy the table.</summary>
    public void Reserve(int rows) => _rows.Reserve(rows);

    /// <summary>Faults in the room for <paramref name="rows"/> more rows on the calling thread (<see cref="GrowableArray{T}.PopulateRoom"/>), off the stitch loop's.</summary>
    public void PopulateRoom(int rows) => _rows.PopulateRoom(rows);

    /// <summary>Appends a row and returns its index.</summary>
    public int Add(int model, int key, long timestamp, int profile, AttributionReason reason, int matched, int run)
    {
        _rows.Add(new Row
        {
            Timestamp = timestamp, Key = key, Profile = profile, Run = run,
            Matched = checked((short)matched), Model = checked((byte)model), Reason = (byte)reason,
        });
        if (key < 0) AnyUnkeyed = true;
        return Count - 1;
    }

    public int Model(int row) => _rows[row].Model;

    public int Key(int row) => _rows[row].Key;

    public long Timestamp(int row) => _rows[row].Timestamp;

    public int Profile(int row) => _rows[row].Profile;

    public AttributionReason Reason(int row) => (AttributionReason)_rows[row].Reason;

    public int Matched(int row) => _rows[row].Matched;

    public int Run(int row) => _rows[row].Run;

    /// <summary>Starts loading <paramref name="row"/> (see <see cref="CacheHint"/>): tables read rows out of processing order.</summary>
    public void Prefetch(int row) => CacheHint.Prefetch(ref _rows[row]);

    public void Dispose() => _rows.Dispose();
}
