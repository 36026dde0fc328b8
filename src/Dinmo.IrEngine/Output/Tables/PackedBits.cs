using Apache.Arrow;

namespace Dinmo.IrEngine.Output.Tables;

/// <summary>
/// A bitmap packed as Arrow packs bits (bit i in byte i / 8, least significant first): the validity
/// of a column, or a boolean column's values. Owned by its column builder and reused chunk to chunk.
/// </summary>
internal sealed class PackedBits(int capacity)
{
    // Ones are OR-ed in and zeros are never written, so the bytes must start zeroed and Reset must
    // clear every byte the chunk used.
    private byte[] _bytes = new byte[(Math.Max(capacity, 16) + 7) / 8];

    public void Set(int index, bool value)
    {
        if ((index >> 3) >= _bytes.Length) System.Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, (index >> 3) + 1));
        if (value) _bytes[index >> 3] |= (byte)(1 << (index & 7));
    }

    /// <summary>The first <paramref name="count"/> bits, over this bitmap's own bytes (no copy).</summary>
    public ArrowBuffer Build(int count)
    {
        if ((count + 7) / 8 > _bytes.Length) System.Array.Resize(ref _bytes, (count + 7) / 8);
        return new ArrowBuffer(_bytes.AsMemory(0, (count + 7) / 8));
    }

    public void Reset(int count) => _bytes.AsSpan(0, Math.Min((count + 7) / 8, _bytes.Length)).Clear();
}
