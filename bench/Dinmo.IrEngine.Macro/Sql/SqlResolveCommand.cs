using System.Globalization;
using System.Text.Json;

namespace Dinmo.IrEngine.Macro.Sql;

/// <summary>
/// <c>sql-resolve --graph G --membership M [--threads N] [--spill DIR] [--parquet-copy MODEL=PATH]…</c>:
/// the DuckDB side as its own process, so the benchmark times it and reads its peak memory exactly
/// as it does the engine's. Prints <see cref="SqlResolutionResult"/> as JSON on stdout.
/// </summary>
internal static class SqlResolveCommand
{
    public const string Name = "sql-resolve";

    public static int Run(IReadOnlyList<string> args)
    {
        string? graph = null, membership = null, spill = null;
        var threads = Environment.ProcessorCount;
        var copies = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i++])
            {
                case "--graph": graph = value; break;
                case "--membership": membership = value; break;
                case "--threads": threads = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--spill": spill = value; break;
                case "--parquet-copy":
                    var (model, path) = value.Split('=', 2) is [var m, var p] ? (m, p) : throw new ArgumentException($"--parquet-copy {value}: expected MODEL=PATH");
                    copies[model] = path;
                    break;
                default: throw new ArgumentException($"unknown option {args[i - 1]}");
            }
        }
        if (graph is null || membership is null) throw new ArgumentException($"{Name} needs --graph and --membership");

        var result = SqlResolution.Run(graph, copies, membership, threads, spill ?? Path.GetDirectoryName(Path.GetFullPath(membership))!);
        Console.WriteLine(JsonSerializer.Serialize(result));
        return 0;
    }
}
