namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// The order of values in the state files: UTF-16 ordinal order (what <c>string.CompareOrdinal</c>
/// gives), compared on UTF-8 bytes. It is code point (byte) order except where a character above
/// U+FFFF meets one in U+E000–U+FFFF: in UTF-16 the first is a surrogate pair (D800–DFFF) and sorts
/// first. Bytes are valid UTF-8 (<see cref="ValidUtf8"/>), so the first differing byte is either
/// inside one character of equal length on both sides or both characters' lead bytes.
/// </summary>
internal static class StateValueOrder
{
    public static int Compare(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        var common = x.CommonPrefixLength(y);
        if (common == x.Length || common == y.Length) return x.Length.CompareTo(y.Length);
        int a = x[common], b = y[common];
        if (a >= 0xF0 && b is 0xEE or 0xEF) return -1;
        if (b >= 0xF0 && a is 0xEE or 0xEF) return 1;
        return a.CompareTo(b);
    }

    /// <summary>
    /// The first 8 bytes as one number that sorts in this order: each byte is replaced by its rank in
    /// the order this comparison gives single bytes (00–ED, F0–FF, EE, EF), padded with zeros. Two
    /// values whose prefixes differ compare as their prefixes do; equal prefixes say nothing (a short
    /// value padded with zeros ties a longer one ending in zeros), so a sort then compares in full.
    /// </summary>
    public static ulong Prefix(ReadOnlySpan<byte> value)
    {
        ulong prefix = 0;
        for (var i = 0; i < sizeof(ulong); i++) prefix = prefix << 8 | (i < value.Length ? ByteRank(value[i]) : 0u);
        return prefix;
    }

    private static uint ByteRank(byte b) => b switch
    {
        < 0xEE => b,
        0xEE => 0xFE,
        0xEF => 0xFF,
        _ => b - 2u, // F0–FF, the lead bytes of surrogate pairs in UTF-16, before EE and EF
    };
}
