using System.Buffers;
using System.Text;

namespace Dinmo.IrEngine.Standardize;

/// <summary>
/// The standardization steps over UTF-8 spans. Inputs are valid UTF-8 (readers reject invalid bytes),
/// and every step has an ASCII fast path since most identifiers are ASCII.
/// </summary>
internal static class TextSteps
{
    /// <summary>Strips leading and trailing Unicode White_Space (NBSP included): a slice, no copy.</summary>
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> value)
    {
        while (!value.IsEmpty)
        {
            Rune.DecodeFromUtf8(value, out var rune, out var size);
            if (!Rune.IsWhiteSpace(rune)) break;
            value = value[size..];
        }
        while (!value.IsEmpty)
        {
            Rune.DecodeLastFromUtf8(value, out var rune, out var size);
            if (!Rune.IsWhiteSpace(rune)) break;
            value = value[..^size];
        }
        return value;
    }

    /// <summary>Invariant lower-casing: vectorized when the value is all ASCII, else rune by rune.</summary>
    public static void Lowercase(ReadOnlySpan<byte> input, ref Utf8Writer output)
    {
        if (Ascii.IsValid(input))
        {
            Ascii.ToLower(input, output.Extend(input.Length), out _);
            return;
        }
        while (!input.IsEmpty)
        {
            var b = input[0];
            if (b < 0x80)
            {
                output.Append((byte)(b is >= (byte)'A' and <= (byte)'Z' ? b | 0x20 : b));
                input = input[1..];
                continue;
            }
            Rune.DecodeFromUtf8(input, out var rune, out var size);
            output.Append(Rune.ToLowerInvariant(rune));
            input = input[size..];
        }
    }

    /// <summary>Keeps ASCII digits only. Multi-byte UTF-8 sequences never contain bytes below 0x80.</summary>
    public static void OnlyNumeric(ReadOnlySpan<byte> input, ref Utf8Writer output)
    {
        var start = output.Length;
        var digits = output.Extend(input.Length);
        var kept = 0;
        foreach (var b in input)
        {
            digits[kept] = b;
            kept += (uint)(b - '0') <= 9 ? 1 : 0;
        }
        output.Truncate(start + kept);
    }

    /// <summary>Runs of white space become one ASCII space.</summary>
    public static void CollapseWhitespace(ReadOnlySpan<byte> input, ref Utf8Writer output)
    {
        var inRun = false;
        while (!input.IsEmpty)
        {
            Rune.DecodeFromUtf8(input, out var rune, out var size);
            if (Rune.IsWhiteSpace(rune))
            {
                if (!inRun) output.Append((byte)' ');
                inRun = true;
            }
            else
            {
                output.Append(input[..size]);
                inRun = false;
            }
            input = input[size..];
        }
    }

    /// <summary>Accent folding; see <see cref="AccentFoldTable"/>.</summary>
    public static void FoldAccents(ReadOnlySpan<byte> input, ref Utf8Writer output)
    {
        while (!input.IsEmpty)
        {
            if (input[0] < 0x80)
            {
                output.Append(input[0]);
                input = input[1..];
                continue;
            }
            Rune.DecodeFromUtf8(input, out var rune, out var size);
            AccentFoldTable.Append(rune, ref output);
            input = input[size..];
        }
    }

    /// <summary>Trim, lowercase, then drop from the first <c>+</c> up to the <c>@</c> that follows it.</summary>
    public static void Email(ReadOnlySpan<byte> input, ref Utf8Writer output)
    {
        var start = output.Length;
        Lowercase(Trim(input), ref output);
        var written = output.Buffer.AsSpan(start, output.Length - start);
        var plus = written.IndexOf((byte)'+');
        if (plus < 0) return;
        var at = written[plus..].IndexOf((byte)'@');
        if (at < 0) return;
        // Shift the "@domain" part left over the "+tag".
        var tail = written[(plus + at)..];
        tail.CopyTo(written[plus..]);
        output.Truncate(start + plus + tail.Length);
    }

    private static readonly SearchValues<byte> AsciiDigits = SearchValues.Create("0123456789"u8);

    /// <summary>True when the value holds only ASCII digits (used to read numeric order values).</summary>
    public static bool IsAllDigits(ReadOnlySpan<byte> value) => !value.IsEmpty && !value.ContainsAnyExcept(AsciiDigits);
}
