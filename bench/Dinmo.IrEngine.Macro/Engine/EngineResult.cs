using Dinmo.IrEngine.Macro.Measure;

namespace Dinmo.IrEngine.Macro.Engine;

/// <summary>
/// One <c>irengine resolve</c> run: the child's measurement and what its <c>run_summary.json</c> says
/// (records, the engine's own elapsed seconds and peak memory, seconds per stage in pipeline order).
/// </summary>
internal sealed record EngineResult(
    int Threads,
    ProcessMeasurement Process,
    string OutputDirectory,
    long Records,
    double EngineSeconds,
    long EnginePeakMemoryBytes,
    IReadOnlyList<KeyValuePair<string, double>> StageSeconds)
{
    public double RecordsPerSecond => Records / Process.WallSeconds;
}
