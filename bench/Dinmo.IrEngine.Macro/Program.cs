using Dinmo.IrEngine.Macro;
using Dinmo.IrEngine.Macro.Sql;

// Two entry points: the benchmark, and `sql-resolve`, the DuckDB side it starts as a child process
// so that both sides are timed and their peak memory read the same way.
try
{
    return args is [SqlResolveCommand.Name, .. var rest]
        ? SqlResolveCommand.Run(rest)
        : MacroBenchmark.Run(MacroOptions.Parse(args));
}
catch (Exception e) when (e is ArgumentException or FormatException or FileNotFoundException)
{
    Console.Error.WriteLine($"irengine macro benchmark: {e.Message}");
    return 2;
}
catch (Exception e) when (e is InvalidOperationException or InvalidDataException or NotSupportedException)
{
    Console.Error.WriteLine($"irengine macro benchmark: {e.Message}");
    return 1;
}
