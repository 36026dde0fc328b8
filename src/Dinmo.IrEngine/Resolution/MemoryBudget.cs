using System.Diagnostics;
using Dinmo.IrEngine.Errors;

namespace Dinmo.IrEngine.Resolution;

/// <summary>
/// The run's memory budget: <c>--max-memory</c>, and in any case 90% of the memory the runtime may
/// use (the container's limit when there is one, else physical memory), so a run that would outgrow
/// it stops with exit code 5 before the kernel's out-of-memory killer ends it. A watchdog samples the
/// working set ten times a second while the run is watched; going over cancels the run, which then
/// fails with a <see cref="MemoryBudgetException"/> naming the stage and the amount. Stage boundaries
/// check the peak too.
/// </summary>
internal sealed class MemoryBudget : IDisposable
{
    private const double ShareOfAvailable = 0.9;
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(100);

    private readonly long? _requested;
    private Timer? _watchdog;
    private StageClock? _stages;
    private long _peak;

    public MemoryBudget(long? maxBytes)
    {
        _requested = maxBytes;
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        var ceiling = available > 0 ? (long)(available * ShareOfAvailable) : long.MaxValue;
        LimitBytes = Math.Min(maxBytes ?? long.MaxValue, ceiling);
    }

    /// <summary>The budget in force: the smaller of --max-memory and 90% of available memory.</summary>
    public long LimitBytes { get; }

    /// <summary>Why the watchdog stopped the run, or null.</summary>
    public string? Exceeded { get; private set; }

    public long PeakBytes
    {
        get
        {
            using var process = Process.GetCurrentProcess();
            return Math.Max(process.PeakWorkingSet64, Interlocked.Read(ref _peak));
        }
    }

    /// <summary>Samples the working set until disposed; over budget, records why and cancels <paramref name="run"/>.</summary>
    public void Watch(StageClock stages, CancellationTokenSource run)
    {
        _stages = stages;
        _watchdog = new Timer(_ =>
        {
            var now = Environment.WorkingSet;
            if (now > Interlocked.Read(ref _peak)) Interlocked.Exchange(ref _peak, now);
            if (now <= LimitBytes || Exceeded is not null) return;
            Exceeded = Describe(stages.Current ?? "start", now);
            run.Cancel();
        }, null, TimeSpan.Zero, SampleEvery);
    }

    /// <summary>
    /// Also caps the GC heap at the budget. The watchdog only samples ten times a second and a stage
    /// notices the cancellation between steps, so a burst of allocations could carry the process far
    /// past the budget first (a 10M-record run reached 18.2 GiB of RSS under a 14 GiB budget, close to
    /// the kernel's out-of-memory killer). With the cap, the allocation that would cross it fails with
    /// an out-of-memory error, which the run reports as exit 5 (<see cref="OutOfMemory"/>). The cap is
    /// process-wide, so only the CLI process asks for it. Native buffers (Parquet and Arrow readers)
    /// are outside the GC heap: the watchdog still covers them.
    /// </summary>
    public void CapManagedHeap()
    {
        if (LimitBytes == long.MaxValue) return;
        try
        {
            AppContext.SetData("GCHeapHardLimit", (ulong)LimitBytes);
            GC.RefreshMemoryLimit();
        }
        catch (InvalidOperationException)
        {
            // The heap already holds more than the budget: the watchdog's first sample stops the run.
        }
    }

    /// <summary>What to report when an allocation failed: the stage, and the budget it hit.</summary>
    public string OutOfMemory() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"memory budget exceeded in stage '{_stages?.Current ?? "start"}': an allocation would take the managed heap past {LimitBytes / 1048576.0:F1} MiB ") +
        Source + "; previous outputs are untouched";

    public void Check(string stage)
    {
        var peak = PeakBytes;
        if (peak > LimitBytes) throw new MemoryBudgetException(Describe(stage, peak));
    }

    private string Describe(string stage, long bytes) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"memory budget exceeded in stage '{stage}': {bytes / 1048576.0:F1} MiB > {LimitBytes / 1048576.0:F1} MiB ") + Source;

    private string Source => _requested is { } r && r == LimitBytes ? "(--max-memory)" : "(90% of the memory available to the process)";

    public void Dispose() => _watchdog?.Dispose();
}
