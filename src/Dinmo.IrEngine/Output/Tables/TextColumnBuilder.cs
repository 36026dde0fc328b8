using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using Apache.Arrow;

namespace Dinmo.IrEngine.Output.Tables;

/// <summary>
/// Builds an Arrow UTF-8 string array straight from byte spans: one value buffer, one offset buffer
/// and a validity bitmap, handed to Arrow without copies. Values already held as UTF-8 (keys,
/// standardized and raw values) are copied once; .NET strings are encoded in place.
/// <para>
/// Appending is the inner loop of every output table (tens of millions of short values at 10M events), so
/// it is kept to the bone: a value up to 32 bytes is copied by overlapping word moves instead of a call
/// to <c>memmove</c>, and only nulls are marked (the validity bitmap is their complement, made once in
/// <see cref="Build"/>). <see cref="CopySmall"/> is checked against <see cref="Span{T}.CopyTo"/>, its reference.
/// </para>
/// </summary>
internal sealed class TextColumnBuilder(int capacity = 1024, int bytesPerValue = 16) : IColumnChunk
{
    // Value bytes and offsets are always written before they are read (Build hands out only the
    // written prefix; offset 0 is a zero the offsets start with), so they skip the GC's zeroing;
    private byte[] _bytes = GC.AllocateUninitializedArray<byte>(Math.Max(capacity, 16) * Math.Max(bytesPerValue, 1));
    private byte[] _offsets = ZeroFirstOffset(GC.AllocateUninitializedArray<byte>((Math.Max(capacity, 16) + 1) * sizeof(int)));
    private readonly PackedBits _nullBits = new(capacity);
    private int _byteCount;
    private int _nulls;

    public int Count { get; private set; }

    public void Append(ReadOnlySpan<byte> utf8)
    {
        var start = _byteCount;
        if (start + utf8.Length > _bytes.Length || (Count + 2) * sizeof(int) > _offsets.Length) EnsureRoom(utf8.Length);
        var into = _bytes.AsSpan(start, utf8.Length);
        if (utf8.Length <= SmallBytes) CopySmall(utf8, into);
        else utf8.CopyTo(into);
        _byteCount = start + utf8.Length;
        Count++;
        Unsafe.WriteUnaligned(ref _offsets[Count * sizeof(int)], _byteCount);
    }

    /// <summary>The longest value <see cref="CopySmall"/> copies.</summary>
    internal const int SmallBytes = 32;

    /// <summary>
    /// Copies up to <see cref="SmallBytes"/> bytes (<paramref name="into"/> as long as <paramref name="from"/>) by two
    /// moves that overlap in the middle, each reading and writing only inside the spans: no call, no loop.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void CopySmall(ReadOnlySpan<byte> from, Span<byte> into)
    {
        var length = from.Length;
        if ((uint)length > SmallBytes || into.Length != length) throw new ArgumentOutOfRangeException(nameof(from));
        ref var source = ref MemoryMarshal.GetReference(from);
        ref var target = ref MemoryMarshal.GetReference(into);
        if (length >= 16)
        {
            Vector128.LoadUnsafe(ref source).StoreUnsafe(ref target);
            Vector128.LoadUnsafe(ref source, (nuint)(length - 16)).StoreUnsafe(ref target, (nuint)(length - 16));
        }
        else if (length >= 8)
        {
            Unsafe.WriteUnaligned(ref target, Unsafe.ReadUnaligned<ulong>(ref source));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, length - 8), Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source, length - 8)));
        }
        else if (length >= 4)
        {
            Unsafe.WriteUnaligned(ref target, Unsafe.ReadUnaligned<uint>(ref source));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, length - 4), Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref source, length - 4)));
        }
        else if (length > 0)
        {
            target = source;
            Unsafe.Add(ref target, length / 2) = Unsafe.Add(ref source, length / 2);
            Unsafe.Add(ref target, length - 1) = Unsafe.Add(ref source, length - 1);
        }
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
            _nulls == 0 ? ArrowBuffer.Empty : _nullBits.BuildComplement(Count), _nulls);
    }

    public IArrowArray BuildChunk() => Build();

    /// <summary>Empties the column for the next chunk, keeping its buffers (grown to the largest chunk so far).</summary>
    public void Reset()
    {
        // Only the bytes that held bits need clearing; offsets[0] stays the zero it was set to.
        if (_nulls > 0) _nullBits.Reset(Count);
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
        if (!valid) _nullBits.Set(Count, true);
        Count++;
        MemoryMarshal.Cast<byte, int>(_offsets.AsSpan())[Count] = _byteCount;
    }

    private void EnsureRoom(int extraBytes)
    {
        if (_byteCount + extraBytes > _bytes.Length) _bytes = Grown(_bytes, _byteCount, Math.Max(_bytes.Length * 2, _byteCount + extraBytes));
        if ((Count + 2) * sizeof(int) > _offsets.Length) _offsets = Grown(_offsets, (Count + 1) * sizeof(int), _offsets.Length * 2);
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
