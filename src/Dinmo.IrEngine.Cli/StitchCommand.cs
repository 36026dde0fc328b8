using System.CommandLine;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Stitch;

namespace Dinmo.IrEngine.Cli;

/// <summary>
/// <c>irengine stitch &lt;events.json&gt;</c>: Event Stitching (SPEC §9), incremental on the previous
/// run's state unless <c>--full</c>; summary JSON as the last stdout line, exit codes as for resolve.
/// </summary>
internal static class StitchCommand
{
    public static Command Create(CommandContext context)
    {
        var config = new Argument<FileInfo>("events") { Description = "The event stitching config (JSON or YAML)." };
        var output = new Option<string?>("--out") { Description = "Output directory (default: out/<project> beside the config)." };
        var format = new Option<OutputFormat?>("--format") { Description = "arrow (default), parquet or csv." };
        var runId = new Option<string?>("--run-id") { Description = "Run id (default: UTC timestamp)." };
        var threads = new Option<int?>("--threads") { Description = "Worker threads (default: all cores); outputs do not depend on it." };
        var full = new Option<bool>("--full") { Description = "Ignore the previous run's state and stitch every event from scratch." };
        var logFormat = new Option<string?>("--log-format") { Description = "Progress on stderr: text or json (default: text on a terminal, else json)." };
        logFormat.AcceptOnlyFromAmong("text", "json");
        var command = new Command("stitch", "Run Event Stitching: group events into stitched profiles.")
        {
            config, output, format, threads, runId, full, logFormat,
        };
        command.SetAction(parsed =>
        {
            var id = parsed.GetValue(runId);
            return context.Execute(() =>
            {
                var progress = new ProgressReporter(parsed.GetValue(logFormat), ProgressReporter.StitchStages);
                var summary = StitchPipeline.Run(new StitchOptions
                {
                    ConfigPath = parsed.GetValue(config)!.FullName,
                    OutputDirectory = parsed.GetValue(output),
                    Format = parsed.GetValue(format),
                    RunId = id,
                    Full = parsed.GetValue(full),
                    Threads = parsed.GetValue(threads),
                    ReclaimMemory = true,
                    OnStage = progress.Stage,
                }, context.Cancel);
                progress.Done();
                Console.Out.WriteLine(summary);
                return 0;
            }, id);
        });
        return command;
    }
}
