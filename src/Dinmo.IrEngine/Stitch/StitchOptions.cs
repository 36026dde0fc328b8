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

    /// <summary>Called as each stage starts, with the stage name (progress output).</summary>
    public Action<string>? OnStage { get; init; }
}
