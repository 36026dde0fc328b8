using System.Buffers;
using Apache.Arrow;

namespace Dinmo.IrEngine.Output;

/// <summary>
/// Formats one list value as a compact JSON array for CSV: <c>["a","b"]</c>, <c>[0.93,1]</c>.
/// Null items are <c>null</c>; non-finite doubles are <c>null</c> too, since JSON has no NaN.
/// Strings keep non-ASCII as UTF-8 and escape only what JSON requires.
/// </summary>
internal static class JsonListFormatter
{
    private static ReadOnlySpan<byte> HexDigits => "0123456789abcdef"u8;

    private static readonly SearchValues<byte> NeedsEscape = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(b => (byte)b), (byte)'"', (byte)'\\']);

    public static void Format(ListArray list, int index, IBufferWriter<byte> into, string column)
    {
        var start = list.ValueOffsets[index];
        var end = list.ValueOffsets[index + 1];
        var items = list.Values;
        into.Write("["u8);
        for (var i = start; i < end; i++)
        {
            if (i > start) into.Write(","u8);
            if (items.IsNull(i)) { into.Write("null"u8); continue; }
            switch (items)
            {
                case StringArray s: String(s.GetBytes(i), into); break;
                case DoubleArray d when double.IsFinite(d.Values[i]): CsvValueFormatter.Double(d.Values[i], into); break;
                case DoubleArray: into.Write("null"u8); break;
                case Int64Array l: CsvValueFormatter.Number(l.Values[i], into); break;
                case Int32Array n: CsvValueFormatter.Number(n.Values[i], into); break;
                case BooleanArray b: into.Write(b.GetValue(i) == true ? "true"u8 : "false"u8); break;
                default: CsvValueFormatter.Unsupported(list.Data.DataType, column); break;
            }
        }
        into.Write("]"u8);
    }

    private static void String(ReadOnlySpan<byte> utf8, IBufferWriter<byte> into)
    {
        into.Write("\""u8);
        int special;
        // Copy runs of plain bytes at once; only quote, backslash and control bytes need escaping.
        while ((special = utf8.IndexOfAny(NeedsEscape)) >= 0)
        {
            into.Write(utf8[..special]);
            var b = utf8[special];
            switch (b)
            {
                case (byte)'"': into.Write("\\\""u8); break;
                case (byte)'\\': into.Write("\\\\"u8); break;
                case (byte)'\n': into.Write("\\n"u8); break;
                case (byte)'\r': into.Write("\\r"u8); break;
                case (byte)'\t': into.Write("\\t"u8); break;
                default:
                    into.Write("\\u00"u8);
                    into.Write([HexDigits[b >> 4], HexDigits[b & 0xF]]);
                    break;
            }
            utf8 = utf8[(special + 1)..];
        }
        into.Write(utf8);
        into.Write("\""u8);
    }
}
