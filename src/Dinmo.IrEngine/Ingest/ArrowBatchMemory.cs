using System.Buffers;
using System.Runtime.InteropServices;
using Apache.Arrow.Memory;

namespace Dinmo.IrEngine.Ingest;

/// <summary>
/// The memory an Arrow IPC file's record batches are read into (<see cref="ArrowFileSource"/>). Apache.Arrow's default
/// allocator zero-fills each batch's buffer before the reader overwrites it, and reports every buffer to the GC as
/// memory pressure, which sets off full collections. Restoring a 10M-event stitching state reads about 2.4 GB of
/// batches: the clearing, the page faults of fresh buffers and about 20 such collections (2.6 s of pauses) made
/// much of that stage. Here a buffer is not cleared and not reported, and the buffer of a disposed batch is reused
/// by the next one, so a file read a batch at a time faults in fresh memory only for its first batches.
/// <para>
/// Buffers are native memory, aligned as Arrow asks. A buffer outlives this allocator if its batch does (the
/// batches of a table read whole outlive the file's reader); it is freed when that batch is disposed. Readers
/// dispose each batch once its cells are copied out, so that its buffer is reused; a batch never disposed is freed
/// when collected, as with Arrow's allocator.
/// </para>
/// </summary>
internal sealed class ArrowBatchMemory : MemoryAllocator, IDisposable
{
    /// <summary>How many freed buffers are kept for reuse: a reader holds one batch at a time, and its body is one buffer.</summary>
    private const int KeptBuffers = 4;

    private readonly List<Block> _free = [];
    private bool _disposed;

    public ArrowBatchMemory() : base(DefaultAlignment)
    {
    }

    protected override IMemoryOwner<byte> AllocateInternal(int length, out int bytesAllocated)
    {
        var block = Take(length) ?? new Block(Capacity(length), Alignment);
        bytesAllocated = checked((int)Math.Min(block.Capacity, int.MaxValue));
        return new Lease(this, block, length);
    }

    /// <summary>
    /// A new buffer's size: an eighth more than asked, in whole 64 KiB, so that the next batches of a file, which are about
    /// as large but not exactly, fit in it.
    /// </summary>
    private static long Capacity(int length) => ((length + (long)length / 8) | 0xFFFF) + 1;

    /// <summary>The smallest kept buffer that holds <paramref name="length"/> bytes, or null.</summary>
    private Block? Take(int length)
    {
        lock (_free)
        {
            var best = -1;
            for (var i = 0; i < _free.Count; i++)
                if (_free[i].Capacity >= length && (best < 0 || _free[i].Capacity < _free[best].Capacity)) best = i;
            if (best < 0) return null;
            var block = _free[best];
            _free.RemoveAt(best);
            return block;
        }
    }

    private void Return(Block block)
    {
        lock (_free)
        {
            if (!_disposed && _free.Count < KeptBuffers)
            {
                _free.Add(block);
                return;
            }
        }
        block.Free();
    }

    /// <summary>Frees the kept buffers; buffers still held by batches are freed with them.</summary>
    public void Dispose()
    {
        lock (_free)
        {
            _disposed = true;
            foreach (var block in _free) block.Free();
            _free.Clear();
        }
    }

    /// <summary>One native buffer: large ones start on a huge page and are advised to take them (<see cref="Columnar.HugePages"/>).</summary>
    private sealed unsafe class Block
    {
        public readonly long Capacity;
        public readonly byte* Pointer;

        public Block(long capacity, int alignment)
        {
            var large = capacity >= Columnar.HugePages.MinBytes;
            Capacity = capacity;
            Pointer = (byte*)NativeMemory.AlignedAlloc((nuint)capacity, (nuint)(large ? Columnar.HugePages.PageSize : alignment));
            if (large) Columnar.HugePages.Advise((nint)Pointer, capacity);
        }

        public void Free() => NativeMemory.AlignedFree(Pointer);
    }

    /// <summary>A batch's use of a buffer: disposing it (with the batch) gives the buffer back, once; after that it is empty.</summary>
    private sealed unsafe class Lease(ArrowBatchMemory owner, Block block, int length) : MemoryManager<byte>
    {
        private Block? _block = block;
        private byte* _pointer = block.Pointer;
        private int _length = length;

        public override Span<byte> GetSpan() => new(_pointer, _length);

        public override MemoryHandle Pin(int elementIndex = 0) => new(_pointer + elementIndex);

        public override void Unpin()
        {
        }

        // A batch its reader's caller never disposed: its buffer is freed when the batch is collected, as Arrow's own
        // allocator's are (the same finalizer, with the same caveat: a span must not outlive its batch's last use).
#pragma warning disable CA2015
        ~Lease() => Dispose(false);
#pragma warning restore CA2015

        protected override void Dispose(bool disposing)
        {
            if (Interlocked.Exchange(ref _block, null) is not { } block) return;
            _pointer = null;
            _length = 0;
            if (disposing) owner.Return(block);
            else block.Free(); // on the finalizer thread: nothing else holds it
            GC.SuppressFinalize(this);
        }
    }
}
