using System.Text.Json;

namespace Dinmo.IrEngine.Macro.Sql;

/// <summary>
/// The parts of an identity graph (SPEC §3) that the SQL translation needs, read from its JSON file.
/// Golden rules and outputs are not read: the SQL side computes cluster membership only.
/// </summary>
internal sealed record IdentityGraph(
    string Directory,
    IReadOnlyList<GraphModel> Models,
    IReadOnlyList<GraphIdentifier> Identifiers,
    IReadOnlyList<GraphRule> Rules,
    string ConflictPolicy,
    int MaxFuzzyBlockValues)
{
    /// <summary>SPEC §4 step 4: blocks with more distinct fuzzy values are not compared.</summary>
    private const int DefaultMaxFuzzyBlockValues = 5000;

    private static readonly string[] DefaultSteps = ["trim", "lowercase"];

    public GraphIdentifier Identifier(string name) =>
        Identifiers.FirstOrDefault(i => i.Name == name)
        ?? throw new InvalidDataException($"identifier '{name}' is used but not declared in the graph");

    /// <exception cref="InvalidDataException">The file is not a JSON identity graph.</exception>
    public static IdentityGraph Load(string path)
    {
        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"{path}: the SQL translation reads JSON identity graphs only");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        return new IdentityGraph(
            System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!,
            [.. root.GetProperty("models").EnumerateArray().Select(Model)],
            [.. root.GetProperty("identifiers").EnumerateArray().Select(Identifier)],
            [.. root.GetProperty("rules").EnumerateArray().Select(Rule)],
            Text(root, "conflict_policy") ?? "exclude_cluster",
            root.TryGetProperty("max_fuzzy_block_values", out var max) ? max.GetInt32() : DefaultMaxFuzzyBlockValues);
    }

    private static GraphModel Model(JsonElement model) => new(
        model.GetProperty("name").GetString()!,
        model.GetProperty("path").GetString()!,
        model.GetProperty("primary_key").GetString()!,
        [.. model.GetProperty("identifiers").EnumerateObject()
            .Select(p => KeyValuePair.Create(p.Name, (IReadOnlyList<string>)Strings(p.Value)))]);

    private static GraphIdentifier Identifier(JsonElement identifier) => new(
        identifier.GetProperty("name").GetString()!,
        identifier.TryGetProperty("standardize", out var steps) ? Strings(steps) : DefaultSteps,
        Int(identifier, "max_unique_values"),
        Int(identifier, "max_records_per_value"),
        identifier.TryGetProperty("blocked_values", out var values) ? Strings(values) : [],
        identifier.TryGetProperty("blocked_patterns", out var patterns) ? Strings(patterns) : []);

    private static GraphRule Rule(JsonElement rule) => new(
        rule.GetProperty("name").GetString()!,
        [.. rule.GetProperty("criteria").EnumerateArray().Select(c => new GraphCriterion(
            Strings(c.GetProperty("identifiers")),
            c.GetProperty("match").GetString()!,
            c.TryGetProperty("threshold", out var t) ? t.GetDouble() : null))]);

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetInt32() : null;
}
