using Dinmo.IrEngine.Config;

namespace Dinmo.IrEngine.Stitch;

/// <summary>What <c>irengine stitch</c> was asked to do; command-line options override the config's <c>outputs</c>.</summary>
public sealed record StitchOptions
{
    public required string ConfigPath { get; init; }

    /// <summary>Output path; default <c>out/&lt;project&gt;</c> beside the config file.</summary>
    public string? OutputDirectory { get; init; }

    public OutputFormat? Format { get; init; }

    /// <summary>Run id; default a UTC timestamp.</summary>
    public string? RunId { get; init; }

    /// <summary>Ignore the previous run's state: process every event from scratch.</summary>
    public bool Full { get; init; }

    /// <summary>Worker threads (default: all cores). Outputs do not depend on it.</summary>
    public int? Threads { get; init; }

    /// <summary>
    /// Give each finished stage's dead temporaries back before the next stage starts (a full
    /// collection, and <c>malloc_trim</c> on Linux; <see cref="Resolution.StageMemory"/>), which lowers
    /// the peak. Process-wide: for a process that runs one job (the CLI), not for a host running several.
    /// </summary>
    public bool ReclaimMemory { get; init; }

    /// <summary>The fewest rows a model needs before its read is split (<see cref="ReadSlice.MinRows"/> outside tests).</summary>
    internal long MinSliceRows { get; init; } = ReadSlice.MinRows;

    /// <summary>Called as each stage starts, with the stage name (progress output).</summary>
    public Action<string>? OnStage { get; init; }
}
