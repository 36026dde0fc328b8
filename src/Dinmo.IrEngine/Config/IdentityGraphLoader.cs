using Apache.Arrow;
using Dinmo.IrEngine.Errors;

namespace Dinmo.IrEngine.Config;

/// <summary>
/// Loads an identity graph file (JSON, or YAML by extension) and checks it: syntax, then the JSON
/// Schema, then the semantic rules; each stage reports every error it finds, in document order,
/// in one <see cref="ConfigException"/> (a later stage needs a tree the earlier one accepted).
/// Input schemas are checked by <see cref="CheckInputSchemas"/> once the caller can open the inputs.
/// </summary>
public static class IdentityGraphLoader
{
    /// <summary>Reads, validates and binds the graph at <paramref name="path"/>.</summary>
    /// <exception cref="ConfigException">The file is missing, unreadable or invalid; lists every error.</exception>
    public static IdentityGraph Load(string path)
    {
        var document = ConfigDocument.Load(path);
        ThrowIfAny(SchemaValidator.IdentityGraph.Validate(document));
        var graph = IdentityGraphBinder.Bind(document);
        ThrowIfAny(SemanticValidator.Validate(graph));
        return graph;
    }

    /// <summary>
    /// Checks that every column the graph names exists in its model's input schema and that golden
    /// field columns agree in type across models.
    /// </summary>
    /// <param name="schemaOf">The Arrow schema of a model's input (supplied by the readers).</param>
    /// <exception cref="ConfigException">Lists every missing column and type mismatch.</exception>
    public static void CheckInputSchemas(IdentityGraph graph, Func<ModelConfig, Schema> schemaOf)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(schemaOf);
        ThrowIfAny(InputSchemaValidator.Validate(graph, schemaOf));
    }

    private static void ThrowIfAny(IReadOnlyList<ConfigError> errors)
    {
        if (errors.Count > 0) throw new ConfigException(errors);
    }
}
