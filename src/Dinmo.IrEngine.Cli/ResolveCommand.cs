using System.CommandLine;
using Dinmo.IrEngine.Config;

namespace Dinmo.IrEngine.Cli;

/// <summary><c>irengine resolve &lt;graph&gt;</c>: Profile Resolution, summary JSON as the last stdout line.</summary>
internal static class ResolveCommand
{
    public static Command Create(CommandContext context)
    {
        var graph = new Argument<FileInfo>("graph") { Description = "The identity graph (JSON or YAML)." };
        var output = new Option<string?>("--out") { Description = "Output directory (default: out/<project> beside the graph)." };
        var format = new Option<OutputFormat?>("--format") { Description = "arrow (default), parquet or csv." };
        var threads = new Option<int?>("--threads") { Description = "Worker threads (default: all cores)." };
        var runId = new Option<string?>("--run-id") { Description = "Run id (default: UTC timestamp)." };
        var maxMemory = new Option<string?>("--max-memory") { Description = "Memory budget, e.g. 6GiB, 512MB." };
        var tables = new Option<string?>("--tables") { Description = "Comma-separated subset of output tables." };
        var logFormat = new Option<string?>("--log-format") { Description = "Progress on stderr: text or json (default: text on a terminal, else json)." };
        logFormat.AcceptOnlyFromAmong("text", "json");
        var command = new Command("resolve", "Run Profile Resolution on an identity graph.")
        {
            graph, output, format, threads, runId, maxMemory, tables, logFormat,
        };
        command.SetAction(parsed =>
        {
            var id = parsed.GetValue(runId);
            return context.Execute(() =>
            {
                var progress = new ProgressReporter(parsed.GetValue(logFormat), ProgressReporter.ResolveStages);
                var summary = Pipeline.Resolve(new ResolveOptions
                {
                    GraphPath = parsed.GetValue(graph)!.FullName,
                    OutputDirectory = parsed.GetValue(output),
                    Format = parsed.GetValue(format),
                    Threads = parsed.GetValue(threads),
                    RunId = id,
                    MaxMemoryBytes = ByteSize.Parse(parsed.GetValue(maxMemory)),
                    CapManagedHeap = true,
                    ReclaimMemory = true,
                    Tables = parsed.GetValue(tables)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
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
