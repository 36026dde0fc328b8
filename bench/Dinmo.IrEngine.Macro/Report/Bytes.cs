using System.Globalization;

namespace Dinmo.IrEngine.Macro.Report;

/// <summary>Byte counts as the report prints them.</summary>
internal static class Bytes
{
    public const double PerGiB = 1024.0 * 1024 * 1024;

    public static string GiB(long bytes) => (bytes / PerGiB).ToString("F2", CultureInfo.InvariantCulture) + " GiB";
}
