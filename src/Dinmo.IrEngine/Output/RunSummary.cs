using Dinmo.IrEngine.Compare;
using Dinmo.IrEngine.Metrics;

namespace Dinmo.IrEngine.Output;

/// <summary>
/// What a run reports to its caller: the last stdout line (one line of JSON) and <c>run_summary.json</c>.
/// </summary>
internal sealed class RunSummary
{
    public required string Status { get; init; }
    public required string Project { get; init; }
    public required string RunId { get; init; }
    public required string OutputDirectory { get; init; }
    public required RunMetrics Metrics { get; init; }
    public required IReadOnlyList<(string Stage, TimeSpan Elapsed)> Stages { get; init; }
    public required IReadOnlyList<WrittenTable> Outputs { get; init; }
    public required long PeakMemoryBytes { get; init; }
    public required int Threads { get; init; }
    public required string JaroWinklerPath { get; init; }

    /// <summary>Fuzzy blocks scored per kernel path: the selected path, or bit-parallel for blocks it cannot pack.</summary>
    public required IReadOnlyList<(string Path, int Blocks)> JaroWinklerBlocks { get; init; }
    public required TimeSpan Elapsed { get; init; }
}
