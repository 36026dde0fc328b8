using System.Runtime.InteropServices;
using System.Text;
using Apache.Arrow;

namespace Dinmo.IrEngine.Output.Tables;

/// <summary>
/// Builds an Arrow UTF-8 string array straight from byte spans: one value buffer, one offset buffer
/// and a validity bitmap, handed to Arrow without copies. Values already held as UTF-8 (keys,
/// standardized and raw values) are copied once; .NET strings are encoded in place.
/// </summary>
internal sealed class TextColumnBuilder(int capacity = 1024, int bytesPerValue = 16) : IColumnChunk
{
    // Value bytes and offsets are always written before they are read (Build hands out only the
    // written prefix; offset 0 is a zero the offsets start with), so they skip the GC's zeroing;
    // the validity bitmap is OR-ed into and must start zeroed.
    private byte[] _bytes = GC.AllocateUninitializedArray<byte>(Math.Max(capacity, 16) * Math.Max(bytesPerValue, 1));
    private byte[] _offsets = ZeroFirstOffset(GC.AllocateUninitializedArray<byte>((Math.Max(capacity, 16) + 1) * sizeof(int)));
    private byte[] _validity = new byte[(Math.Max(capacity, 16) + 7) / 8];
    private int _byteCount;
    private int _nulls;

    public int Count { get; private set; }

    public void Append(ReadOnlySpan<byte> utf8)
    {
        EnsureRoom(utf8.Length);
        utf8.CopyTo(_bytes.AsSpan(_byteCount));
        _byteCount += utf8.Length;
        Close(valid: true);
    }

    /// <summary>Appends a dinmo_id as its text, formatted straight into the column.</summary>
    public void Append(StableIds.DinmoId id)
    {
        EnsureRoom(StableIds.DinmoId.TextLength);
        id.Format(_bytes.AsSpan(_byteCount, StableIds.DinmoId.TextLength));
        _byteCount += StableIds.DinmoId.TextLength;
        Close(valid: true);
    }

    public void Append(string? value)
    {
        if (value is null)
        {
            AppendNull();
            return;
        }
        EnsureRoom(Encoding.UTF8.GetMaxByteCount(value.Length));
        _byteCount += Encoding.UTF8.GetBytes(value, _bytes.AsSpan(_byteCount));
        Close(valid: true);
    }

    public void AppendNull()
    {
        EnsureRoom(0);
        _nulls++;
        Close(valid: false);
    }

    public StringArray Build()
    {
        EnsureRoom(0);
        return new StringArray(Count, Buffer(_offsets, (Count + 1) * sizeof(int)), Buffer(_bytes, _byteCount),
            _nulls == 0 ? ArrowBuffer.Empty : Buffer(_validity, (Count + 7) / 8), _nulls);
    }

    public IArrowArray BuildChunk() => Build();

    /// <summary>Empties the column for the next chunk, keeping its buffers (grown to the largest chunk so far).</summary>
    public void Reset()
    {
        // Only the bytes that held bits need clearing; offsets[0] stays the zero it was set to.
        _validity.AsSpan(0, Math.Min((Count + 7) / 8, _validity.Length)).Clear();
        _nulls = 0;
        _byteCount = 0;
        Count = 0;
    }

    /// <summary>Appends value <paramref name="index"/> of a UTF-8 column, null staying null.</summary>
    public void Append(Columnar.Utf8Column column, int index)
    {
        if (column.IsNull(index)) AppendNull();
        else Append(column[index]);
    }

    private static ArrowBuffer Buffer(byte[] array, int length) => new(array.AsMemory(0, length));

    private void Close(bool valid)
    {
        if (valid) _validity[Count >> 3] |= (byte)(1 << (Count & 7));
        Count++;
        MemoryMarshal.Cast<byte, int>(_offsets.AsSpan())[Count] = _byteCount;
    }

    private void EnsureRoom(int extraBytes)
    {
        if (_byteCount + extraBytes > _bytes.Length) _bytes = Grown(_bytes, _byteCount, Math.Max(_bytes.Length * 2, _byteCount + extraBytes));
        if ((Count + 2) * sizeof(int) > _offsets.Length) _offsets = Grown(_offsets, (Count + 1) * sizeof(int), _offsets.Length * 2);
        if ((Count >> 3) + 1 > _validity.Length) System.Array.Resize(ref _validity, _validity.Length * 2);
    }

    /// <summary>A larger uninitialized buffer holding the first <paramref name="used"/> bytes of <paramref name="buffer"/>.</summary>
    private static byte[] Grown(byte[] buffer, int used, int size)
    {
        var grown = GC.AllocateUninitializedArray<byte>(size);
        buffer.AsSpan(0, used).CopyTo(grown);
        return grown;
    }

    private static byte[] ZeroFirstOffset(byte[] offsets)
    {
        MemoryMarshal.Cast<byte, int>(offsets.AsSpan())[0] = 0;
        return offsets;
    }
}

/// <summary>Shorthands for text columns of output tables.</summary>
internal static class TextColumn
{
    /// <summary>A column of <paramref name="count"/> rows, row i written by <paramref name="append"/>.</summary>
    public static StringArray Of(int count, Action<TextColumnBuilder, int> append, int bytesPerValue = 16)
    {
        var builder = new TextColumnBuilder(count, bytesPerValue);
        for (var i = 0; i < count; i++) append(builder, i);
        return builder.Build();
    }

    public static StringArray Of(IEnumerable<string?> values)
    {
        var builder = new TextColumnBuilder(values.TryGetNonEnumeratedCount(out var count) ? count : 1024);
        foreach (var value in values) builder.Append(value);
        return builder.Build();
    }

    /// <summary>The same value on every row, encoded once.</summary>
    public static StringArray Repeat(string? value, int count)
    {
        if (value is null) return Of(count, (b, _) => b.AppendNull(), 0);
        var utf8 = Encoding.UTF8.GetBytes(value);
        return Of(count, (b, _) => b.Append(utf8), utf8.Length);
    }
}
