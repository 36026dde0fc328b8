namespace Dinmo.IrEngine.Config;

/// <summary>
/// The file a configuration came from and the line:column of every JSON path in it
/// (<c>$.models[0].identifiers.email[1]</c>), so later checks can point at the exact place.
/// </summary>
public sealed class ConfigSource(string file, IReadOnlyDictionary<string, (int Line, int Column)> locations)
{
    public string File { get; } = file;

    /// <summary>Line and column (1-based) of a JSON path, or (0, 0) when unknown.</summary>
    public (int Line, int Column) Locate(string jsonPath) =>
        locations.TryGetValue(jsonPath, out var at) ? at : (0, 0);

    /// <summary>A source with no positions, for graphs built in code.</summary>
    public static ConfigSource InMemory(string file) => new(file, new Dictionary<string, (int, int)>());
}
