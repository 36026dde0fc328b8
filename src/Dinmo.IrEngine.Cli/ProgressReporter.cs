using System.Diagnostics;
using System.Text.Json;

namespace Dinmo.IrEngine.Cli;

/// <summary>
/// Progress on stderr: a readable line per stage on a terminal, else one JSON object per line
/// (stage, elapsed, memory) for log collectors.
/// </summary>
internal sealed class ProgressReporter(string? format)
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly bool _json = format == "json" || (format is null && Console.IsErrorRedirected);

    public void Stage(string stage) => Write(stage, "started");

    public void Done() => Write("done", "finished");

    private void Write(string stage, string state)
    {
        var memory = GC.GetTotalMemory(false);
        if (_json)
        {
            Console.Error.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["stage"] = stage, ["state"] = state, ["elapsed_ms"] = _watch.ElapsedMilliseconds, ["memory_bytes"] = memory,
            }));
        }
        else
        {
            Console.Error.WriteLine($"[{_watch.Elapsed.TotalSeconds,7:F2}s] {stage,-10} {state} ({memory / (1024 * 1024)} MiB managed)");
        }
    }
}
