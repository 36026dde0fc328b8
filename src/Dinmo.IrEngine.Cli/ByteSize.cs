using System.Globalization;
using Dinmo.IrEngine.Errors;

namespace Dinmo.IrEngine.Cli;

/// <summary>Parses sizes like <c>6GiB</c>, <c>512MB</c>, <c>1.5G</c>, <c>1000000</c> (bytes). Binary units: K/M/G/T = 1024^n.</summary>
internal static class ByteSize
{
    public static long? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var trimmed = text.Trim();
        var split = 0;
        while (split < trimmed.Length && (char.IsAsciiDigit(trimmed[split]) || trimmed[split] == '.')) split++;
        var unit = trimmed[split..].Trim().ToUpperInvariant().TrimEnd('B').TrimEnd('I');
        var scale = unit switch
        {
            "" => 1L, "K" => 1L << 10, "M" => 1L << 20, "G" => 1L << 30, "T" => 1L << 40,
            _ => -1L,
        };
        if (scale < 0 || !double.TryParse(trimmed[..split], NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number <= 0)
        {
            throw new ConfigException(new ConfigError("--max-memory", 0, 0, "--max-memory", $"'{text}'", "a size such as 6GiB, 512MB or 1000000"));
        }
        return (long)(number * scale);
    }
}
