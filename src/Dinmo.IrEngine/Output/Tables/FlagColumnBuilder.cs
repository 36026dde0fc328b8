using Apache.Arrow;

namespace Dinmo.IrEngine.Output.Tables;

/// <summary>A boolean column (bit-packed values plus validity), its buffers reused from chunk to chunk.</summary>
internal sealed class FlagColumnBuilder(int capacity) : IColumnChunk
{
    private readonly PackedBits _values = new(capacity);
    private readonly PackedBits _nullBits = new(capacity);
    private int _nulls;

    public int Count { get; private set; }

    public void Append(bool value)
    {
        _values.Set(Count++, value);
    }

    /// <summary>A null: its value bit stays zero.</summary>
    public void AppendNull()
    {
        _nullBits.Set(Count++, true);
        _nulls++;
    }

    public IArrowArray BuildChunk() =>
        new BooleanArray(_values.Build(Count), _nulls == 0 ? ArrowBuffer.Empty : _nullBits.BuildComplement(Count), Count, _nulls, 0);

    public void Reset()
    {
        _values.Reset(Count);
        if (_nulls > 0) _nullBits.Reset(Count);
        _nulls = 0;
        Count = 0;
    }
}
