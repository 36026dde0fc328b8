namespace Dinmo.IrEngine.Config;

/// <summary>
/// The words of the config file and the enum values they stand for. Kept explicit rather than
/// derived from enum names because the file's words are a public contract (<c>arrow</c> is
/// <see cref="InputFormat.ArrowFile"/>, <c>case_insensitive</c> is an alias of lowercase).
/// The schema's <c>enum</c> lists hold the same words; the binder only sees schema-valid words.
/// </summary>
internal static class ConfigVocabulary
{
    public static readonly IReadOnlyDictionary<string, InputFormat> InputFormats = new Dictionary<string, InputFormat>
    {
        ["arrow"] = InputFormat.ArrowFile,
        ["arrow_stream"] = InputFormat.ArrowStream,
        ["parquet"] = InputFormat.Parquet,
        ["csv"] = InputFormat.Csv,
    };

    public static readonly IReadOnlyDictionary<string, OrderFieldUnit> OrderFieldUnits = new Dictionary<string, OrderFieldUnit>
    {
        ["seconds"] = OrderFieldUnit.Seconds,
        ["milliseconds"] = OrderFieldUnit.Milliseconds,
    };

    public static readonly IReadOnlyDictionary<string, StandardizeStep> StandardizeSteps = new Dictionary<string, StandardizeStep>
    {
        ["trim"] = StandardizeStep.Trim,
        ["lowercase"] = StandardizeStep.Lowercase,
        ["case_insensitive"] = StandardizeStep.Lowercase,
        ["only_numeric"] = StandardizeStep.OnlyNumeric,
        ["collapse_whitespace"] = StandardizeStep.CollapseWhitespace,
        ["fold_accents"] = StandardizeStep.FoldAccents,
        ["email"] = StandardizeStep.Email,
    };

    public static readonly IReadOnlyDictionary<string, MatchType> MatchTypes = new Dictionary<string, MatchType>
    {
        ["exact"] = MatchType.Exact,
        ["fuzzy_medium"] = MatchType.FuzzyMedium,
        ["fuzzy_strong"] = MatchType.FuzzyStrong,
    };

    public static readonly IReadOnlyDictionary<string, SurvivorshipStrategy> Strategies = new Dictionary<string, SurvivorshipStrategy>
    {
        ["last_non_null"] = SurvivorshipStrategy.LastNonNull,
        ["most_frequent"] = SurvivorshipStrategy.MostFrequent,
        ["model_priority"] = SurvivorshipStrategy.ModelPriority,
        ["first_non_null"] = SurvivorshipStrategy.FirstNonNull,
        ["longest"] = SurvivorshipStrategy.Longest,
        ["max"] = SurvivorshipStrategy.Max,
        ["min"] = SurvivorshipStrategy.Min,
    };

    public static readonly IReadOnlyDictionary<string, ConflictPolicy> ConflictPolicies = new Dictionary<string, ConflictPolicy>
    {
        ["exclude_cluster"] = ConflictPolicy.ExcludeCluster,
        ["skip_merge"] = ConflictPolicy.SkipMerge,
    };

    public static readonly IReadOnlyDictionary<string, OutputFormat> OutputFormats = new Dictionary<string, OutputFormat>
    {
        ["arrow"] = OutputFormat.Arrow,
        ["parquet"] = OutputFormat.Parquet,
        ["csv"] = OutputFormat.Csv,
    };
}
