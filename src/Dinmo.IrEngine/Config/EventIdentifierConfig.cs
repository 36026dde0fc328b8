namespace Dinmo.IrEngine.Config;

/// <summary>The policy of one event identifier (SPEC §9).</summary>
public sealed record EventIdentifierConfig
{
    public required string Name { get; init; }

    /// <summary>Lower = stronger: looked up first. Unique across identifiers.</summary>
    public required int Priority { get; init; }

    /// <summary>Strong evidence: a profile with an active anchor value is known.</summary>
    public bool Anchor { get; init; }

    /// <summary>How long after its last sighting a value keeps matching; null = for ever.</summary>
    public IsoDuration? Lifetime { get; init; }

    /// <summary>The lifetime as written; set with a null <see cref="Lifetime"/> when it is not a valid duration.</summary>
    public string? LifetimeText { get; init; }

    /// <summary>The most recent values stay active, older ones are demoted; null = no limit.</summary>
    public int? MaxUniqueValuesPerProfile { get; init; }

    /// <summary>A value touching more profiles than this is quarantined; null = no limit.</summary>
    public int? MaxProfilesPerValue { get; init; }

    public IReadOnlyList<StandardizeStep> Standardize { get; init; } = IdentifierConfig.DefaultSteps;
    public IReadOnlyList<string> BlockedValues { get; init; } = [];
    public IReadOnlyList<string> BlockedPatterns { get; init; } = [];

    /// <summary>
    /// An anchor limited to one value per profile: two different active values never meet in one
    /// profile (merges are refused, events are diverted to their own anchor's profile).
    /// </summary>
    public bool IsExclusiveAnchor => Anchor && MaxUniqueValuesPerProfile == 1;

    /// <summary>The same policy seen as a Profile Resolution identifier, for the shared block lists.</summary>
    internal IdentifierConfig AsBlockListIdentifier() => new()
    {
        Name = Name, Standardize = Standardize, BlockedValues = BlockedValues, BlockedPatterns = BlockedPatterns,
    };
}
