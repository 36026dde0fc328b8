using Dinmo.IrEngine.Columnar;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// Where every event went (<c>identity_event_profile_attribution</c>), as columns of ints: model
/// index and key id (<see cref="EventKeys"/>, key -1 for an event without a key), timestamp, the
/// profile index it was attached to when processed (-1 when excluded; follow redirects for today's
/// profile), the reason (its status follows from it), the matched identifier (an index into
/// <see cref="ProfileGraph.IdentifierNames"/>, -1 when none) and the run (an index into
/// <see cref="ProfileGraph.RunIds"/>). Keyed rows are the earlier runs' (restored) and this run's;
/// unkeyed rows are this run's only. Owned by the <see cref="ProfileGraph"/>.
/// </summary>
internal sealed class AttributionTable : IDisposable
{
    private readonly GrowableArray<byte> _model = new(1 << 16);
    private readonly GrowableArray<int> _key = new(1 << 16);
    private readonly GrowableArray<long> _timestamp = new(1 << 16);
    private readonly GrowableArray<int> _profile = new(1 << 16);
    private readonly GrowableArray<byte> _reason = new(1 << 16);
    private readonly GrowableArray<short> _matched = new(1 << 16);
    private readonly GrowableArray<int> _run = new(1 << 16);

    public int Count => _model.Count;

    /// <summary>Whether any row has no key (those are not kept in the state).</summary>
    public bool AnyUnkeyed { get; private set; }

    /// <summary>Makes room for <paramref name="rows"/> rows in all, so that a run's appends never copy the columns.</summary>
    public void Reserve(int rows)
    {
        _model.Reserve(rows);
        _key.Reserve(rows);
        _timestamp.Reserve(rows);
        _profile.Reserve(rows);
        _reason.Reserve(rows);
        _matched.Reserve(rows);
        _run.Reserve(rows);
    }

    /// <summary>Appends a row and returns its index.</summary>
    public int Add(int model, int key, long timestamp, int profile, AttributionReason reason, int matched, int run)
    {
        _model.Add(checked((byte)model));
        _key.Add(key);
        _timestamp.Add(timestamp);
        _profile.Add(profile);
        _reason.Add((byte)reason);
        _matched.Add(checked((short)matched));
        _run.Add(run);
        if (key < 0) AnyUnkeyed = true;
        return Count - 1;
    }

    public int Model(int row) => _model[row];

    public int Key(int row) => _key[row];

    public long Timestamp(int row) => _timestamp[row];

    public int Profile(int row) => _profile[row];

    public AttributionReason Reason(int row) => (AttributionReason)_reason[row];

    public int Matched(int row) => _matched[row];

    public int Run(int row) => _run[row];

    /// <summary>Starts loading every column's slot of <paramref name="row"/> (see <see cref="CacheHint"/>): tables read rows out of processing order.</summary>
    public void Prefetch(int row)
    {
        CacheHint.Prefetch(ref _model[row]);
        CacheHint.Prefetch(ref _key[row]);
        CacheHint.Prefetch(ref _timestamp[row]);
        CacheHint.Prefetch(ref _profile[row]);
        CacheHint.Prefetch(ref _reason[row]);
        CacheHint.Prefetch(ref _matched[row]);
        CacheHint.Prefetch(ref _run[row]);
    }

    public void Dispose()
    {
        _model.Dispose();
        _key.Dispose();
        _timestamp.Dispose();
        _profile.Dispose();
        _reason.Dispose();
        _matched.Dispose();
        _run.Dispose();
    }
}
