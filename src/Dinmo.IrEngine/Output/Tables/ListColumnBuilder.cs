using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace Dinmo.IrEngine.Output.Tables;

/// <summary>
/// A non-null list column (<c>list&lt;string&gt;</c>, <c>list&lt;double&gt;</c>) over a builder of its
/// items: append the row's items to <see cref="Items"/>, then <see cref="EndList"/>. Offsets and items
/// are reused from chunk to chunk.
/// </summary>
internal sealed class ListColumnBuilder<TItems>(ListType type, TItems items, int capacity) : IColumnChunk
    where TItems : IColumnChunk
{
    // Offsets are written before they are read; slot 0 is the zero every chunk starts from.
    private byte[] _offsets = FirstOffsetZero(GC.AllocateUninitializedArray<byte>((Math.Max(capacity, 16) + 1) * sizeof(int)));

    public TItems Items { get; } = items;

    public int Count { get; private set; }

    /// <summary>Closes the current list: every item appended to <see cref="Items"/> since the last call belongs to it.</summary>
    public void EndList()
    {
        if ((Count + 2) * sizeof(int) > _offsets.Length)
        {
            var grown = GC.AllocateUninitializedArray<byte>(_offsets.Length * 2);
            _offsets.AsSpan(0, (Count + 1) * sizeof(int)).CopyTo(grown);
            _offsets = grown;
        }
        MemoryMarshal.Cast<byte, int>(_offsets.AsSpan())[++Count] = Items.Count;
    }

    public IArrowArray BuildChunk() =>
        new ListArray(type, Count, new ArrowBuffer(_offsets.AsMemory(0, (Count + 1) * sizeof(int))), Items.BuildChunk(), ArrowBuffer.Empty, 0);

    public void Reset()
    {
        Items.Reset();
        Count = 0;
    }

    private static byte[] FirstOffsetZero(byte[] offsets)
    {
        MemoryMarshal.Cast<byte, int>(offsets.AsSpan())[0] = 0;
        return offsets;
    }
}
