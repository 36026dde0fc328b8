using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Dinmo.IrEngine.StableIds;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// Gives created profiles their ids (<see cref="DinmoIdFactory.ForEventProfile"/>, a SHA-1 each, about
/// 1 µs) away from the serial stitch loop. Profiles are gathered in batches of <see cref="BatchSize"/>;
/// with a <c>background</c> namer each full batch goes to a thread of the namer's own, which names it
/// while the loop goes on (the loop leaves the run's other core idle), and <see cref="Finish"/> names
/// the rest on the run's threads. The ids depend only on each profile's model and key, never on which
/// thread named it or when. A profile comes with its key's id, and the key's bytes are read where it is named:
/// keys are in read order, so on the loop's thread that read was a cache miss or two per profile. The graph's
/// keys do not change while profiles are named (nothing is interned after the read).
/// </summary>
internal sealed class ProfileNamer : IDisposable
{
    /// <summary>Profiles per batch handed over: small enough to keep the thread busy, large enough to cost nothing to hand.</summary>
    public const int BatchSize = 4096;

    private readonly BlockingCollection<Batch>? _queue;
    private readonly Task? _naming;
    private readonly List<Batch> _kept = []; // batches named by Finish
    // Batches the namer's thread has named, emptied for the loop to fill again: at about 100 KB each, a new one per 4,096
    // profiles would make the loop allocate (and the GC clear) about 15 MB more at 10M events.
    private readonly ConcurrentQueue<Batch> _named = new();
    private Batch _filling = new();
    private ExceptionDispatchInfo? _failure;

    private readonly EventKeys _keys;

    public ProfileNamer(EventKeys keys, bool background)
    {
        _keys = keys;
        if (!background) return;
        _queue = new BlockingCollection<Batch>(boundedCapacity: 64);
        _naming = Columnar.SideThreads.Start(NameHandedBatches, "irengine profile names"); // beside the stitch loop
    }

    /// <summary>Whether batches go to the namer's thread.</summary>
    public bool Background => _queue is not null;

    /// <summary>Adds a profile to name from its model's id prefix (<see cref="DinmoIdFactory.EventProfileNamePrefix"/>) and its event key (model and key id).</summary>
    public void Add(EventProfile profile, byte[] prefix, int model, int key)
    {
        _filling.Add(profile, prefix, model, key);
        if (_filling.Count < BatchSize) return;
        if (_queue is not null) _queue.Add(_filling);
        else _kept.Add(_filling);
        _filling = _named.TryDequeue(out var empty) ? empty : new Batch();
    }

    /// <summary>Names every profile added: waits for the namer's thread, then names what it was not handed on up to <paramref name="threads"/> threads.</summary>
    public void Finish(int threads)
    {
        if (_filling.Count > 0)
        {
            _kept.Add(_filling);
            _filling = new Batch();
        }
        if (_queue is not null)
        {
            _queue.CompleteAdding();
            _naming!.Wait(); // it never throws: a failure is kept for Finish
        }
        _failure?.Throw();
        Parallel.ForEach(_kept, Columnar.ParallelChunks.Options(threads), batch => batch.NameAll(_keys));
        _kept.Clear();
    }

    /// <summary>Lets the namer's thread end (a run that failed before <see cref="Finish"/>) once it has named what it was handed.</summary>
    public void Dispose()
    {
        if (_queue is null) return;
        if (!_queue.IsAddingCompleted)
        {
            _queue.CompleteAdding();
            _naming!.Wait(); // it never throws: a failure is kept for Finish
        }
        _queue.Dispose();
    }

    private void NameHandedBatches()
    {
        try
        {
            foreach (var batch in _queue!.GetConsumingEnumerable())
            {
                batch.NameAll(_keys);
                batch.Clear();
                _named.Enqueue(batch);
            }
        }
        catch (Exception e)
        {
            _failure = ExceptionDispatchInfo.Capture(e);
            foreach (var _ in _queue!.GetConsumingEnumerable()) { } // drain, so the loop never blocks on a full queue
        }
    }

    /// <summary>Up to <see cref="BatchSize"/> profiles with their prefixes and keys (by model and key id).</summary>
    private sealed class Batch
    {
        private readonly EventProfile[] _profiles = new EventProfile[BatchSize];
        private readonly byte[][] _prefixes = new byte[BatchSize][];
        private readonly int[] _models = new int[BatchSize];
        private readonly int[] _keys = new int[BatchSize];

        public int Count { get; private set; }

        /// <summary>Empties a named batch for reuse.</summary>
        public void Clear()
        {
            Array.Clear(_profiles, 0, Count);
            Array.Clear(_prefixes, 0, Count);
            Count = 0;
        }

        public void Add(EventProfile profile, byte[] prefix, int model, int key)
        {
            _profiles[Count] = profile;
            _prefixes[Count] = prefix;
            _models[Count] = model;
            _keys[Count] = key;
            Count++;
        }

        public void NameAll(EventKeys keys)
        {
            for (var i = 0; i < Count; i++)
            {
                // The next profile's key is a random read too (keys are in read order): start it a step ahead.
                if (i + 1 < Count) keys.PrefetchOffsets(_models[i + 1], _keys[i + 1]);
                _profiles[i].Name(DinmoIdFactory.ForEventProfile(_prefixes[i], keys.Utf8(_models[i], _keys[i])));
            }
        }
    }
}
