using System.Globalization;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace Dinmo.IrEngine.Ingest;

/// <summary>
/// Order values and other instants are carried as microseconds since the Unix epoch, UTC.
/// <see cref="Null"/> (long.MinValue) marks a missing value, so it ranks oldest in comparisons.
/// </summary>
internal static class Timestamps
{
    public const long Null = long.MinValue;
    public const long MicrosPerSecond = 1_000_000;
    public const long MicrosPerMillisecond = 1_000;
    public const long MicrosPerDay = 86_400L * MicrosPerSecond;

    /// <summary>Microseconds of a timestamp cell; naive timestamps (no zone) are taken as UTC.</summary>
    public static long ToMicros(TimestampArray array, int row)
    {
        var value = array.Values[row];
        return ((TimestampType)array.Data.DataType).Unit switch
        {
            TimeUnit.Second => value * MicrosPerSecond,
            TimeUnit.Millisecond => value * MicrosPerMillisecond,
            TimeUnit.Microsecond => value,
            _ => Math.DivRem(value, 1000) is var (q, r) && r < 0 ? q - 1 : q, // nanoseconds, floored
        };
    }

    public static DateTimeOffset ToDateTimeOffset(long micros) =>
        DateTimeOffset.UnixEpoch.AddTicks(micros * (TimeSpan.TicksPerMillisecond / 1000));

    public static long FromDateTimeOffset(DateTimeOffset value) =>
        (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (TimeSpan.TicksPerMillisecond / 1000);

    /// <summary>ISO-8601 UTC with <c>Z</c>; the fraction only when it is not zero.</summary>
    public static int FormatIso(long micros, Span<byte> destination)
    {
        var instant = ToDateTimeOffset(micros).UtcDateTime;
        var format = micros % MicrosPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";
        instant.TryFormat(destination, out var written, format, CultureInfo.InvariantCulture);
        return written;
    }

    public static string FormatIso(long micros)
    {
        Span<byte> buffer = stackalloc byte[40];
        return System.Text.Encoding.ASCII.GetString(buffer[..FormatIso(micros, buffer)]);
    }

    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mmK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>Parses ISO-8601 text (date, or date and time with T or a space, optional offset; UTC when none).</summary>
    public static bool TryParseIso(ReadOnlySpan<byte> utf8, out long micros)
    {
        micros = Null;
        if (utf8.Length is 0 or > 64) return false;
        Span<char> chars = stackalloc char[utf8.Length];
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] >= 0x80) return false;
            chars[i] = (char)utf8[i];
        }
        if (!DateTimeOffset.TryParseExact(chars, IsoFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return false;
        }
        micros = FromDateTimeOffset(value);
        return true;
    }
}
