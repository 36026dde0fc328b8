using Apache.Arrow;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Errors;
using Dinmo.IrEngine.Standardize;

namespace Dinmo.IrEngine.Ingest;

/// <summary>
/// Turns a model's <c>order_field</c> cell into a UTC instant (SPEC §3.1): Arrow timestamps and dates
/// as they are; ISO-8601 text; integers and all-digit text as epoch seconds (or milliseconds when the
/// model says so). A value that cannot be read is an input error naming file, column and row.
/// </summary>
internal readonly struct OrderValueReader(ModelConfig model, string file)
{
    public long Read(IArrowArray array, int row, long fileRow)
    {
        if (array.IsNull(row)) return Timestamps.Null;
        switch (array)
        {
            case TimestampArray ts: return Timestamps.ToMicros(ts, row);
            case Date32Array d: return d.Values[row] * Timestamps.MicrosPerDay;
            case Date64Array d: return d.Values[row] * Timestamps.MicrosPerMillisecond;
            case Int64Array a: return FromEpoch(a.Values[row]);
            case Int32Array a: return FromEpoch(a.Values[row]);
            case UInt32Array a: return FromEpoch(a.Values[row]);
            case Int16Array a: return FromEpoch(a.Values[row]);
            case BinaryArray or LargeBinaryArray or BinaryViewArray:
                Span<byte> scratch = stackalloc byte[ArrowValueText.ScratchBytes];
                ArrowValueText.TryGet(array, row, scratch, out var text);
                return ParseText(text, fileRow);
            default:
                return Throw.Input<long>($"order field type {array.Data.DataType.Name} cannot be read as an instant; " +
                    "expected a timestamp, date, integer or ISO-8601 text", file, model.Name, model.OrderField, fileRow);
        }
    }

    private long ParseText(ReadOnlySpan<byte> text, long fileRow)
    {
        var trimmed = TextSteps.Trim(text);
        if (trimmed.IsEmpty) return Timestamps.Null;
        if (TextSteps.IsAllDigits(trimmed) && System.Buffers.Text.Utf8Parser.TryParse(trimmed, out long epoch, out var used)
            && used == trimmed.Length)
        {
            return FromEpoch(epoch);
        }
        if (Timestamps.TryParseIso(trimmed, out var micros)) return micros;
        var shown = System.Text.Encoding.UTF8.GetString(trimmed.Length > 60 ? trimmed[..60] : trimmed);
        return Throw.Input<long>($"order value '{shown}' is not an ISO-8601 date or time nor epoch digits",
            file, model.Name, model.OrderField, fileRow);
    }

    private long FromEpoch(long value) => model.OrderFieldUnit == OrderFieldUnit.Milliseconds
        ? value * Timestamps.MicrosPerMillisecond
        : value * Timestamps.MicrosPerSecond;
}
