using System.Text;
using Apache.Arrow;
using CommunityToolkit.HighPerformance;

namespace Dinmo.IrEngine.Ingest;

/// <summary>
/// Builds one Arrow Utf8 column of a CSV batch straight into value, offset and validity buffers
/// (no per-value builder calls, no .NET strings). The CSV text arrives Latin-1-decoded, one char
/// per original byte, so narrowing a field gives back its exact bytes; the caller validates them.
/// The arrays are handed to the built <see cref="StringArray"/>, which then owns them; the builder
/// starts fresh buffers for the next batch.
/// </summary>
internal sealed class Utf8ColumnBuilder
{
    private const int InitialValueBytes = 1 << 16;

    private readonly int _capacity;
    private byte[] _values = new byte[InitialValueBytes];
    private int[] _offsets;
    private byte[] _validity;
    private int _count;
    private int _nullCount;

    /// <param name="capacity">Most rows one batch holds; sizes the offset and validity buffers once.</param>
    public Utf8ColumnBuilder(int capacity)
    {
        _capacity = capacity;
        _offsets = new int[capacity + 1];
        _validity = new byte[BitmapBytes(capacity)];
    }

    /// <summary>Bytes of values so far in this batch; the reader cuts batches to keep offsets far from int overflow.</summary>
    public int ValueBytes => _offsets[_count];

    /// <summary>Appends a Latin-1-decoded field and returns the span of its original bytes for validation.</summary>
    public ReadOnlySpan<byte> Append(ReadOnlySpan<char> latin1Field)
    {
        var start = _offsets[_count];
        var end = start + latin1Field.Length;
        if (end > _values.Length) System.Array.Resize(ref _values, Math.Max(end, _values.Length * 2));
        var bytes = _values.AsSpan(start, latin1Field.Length);
        Encoding.Latin1.GetBytes(latin1Field, bytes);
        _validity[_count >> 3] |= (byte)(1 << (_count & 7));
        _offsets[++_count] = end;
        return bytes;
    }

    /// <summary>Appends a null: validity bit left clear, zero-length slot.</summary>
    public void AppendNull()
    {
        _offsets[_count + 1] = _offsets[_count];
        _count++;
        _nullCount++;
    }

    /// <summary>Hands the buffers to a new array and resets for the next batch.</summary>
    public StringArray Build()
    {
        var length = _count;
        var valueBytes = _offsets[length];
        var array = new StringArray(length,
            new ArrowBuffer(_offsets.AsMemory(0, length + 1).Cast<int, byte>()),
            new ArrowBuffer(_values.AsMemory(0, valueBytes)),
            _nullCount == 0 ? ArrowBuffer.Empty : new ArrowBuffer(_validity.AsMemory(0, BitmapBytes(length))),
            _nullCount);

        _values = new byte[Math.Max(InitialValueBytes, valueBytes)];
        _offsets = new int[_capacity + 1];
        _validity = new byte[BitmapBytes(_capacity)];
        _count = 0;
        _nullCount = 0;
        return array;
    }

    private static int BitmapBytes(int bits) => (bits + 7) >> 3;
}
