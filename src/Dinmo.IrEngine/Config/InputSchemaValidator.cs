using Apache.Arrow;
using Dinmo.IrEngine.Errors;

namespace Dinmo.IrEngine.Config;

/// <summary>
/// Checks a graph against its models' input schemas before any work starts (SPEC §3.1): every
/// column a model names (primary key, order field, identifier and field columns) must exist, and
/// the columns of one golden field must have the same Arrow type in every model, or all be text.
/// The schemas come from a delegate so this pass does not depend on the readers.
/// </summary>
internal static class InputSchemaValidator
{
    public static IReadOnlyList<ConfigError> Validate(IdentityGraph graph, Func<ModelConfig, Schema> schemaOf)
    {
        var errors = new ConfigErrorList(graph.Source);
        var fieldColumns = new List<(string Field, int Model, string Column, Field Arrow)>();
        for (var m = 0; m < graph.Models.Count; m++)
        {
            var model = graph.Models[m];
            var columns = new Dictionary<string, Field>(StringComparer.Ordinal);
            foreach (var field in schemaOf(model).FieldsList) columns.TryAdd(field.Name, field);
            foreach (var (path, column) in NamedColumns(model, ConfigPath.Item("$.models", m)))
                if (!columns.ContainsKey(column)) Missing(errors, path, model, column, columns.Keys);
            foreach (var mapping in model.Fields)
                if (columns.TryGetValue(mapping.Column, out var arrow)) fieldColumns.Add((mapping.Field, m, mapping.Column, arrow));
        }
        CheckFieldTypes(errors, graph.Models, fieldColumns);
        return errors.Sorted();
    }

    /// <summary>Every column a model names, with the JSON path of the string that names it.</summary>
    private static IEnumerable<(string Path, string Column)> NamedColumns(ModelConfig model, string at)
    {
        yield return (ConfigPath.Property(at, "primary_key"), model.PrimaryKey);
        yield return (ConfigPath.Property(at, "order_field"), model.OrderField);
        var identifiers = ConfigPath.Property(at, "identifiers");
        foreach (var mapping in model.Identifiers)
            for (var c = 0; c < mapping.Columns.Count; c++)
                yield return (ConfigPath.Item(ConfigPath.Property(identifiers, mapping.Identifier), c), mapping.Columns[c]);
        var fields = ConfigPath.Property(at, "fields");
        foreach (var mapping in model.Fields)
            yield return (ConfigPath.Property(fields, mapping.Field), mapping.Column);
    }

    private static void Missing(ConfigErrorList errors, string path, ModelConfig model, string column, IEnumerable<string> columns)
    {
        var names = columns.ToList();
        // A wide table would flood the message; the hint names the likely column anyway.
        var listed = names.Count <= MaxListedColumns
            ? string.Join(", ", names)
            : string.Join(", ", names.Take(MaxListedColumns)) + $", … ({names.Count} columns)";
        errors.Add(path, $"column '{column}', which model '{model.Name}' ({model.Path}) does not have",
            names.Count == 0 ? $"a column of model '{model.Name}' (its input has no columns)" : $"a column of model '{model.Name}': {listed}",
            DidYouMean.Hint(column, names));
    }

    private static void CheckFieldTypes(ConfigErrorList errors, IReadOnlyList<ModelConfig> models,
        List<(string Field, int Model, string Column, Field Arrow)> fieldColumns)
    {
        foreach (var group in fieldColumns.GroupBy(f => f.Field))
        {
            var columns = group.ToList();
            if (columns.TrueForAll(c => ArrowTypeText.IsString(c.Arrow.DataType))) continue;
            var first = columns[0];
            var firstType = ArrowTypeText.Of(first.Arrow.DataType);
            foreach (var other in columns.Skip(1))
            {
                var otherType = ArrowTypeText.Of(other.Arrow.DataType);
                if (otherType == firstType) continue;
                errors.Add(ConfigPath.Property(ConfigPath.Property(ConfigPath.Item("$.models", other.Model), "fields"), other.Field),
                    $"golden field '{group.Key}' typed {otherType} in model '{models[other.Model].Name}' (column '{other.Column}') " +
                    $"but {firstType} in model '{models[first.Model].Name}' (column '{first.Column}')",
                    "the same Arrow type in every model, or text in all of them");
            }
        }
    }

    private const int MaxListedColumns = 20;
}
