using System.Buffers;
using System.Text;

namespace Dinmo.IrEngine.Compare;

/// <summary>
/// Decodes UTF-8 bytes into Unicode scalar values, the unit SPEC §3.3 measures lengths in.
/// Ill-formed sequences decode to U+FFFD (one per maximal invalid subsequence, as
/// <see cref="Rune.DecodeFromUtf8"/> does), so every byte string has a defined length.
/// </summary>
internal static class Utf8CodePoints
{
    /// <summary>Decodes into <paramref name="destination"/>, which needs at most one slot per byte; returns the count.</summary>
    public static int Decode(ReadOnlySpan<byte> utf8, Span<int> destination)
    {
        int count = 0;
        while (!utf8.IsEmpty)
        {
            // Fast path: ASCII bytes are their own code points.
            byte b = utf8[0];
            if (b < 0x80)
            {
                destination[count++] = b;
                utf8 = utf8[1..];
                continue;
            }
            Rune.DecodeFromUtf8(utf8, out Rune rune, out int consumed);
            destination[count++] = rune.Value; // ReplacementChar on invalid input
            utf8 = utf8[consumed..];
        }
        return count;
    }

    /// <summary>Decodes into a new array of exactly the code point count.</summary>
    public static int[] ToArray(ReadOnlySpan<byte> utf8)
    {
        int[] rented = ArrayPool<int>.Shared.Rent(Math.Max(utf8.Length, 1));
        int n = Decode(utf8, rented);
        int[] result = rented.AsSpan(0, n).ToArray();
        ArrayPool<int>.Shared.Return(rented);
        return result;
    }
}
