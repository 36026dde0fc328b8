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
/// thread named it or when.
/// </summary>
internal sealed class ProfileNamer : IDisposable
{
    /// <summary>Profiles per batch handed over: small enough to keep the thread busy, large enough to cost nothing to hand.</summary>
    public const int BatchSize = 4096;

    private readonly BlockingCollection<Batch>? _queue;
    private readonly Thread? _thread;
    private readonly List<Batch> _kept = []; // batches named by Finish
    // Batches the namer's thread has named, emptied for the loop to fill again: at about 140 KB each, a new one per 4,096
    // profiles made the loop allocate (and the GC clear) 21 MB more at 10M events.
    private readonly ConcurrentQueue<Batch> _named = new();
    private Batch _filling = new();
    private ExceptionDispatchInfo? _failure;

    public ProfileNamer(bool background)
    {
        if (!background) return;
        _queue = new BlockingCollection<Batch>(boundedCapacity: 64);
        _thread = new Thread(NameHandedBatches) { IsBackground = true, Name = "irengine profile names" };
        _thread.Start();
    }

    /// <summary>Whether batches go to the namer's thread.</summary>
    public bool Background => _queue is not null;

    /// <summary>Adds a profile to name from its model's id prefix (<see cref="DinmoIdFactory.EventProfileNamePrefix"/>) and its event key.</summary>
    public void Add(EventProfile profile, byte[] prefix, ReadOnlySpan<byte> key)
    {
        _filling.Add(profile, prefix, key);
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
            _thread!.Join();
        }
        _failure?.Throw();
        Parallel.ForEach(_kept, Columnar.ParallelChunks.Options(threads), batch => batch.NameAll());
        _kept.Clear();
    }

    /// <summary>Lets the namer's thread end (a run that failed before <see cref="Finish"/>) once it has named what it was handed.</summary>
    public void Dispose()
    {
        if (_queue is null) return;
        if (!_queue.IsAddingCompleted)
        {
            _queue.CompleteAdding();
            _thread!.Join();
        }
        _queue.Dispose();
    }

    private void NameHandedBatches()
    {
        try
        {
            foreach (var batch in _queue!.GetConsumingEnumerable())
            {
                batch.NameAll();
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

    /// <summary>Up to <see cref="BatchSize"/> profiles with their prefixes and keys (copied: the batch owns its bytes).</summary>
    private sealed class Batch
    {
        private readonly EventProfile[] _profiles = new EventProfile[BatchSize];
        private readonly byte[][] _prefixes = new byte[BatchSize][];
        private readonly int[] _ends = new int[BatchSize];
        private byte[] _keys = new byte[BatchSize * 16];
        private int _bytes;

        public int Count { get; private set; }

        /// <summary>Empties a named batch for reuse (its key buffer keeps the size it grew to).</summary>
        public void Clear()
        {
            Array.Clear(_profiles, 0, Count);
            Array.Clear(_prefixes, 0, Count);
            Count = 0;
            _bytes = 0;
        }

        public void Add(EventProfile profile, byte[] prefix, ReadOnlySpan<byte> key)
        {
            if (_bytes + key.Length > _keys.Length) Array.Resize(ref _keys, Math.Max(_keys.Length * 2, _bytes + key.Length));
            key.CopyTo(_keys.AsSpan(_bytes));
            _bytes += key.Length;
            _profiles[Count] = profile;
            _prefixes[Count] = prefix;
            _ends[Count] = _bytes;
            Count++;
        }

        public void NameAll()
        {
            var start = 0;
            for (var i = 0; i < Count; i++)
            {
                _profiles[i].Name(DinmoIdFactory.ForEventProfile(_prefixes[i], _keys.AsSpan(start, _ends[i] - start)));
                start = _ends[i];
            }
        }
    }
}
