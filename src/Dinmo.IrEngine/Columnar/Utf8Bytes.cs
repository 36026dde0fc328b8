using System.IO.Hashing;

namespace Dinmo.IrEngine.Columnar;

/// <summary>
/// Byte arrays compared by content, for sets of UTF-8 texts that are looked up with spans (a value
/// read from a column) without making an array or a string per lookup.
/// </summary>
internal sealed class Utf8Bytes : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
{
    public static Utf8Bytes Comparer { get; } = new();

    private Utf8Bytes()
    {
    }

    public bool Equals(byte[]? x, byte[]? y) => x is null || y is null ? ReferenceEquals(x, y) : x.AsSpan().SequenceEqual(y);

    public int GetHashCode(byte[] bytes) => GetHashCode((ReadOnlySpan<byte>)bytes);

    public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

    public int GetHashCode(ReadOnlySpan<byte> alternate) => (int)XxHash3.HashToUInt64(alternate);

    public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
}
