using System.Diagnostics;

namespace Dinmo.IrEngine.Resolution;

/// <summary>
/// Times the pipeline's stages in the order they ran, for the run summary and metrics, and raises the
/// <see cref="Diagnostics.IrEngineEventSource"/> Start/Stop events around each one.
/// </summary>
internal sealed class StageClock
{
    private readonly List<(string Stage, TimeSpan Elapsed)> _stages = [];

    public IReadOnlyList<(string Stage, TimeSpan Elapsed)> Stages => _stages;

    /// <summary>Reports each stage as it starts (for progress output); may be null.</summary>
    public Action<string>? OnStart { get; init; }

    public T Time<T>(string stage, Func<T> work)
    {
        OnStart?.Invoke(stage);
        Diagnostics.IrEngineEventSource.Log.StageStart(stage);
        var watch = Stopwatch.StartNew();
        try
        {
            return work();
        }
        finally
        {
            watch.Stop();
            Add(stage, watch.Elapsed);
            Diagnostics.IrEngineEventSource.Log.StageStop(stage, watch.Elapsed.TotalMilliseconds);
        }
    }

    public void Time(string stage, Action work) => Time(stage, () =>
    {
        work();
        return 0;
    });

    private void Add(string stage, TimeSpan elapsed)
    {
        var at = _stages.FindIndex(s => s.Stage == stage);
        if (at < 0) _stages.Add((stage, elapsed));
        else _stages[at] = (stage, _stages[at].Elapsed + elapsed);
    }
}
