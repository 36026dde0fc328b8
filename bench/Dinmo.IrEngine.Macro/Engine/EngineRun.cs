using System.Globalization;
using System.Text.Json;
using Dinmo.IrEngine.Macro.Data;

namespace Dinmo.IrEngine.Macro.Engine;

/// <summary>
/// Runs <c>irengine resolve &lt;graph&gt; --out &lt;dir&gt; --threads N --log-format json</c> on a data set,
/// all output tables, from a clean output folder: no previous run, so no stable-id state to carry
/// over and nothing cached by the engine. Progress lines go to <c>resolve.stderr.jsonl</c>.
/// </summary>
internal static class EngineRun
{
    /// <exception cref="InvalidOperationException">The run failed.</exception>
    public static EngineResult Run(EngineCli engine, DemoDataSet data, string runDirectory, int threads)
    {
        if (Directory.Exists(runDirectory)) Directory.Delete(runDirectory, recursive: true);
        Directory.CreateDirectory(runDirectory);
        var output = Path.Combine(runDirectory, "out");
        var stderr = Path.Combine(runDirectory, "resolve.stderr.jsonl");
        var measurement = engine.Run(
            ["resolve", data.GraphPath, "--out", output, "--threads", threads.ToString(CultureInfo.InvariantCulture), "--log-format", "json"],
            Path.Combine(runDirectory, "resolve.stdout.json"), stderr);
        if (measurement.ExitCode != 0)
            throw new InvalidOperationException($"irengine resolve exited {measurement.ExitCode}; see {stderr}");

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "run_summary.json")));
        var root = summary.RootElement;
        return new EngineResult(
            threads,
            measurement,
            output,
            root.GetProperty("records").GetInt64(),
            root.GetProperty("elapsed_seconds").GetDouble(),
            root.GetProperty("peak_memory_bytes").GetInt64(),
            [.. root.GetProperty("stage_seconds").EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetDouble()))]);
    }

    /// <summary>Removes a run's output tables, keeping its summary and logs (large runs write gigabytes).</summary>
    public static void DropTables(EngineResult result)
    {
        var runDirectory = Path.GetDirectoryName(result.OutputDirectory)!;
        File.Copy(Path.Combine(result.OutputDirectory, "run_summary.json"), Path.Combine(runDirectory, "run_summary.json"), overwrite: true);
        // The engine publishes `out` as a symlink to a run folder in `.out.runs`, guarded by `.out.lock`.
        foreach (var name in new[] { "out", ".out.runs" })
        {
            var entry = Path.Combine(runDirectory, name);
            if (Directory.Exists(entry)) Directory.Delete(entry, recursive: true);
        }
        File.Delete(Path.Combine(runDirectory, ".out.lock"));
    }
}
