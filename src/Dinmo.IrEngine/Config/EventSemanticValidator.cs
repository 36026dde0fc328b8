using System.Globalization;
using System.Text.RegularExpressions;
using Dinmo.IrEngine.Errors;

namespace Dinmo.IrEngine.Config;

/// <summary>
/// Checks of a typed <see cref="EventGraph"/> that its JSON Schema cannot express, collecting every
/// error: at most <see cref="EventGraph.MaxModels"/> models, unique model and identifier names,
/// unique priorities (the lookup order must be total), identifiers mapped by a model but not declared,
/// lifetimes that are not positive ISO-8601 durations, invalid blocked patterns. Input schemas are
/// checked separately (<see cref="EventInputSchemaValidator"/>) because they need the files.
/// </summary>
internal static class EventSemanticValidator
{
    public static IReadOnlyList<ConfigError> Validate(EventGraph graph)
    {
        var errors = new ConfigErrorList(graph.Source);
        if (graph.Models.Count > EventGraph.MaxModels)
            errors.Add(ConfigPath.Item("$.models", EventGraph.MaxModels), $"{graph.Models.Count} models",
                $"at most {EventGraph.MaxModels} event models");
        CheckUnique(errors, "$.models", "name", "model name", graph.Models.Select(m => m.Name));
        CheckUnique(errors, "$.identifiers", "name", "identifier name", graph.Identifiers.Select(i => i.Name));
        CheckUnique(errors, "$.identifiers", "priority", "priority",
            graph.Identifiers.Select(i => i.Priority.ToString(CultureInfo.InvariantCulture)));
        var declared = graph.Identifiers.Select(i => i.Name).ToList();
        for (var m = 0; m < graph.Models.Count; m++)
            foreach (var mapping in graph.Models[m].Identifiers)
                if (!declared.Contains(mapping.Identifier))
                    errors.Add(ConfigPath.Property(ConfigPath.Property(ConfigPath.Item("$.models", m), "identifiers"), mapping.Identifier),
                        $"identifier '{mapping.Identifier}' mapped by model '{graph.Models[m].Name}'",
                        "an identifier declared in $.identifiers", DidYouMean.Hint(mapping.Identifier, declared));
        for (var i = 0; i < graph.Identifiers.Count; i++) CheckIdentifier(errors, graph.Identifiers[i], ConfigPath.Item("$.identifiers", i));
        return errors.Sorted();
    }

    private static void CheckIdentifier(ConfigErrorList errors, EventIdentifierConfig identifier, string at)
    {
        if (identifier.LifetimeText is { } text && identifier.Lifetime is null)
            errors.Add(ConfigPath.Property(at, "lifetime"), $"lifetime \"{text}\"",
                "a positive ISO-8601 duration such as P90D, PT12H or P1Y2M10DT2H30M");
        for (var p = 0; p < identifier.BlockedPatterns.Count; p++)
            if (RegexError(identifier.BlockedPatterns[p]) is { } problem)
                errors.Add(ConfigPath.Item(ConfigPath.Property(at, "blocked_patterns"), p),
                    $"pattern \"{identifier.BlockedPatterns[p]}\" ({problem})", "a valid .NET regular expression");
        if (identifier.MaxUniqueValuesPerProfile < 1)
            errors.Add(ConfigPath.Property(at, "max_unique_values_per_profile"), $"{identifier.MaxUniqueValuesPerProfile}", "an integer ≥ 1");
        if (identifier.MaxProfilesPerValue < 1)
            errors.Add(ConfigPath.Property(at, "max_profiles_per_value"), $"{identifier.MaxProfilesPerValue}", "an integer ≥ 1");
    }

    private static void CheckUnique(ConfigErrorList errors, string list, string key, string what, IEnumerable<string> values)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var value in values)
        {
            if (first.TryGetValue(value, out var at))
                errors.Add(ConfigPath.Property(ConfigPath.Item(list, index), key),
                    $"{what} '{value}' again (first at {list[2..]}[{at}])", $"a unique {what}");
            else first[value] = index;
            index++;
        }
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
}
