using Dinmo.IrEngine.Columnar;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// The events to stitch, copied out of the read's <see cref="RunEvents"/> into stitching order
/// (SPEC §9: timestamp, model, key). The stitch loop is serial and reads every event once; in read
/// order each read would be a jump (a cache miss per column at millions of events), in this order
/// it is the next bytes. The copy is independent reads, so it runs on the run's threads and overlaps its
/// misses. Per position: model, key, timestamp, observations, and whether the key is duplicated in
/// this run's input (every copy is then excluded). Owned by the stitch stage.
/// </summary>
internal sealed class StitchQueue
{
    private const int ChunkEvents = 1 << 16;

    /// <summary>How many positions ahead the copy prefetches an event's columns; its observations follow at half the distance.</summary>
    private const int PrefetchDistance = 16;

    private readonly byte[] _model;
    private readonly int[] _key;
    private readonly long[] _timestamp;
    private readonly bool[] _duplicate;
    private readonly int[] _firstObservation; // Count + 1 entries: position i's observations are [first[i], first[i + 1])
    private readonly int[] _observations;

    private StitchQueue(int count, int observations)
    {
        // Gather writes every position before the loop reads any; only the first observation start must be zero.
        _model = ColumnBuffers.Uninitialized<byte>(count);
        _key = ColumnBuffers.Uninitialized<int>(count);
        _timestamp = ColumnBuffers.Uninitialized<long>(count);
        _duplicate = ColumnBuffers.Uninitialized<bool>(count);
        _firstObservation = ColumnBuffers.Uninitialized<int>(count + 1);
        _firstObservation[0] = 0;
        _observations = ColumnBuffers.Uninitialized<int>(observations);
    }

    public int Count => _model.Length;

    public int Model(int i) => _model[i];

    public int Key(int i) => _key[i];

    public long Timestamp(int i) => _timestamp[i];

    /// <summary>Whether the key occurs more than once in this run's input (<paramref name="i"/>'s copies are all excluded).</summary>
    public bool Duplicate(int i) => _duplicate[i];

    public ReadOnlySpan<int> Observations(int i) => _observations.AsSpan(_firstObservation[i], _firstObservation[i + 1] - _firstObservation[i]);

    /// <summary>
    /// Events <paramref name="order"/>[i].Event of <paramref name="events"/> at position i, each order carrying the
    /// event's observation count, model and whether its key is duplicated (<see cref="EventOrder.Carry"/>): only the key
    /// and the observations are read from the events.
    /// </summary>
    public static StitchQueue Gather(RunEvents events, EventOrder[] order, int count, int threads)
    {
        // Where each position's observations start: the orders carry the counts, so this is one sequential pass.
        var total = 0;
        for (var i = 0; i < count; i++) total += order[i].Observations;
        var queue = new StitchQueue(count, total);
        var first = queue._firstObservation;
        for (var i = 0; i < count; i++) first[i + 1] = first[i] + order[i].Observations;

        ParallelChunks.For(count, ChunkEvents, threads, (_, start, end) =>
        {
            for (var i = start; i < end; i++)
            {
                // Events are read in time order, which jumps between models and files: start the reads ahead.
                if (i + PrefetchDistance < end)
                {
                    var (ahead, at) = events.Locate(order[i + PrefetchDistance].Event);
                    ahead.Prefetch(at);
                }
                if (i + PrefetchDistance / 2 < end)
                {
                    var (ahead, at) = events.Locate(order[i + PrefetchDistance / 2].Event);
                    ahead.PrefetchObservations(at);
                }
                var (part, e) = events.Locate(order[i].Event);
                queue._model[i] = (byte)order[i].Model;
                queue._key[i] = part.Key(e);
                queue._timestamp[i] = order[i].Timestamp;
                queue._duplicate[i] = order[i].Duplicate;
                part.Observations(e).CopyTo(queue._observations.AsSpan(first[i]));
            }
        });
        return queue;
    }
}
