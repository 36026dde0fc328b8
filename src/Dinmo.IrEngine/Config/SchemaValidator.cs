using System.Reflection;
using System.Text.Json;
using Dinmo.IrEngine.Errors;

namespace Dinmo.IrEngine.Config;

/// <summary>
/// A small JSON Schema (draft 2020-12) validator over <see cref="ConfigNode"/> trees that reports
/// every error with file, line:column, JSON path, what was found and what was expected.
/// It implements only the subset of keywords the committed schema
/// (<c>data/schemas/identity-graph.schema.json</c>) uses: <c>type</c>, <c>properties</c>,
/// <c>required</c>, <c>additionalProperties</c> (boolean or schema), <c>items</c>, <c>enum</c>,
/// <c>const</c>, <c>minimum</c>, <c>maximum</c>, <c>exclusiveMinimum</c>, <c>exclusiveMaximum</c>,
/// <c>minItems</c>, <c>uniqueItems</c>, <c>minLength</c>, <c>pattern</c> and <c>$ref</c> to
/// <c>#/$defs/…</c>; annotations (<c>title</c>, <c>description</c>, <c>$id</c>, <c>$schema</c>) are
/// ignored. A schema using any other keyword is refused when the validator is built, so the schema
/// cannot silently grow a rule this class does not enforce.
/// </summary>
internal sealed partial class SchemaValidator
{
    private readonly JsonElement _root;

    public SchemaValidator(JsonElement schema)
    {
        _root = schema;
        RequireKnownKeywords(schema, "#");
    }

    /// <summary>The validator for the identity graph schema embedded in this assembly.</summary>
    public static SchemaValidator IdentityGraph => LazyIdentityGraph.Value;

    /// <summary>The validator for the event stitching schema embedded in this assembly (SPEC §9).</summary>
    public static SchemaValidator EventStitching => LazyEventStitching.Value;

    /// <summary>Every schema error of a document, in document order (line, then column).</summary>
    public IReadOnlyList<ConfigError> Validate(ConfigDocument document)
    {
        var errors = new List<ConfigError>();
        new Run(this, document.File, errors).Check(document.Root, _root);
        return errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList();
    }

    private JsonElement Resolve(string reference)
    {
        // Only local references into $defs: "#/$defs/name". Anything else is a schema authoring error.
        const string prefix = "#/$defs/";
        if (!reference.StartsWith(prefix, StringComparison.Ordinal) ||
            !_root.TryGetProperty("$defs", out var defs) || !defs.TryGetProperty(reference[prefix.Length..], out var target))
            throw new InvalidOperationException($"Unsupported or dangling $ref '{reference}' in a config schema.");
        return target;
    }

    private static void RequireKnownKeywords(JsonElement schema, string at)
    {
        if (schema.ValueKind is JsonValueKind.True or JsonValueKind.False) return;
        if (schema.ValueKind != JsonValueKind.Object)
            throw new InvalidOperationException($"Schema at {at} is not an object or boolean.");
        foreach (var keyword in schema.EnumerateObject())
        {
            if (!KnownKeywords.Contains(keyword.Name))
                throw new InvalidOperationException($"Schema keyword '{keyword.Name}' at {at} is not implemented by SchemaValidator.");
            switch (keyword.Name)
            {
                case "properties" or "$defs":
                    foreach (var sub in keyword.Value.EnumerateObject()) RequireKnownKeywords(sub.Value, $"{at}/{keyword.Name}/{sub.Name}");
                    break;
                case "items" or "additionalProperties":
                    RequireKnownKeywords(keyword.Value, $"{at}/{keyword.Name}");
                    break;
            }
        }
    }

    private static readonly HashSet<string> KnownKeywords =
    [
        "$schema", "$id", "$defs", "$ref", "title", "description",
        "type", "properties", "required", "additionalProperties", "items", "enum", "const",
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minItems", "uniqueItems", "minLength", "pattern",
    ];

    private static readonly Lazy<SchemaValidator> LazyIdentityGraph = new(() => new SchemaValidator(LoadEmbedded(SchemaFileName)));

    private static readonly Lazy<SchemaValidator> LazyEventStitching = new(() => new SchemaValidator(LoadEmbedded(EventSchemaFileName)));

    public const string SchemaFileName = "identity-graph.schema.json";

    public const string EventSchemaFileName = "event-stitching.schema.json";

    /// <summary>Reads an embedded schema by file name (the manifest name carries the link folder as a prefix).</summary>
    public static JsonElement LoadEmbedded(string fileName)
    {
        var assembly = typeof(SchemaValidator).Assembly;
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith("." + fileName, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Embedded schema '{fileName}' is missing from {assembly.GetName().Name}.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.Clone();
    }
}
