using Apache.Arrow;

namespace Dinmo.IrEngine.Output.Tables;

/// <summary>A boolean column (bit-packed values plus validity), its buffers reused from chunk to chunk.</summary>
internal sealed class FlagColumnBuilder(int capacity) : IColumnChunk
{
    private readonly PackedBits _values = new(capacity);
    private readonly PackedBits _validity = new(capacity);
    private int _nulls;

    public int Count { get; private set; }

    public void Append(bool value)
    {
        _values.Set(Count, value);
        _validity.Set(Count++, true);
    }

    /// <summary>A null: its value bit stays zero.</summary>
    public void AppendNull()
    {
        _nulls++;
        Count++;
    }

    public IArrowArray BuildChunk() =>
        new BooleanArray(_values.Build(Count), _nulls == 0 ? ArrowBuffer.Empty : _validity.Build(Count), Count, _nulls, 0);

    public void Reset()
    {
        _values.Reset(Count);
        _validity.Reset(Count);
        _nulls = 0;
        Count = 0;
    }
}
