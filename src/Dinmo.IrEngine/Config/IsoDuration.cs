using System.Globalization;
using System.Text.RegularExpressions;

namespace Dinmo.IrEngine.Config;

/// <summary>
/// An ISO-8601 duration (<c>PnYnMnWnDTnHnMnS</c>, integer parts, seconds may have a fraction). Years
/// and months are calendar units: they are added to an instant with calendar arithmetic (P1M after
/// 31 January is 28 or 29 February), so a lifetime means what it says on any date.
/// </summary>
public sealed partial record IsoDuration(int Years, int Months, int Days, long Micros, string Text)
{
    /// <summary>Parses the text; null when it is not a positive ISO-8601 duration.</summary>
    public static IsoDuration? Parse(string text)
    {
        var match = Pattern().Match(text);
        if (!match.Success || text is "P" or "PT" || text.EndsWith('T')) return null;
        try
        {
            int Part(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
            var weeks = Part("w");
            var seconds = match.Groups["s"].Success ? decimal.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture) : 0m;
            var micros = checked(Part("h") * 3_600_000_000L + Part("mi") * 60_000_000L + (long)(seconds * 1_000_000m));
            var duration = new IsoDuration(Part("y"), Part("mo"), checked(Part("d") + weeks * 7), micros, text);
            return duration.IsZero ? null : duration;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    public bool IsZero => Years == 0 && Months == 0 && Days == 0 && Micros == 0;

    /// <summary>The instant <paramref name="micros"/> (µs since the epoch, UTC) plus this duration; saturates at the calendar's end.</summary>
    public long AddTo(long micros)
    {
        // Without years and months the duration is a fixed number of microseconds (UTC has no daylight saving):
        // plain addition, which the stitch loop does for every lifetime check, gives what the calendar does.
        if (Years == 0 && Months == 0 && Days is >= 0 and <= MaxFixedDays && Micros is >= 0 and <= MaxMicros - MinMicros
            && micros is >= MinMicros and <= MaxMicros)
        {
            var fixedMicros = Days * MicrosPerDay + Micros;
            return micros <= MaxMicros - fixedMicros ? micros + fixedMicros : long.MaxValue;
        }
        return AddByCalendar(micros);
    }

    /// <summary><see cref="AddTo"/> with calendar arithmetic for every part: the reference its fast path is tested against.</summary>
    internal long AddByCalendar(long micros)
    {
        var instant = Ingest.Timestamps.ToDateTimeOffset(micros);
        try
        {
            instant = instant.AddYears(Years).AddMonths(Months).AddDays(Days).AddTicks(Micros * TicksPerMicro);
        }
        catch (ArgumentOutOfRangeException)
        {
            return long.MaxValue;
        }
        return Ingest.Timestamps.FromDateTimeOffset(instant);
    }

    public override string ToString() => Text;

    private const long TicksPerMicro = TimeSpan.TicksPerMillisecond / 1000;
    private const long MicrosPerDay = 86_400_000_000L;

    // The first and last microsecond a DateTimeOffset can hold, counted from the epoch.
    private const long MinMicros = -62_135_596_800_000_000L;
    private const long MaxMicros = 253_402_300_799_999_999L;

    // Longer (or negative) parts, which Parse never gives but the constructor takes, go the calendar way: no overflow.
    private const int MaxFixedDays = (int)((MaxMicros - MinMicros) / MicrosPerDay);

    [GeneratedRegex(@"^P(?:(?<y>\d{1,6})Y)?(?:(?<mo>\d{1,6})M)?(?:(?<w>\d{1,6})W)?(?:(?<d>\d{1,7})D)?(?:T(?:(?<h>\d{1,7})H)?(?:(?<mi>\d{1,9})M)?(?:(?<s>\d{1,10}(?:\.\d{1,6})?)S)?)?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
