using System.Globalization;

namespace Dinmo.IrEngine.Macro;

/// <summary>
/// Options of the macro benchmark.
/// <code>
/// --sizes 1m,10m      record counts to generate and resolve (k/m suffixes)
/// --seed S            generator seed (default: the generator's own)
/// --threads N         engine and DuckDB threads for the main runs (default 2)
/// --work DIR          data cache and run folders (default bench/.work, git-ignored)
/// --engine PATH       the built irengine.dll (default src/Dinmo.IrEngine.Cli/bin/Release/net10.0)
/// --report FILE       also write the Markdown report to FILE
/// --no-scaling        skip the --threads 1 run at the first size
/// --no-sql            skip the DuckDB run and the comparison
/// --keep-outputs      keep the engine's output tables (gigabytes at 10M)
/// </code>
/// </summary>
internal sealed record MacroOptions(
    IReadOnlyList<BenchSize> Sizes,
    ulong Seed,
    int Threads,
    string WorkDirectory,
    string EngineDll,
    string? ReportPath,
    bool ThreadScaling,
    bool Sql,
    bool KeepOutputs,
    IReadOnlyList<string> Arguments)
{
    /// <summary>The generator's default seed (<c>irengine generate --seed</c>).</summary>
    private const ulong GeneratorSeed = 20240501;

    /// <exception cref="ArgumentException">An option is unknown or its value malformed.</exception>
    public static MacroOptions Parse(IReadOnlyList<string> args)
    {
        var root = RepositoryRoot();
        var options = new MacroOptions(
            [BenchSize.Parse("1m"), BenchSize.Parse("10m")], GeneratorSeed, 2,
            Path.Combine(root, "bench", ".work"),
            Path.Combine(root, "src", "Dinmo.IrEngine.Cli", "bin", "Release", "net10.0", "irengine.dll"),
            null, ThreadScaling: true, Sql: true, KeepOutputs: false, args);
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => ++i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value");
            options = args[i] switch
            {
                "--sizes" => options with { Sizes = [.. Value().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(BenchSize.Parse)] },
                "--seed" => options with { Seed = ulong.Parse(Value(), CultureInfo.InvariantCulture) },
                "--threads" => options with { Threads = Positive(Value(), "--threads") },
                "--work" => options with { WorkDirectory = Path.GetFullPath(Value()) },
                "--engine" => options with { EngineDll = Path.GetFullPath(Value()) },
                "--report" => options with { ReportPath = Path.GetFullPath(Value()) },
                "--no-scaling" => options with { ThreadScaling = false },
                "--no-sql" => options with { Sql = false },
                "--keep-outputs" => options with { KeepOutputs = true },
                _ => throw new ArgumentException($"unknown option '{args[i]}'; see bench/Dinmo.IrEngine.Macro/MacroOptions.cs"),
            };
        }
        if (options.Sizes.Count == 0) throw new ArgumentException("--sizes lists no size");
        return options;
    }

    private static int Positive(string text, string option) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{option} {text}: expected a positive integer");

    /// <summary>The folder holding <c>Dinmo.IrEngine.sln</c>, above the benchmark's build output; else the current folder.</summary>
    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Dinmo.IrEngine.sln"))) return directory.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}
