using System.Globalization;
using System.Text.Json;
using Dinmo.IrEngine.Macro.Data;
using Dinmo.IrEngine.Macro.Measure;

namespace Dinmo.IrEngine.Macro.Sql;

/// <summary>The DuckDB side of one size: the child's measurement, its own report, and its membership file.</summary>
internal sealed record SqlRun(ProcessMeasurement Process, SqlResolutionResult Result, string MembershipPath)
{
    private static readonly string[] ArrowExtensions = [".arrow", ".feather", ".arrows"];

    /// <summary>
    /// Runs <see cref="SqlResolveCommand"/> in a child process on <paramref name="data"/>. Arrow IPC models
    /// are first copied to Parquet beside the data (cached; not timed).
    /// </summary>
    /// <exception cref="InvalidOperationException">The run failed.</exception>
    public static SqlRun Execute(DemoDataSet data, string runDirectory, int threads)
    {
        if (Directory.Exists(runDirectory)) Directory.Delete(runDirectory, recursive: true);
        Directory.CreateDirectory(runDirectory);
        var arguments = new List<string>
        {
            typeof(SqlRun).Assembly.Location, SqlResolveCommand.Name, "--graph", data.GraphPath,
            "--membership", Path.Combine(runDirectory, "membership.parquet"),
            "--threads", threads.ToString(CultureInfo.InvariantCulture), "--spill", runDirectory,
        };
        foreach (var model in IdentityGraph.Load(data.GraphPath).Models)
        {
            if (!ArrowExtensions.Contains(Path.GetExtension(model.Path).ToLowerInvariant())) continue;
            var copy = Path.Combine(data.Directory, "sql", model.Name + ".parquet");
            if (!File.Exists(copy))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                ArrowParquetCopy.Write(Path.Combine(data.Directory, model.Path), copy);
            }
            arguments.AddRange(["--parquet-copy", $"{model.Name}={copy}"]);
        }

        var stdout = Path.Combine(runDirectory, "sql.stdout.json");
        var stderr = Path.Combine(runDirectory, "sql.stderr.txt");
        var measurement = MeasuredProcess.Run(EngineCli.DotnetHost, arguments, stdout, stderr);
        if (measurement.ExitCode != 0)
            throw new InvalidOperationException($"the DuckDB run exited {measurement.ExitCode}; see {stderr}");
        var result = JsonSerializer.Deserialize<SqlResolutionResult>(File.ReadAllText(stdout))
            ?? throw new InvalidDataException($"{stdout}: no result");
        return new SqlRun(measurement, result, Path.Combine(runDirectory, "membership.parquet"));
    }
}
