using Dinmo.IrEngine.Config;

namespace Dinmo.IrEngine.Ingest;

/// <summary>Maps file extensions to input formats (SPEC §3.1).</summary>
internal static class InputFormatDetector
{
    /// <summary>The format a file's extension stands for, or null when it is not an input extension.</summary>
    public static InputFormat? FromExtension(string path)
    {
        // Compare case-insensitively: "DATA.CSV" from a Windows export is still CSV.
        if (path.EndsWith(".csv.gz", StringComparison.OrdinalIgnoreCase)) return InputFormat.Csv;
        return System.IO.Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".arrow" or ".feather" => InputFormat.ArrowFile,
            ".arrows" => InputFormat.ArrowStream,
            ".parquet" => InputFormat.Parquet,
            ".csv" => InputFormat.Csv,
            _ => null,
        };
    }

    /// <summary>True when a CSV file is gzip-compressed (read by extension, whatever the format).</summary>
    public static bool IsGzip(string path) => path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
}
