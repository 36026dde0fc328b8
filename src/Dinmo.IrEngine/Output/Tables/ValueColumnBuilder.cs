using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace Dinmo.IrEngine.Output.Tables;

/// <summary>
/// A fixed-width column (int32, int64, double, date32 days, timestamp micros) built from values and
/// nulls into one reused managed buffer, handed to Arrow as an array of <paramref name="type"/>
/// without copies. Replaces Arrow's per-type builders, whose native buffers were freed by finalizers.
/// </summary>
internal sealed class ValueColumnBuilder<T>(IArrowType type, int capacity) : IColumnChunk where T : unmanaged
{
    // Held as bytes so Arrow can take the buffer as memory directly. Values are written before they
    // are read (only the written prefix is handed out), so no zeroing; a null's slot is written as
    // default so the file never carries stale memory.
    private byte[] _bytes = GC.AllocateUninitializedArray<byte>(Math.Max(capacity, 16) * Unsafe.SizeOf<T>());
    private readonly PackedBits _nullBits = new(capacity);
    private int _nulls;

    public int Count { get; private set; }

    public void Append(T value)
    {
        Slot() = value;
        Count++;
    }

    public void AppendNull()
    {
        Slot() = default;
        _nullBits.Set(Count++, true);
        _nulls++;
    }

    /// <summary>Appends every value, none null (a list row's items).</summary>
    public void Append(ReadOnlySpan<T> values)
    {
        foreach (var v in values) Append(v);
    }

    public IArrowArray BuildChunk()
    {
        var values = new ArrowBuffer(_bytes.AsMemory(0, Count * Unsafe.SizeOf<T>()));
        // No bitmap at all when nothing is null, as Arrow allows.
        var validity = _nulls == 0 ? ArrowBuffer.Empty : _nullBits.BuildComplement(Count);
        return ArrowArrayFactory.BuildArray(new ArrayData(type, Count, _nulls, 0, [validity, values]));
    }

    public void Reset()
    {
        if (_nulls > 0) _nullBits.Reset(Count);
        _nulls = 0;
        Count = 0;
    }

    private ref T Slot()
    {
        if ((Count + 1) * Unsafe.SizeOf<T>() > _bytes.Length)
        {
            var grown = GC.AllocateUninitializedArray<byte>(_bytes.Length * 2);
            _bytes.AsSpan(0, Count * Unsafe.SizeOf<T>()).CopyTo(grown);
            _bytes = grown;
        }
        return ref MemoryMarshal.Cast<byte, T>(_bytes.AsSpan())[Count];
    }
}
