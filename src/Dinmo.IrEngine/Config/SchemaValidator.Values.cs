using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Dinmo.IrEngine.Config;

internal sealed partial class SchemaValidator
{
    // A committed schema pattern is trusted, but a config string is not: bound the match anyway.
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    private static bool HasType(ConfigNode node, JsonElement type) => type.ValueKind == JsonValueKind.Array
        ? type.EnumerateArray().Any(t => HasType(node, t.GetString()!))
        : HasType(node, type.GetString()!);

    private static bool HasType(ConfigNode node, string type) => type switch
    {
        "object" => node.Kind == ConfigNodeKind.Object,
        "array" => node.Kind == ConfigNodeKind.Array,
        "string" => node.Kind == ConfigNodeKind.String,
        "number" => node.Kind == ConfigNodeKind.Number,
        "integer" => node.IsInteger,
        "boolean" => node.Kind == ConfigNodeKind.Boolean,
        "null" => node.Kind == ConfigNodeKind.Null,
        _ => throw new InvalidOperationException($"Unknown JSON Schema type '{type}'."),
    };

    /// <summary>"an object", "a string or null": the expected side of a type error.</summary>
    private static string Article(JsonElement type)
    {
        var names = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
        return string.Join(" or ", names.Select(n => n is "object" or "array" or "integer" ? "an " + n : n is "null" ? n : "a " + n));
    }

    /// <summary>JSON equality of a node and a schema value (enum, const), for the scalar kinds the schema lists.</summary>
    private static bool Equal(ConfigNode node, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => node.Kind == ConfigNodeKind.String && node.Text == value.GetString(),
        JsonValueKind.Number => node.Kind == ConfigNodeKind.Number && node.Number == value.GetDouble(),
        JsonValueKind.True => node.Kind == ConfigNodeKind.Boolean && node.Boolean,
        JsonValueKind.False => node.Kind == ConfigNodeKind.Boolean && !node.Boolean,
        JsonValueKind.Null => node.Kind == ConfigNodeKind.Null,
        _ => Canonical(node) == value.GetRawText(),
    };

    /// <summary>A text form equal for JSON-equal values (numbers by value, object keys in order), for uniqueItems.</summary>
    private static string Canonical(ConfigNode node)
    {
        var text = new StringBuilder();
        Append(node, text);
        return text.ToString();

        static void Append(ConfigNode n, StringBuilder to)
        {
            switch (n.Kind)
            {
                case ConfigNodeKind.String: to.Append(JsonSerializer.Serialize(n.Text)); break;
                case ConfigNodeKind.Number: to.Append(n.Number.ToString("R", CultureInfo.InvariantCulture)); break;
                case ConfigNodeKind.Array:
                    to.Append('[');
                    foreach (var item in n.Items) { Append(item, to); to.Append(','); }
                    to.Append(']');
                    break;
                case ConfigNodeKind.Object:
                    to.Append('{');
                    foreach (var p in n.Properties.OrderBy(p => p.Name, StringComparer.Ordinal))
                    {
                        to.Append(JsonSerializer.Serialize(p.Name)).Append(':');
                        Append(p.Value, to);
                        to.Append(',');
                    }
                    to.Append('}');
                    break;
                default: to.Append(n.Text); break;
            }
        }
    }

    private static string Count(int n, string noun) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");
}
