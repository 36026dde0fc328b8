namespace Dinmo.IrEngine.Config;

/// <summary>
/// The typed Profile Resolution configuration (SPEC §3), after schema and semantic validation.
/// Paths in <see cref="Models"/> are still as written; resolve them against <see cref="BaseDirectory"/>.
/// </summary>
public sealed record IdentityGraph
{
    public required string Project { get; init; }
    public required IReadOnlyList<ModelConfig> Models { get; init; }
    public required IReadOnlyList<IdentifierConfig> Identifiers { get; init; }
    public required IReadOnlyList<RuleConfig> Rules { get; init; }

    /// <summary>Survivorship settings; null when the graph has no <c>golden</c> section.</summary>
    public GoldenConfig? Golden { get; init; }

    public ConflictPolicy ConflictPolicy { get; init; } = ConflictPolicy.ExcludeCluster;

    /// <summary>Blocks with more distinct fuzzy values than this are not compared (SPEC §4.4).</summary>
    public int MaxFuzzyBlockValues { get; init; } = DefaultMaxFuzzyBlockValues;

    public OutputsConfig Outputs { get; init; } = new();

    /// <summary>Where the graph was read from, and where each JSON path stands in it.</summary>
    public required ConfigSource Source { get; init; }

    /// <summary>The folder model paths are relative to (the graph file's folder).</summary>
    public string BaseDirectory => Path.GetDirectoryName(Path.GetFullPath(Source.File)) ?? ".";

    public const int DefaultMaxFuzzyBlockValues = 5000;
}
