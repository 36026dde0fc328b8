using Dinmo.IrEngine.Errors;

namespace Dinmo.IrEngine.Config;

/// <summary>
/// Collects errors found on a typed graph, locating each JSON path through the graph's
/// <see cref="ConfigSource"/>. A path with no recorded position (a defaulted rule id, a graph built
/// in code) falls back to its nearest recorded ancestor so the error still points somewhere useful.
/// </summary>
internal sealed class ConfigErrorList(ConfigSource source)
{
    private readonly List<ConfigError> _errors = [];

    public int Count => _errors.Count;

    public void Add(string path, string found, string expected, string? hint = null)
    {
        var (line, column) = LocateNearest(path);
        _errors.Add(new ConfigError(source.File, line, column, path, found, expected, hint));
    }

    /// <summary>The errors in document order (line, then column); unlocated ones last, in the order found.</summary>
    public IReadOnlyList<ConfigError> Sorted() =>
        _errors.OrderBy(e => e.Line == 0 ? int.MaxValue : e.Line).ThenBy(e => e.Column).ToList();

    private (int Line, int Column) LocateNearest(string path)
    {
        for (var at = path; at.Length > 0; at = Parent(at))
        {
            var found = source.Locate(at);
            if (found.Line > 0) return found;
        }
        return (0, 0);
    }

    private static string Parent(string path)
    {
        if (path == ConfigPath.Root) return "";
        // The last segment starts at the last '.' or '[' outside a quoted key; quoted keys are rare
        // enough that cutting at the bracket that opens them is good enough.
        var cut = path.EndsWith("']", StringComparison.Ordinal)
            ? path.LastIndexOf("['", StringComparison.Ordinal)
            : Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? ConfigPath.Root : path[..cut];
    }
}
