namespace Dinmo.IrEngine.Config;

/// <summary>
/// The typed Event Stitching configuration (SPEC §9), after schema and semantic validation.
/// Paths in <see cref="Models"/> are still as written; resolve them against <see cref="BaseDirectory"/>.
/// </summary>
public sealed record EventGraph
{
    /// <summary>SPEC §9: "up to five event models".</summary>
    public const int MaxModels = 5;

    public required string Project { get; init; }
    public required IReadOnlyList<EventModelConfig> Models { get; init; }

    /// <summary>The identifier policies in config order (<see cref="EventIdentifierConfig.Priority"/> gives the lookup order).</summary>
    public required IReadOnlyList<EventIdentifierConfig> Identifiers { get; init; }

    public OutputFormat OutputFormat { get; init; } = OutputFormat.Arrow;

    /// <summary>Where the config was read from, and where each JSON path stands in it.</summary>
    public required ConfigSource Source { get; init; }

    /// <summary>The folder model paths are relative to (the config file's folder).</summary>
    public string BaseDirectory => Path.GetDirectoryName(Path.GetFullPath(Source.File)) ?? ".";
}
