using Apache.Arrow;
using Dinmo.IrEngine.Errors;

namespace Dinmo.IrEngine.Config;

/// <summary>
/// Checks an event graph against its models' input schemas before any work starts: every column a
/// model names (primary key, timestamp, partition, identifier columns) must exist.
/// </summary>
internal static class EventInputSchemaValidator
{
    private const int MaxListedColumns = 20;

    public static IReadOnlyList<ConfigError> Validate(EventGraph graph, Func<EventModelConfig, Schema> schemaOf)
    {
        var errors = new ConfigErrorList(graph.Source);
        for (var m = 0; m < graph.Models.Count; m++)
        {
            var model = graph.Models[m];
            var columns = schemaOf(model).FieldsList.Select(f => f.Name).Distinct(StringComparer.Ordinal).ToList();
            foreach (var (path, column) in NamedColumns(model, ConfigPath.Item("$.models", m)))
            {
                if (columns.Contains(column)) continue;
                var listed = columns.Count <= MaxListedColumns
                    ? string.Join(", ", columns)
                    : string.Join(", ", columns.Take(MaxListedColumns)) + $", … ({columns.Count} columns)";
                errors.Add(path, $"column '{column}', which model '{model.Name}' ({model.Path}) does not have",
                    $"a column of model '{model.Name}': {listed}", DidYouMean.Hint(column, columns));
            }
        }
        return errors.Sorted();
    }

    private static IEnumerable<(string Path, string Column)> NamedColumns(EventModelConfig model, string at)
    {
        yield return (ConfigPath.Property(at, "primary_key"), model.PrimaryKey);
        yield return (ConfigPath.Property(at, "timestamp"), model.Timestamp);
        if (model.Partition is { } partition) yield return (ConfigPath.Property(at, "partition"), partition);
        var identifiers = ConfigPath.Property(at, "identifiers");
        foreach (var mapping in model.Identifiers)
            for (var c = 0; c < mapping.Columns.Count; c++)
                yield return (ConfigPath.Item(ConfigPath.Property(identifiers, mapping.Identifier), c), mapping.Columns[c]);
    }
}
