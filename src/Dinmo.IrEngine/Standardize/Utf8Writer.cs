using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace Dinmo.IrEngine.Standardize;

/// <summary>
/// A growable UTF-8 scratch buffer for one standardization step. The caller owns the rented array
/// and hands it back through <see cref="Release"/>; <see cref="Written"/> is valid until the next reset.
/// </summary>
internal ref struct Utf8Writer
{
    private byte[] _buffer;
    private int _length;

    public Utf8Writer(byte[] buffer)
    {
        _buffer = buffer;
        _length = 0;
    }

    public readonly ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public readonly int Length => _length;

    /// <summary>The current buffer (it may have been replaced by a larger one while writing).</summary>
    public readonly byte[] Buffer => _buffer;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(byte value)
    {
        if (_length == _buffer.Length) Grow(1);
        _buffer[_length++] = value;
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (_length + bytes.Length > _buffer.Length) Grow(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    public void Append(Rune rune)
    {
        // A rune is at most four UTF-8 bytes.
        if (_length + 4 > _buffer.Length) Grow(4);
        _length += rune.EncodeToUtf8(_buffer.AsSpan(_length));
    }

    public void Truncate(int length) => _length = length;

    /// <summary>Appends <paramref name="count"/> bytes to be filled in through the returned span (truncate if fewer are used).</summary>
    public Span<byte> Extend(int count)
    {
        if (_length + count > _buffer.Length) Grow(count);
        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }

    private void Grow(int extra)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + extra));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
