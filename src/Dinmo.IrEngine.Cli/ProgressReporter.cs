using System.Diagnostics;
using System.Text.Json;

namespace Dinmo.IrEngine.Cli;

/// <summary>
/// Progress on stderr. On a terminal: one bar redrawn in place as each stage starts (stages done out
/// of the command's stage list, the current stage, elapsed time, managed memory), closed with a line
/// when the run ends. Otherwise one JSON object per line (stage, state, elapsed, memory) for log
/// collectors.
/// </summary>
internal sealed class ProgressReporter(string? format, IReadOnlyList<string> stages)
{
    private const int BarWidth = 24;
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly bool _json = format == "json" || (format is null && Console.IsErrorRedirected);
    private int _done;

    /// <summary>The stages of <c>irengine resolve</c>, in the order they run.</summary>
    public static readonly string[] ResolveStages =
        ["load_state", "open", "read", "standardize", "block", "compare", "cluster", "stable_ids", "golden", "metrics", "write", "publish"];

    /// <summary>The stages of <c>irengine stitch</c>, in the order they run.</summary>
    public static readonly string[] StitchStages = ["open", "state", "read", "stitch", "metrics", "write", "publish"];

    public void Stage(string stage)
    {
        var index = stages.ToList().IndexOf(stage);
        _done = index >= 0 ? index : _done;
        Write(stage, "started");
    }

    public void Done()
    {
        _done = stages.Count;
        Write("done", "finished");
        if (!_json) Console.Error.WriteLine();
    }

    private void Write(string stage, string state)
    {
        var memory = GC.GetTotalMemory(false);
        if (_json)
        {
            Console.Error.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["stage"] = stage, ["state"] = state, ["elapsed_ms"] = _watch.ElapsedMilliseconds, ["memory_bytes"] = memory,
            }));
            return;
        }
        var filled = stages.Count == 0 ? BarWidth : BarWidth * Math.Min(_done, stages.Count) / stages.Count;
        var bar = new string('#', filled) + new string('.', BarWidth - filled);
        Console.Error.Write($"\r[{bar}] {Math.Min(_done, stages.Count),2}/{stages.Count} {stage,-12} {_watch.Elapsed.TotalSeconds,7:F1}s {memory / (1024 * 1024),6} MiB ");
    }
}
