using Apache.Arrow;

namespace Dinmo.IrEngine.Output.Tables;

/// <summary>
/// The validity bitmap of a column built value by value (bit i set = value i present), with its null
/// count; an empty buffer when nothing is null, as Arrow allows. Owned by its column builder.
/// </summary>
internal sealed class ValidityBits(int capacity)
{
    // Bits are OR-ed in, so the bitmap must start zeroed and Reset must clear what was used.
    private byte[] _bits = new byte[(Math.Max(capacity, 16) + 7) / 8];

    public int Nulls { get; private set; }

    public void Set(int index, bool valid)
    {
        if ((index >> 3) >= _bits.Length) System.Array.Resize(ref _bits, Math.Max(_bits.Length * 2, (index >> 3) + 1));
        if (valid) _bits[index >> 3] |= (byte)(1 << (index & 7));
        else Nulls++;
    }

    public ArrowBuffer Build(int count) => Nulls == 0 ? ArrowBuffer.Empty : BuildAlways(count);

    /// <summary>The bitmap even when every bit is set (a boolean column's values are such a bitmap).</summary>
    public ArrowBuffer BuildAlways(int count)
    {
        if ((count + 7) / 8 > _bits.Length) System.Array.Resize(ref _bits, (count + 7) / 8);
        return new ArrowBuffer(_bits.AsMemory(0, (count + 7) / 8));
    }

    public void Reset(int count)
    {
        _bits.AsSpan(0, Math.Min((count + 7) / 8, _bits.Length)).Clear();
        Nulls = 0;
    }
}
