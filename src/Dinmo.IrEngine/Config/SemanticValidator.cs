using System.Text.RegularExpressions;
using Dinmo.IrEngine.Errors;

namespace Dinmo.IrEngine.Config;

/// <summary>
/// Checks of a typed identity graph that a JSON Schema cannot express, collecting every error:
/// duplicate names and rule ids, identifiers used but not declared, fuzzy rules without an exact
/// anchor, golden settings naming unknown models or unmapped fields, invalid blocked patterns and
/// out-of-range numbers (the last also guard graphs built in code). Positions come from
/// <see cref="IdentityGraph.Source"/>; a graph built in code gets errors without line:column.
/// Input schemas are checked separately (<see cref="InputSchemaValidator"/>) because they need the files.
/// </summary>
internal static class SemanticValidator
{
    public static IReadOnlyList<ConfigError> Validate(IdentityGraph graph)
    {
        var errors = new ConfigErrorList(graph.Source);
        CheckUnique(errors, "$.models", "model name", graph.Models.Select(m => m.Name));
        CheckUnique(errors, "$.identifiers", "identifier name", graph.Identifiers.Select(i => i.Name));
        CheckUnique(errors, "$.rules", "rule name", graph.Rules.Select(r => r.Name));
        CheckUniqueRuleIds(errors, graph.Rules);
        var declared = graph.Identifiers.Select(i => i.Name).ToList();
        CheckModels(errors, graph.Models, declared);
        CheckIdentifiers(errors, graph.Identifiers);
        CheckRules(errors, graph.Rules, declared);
        if (graph.Golden is { } golden) CheckGolden(errors, golden, graph.Models, declared);
        if (graph.MaxFuzzyBlockValues < 1)
            errors.Add("$.max_fuzzy_block_values", $"{graph.MaxFuzzyBlockValues}", "an integer ≥ 1");
        return errors.Sorted();
    }

    private static void CheckUnique(ConfigErrorList errors, string list, string what, IEnumerable<string> names, string key = "name")
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var name in names)
        {
            if (first.TryGetValue(name, out var at))
                errors.Add(ConfigPath.Property(ConfigPath.Item(list, index), key),
                    $"{what} '{name}' again (first at {list[2..]}[{at}])", $"a unique {what}");
            else first[name] = index;
            index++;
        }
    }

    private static void CheckUniqueRuleIds(ConfigErrorList errors, IReadOnlyList<RuleConfig> rules) =>
        // A defaulted id has no position of its own; the error then points at the rule (the path falls back).
        CheckUnique(errors, "$.rules", "rule id", rules.Select(r => r.Id), key: "id");

    private static void CheckModels(ConfigErrorList errors, IReadOnlyList<ModelConfig> models, List<string> declared)
    {
        for (var m = 0; m < models.Count; m++)
            foreach (var mapping in models[m].Identifiers)
                if (!declared.Contains(mapping.Identifier))
                    errors.Add(ConfigPath.Property(ConfigPath.Property(ConfigPath.Item("$.models", m), "identifiers"), mapping.Identifier),
                        $"identifier '{mapping.Identifier}' mapped by model '{models[m].Name}'", DeclaredIdentifier,
                        DidYouMean.Hint(mapping.Identifier, declared));
    }

    private static void CheckIdentifiers(ConfigErrorList errors, IReadOnlyList<IdentifierConfig> identifiers)
    {
        for (var i = 0; i < identifiers.Count; i++)
        {
            var at = ConfigPath.Item("$.identifiers", i);
            var identifier = identifiers[i];
            for (var p = 0; p < identifier.BlockedPatterns.Count; p++)
                if (RegexError(identifier.BlockedPatterns[p]) is { } problem)
                    errors.Add(ConfigPath.Item(ConfigPath.Property(at, "blocked_patterns"), p),
                        $"pattern \"{identifier.BlockedPatterns[p]}\" ({problem})", "a valid .NET regular expression");
            if (identifier.MaxUniqueValues < 1)
                errors.Add(ConfigPath.Property(at, "max_unique_values"), $"{identifier.MaxUniqueValues}", "an integer ≥ 1");
            if (identifier.MaxRecordsPerValue < 1)
                errors.Add(ConfigPath.Property(at, "max_records_per_value"), $"{identifier.MaxRecordsPerValue}", "an integer ≥ 1");
        }
    }

    private static void CheckRules(ConfigErrorList errors, IReadOnlyList<RuleConfig> rules, List<string> declared)
    {
        for (var r = 0; r < rules.Count; r++)
        {
            var rule = rules[r];
            var at = ConfigPath.Item("$.rules", r);
            var label = $"rule '{rule.Name}' (rules[{r}])";
            if (rule.Criteria.Count == 0)
                errors.Add(ConfigPath.Property(at, "criteria"), $"{label} without criteria", "at least 1 criterion");
            else if (rule.HasFuzzy && !rule.Criteria.Any(c => c.Match == MatchType.Exact))
                errors.Add(at, $"{label} with fuzzy criteria only",
                    "an exact criterion in every rule that has a fuzzy one (fuzzy matching is anchored by exact)");
            for (var c = 0; c < rule.Criteria.Count; c++)
            {
                var criterion = rule.Criteria[c];
                var cat = ConfigPath.Item(ConfigPath.Property(at, "criteria"), c);
                for (var k = 0; k < criterion.Identifiers.Count; k++)
                    if (!declared.Contains(criterion.Identifiers[k]))
                        errors.Add(ConfigPath.Item(ConfigPath.Property(cat, "identifiers"), k),
                            $"identifier '{criterion.Identifiers[k]}' in {label}", DeclaredIdentifier,
                            DidYouMean.Hint(criterion.Identifiers[k], declared));
                if (criterion.Threshold is not { } t) continue;
                if (criterion.Match == MatchType.Exact)
                    errors.Add(ConfigPath.Property(cat, "threshold"), $"a threshold on an exact criterion of {label}",
                        "a threshold only on fuzzy_medium or fuzzy_strong criteria");
                else if (!(t > 0 && t <= 1))
                    errors.Add(ConfigPath.Property(cat, "threshold"), $"threshold {t}", "a threshold t with 0 < t ≤ 1");
            }
        }
    }

    private static void CheckGolden(ConfigErrorList errors, GoldenConfig golden, IReadOnlyList<ModelConfig> models, List<string> declared)
    {
        foreach (var column in golden.Identifiers)
            if (!declared.Contains(column.Name))
                errors.Add(ConfigPath.Property("$.golden.identifiers", column.Name),
                    $"golden identifier '{column.Name}'", DeclaredIdentifier, DidYouMean.Hint(column.Name, declared));
        var mapped = models.SelectMany(m => m.Fields.Select(f => f.Field)).Distinct().ToList();
        foreach (var column in golden.Fields)
            if (!mapped.Contains(column.Name))
                errors.Add(ConfigPath.Property("$.golden.fields", column.Name), $"golden field '{column.Name}', which no model maps",
                    "a field named in some model's \"fields\"", DidYouMean.Hint(column.Name, mapped));
        var modelNames = models.Select(m => m.Name).ToList();
        for (var p = 0; p < golden.ModelPriority.Count; p++)
            if (!modelNames.Contains(golden.ModelPriority[p]))
                errors.Add(ConfigPath.Item("$.golden.model_priority", p), $"model '{golden.ModelPriority[p]}'",
                    "the name of a model in $.models", DidYouMean.Hint(golden.ModelPriority[p], modelNames));
    }

    private static string? RegexError(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    private const string DeclaredIdentifier = "an identifier declared in $.identifiers";
}
