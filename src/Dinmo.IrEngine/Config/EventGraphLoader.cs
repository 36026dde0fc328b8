using Apache.Arrow;
using Dinmo.IrEngine.Errors;

namespace Dinmo.IrEngine.Config;

/// <summary>
/// Loads an event stitching config (JSON, or YAML by extension) and checks it the way
/// <see cref="IdentityGraphLoader"/> checks an identity graph: syntax, then the JSON Schema
/// (<c>data/schemas/event-stitching.schema.json</c>), then the semantic rules; each stage reports
/// every error it finds, with file, line:column, JSON path and a did-you-mean hint.
/// </summary>
public static class EventGraphLoader
{
    /// <summary>Reads, validates and binds the config at <paramref name="path"/>.</summary>
    /// <exception cref="ConfigException">The file is missing, unreadable or invalid; lists every error.</exception>
    public static EventGraph Load(string path)
    {
        var document = ConfigDocument.Load(path);
        ThrowIfAny(SchemaValidator.EventStitching.Validate(document));
        var graph = EventGraphBinder.Bind(document);
        ThrowIfAny(EventSemanticValidator.Validate(graph));
        return graph;
    }

    /// <summary>Checks that every column the config names exists in its model's input schema.</summary>
    /// <exception cref="ConfigException">Lists every missing column.</exception>
    public static void CheckInputSchemas(EventGraph graph, Func<EventModelConfig, Schema> schemaOf)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(schemaOf);
        ThrowIfAny(EventInputSchemaValidator.Validate(graph, schemaOf));
    }

    private static void ThrowIfAny(IReadOnlyList<ConfigError> errors)
    {
        if (errors.Count > 0) throw new ConfigException(errors);
    }
}
