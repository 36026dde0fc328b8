namespace Dinmo.IrEngine.Macro.Sql;

/// <summary>One criterion of a rule: identifiers whose values are pooled, and how they must match (SPEC §3.3).</summary>
internal sealed record GraphCriterion(IReadOnlyList<string> Identifiers, string Match, double? Threshold)
{
    /// <summary>Jaro-Winkler thresholds of <c>fuzzy_strong</c> and <c>fuzzy_medium</c>.</summary>
    private const double Strong = 0.92, Medium = 0.88;

    public bool IsFuzzy => Match != "exact";

    public double FuzzyThreshold => Threshold ?? Match switch
    {
        "fuzzy_strong" => Strong,
        "fuzzy_medium" => Medium,
        _ => throw new InvalidDataException($"criterion match '{Match}' is not exact, fuzzy_strong or fuzzy_medium"),
    };
}
