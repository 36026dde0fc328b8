namespace Dinmo.IrEngine.Config;

/// <summary>A logical identifier with its standardization, blocking and limits (SPEC §3.2).</summary>
public sealed record IdentifierConfig
{
    public required string Name { get; init; }

    /// <summary>Ordered steps; the default when omitted in the file is trim, lowercase.</summary>
    public IReadOnlyList<StandardizeStep> Standardize { get; init; } = DefaultSteps;

    /// <summary>Conflict limit (§4.5); null = no check.</summary>
    public int? MaxUniqueValues { get; init; }

    /// <summary>Hub guard: a value on more records than this is blocked as <c>hub</c>; null = off.</summary>
    public int? MaxRecordsPerValue { get; init; }

    public IReadOnlyList<string> BlockedValues { get; init; } = [];
    public IReadOnlyList<string> BlockedPatterns { get; init; } = [];

    public static readonly IReadOnlyList<StandardizeStep> DefaultSteps = [StandardizeStep.Trim, StandardizeStep.Lowercase];
}

/// <summary>Standardization steps (SPEC §3.2). <c>case_insensitive</c> is an alias of lowercase.</summary>
public enum StandardizeStep { Trim, Lowercase, OnlyNumeric, CollapseWhitespace, FoldAccents, Email }
