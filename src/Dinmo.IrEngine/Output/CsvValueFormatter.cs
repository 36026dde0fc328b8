using System.Buffers;
using System.Globalization;
using Apache.Arrow;
using Apache.Arrow.Types;
using Dinmo.IrEngine.Errors;

namespace Dinmo.IrEngine.Output;

/// <summary>
/// Formats one non-null Arrow value as the UTF-8 text of a CSV field (SPEC §6): strings as their
/// bytes, booleans <c>true</c>/<c>false</c>, integers and doubles in invariant culture (doubles
/// shortest round-trip), timestamps ISO-8601 UTC with <c>Z</c> and a fraction only when non-zero,
/// dates <c>yyyy-MM-dd</c>, lists as JSON arrays (<see cref="JsonListFormatter"/>).
/// </summary>
internal static class CsvValueFormatter
{
    /// <summary>The "FFFFFFF" specifier drops trailing zeros and the dot itself when the fraction is zero.</summary>
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>Days from 0001-01-01 to 1970-01-01, to turn Arrow's epoch days into a <see cref="DateOnly"/>.</summary>
    private static readonly int EpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    public static void Format(IArrowArray array, int index, IBufferWriter<byte> into, string column)
    {
        switch (array)
        {
            case StringArray s: into.Write(s.GetBytes(index)); break;
            case BooleanArray b: into.Write(b.GetValue(index) == true ? "true"u8 : "false"u8); break;
            case Int32Array i: Number(i.Values[index], into); break;
            case Int64Array l: Number(l.Values[index], into); break;
            case DoubleArray d: Double(d.Values[index], into); break;
            case TimestampArray t: Timestamp(t, index, into); break;
            case Date32Array d: Text(DateOnly.FromDayNumber(EpochDayNumber + d.Values[index]), DateFormat, into); break;
            case ListArray list: JsonListFormatter.Format(list, index, into, column); break;
            default: Unsupported(array.Data.DataType, column); break;
        }
    }

    /// <summary>Doubles as the shortest text that parses back to the same value; NaN/Infinity as .NET spells them.</summary>
    public static void Double(double value, IBufferWriter<byte> into)
    {
        var span = into.GetSpan(32);
        value.TryFormat(span, out var written, "R", CultureInfo.InvariantCulture);
        into.Advance(written);
    }

    public static void Number<T>(T value, IBufferWriter<byte> into) where T : IUtf8SpanFormattable
    {
        var span = into.GetSpan(24);
        value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        into.Advance(written);
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void Unsupported(IArrowType type, string column) =>
        Throw.Output($"cannot write column '{column}' of type {type.Name}: output tables support utf8, bool, int32, " +
            "int64, double, timestamp, date32, list<utf8> and list<double>");

    private static void Timestamp(TimestampArray array, int index, IBufferWriter<byte> into)
    {
        var value = array.Values[index];
        var unit = ((TimestampType)array.Data.DataType).Unit;
        // Every unit maps onto 100 ns ticks; nanoseconds lose their last two digits, which ISO text with 7 digits cannot hold anyway.
        var ticks = unit switch
        {
            TimeUnit.Second => value * TimeSpan.TicksPerSecond,
            TimeUnit.Millisecond => value * TimeSpan.TicksPerMillisecond,
            TimeUnit.Microsecond => value * TimeSpan.TicksPerMicrosecond,
            _ => value / TimeSpan.NanosecondsPerTick,
        };
        Text(new DateTime(DateTime.UnixEpoch.Ticks + ticks, DateTimeKind.Utc), TimestampFormat, into);
    }

    private static void Text<T>(T value, string format, IBufferWriter<byte> into) where T : IUtf8SpanFormattable
    {
        var span = into.GetSpan(40);
        value.TryFormat(span, out var written, format, CultureInfo.InvariantCulture);
        into.Advance(written);
    }
}
