using System.Globalization;

namespace Dinmo.IrEngine.Macro;

/// <summary>
/// A benchmark size in input records, written like <c>1m</c>, <c>250k</c> or <c>3000000</c>. The
/// generator takes persons, not records: each person yields about 1.92 records over the three source
/// models (measured: 530,000 persons → 1,016,000 records), so persons = records × 0.53.
/// </summary>
internal sealed record BenchSize(string Label, long Records)
{
    private const long PersonsPerMillionRecords = 530_000;

    public int Persons => checked((int)Math.Max(1, Records * PersonsPerMillionRecords / 1_000_000));

    /// <exception cref="FormatException">The text is not a positive count with an optional k or m suffix.</exception>
    public static BenchSize Parse(string text)
    {
        var label = text.Trim().ToLowerInvariant();
        var (digits, scale) = label switch
        {
            [.. var n, 'm'] => (n, 1_000_000L),
            [.. var n, 'k'] => (n, 1_000L),
            _ => (label, 1L),
        };
        if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var count) || count <= 0)
            throw new FormatException($"size '{text}' is not a record count like 1m, 250k or 3000000");
        return new BenchSize(label, (long)(count * scale));
    }
}
