namespace Dinmo.IrEngine.Config;

/// <summary>
/// Turns a schema-valid document tree into the typed <see cref="IdentityGraph"/>: words become
/// enums, omitted keys take their documented defaults, rules without an id get <c>r1</c>, <c>r2</c>, …
/// by position, and every node's position goes into <see cref="ConfigSource"/> for later checks.
/// It trusts the schema (types, required keys, enum words) and does no semantic checks.
/// </summary>
internal static class IdentityGraphBinder
{
    public static IdentityGraph Bind(ConfigDocument document)
    {
        var root = document.Root;
        var locations = new Dictionary<string, (int Line, int Column)>(StringComparer.Ordinal);
        root.CollectLocations(locations);
        return new IdentityGraph
        {
            Project = root["project"]!.Text,
            Models = root["models"]!.Items.Select(BindModel).ToList(),
            Identifiers = root["identifiers"]!.Items.Select(BindIdentifier).ToList(),
            Rules = root["rules"]!.Items.Select(BindRule).ToList(),
            Golden = root["golden"] is { } golden ? BindGolden(golden) : null,
            ConflictPolicy = Word(root["conflict_policy"], ConfigVocabulary.ConflictPolicies, ConflictPolicy.ExcludeCluster),
            MaxFuzzyBlockValues = (int?)root["max_fuzzy_block_values"]?.Number ?? IdentityGraph.DefaultMaxFuzzyBlockValues,
            Outputs = root["outputs"] is { } outputs ? BindOutputs(outputs) : new OutputsConfig(),
            Source = new ConfigSource(document.File, locations),
        };
    }

    private static ModelConfig BindModel(ConfigNode model) => new()
    {
        Name = model["name"]!.Text,
        Path = model["path"]!.Text,
        Format = model["format"] is { } format ? ConfigVocabulary.InputFormats[format.Text] : null,
        PrimaryKey = model["primary_key"]!.Text,
        OrderField = model["order_field"]!.Text,
        OrderFieldUnit = Word(model["order_field_unit"], ConfigVocabulary.OrderFieldUnits, OrderFieldUnit.Seconds),
        Identifiers = Properties(model["identifiers"])
            .Select(p => new IdentifierMapping(p.Name, Strings(p.Value))).ToList(),
        Fields = Properties(model["fields"]).Select(p => new FieldMapping(p.Name, p.Value.Text)).ToList(),
    };

    private static IdentifierConfig BindIdentifier(ConfigNode identifier) => new()
    {
        Name = identifier["name"]!.Text,
        // Omitted means the documented default; an explicit [] means "no steps".
        Standardize = identifier["standardize"] is { } steps
            ? steps.Items.Select(s => ConfigVocabulary.StandardizeSteps[s.Text]).ToList()
            : IdentifierConfig.DefaultSteps,
        MaxUniqueValues = (int?)identifier["max_unique_values"]?.Number,
        MaxRecordsPerValue = (int?)identifier["max_records_per_value"]?.Number,
        BlockedValues = Strings(identifier["blocked_values"]),
        BlockedPatterns = Strings(identifier["blocked_patterns"]),
    };

    private static RuleConfig BindRule(ConfigNode rule, int index) => new()
    {
        Id = rule["id"]?.Text ?? DefaultRuleId(index),
        Name = rule["name"]!.Text,
        Criteria = rule["criteria"]!.Items.Select(c => new CriterionConfig
        {
            Identifiers = Strings(c["identifiers"]),
            Match = Word(c["match"], ConfigVocabulary.MatchTypes, MatchType.Exact),
            Threshold = c["threshold"]?.Number,
        }).ToList(),
    };

    private static GoldenConfig BindGolden(ConfigNode golden) => new()
    {
        Identifiers = Properties(golden["identifiers"])
            .Select(p => new GoldenColumn(p.Name, ConfigVocabulary.Strategies[p.Value.Text])).ToList(),
        Fields = Properties(golden["fields"])
            .Select(p => new GoldenColumn(p.Name, ConfigVocabulary.Strategies[p.Value.Text])).ToList(),
        ModelPriority = Strings(golden["model_priority"]),
    };

    private static OutputsConfig BindOutputs(ConfigNode outputs) => new()
    {
        Format = Word(outputs["format"], ConfigVocabulary.OutputFormats, OutputFormat.Arrow),
        Tables = outputs["tables"] is { } tables ? Strings(tables) : null,
    };

    /// <summary>The id a rule gets when the file gives none: <c>r1</c> for the first rule.</summary>
    public static string DefaultRuleId(int index) => "r" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static T Word<T>(ConfigNode? node, IReadOnlyDictionary<string, T> words, T absent) =>
        node is null ? absent : words[node.Text];

    private static IReadOnlyList<string> Strings(ConfigNode? array) => array?.Items.Select(i => i.Text).ToList() ?? [];

    private static IReadOnlyList<ConfigProperty> Properties(ConfigNode? obj) => obj?.Properties ?? [];
}
