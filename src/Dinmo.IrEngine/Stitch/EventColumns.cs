using System.Runtime.CompilerServices;
using Dinmo.IrEngine.Columnar;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// The events of one read part (<see cref="ModelEvents"/>), as columns: per event its model index, key id (<see cref="EventKeys"/>,
/// -1 when the primary key is null or empty), timestamp (<see cref="Ingest.Timestamps.Null"/> when
/// missing or unreadable) and a range of observations; an observation is a value id
/// (<see cref="IdentifierValues"/>) or <see cref="Blocked"/> for a blocked value (it counts as an
/// observation but takes no part in stitching). Values empty after standardization are no
/// observation. Owned by the read, then by the run's <see cref="RunEvents"/>; disposed after stitching.
/// </summary>
internal sealed class EventColumns : IDisposable
{
    /// <summary>The observation of a blocked value.</summary>
    public const int Blocked = -1;

    private readonly GrowableArray<byte> _model = new(1 << 16);
    private readonly GrowableArray<int> _key = new(1 << 16);
    private readonly GrowableArray<long> _timestamp = new(1 << 16);
    private readonly GrowableArray<int> _firstObservation = new(1 << 16);
    private readonly GrowableArray<int> _observations = new(1 << 17);

    public int Count => _model.Count;

    /// <summary>Starts event <see cref="Count"/>; its observations follow through <see cref="Observe"/>.</summary>
    public void Add(int model, int key, long timestamp)
    {
        _model.Add(checked((byte)model));
        _key.Add(key);
        _timestamp.Add(timestamp);
        _firstObservation.Add(_observations.Count);
    }

    /// <summary>Adds an observation (a value id, or <see cref="Blocked"/>) to the last event.</summary>
    public void Observe(int value) => _observations.Add(value);

    /// <summary>
    /// Translates the ids of these columns (a read part's) to the run's, in place: value ids by <paramref name="valueIds"/>
    /// (the part's id → the run's; null when they are the run's already) and key ids by <paramref name="keyIds"/> when
    /// given (a part that interned its keys into its own dictionary).
    /// </summary>
    // Called once per part: full optimization from the start, not a tier-0 loop until on-stack replacement.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void TranslateIds(int[]? valueIds, int[]? keyIds)
    {
        if (keyIds is not null)
            foreach (ref var key in _key.AsSpan())
                if (key >= 0) key = keyIds[key];
        if (valueIds is not null)
            foreach (ref var value in _observations.AsSpan())
                if (value != Blocked) value = valueIds[value];
    }

    /// <summary>Makes room for <paramref name="events"/> events holding <paramref name="observations"/> observations in all.</summary>
    public void Reserve(int events, int observations)
    {
        _model.Reserve(events);
        _key.Reserve(events);
        _timestamp.Reserve(events);
        _firstObservation.Reserve(events);
        _observations.Reserve(observations);
    }

    /// <summary>How many observations all events hold: the index the next <see cref="Observe"/> writes.</summary>
    public int ObservationCount => _observations.Count;

    /// <summary>Sets the key of event <paramref name="e"/>, for a reader that interns a batch's keys after adding its events.</summary>
    public void SetKey(int e, int key) => _key[e] = key;

    /// <summary>Sets observation <paramref name="index"/>, for a reader that interns a batch's values after adding its events.</summary>
    public void SetObservation(int index, int value) => _observations[index] = value;

    public int Model(int e) => _model[e];

    public int Key(int e) => _key[e];

    public long Timestamp(int e) => _timestamp[e];

    /// <summary>Starts loading event <paramref name="e"/>'s key and where its observations start (see <see cref="Columnar.CacheHint"/>).</summary>
    public void Prefetch(int e)
    {
        Columnar.CacheHint.Prefetch(ref _key[e]);
        Columnar.CacheHint.Prefetch(ref _firstObservation[e]);
    }

    /// <summary>The step after <see cref="Prefetch"/>, a few events later: starts loading the event's observations.</summary>
    public void PrefetchObservations(int e)
    {
        var start = _firstObservation[e];
        if (start < _observations.Count) Columnar.CacheHint.Prefetch(ref _observations[start]); // none at the very end
    }

    public ReadOnlySpan<int> Observations(int e)
    {
        var start = _firstObservation[e];
        var end = e + 1 < _firstObservation.Count ? _firstObservation[e + 1] : _observations.Count;
        return _observations.AsSpan()[start..end];
    }

    public void Dispose()
    {
        _model.Dispose();
        _key.Dispose();
        _timestamp.Dispose();
        _firstObservation.Dispose();
        _observations.Dispose();
    }
}
