using System.Runtime.Intrinsics.X86;
using Dinmo.IrEngine.Errors;

namespace Dinmo.IrEngine.Compare;

/// <summary>
/// Jaro-Winkler similarity of SPEC §3.3 (rapidfuzz's definition over Unicode code points): the
/// entry point and the dispatch. The kernel path is chosen once, widest hardware-accelerated first,
/// and can be forced with the <see cref="PathVariable"/> environment variable (all paths give
/// identical doubles, so forcing one changes speed only). <see cref="ActivePathName"/> is what the
/// run summary reports. The path serves both entry points: one pair (<see cref="Similarity(ReadOnlySpan{int}, ReadOnlySpan{int})"/>)
/// and all pairs of a block (<see cref="JaroWinklerBlock"/>).
/// </summary>
internal static class JaroWinkler
{
    /// <summary>Environment variable that forces one path: scalar, bitparallel, vector128, vector256 or vector512.</summary>
    public const string PathVariable = "IRENGINE_JW_PATH";

    // Resolved on first use rather than in a static initializer, so a bad IRENGINE_JW_PATH surfaces
    // as a ConfigException (exit 2) at the start of a run, not as a TypeInitializationException.
    private static JaroWinklerPath? s_activePath;

    /// <summary>
    /// The path every call without an explicit path uses, fixed for the process. Throws
    /// <see cref="ConfigException"/> when <see cref="PathVariable"/> names no path or one this CPU cannot run.
    /// </summary>
    public static JaroWinklerPath ActivePath => s_activePath ??= SelectPath(Environment.GetEnvironmentVariable(PathVariable));

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
    /// Whether this CPU runs <paramref name="path"/> in hardware. Scalar and bit-parallel run anywhere;
    /// a vector width needs hardware acceleration (software-emulated vectors are correct but far slower
    /// than bit-parallel, so forcing one is refused rather than reported as if it had run natively).
    /// </summary>
    public static bool IsSupported(JaroWinklerPath path) => path switch
    {
        JaroWinklerPath.Vector128 => JaroWinklerVector128.IsAccelerated,
        JaroWinklerPath.Vector256 => JaroWinklerVector256.IsAccelerated,
        JaroWinklerPath.Vector512 => JaroWinklerVector512.IsAccelerated,
        _ => true,
    };

    /// <summary>
    /// The factory: a forced name wins if this CPU supports it, otherwise the widest hardware-accelerated
    /// width, otherwise bit-parallel. A name that is no path, or a width this CPU does not accelerate,
    /// is a usage error (<see cref="ConfigException"/>, exit code 2) naming the variable and the choices.
    /// </summary>
    internal static JaroWinklerPath SelectPath(string? forced)
    {
        if (!string.IsNullOrWhiteSpace(forced))
        {
            if (!TryParsePath(forced.Trim(), out JaroWinklerPath path))
                throw new ConfigException(new ConfigError("environment", 0, 0, PathVariable, $"'{forced}'",
                    "one of " + string.Join(", ", Enum.GetValues<JaroWinklerPath>().Select(PathName))));
            if (!IsSupported(path))
                throw new ConfigException(new ConfigError("environment", 0, 0, PathVariable,
                    $"'{forced}', which this CPU does not run in hardware ({CpuDescription()})",
                    "a path this CPU supports: " + string.Join(", ", Enum.GetValues<JaroWinklerPath>().Where(IsSupported).Select(PathName))));
            return path;
        }
        if (JaroWinklerVector512.IsAccelerated) return JaroWinklerPath.Vector512;
        if (JaroWinklerVector256.IsAccelerated) return JaroWinklerPath.Vector256;
        if (JaroWinklerVector128.IsAccelerated) return JaroWinklerPath.Vector128;
        return JaroWinklerPath.BitParallel;
    }

    private static string CpuDescription() =>
        $"Vector128/256/512 accelerated: {JaroWinklerVector128.IsAccelerated}/{JaroWinklerVector256.IsAccelerated}/{JaroWinklerVector512.IsAccelerated}; "
        + $"AVX2 {Avx2.IsSupported}, AVX-512F {Avx512F.IsSupported}";

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
