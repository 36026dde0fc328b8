namespace Dinmo.IrEngine.Compare;

/// <summary>
/// Jaro-Winkler similarity of SPEC §3.3 (rapidfuzz's definition over Unicode code points): the
/// entry point and the dispatch. The kernel path is chosen once, widest supported first, and can
/// be forced with the <see cref="PathVariable"/> environment variable (all paths give identical
/// doubles, so forcing one changes speed only). <see cref="ActivePathName"/> is what the run
/// summary reports.
/// </summary>
internal static class JaroWinkler
{
    /// <summary>Environment variable that forces one path: scalar, bitparallel, vector128, vector256 or vector512.</summary>
    public const string PathVariable = "IRENGINE_JW_PATH";

    /// <summary>The path every call without an explicit path uses, fixed for the process.</summary>
    public static JaroWinklerPath ActivePath { get; } = SelectPath(Environment.GetEnvironmentVariable(PathVariable));

    /// <summary>Lower-case name of <see cref="ActivePath"/>, as accepted by <see cref="PathVariable"/>.</summary>
    public static string ActivePathName => PathName(ActivePath);

    /// <summary>Similarity of two code point strings on the active path.</summary>
    public static double Similarity(ReadOnlySpan<int> a, ReadOnlySpan<int> b) => Similarity(a, b, ActivePath);

    /// <summary>Similarity on an explicit path (tests and benchmarks force each one).</summary>
    public static double Similarity(ReadOnlySpan<int> a, ReadOnlySpan<int> b, JaroWinklerPath path) => path switch
    {
        JaroWinklerPath.Scalar => JaroWinklerScalar.Similarity(a, b),
        JaroWinklerPath.BitParallel => JaroWinklerBitParallel.Similarity(a, b),
        JaroWinklerPath.Vector128 => JaroWinklerVector128.Similarity(a, b),
        JaroWinklerPath.Vector256 => JaroWinklerVector256.Similarity(a, b),
        JaroWinklerPath.Vector512 => JaroWinklerVector512.Similarity(a, b),
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, "unknown Jaro-Winkler path"),
    };

    /// <summary>
    /// The factory: a forced name wins (any path is correct everywhere; an unaccelerated vector width
    /// is merely slow), otherwise the widest hardware-accelerated width, otherwise bit-parallel.
    /// </summary>
    internal static JaroWinklerPath SelectPath(string? forced)
    {
        if (!string.IsNullOrWhiteSpace(forced))
        {
            return TryParsePath(forced.Trim(), out JaroWinklerPath path)
                ? path
                : throw new InvalidOperationException(
                    $"{PathVariable}='{forced}' is not a Jaro-Winkler path; expected one of scalar, bitparallel, vector128, vector256, vector512");
        }
        if (JaroWinklerVector512.IsAccelerated) return JaroWinklerPath.Vector512;
        if (JaroWinklerVector256.IsAccelerated) return JaroWinklerPath.Vector256;
        if (JaroWinklerVector128.IsAccelerated) return JaroWinklerPath.Vector128;
        return JaroWinklerPath.BitParallel;
    }

    /// <summary>Parses a path name, ignoring case.</summary>
    internal static bool TryParsePath(string name, out JaroWinklerPath path)
    {
        foreach (JaroWinklerPath candidate in Enum.GetValues<JaroWinklerPath>())
        {
            if (string.Equals(PathName(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                path = candidate;
                return true;
            }
        }
        path = default;
        return false;
    }

    /// <summary>Lower-case name of a path.</summary>
    internal static string PathName(JaroWinklerPath path) => path switch
    {
        JaroWinklerPath.Scalar => "scalar",
        JaroWinklerPath.BitParallel => "bitparallel",
        JaroWinklerPath.Vector128 => "vector128",
        JaroWinklerPath.Vector256 => "vector256",
        JaroWinklerPath.Vector512 => "vector512",
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, "unknown Jaro-Winkler path"),
    };
}
