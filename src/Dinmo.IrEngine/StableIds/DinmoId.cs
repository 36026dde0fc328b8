using System.Buffers.Binary;

namespace Dinmo.IrEngine.StableIds;

/// <summary>
/// A dinmo_id as its 128 bits (the UUID's bytes read big-endian), so the stable-id stage compares,
/// hashes and stores ids without strings. The text form is the UUID in lower-case 8-4-4-4-12 hex
/// (SPEC §5). Comparing two values equals comparing their texts by code point: every text has its
/// dashes at the same places and lower-case hex digits sort '0'…'9' before 'a'…'f', so text order
/// is digit-by-digit numeric order of the big-endian value.
/// </summary>
internal readonly record struct DinmoId(UInt128 Bits) : IComparable<DinmoId>
{
    /// <summary>Length of the text form: 32 hex digits and 4 dashes.</summary>
    public const int TextLength = 36;

    private static ReadOnlySpan<byte> HexDigits => "0123456789abcdef"u8;

    public int CompareTo(DinmoId other) => Bits.CompareTo(other.Bits);

    /// <summary>The id of the first 16 bytes of <paramref name="uuid"/>, in network (big-endian) order.</summary>
    public static DinmoId FromBytes(ReadOnlySpan<byte> uuid) => new(BinaryPrimitives.ReadUInt128BigEndian(uuid));

    /// <summary>Writes the 36-byte text form into <paramref name="utf8"/>.</summary>
    /// <remarks>
    /// A <see cref="Guid"/> made from the big-endian bytes formats ("D") to exactly this text, with the
    /// runtime's vectorized hex formatting; <see cref="FormatScalar"/> is the reference it is tested against.
    /// </remarks>
    public void Format(Span<byte> utf8)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, Bits);
        if (!new Guid(bytes, bigEndian: true).TryFormat(utf8, out var written, "D") || written != TextLength)
        {
            throw new ArgumentException($"a dinmo_id needs {TextLength} bytes", nameof(utf8));
        }
    }

    /// <summary>The text form digit by digit: the scalar reference of <see cref="Format"/>.</summary>
    internal void FormatScalar(Span<byte> utf8)
    {
        var bits = Bits;
        for (var i = TextLength - 1; i >= 0; i--)
        {
            if (IsDash(i))
            {
                utf8[i] = (byte)'-';
                continue;
            }
            utf8[i] = HexDigits[(int)(bits & 0xF)];
            bits >>= 4;
        }
    }

    public override string ToString()
    {
        Span<byte> utf8 = stackalloc byte[TextLength];
        Format(utf8);
        return System.Text.Encoding.ASCII.GetString(utf8);
    }

    /// <summary>Parses the canonical text form (lower-case hex, dashes at 8, 13, 18, 23); false for anything else.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out DinmoId id)
    {
        id = default;
        if (utf8.Length != TextLength) return false;
        UInt128 bits = 0;
        for (var i = 0; i < TextLength; i++)
        {
            var c = utf8[i];
            if (IsDash(i))
            {
                if (c != '-') return false;
                continue;
            }
            int digit = c is >= (byte)'0' and <= (byte)'9' ? c - '0' : c is >= (byte)'a' and <= (byte)'f' ? c - 'a' + 10 : -1;
            if (digit < 0) return false;
            bits = (bits << 4) | (uint)digit;
        }
        id = new DinmoId(bits);
        return true;
    }

    private static bool IsDash(int position) => position is 8 or 13 or 18 or 23;
}
