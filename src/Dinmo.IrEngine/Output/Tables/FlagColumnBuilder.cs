using Apache.Arrow;

namespace Dinmo.IrEngine.Output.Tables;

/// <summary>A boolean column (bit-packed values plus validity), its buffers reused from chunk to chunk.</summary>
internal sealed class FlagColumnBuilder(int capacity) : IColumnChunk
{
    // Value bits are OR-ed in like validity bits, so the same zero-then-clear-what-was-used rule holds.
    private readonly ValidityBits _values = new(capacity);
    private readonly ValidityBits _validity = new(capacity);

    public int Count { get; private set; }

    public void Append(bool value)
    {
        _values.Set(Count, value);
        _validity.Set(Count++, valid: true);
    }

    public void AppendNull()
    {
        _values.Set(Count, false);
        _validity.Set(Count++, valid: false);
    }

    public IArrowArray BuildChunk() =>
        new BooleanArray(_values.BuildAlways(Count), _validity.Build(Count), Count, _validity.Nulls, 0);

    public void Reset()
    {
        _values.Reset(Count);
        _validity.Reset(Count);
        Count = 0;
    }
}
