using System.Buffers;
using System.Text;
using Apache.Arrow;

namespace Dinmo.IrEngine.Output;

/// <summary>
/// Writes a table as CSV (SPEC §6): UTF-8 without BOM, <c>\n</c> line endings, a header row, RFC
/// 4180 quoting. A null is an empty unquoted field and an empty string is <c>""</c>, so the two
/// survive a round trip. Values are formatted by <see cref="CsvValueFormatter"/>.
/// </summary>
internal sealed class CsvTableWriter
{
    /// <summary>Flush to the stream once this many bytes are buffered; keeps memory flat on large tables.</summary>
    private const int FlushBytes = 1 << 20;

    private readonly Stream _stream;
    private readonly IReadOnlyList<Field> _columns;
    private readonly ArrayBufferWriter<byte> _output = new(FlushBytes + (FlushBytes >> 2));
    private readonly ArrayBufferWriter<byte> _field = new(256);

    /// <summary>Starts a table on <paramref name="stream"/> (not owned) by writing its header row.</summary>
    public CsvTableWriter(Stream stream, Schema schema)
    {
        _stream = stream;
        _columns = schema.FieldsList;
        for (var c = 0; c < _columns.Count; c++)
        {
            if (c > 0) _output.Write(","u8);
            WriteQuotedIfNeeded(_output, Encoding.UTF8.GetBytes(_columns[c].Name), isEmpty: false);
        }
        _output.Write("\n"u8);
    }

    public static void Write(Stream stream, Schema schema, IReadOnlyList<RecordBatch> batches)
    {
        var writer = new CsvTableWriter(stream, schema);
        foreach (var batch in batches) writer.Append(batch);
        writer.Complete();
    }

    /// <summary>Writes the batch's rows; the batch may be reused once this returns.</summary>
    public void Append(RecordBatch batch)
    {
        for (var row = 0; row < batch.Length; row++)
        {
            for (var c = 0; c < _columns.Count; c++)
            {
                if (c > 0) _output.Write(","u8);
                var array = batch.Column(c);
                if (array.IsNull(row)) continue;
                _field.ResetWrittenCount();
                CsvValueFormatter.Format(array, row, _field, _columns[c].Name);
                WriteQuotedIfNeeded(_output, _field.WrittenSpan, isEmpty: _field.WrittenCount == 0);
            }
            _output.Write("\n"u8);
            if (_output.WrittenCount >= FlushBytes) Flush(_stream, _output);
        }
    }

    /// <summary>Writes whatever is still buffered.</summary>
    public void Complete() => Flush(_stream, _output);

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
