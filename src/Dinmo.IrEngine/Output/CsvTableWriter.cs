using System.Buffers;
using System.Text;
using Apache.Arrow;

namespace Dinmo.IrEngine.Output;

/// <summary>
/// Writes a table as CSV (SPEC §6): UTF-8 without BOM, <c>\n</c> line endings, a header row, RFC
/// 4180 quoting. A null is an empty unquoted field and an empty string is <c>""</c>, so the two
/// survive a round trip. Values are formatted by <see cref="CsvValueFormatter"/>.
/// </summary>
internal static class CsvTableWriter
{
    /// <summary>Flush to the stream once this many bytes are buffered; keeps memory flat on large tables.</summary>
    private const int FlushBytes = 1 << 20;

    public static void Write(Stream stream, Schema schema, IReadOnlyList<RecordBatch> batches)
    {
        var output = new ArrayBufferWriter<byte>(FlushBytes + (FlushBytes >> 2));
        var field = new ArrayBufferWriter<byte>(256);
        var columns = schema.FieldsList;

        for (var c = 0; c < columns.Count; c++)
        {
            if (c > 0) output.Write(","u8);
            WriteQuotedIfNeeded(output, Encoding.UTF8.GetBytes(columns[c].Name), isEmpty: false);
        }
        output.Write("\n"u8);

        foreach (var batch in batches)
        {
            for (var row = 0; row < batch.Length; row++)
            {
                for (var c = 0; c < columns.Count; c++)
                {
                    if (c > 0) output.Write(","u8);
                    var array = batch.Column(c);
                    if (array.IsNull(row)) continue;
                    field.ResetWrittenCount();
                    CsvValueFormatter.Format(array, row, field, columns[c].Name);
                    WriteQuotedIfNeeded(output, field.WrittenSpan, isEmpty: field.WrittenCount == 0);
                }
                output.Write("\n"u8);
                if (output.WrittenCount >= FlushBytes) Flush(stream, output);
            }
        }
        Flush(stream, output);
    }

    /// <summary>Quotes when the value holds a comma, quote, CR or LF, or is empty (to tell it from null); doubles inner quotes.</summary>
    private static void WriteQuotedIfNeeded(ArrayBufferWriter<byte> output, ReadOnlySpan<byte> value, bool isEmpty)
    {
        if (!isEmpty && value.IndexOfAny(",\"\r\n"u8) < 0)
        {
            output.Write(value);
            return;
        }
        output.Write("\""u8);
        int quote;
        while ((quote = value.IndexOf((byte)'"')) >= 0)
        {
            output.Write(value[..(quote + 1)]);
            output.Write("\""u8);
            value = value[(quote + 1)..];
        }
        output.Write(value);
        output.Write("\""u8);
    }

    private static void Flush(Stream stream, ArrayBufferWriter<byte> output)
    {
        stream.Write(output.WrittenSpan);
        output.ResetWrittenCount();
    }
}
