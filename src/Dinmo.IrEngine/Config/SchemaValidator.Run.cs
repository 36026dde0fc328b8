using System.Text.Json;
using System.Text.RegularExpressions;
using Dinmo.IrEngine.Errors;

namespace Dinmo.IrEngine.Config;

internal sealed partial class SchemaValidator
{
    /// <summary>One validation of one document: the keyword checks and the errors they collect.</summary>
    private sealed class Run(SchemaValidator validator, string file, List<ConfigError> errors)
    {
        public void Check(ConfigNode node, JsonElement schema)
        {
            if (schema.ValueKind == JsonValueKind.True) return;
            if (schema.ValueKind == JsonValueKind.False)
            {
                Add(node, node.Describe(), "nothing here");
                return;
            }
            if (schema.TryGetProperty("$ref", out var reference)) Check(node, validator.Resolve(reference.GetString()!));
            // A value of the wrong type cannot meet its other keywords; one error says it all.
            if (schema.TryGetProperty("type", out var type) && !HasType(node, type))
            {
                Add(node, node.Describe(), Article(type));
                return;
            }
            if (schema.TryGetProperty("enum", out var choices)) CheckEnum(node, choices);
            if (schema.TryGetProperty("const", out var constant) && !Equal(node, constant))
                Add(node, node.Describe(), constant.GetRawText());
            switch (node.Kind)
            {
                case ConfigNodeKind.Number: CheckNumber(node, schema); break;
                case ConfigNodeKind.String: CheckString(node, schema); break;
                case ConfigNodeKind.Array: CheckArray(node, schema); break;
                case ConfigNodeKind.Object: CheckObject(node, schema); break;
            }
        }

        private void CheckEnum(ConfigNode node, JsonElement choices)
        {
            var values = choices.EnumerateArray().ToList();
            if (values.Exists(v => Equal(node, v))) return;
            var names = values.Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()).ToList();
            var hint = node.Kind == ConfigNodeKind.String ? DidYouMean.Hint(node.Text, names) : null;
            Add(node, node.Describe(), "one of " + string.Join(", ", names.Select(n => $"'{n}'")), hint);
        }

        private void CheckNumber(ConfigNode node, JsonElement schema)
        {
            var v = node.Number;
            if (schema.TryGetProperty("minimum", out var min) && v < min.GetDouble())
                Add(node, node.Describe(), $"a number ≥ {min.GetRawText()}");
            if (schema.TryGetProperty("exclusiveMinimum", out var xmin) && v <= xmin.GetDouble())
                Add(node, node.Describe(), $"a number > {xmin.GetRawText()}");
            if (schema.TryGetProperty("maximum", out var max) && v > max.GetDouble())
                Add(node, node.Describe(), $"a number ≤ {max.GetRawText()}");
            if (schema.TryGetProperty("exclusiveMaximum", out var xmax) && v >= xmax.GetDouble())
                Add(node, node.Describe(), $"a number < {xmax.GetRawText()}");
        }

        private void CheckString(ConfigNode node, JsonElement schema)
        {
            // JSON Schema counts length in code points, not UTF-16 units.
            if (schema.TryGetProperty("minLength", out var minLength) && node.Text.EnumerateRunes().Count() < minLength.GetInt32())
                Add(node, node.Describe(), minLength.GetInt32() == 1 ? "a non-empty string" : $"a string of at least {minLength.GetInt32()} characters");
            if (schema.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(node.Text, pattern.GetString()!, RegexOptions.None, PatternTimeout))
                Add(node, node.Describe(), $"a string matching {pattern.GetString()}");
        }

        private void CheckArray(ConfigNode node, JsonElement schema)
        {
            if (schema.TryGetProperty("minItems", out var minItems) && node.Items.Count < minItems.GetInt32())
                Add(node, $"an array of {Count(node.Items.Count, "item")}", $"at least {Count(minItems.GetInt32(), "item")}");
            if (schema.TryGetProperty("uniqueItems", out var unique) && unique.ValueKind == JsonValueKind.True)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var item in node.Items)
                    if (!seen.Add(Canonical(item))) Add(item, item.Describe() + " a second time", "each item once");
            }
            if (schema.TryGetProperty("items", out var items))
                foreach (var item in node.Items) Check(item, items);
        }

        private void CheckObject(ConfigNode node, JsonElement schema)
        {
            var declared = schema.TryGetProperty("properties", out var properties) ? properties : default;
            if (schema.TryGetProperty("required", out var required))
                foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                    if (node[name] is null)
                        Add(node, $"no '{name}'", $"required key '{name}'");
            var hasAdditional = schema.TryGetProperty("additionalProperties", out var additional);
            foreach (var property in node.Properties)
            {
                if (declared.ValueKind == JsonValueKind.Object && declared.TryGetProperty(property.Name, out var sub))
                    Check(property.Value, sub);
                else if (hasAdditional && additional.ValueKind == JsonValueKind.False)
                    UnknownKey(property, declared);
                else if (hasAdditional)
                    Check(property.Value, additional);
            }
        }

        private void UnknownKey(ConfigProperty property, JsonElement declared)
        {
            var allowed = declared.ValueKind == JsonValueKind.Object ? declared.EnumerateObject().Select(p => p.Name).ToList() : [];
            var expected = allowed.Count == 0 ? "no keys here" : "one of the keys " + string.Join(", ", allowed);
            errors.Add(new ConfigError(file, property.Line, property.Column, property.Value.Path,
                $"unknown key '{property.Name}'", expected, DidYouMean.Hint(property.Name, allowed)));
        }

        private void Add(ConfigNode at, string found, string expected, string? hint = null) =>
            errors.Add(new ConfigError(file, at.Line, at.Column, at.Path, found, expected, hint));
    }
}
