using Dinmo.IrEngine.Config;

namespace Dinmo.IrEngine;

/// <summary>What <c>irengine resolve</c> was asked to do; command-line options override the graph's <c>outputs</c>.</summary>
public sealed record ResolveOptions
{
    public required string GraphPath { get; init; }

    /// <summary>Output path; default <c>out/&lt;project&gt;</c> beside the graph file.</summary>
    public string? OutputDirectory { get; init; }

    public OutputFormat? Format { get; init; }

    /// <summary>Worker threads; default all cores.</summary>
    public int? Threads { get; init; }

    /// <summary>Run id; default a UTC timestamp.</summary>
    public string? RunId { get; init; }

    /// <summary>Memory budget in bytes; null = none beyond the machine's.</summary>
    public long? MaxMemoryBytes { get; init; }

    /// <summary>
    /// Also cap the process's GC heap at the budget, so a burst of allocations fails (exit 5) instead
    /// of outgrowing it between two watchdog samples. Process-wide: for a process that runs one
    /// resolve (the CLI), not for a host running several.
    /// </summary>
    public bool CapManagedHeap { get; init; }

    /// <summary>
    /// Give each finished stage's dead temporaries back before the next stage starts (a full
    /// collection, and <c>malloc_trim</c> on Linux; <see cref="Resolution.StageMemory"/>), which lowers
    /// the peak. Process-wide: for a process that runs one job (the CLI), not for a host running several.
    /// </summary>
    public bool ReclaimMemory { get; init; }

    /// <summary>Tables to write; null = the graph's <c>outputs.tables</c>, else all.</summary>
    public IReadOnlyList<string>? Tables { get; init; }

    /// <summary>Called as each stage starts, with the stage name (progress output).</summary>
    public Action<string>? OnStage { get; init; }
}
