using System.Buffers.Text;
using Apache.Arrow;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Ingest;
using Dinmo.IrEngine.Standardize;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// Reads an event timestamp (or partition value) as a UTC instant in µs, the way
/// <see cref="OrderValueReader"/> reads order fields — Arrow timestamps and dates as they are,
/// ISO-8601 text, integers and all-digit text as epoch seconds or milliseconds — except that an
/// unreadable value is bad data, not a structural error: it returns false and the event is
/// excluded with <c>invalid_timestamp</c> (SPEC §9).
/// </summary>
internal static class EventTimestampReader
{
    public static bool TryRead(IArrowArray array, int row, OrderFieldUnit unit, out long micros)
    {
        micros = Timestamps.Null;
        if (array.IsNull(row)) return false;
        switch (array)
        {
            case TimestampArray ts: micros = Timestamps.ToMicros(ts, row); return true;
            case Date32Array d: micros = d.Values[row] * Timestamps.MicrosPerDay; return true;
            case Date64Array d: micros = d.Values[row] * Timestamps.MicrosPerMillisecond; return true;
            case Int64Array a: return FromEpoch(a.Values[row], unit, out micros);
            case Int32Array a: return FromEpoch(a.Values[row], unit, out micros);
            case UInt32Array a: return FromEpoch(a.Values[row], unit, out micros);
            case Int16Array a: return FromEpoch(a.Values[row], unit, out micros);
            case BinaryArray or LargeBinaryArray or BinaryViewArray:
                Span<byte> scratch = stackalloc byte[ArrowValueText.ScratchBytes];
                ArrowValueText.TryGet(array, row, scratch, out var text);
                return TryParseText(TextSteps.Trim(text), unit, out micros);
            default:
                return false;
        }
    }

    /// <summary>
    /// The column's values when they already are epoch microseconds with no nulls (a µs timestamp column, the
    /// usual case): row i's instant is element i, read directly instead of through <see cref="TryRead"/>. Empty otherwise.
    /// </summary>
    public static ReadOnlySpan<long> Plain(IArrowArray array) =>
        array is TimestampArray { NullCount: 0 } ts && ((Apache.Arrow.Types.TimestampType)ts.Data.DataType).Unit == Apache.Arrow.Types.TimeUnit.Microsecond
            ? ts.Values : default;

    /// <summary>Whether a column of this type can hold instants at all (checked before reading).</summary>
    public static bool Supports(Apache.Arrow.Types.IArrowType type) => type.TypeId is
        Apache.Arrow.Types.ArrowTypeId.Timestamp or Apache.Arrow.Types.ArrowTypeId.Date32 or Apache.Arrow.Types.ArrowTypeId.Date64 or
        Apache.Arrow.Types.ArrowTypeId.Int64 or Apache.Arrow.Types.ArrowTypeId.Int32 or Apache.Arrow.Types.ArrowTypeId.UInt32 or
        Apache.Arrow.Types.ArrowTypeId.Int16 or Apache.Arrow.Types.ArrowTypeId.String or Apache.Arrow.Types.ArrowTypeId.LargeString or
        Apache.Arrow.Types.ArrowTypeId.StringView or Apache.Arrow.Types.ArrowTypeId.Binary;

    private static bool TryParseText(ReadOnlySpan<byte> text, OrderFieldUnit unit, out long micros)
    {
        micros = Timestamps.Null;
        if (text.IsEmpty) return false;
        if (TextSteps.IsAllDigits(text) && Utf8Parser.TryParse(text, out long epoch, out var used) && used == text.Length)
            return FromEpoch(epoch, unit, out micros);
        return Timestamps.TryParseIso(text, out micros);
    }

    private static bool FromEpoch(long value, OrderFieldUnit unit, out long micros)
    {
        var scale = unit == OrderFieldUnit.Milliseconds ? Timestamps.MicrosPerMillisecond : Timestamps.MicrosPerSecond;
        // Beyond ±292,000 years the product overflows: not a real event time.
        if (value > long.MaxValue / scale || value < -(long.MaxValue / scale))
        {
            micros = Timestamps.Null;
            return false;
        }
        micros = value * scale;
        return true;
    }
}
