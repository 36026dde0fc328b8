using System.Diagnostics;

namespace Dinmo.IrEngine.Resolution;

/// <summary>
/// Times the pipeline's stages in the order they ran, for the run summary and metrics, and raises the
/// <see cref="Diagnostics.IrEngineEventSource"/> Start/Stop events around each one and records it in
/// the <see cref="Diagnostics.IrEngineMeter"/>.
/// </summary>
internal sealed class StageClock
{
    private readonly List<(string Stage, TimeSpan Elapsed)> _stages = [];

    public IReadOnlyList<(string Stage, TimeSpan Elapsed)> Stages => _stages;

    /// <summary>Reports each stage as it starts (for progress output); may be null.</summary>
    public Action<string>? OnStart { get; init; }

    /// <summary>
    /// When set, every stage that completes ends by giving its dead temporaries back
    /// (<see cref="StageMemory.Reclaim"/>), inside its own time.
    /// </summary>
    public bool ReclaimMemory { get; init; }

    /// <summary>Checked at every stage boundary, so an interrupted run stops at the next stage.</summary>
    public CancellationToken Cancel { get; init; }

    /// <summary>
    /// Fault injection for the kill tests: with <c>IRENGINE_PAUSE_AT_STAGE=&lt;stage&gt;</c> the run says
    /// "paused at stage X" on stderr when that stage starts and waits (until cancelled, or 2 minutes), so
    /// a test can signal or kill it in exactly that stage.
    /// </summary>
    public const string PauseVariable = "IRENGINE_PAUSE_AT_STAGE";

    private static readonly string? PauseAt = Environment.GetEnvironmentVariable(PauseVariable);

    /// <summary>The stage running now (the last one started), or null before the first.</summary>
    public string? Current { get; private set; }

    /// <summary>
    /// Runs and times a stage. <paramref name="reclaim"/> false skips <see cref="ReclaimMemory"/>'s collection after it: for
    /// stages that leave little to free, or after which the run only ends (each full collection of a large heap costs
    /// about 0.15 s at 10M events).
    /// </summary>
    public T Time<T>(string stage, Func<T> work, bool reclaim = true)
    {
        Cancel.ThrowIfCancellationRequested();
        Current = stage;
        OnStart?.Invoke(stage);
        if (PauseAt == stage)
        {
            Console.Error.WriteLine($"irengine: paused at stage {stage}");
            Console.Error.Flush();
            Cancel.WaitHandle.WaitOne(TimeSpan.FromMinutes(2));
            Cancel.ThrowIfCancellationRequested();
        }
        Diagnostics.IrEngineEventSource.Log.StageStart(stage);
        var watch = Stopwatch.StartNew();
        try
        {
            var result = work();
            if (ReclaimMemory && reclaim) StageMemory.Reclaim();
            return result;
        }
        finally
        {
            watch.Stop();
            Add(stage, watch.Elapsed);
            Diagnostics.IrEngineEventSource.Log.StageStop(stage, watch.Elapsed.TotalMilliseconds);
            Diagnostics.IrEngineMeter.Stage(stage, watch.Elapsed);
        }
    }

    public void Time(string stage, Action work, bool reclaim = true) => Time(stage, () =>
    {
        work();
        return 0;
    }, reclaim);

    private void Add(string stage, TimeSpan elapsed)
    {
        var at = _stages.FindIndex(s => s.Stage == stage);
        if (at < 0) _stages.Add((stage, elapsed));
        else _stages[at] = (stage, _stages[at].Elapsed + elapsed);
    }
}
