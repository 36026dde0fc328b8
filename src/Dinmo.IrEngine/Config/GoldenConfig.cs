namespace Dinmo.IrEngine.Config;

/// <summary>Survivorship settings for the golden record (SPEC §3.4).</summary>
public sealed record GoldenConfig
{
    /// <summary>Golden identifier columns (standardized values), in config order.</summary>
    public IReadOnlyList<GoldenColumn> Identifiers { get; init; } = [];

    /// <summary>Golden field columns (raw values in source type), in config order.</summary>
    public IReadOnlyList<GoldenColumn> Fields { get; init; } = [];

    /// <summary>Model names, strongest first; unlisted models come after, in config order.</summary>
    public IReadOnlyList<string> ModelPriority { get; init; } = [];
}

/// <summary>One golden column and the strategy that picks its value.</summary>
public sealed record GoldenColumn(string Name, SurvivorshipStrategy Strategy);

public enum SurvivorshipStrategy { LastNonNull, MostFrequent, ModelPriority, FirstNonNull, Longest, Max, Min }

public enum ConflictPolicy { ExcludeCluster, SkipMerge }
