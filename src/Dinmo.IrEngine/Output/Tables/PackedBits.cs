using Apache.Arrow;

namespace Dinmo.IrEngine.Output.Tables;

/// <summary>
/// A bitmap packed as Arrow packs bits (bit i in byte i / 8, least significant first): the validity
/// of a column, or a boolean column's values. Owned by its column builder and reused chunk to chunk.
/// Column builders keep their nulls in one (most values are not null, so appending one writes no bit)
/// and hand out its <see cref="BuildComplement"/> as the validity.
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

    /// <summary>
    /// The complement of the first <paramref name="count"/> bits (bits past them clear, so equal columns are equal
    /// files), in a buffer of its own reused chunk to chunk: the validity of a column whose nulls this holds.
    /// </summary>
    public ArrowBuffer BuildComplement(int count)
    {
        var bytes = (count + 7) / 8;
        if (_complement.Length < bytes) _complement = new byte[Math.Max(bytes, _bytes.Length)];
        var own = _bytes.AsSpan(0, Math.Min(bytes, _bytes.Length));
        for (var i = 0; i < own.Length; i++) _complement[i] = (byte)~own[i];
        _complement.AsSpan(own.Length, bytes - own.Length).Fill(0xFF); // bytes never grown into hold no bits
        if ((count & 7) != 0) _complement[bytes - 1] &= (byte)((1 << (count & 7)) - 1);
        return new ArrowBuffer(_complement.AsMemory(0, bytes));
    }

    private byte[] _complement = [];

    public void Reset(int count) => _bytes.AsSpan(0, Math.Min((count + 7) / 8, _bytes.Length)).Clear();
}
