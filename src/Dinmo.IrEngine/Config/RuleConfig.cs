namespace Dinmo.IrEngine.Config;

/// <summary>A matching rule: all criteria must hold (AND); rules are alternatives (OR). SPEC §3.3.</summary>
public sealed record RuleConfig
{
    /// <summary>The given id, or <c>r1</c>, <c>r2</c>, … by position.</summary>
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyList<CriterionConfig> Criteria { get; init; }

    public bool HasFuzzy => Criteria.Any(c => c.Match != MatchType.Exact);
}

/// <summary>One criterion: identifiers compared together, and how.</summary>
public sealed record CriterionConfig
{
    public required IReadOnlyList<string> Identifiers { get; init; }
    public MatchType Match { get; init; } = MatchType.Exact;

    /// <summary>Overrides the default threshold of a fuzzy criterion (0 &lt; t ≤ 1).</summary>
    public double? Threshold { get; init; }

    /// <summary>The Jaro-Winkler threshold in force: the override, else 0.92 strong / 0.88 medium.</summary>
    public double EffectiveThreshold => Threshold ?? Match switch
    {
        MatchType.FuzzyStrong => FuzzyStrongThreshold,
        MatchType.FuzzyMedium => FuzzyMediumThreshold,
        _ => 1.0,
    };

    public const double FuzzyStrongThreshold = 0.92;
    public const double FuzzyMediumThreshold = 0.88;
}

public enum MatchType { Exact, FuzzyMedium, FuzzyStrong }
