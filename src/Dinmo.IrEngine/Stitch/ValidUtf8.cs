using System.Text;
using System.Text.Unicode;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// Keys and values are held as the UTF-8 their text has: bytes that are not valid UTF-8 read as
/// their text with U+FFFD for each invalid sequence (what decoding them to a string gives), so two
/// byte strings that decode alike are one key or value and output columns hold valid UTF-8. Valid
/// input (the usual case, checked vectorized) passes through untouched. Used by one thread.
/// </summary>
internal sealed class ValidUtf8
{
    private byte[] _repaired = [];

    /// <summary><paramref name="bytes"/> itself when valid, else its repaired copy (valid until the next call).</summary>
    public ReadOnlySpan<byte> Of(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes)) return bytes;
        var text = Encoding.UTF8.GetString(bytes);
        var length = Encoding.UTF8.GetByteCount(text);
        if (length > _repaired.Length) _repaired = new byte[Math.Max(length, _repaired.Length * 2)];
        return _repaired.AsSpan(0, Encoding.UTF8.GetBytes(text, _repaired));
    }
}
