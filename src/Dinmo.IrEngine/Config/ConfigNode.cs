using System.Globalization;

namespace Dinmo.IrEngine.Config;

/// <summary>
/// One value of a parsed JSON or YAML configuration, with where it was written: 1-based line and
/// column and its JSON path (<c>$.models[0].identifiers.email[1]</c>). A single small type for every
/// kind keeps the schema validator and the binder independent of the source syntax.
/// </summary>
internal sealed class ConfigNode
{
    private ConfigNode(ConfigNodeKind kind, string path, int line, int column)
    {
        Kind = kind;
        Path = path;
        Line = line;
        Column = column;
    }

    public ConfigNodeKind Kind { get; }
    public string Path { get; }
    public int Line { get; }
    public int Column { get; }

    /// <summary>Object keys in document order; empty for other kinds.</summary>
    public IReadOnlyList<ConfigProperty> Properties { get; private init; } = [];

    /// <summary>Array items in document order; empty for other kinds.</summary>
    public IReadOnlyList<ConfigNode> Items { get; private init; } = [];

    /// <summary>The string value, or the number as written (so error messages echo the source).</summary>
    public string Text { get; private init; } = "";

    public double Number { get; private init; }
    public bool Boolean { get; private init; }

    public bool IsInteger => Kind == ConfigNodeKind.Number && Math.Floor(Number) == Number && double.IsFinite(Number);

    /// <summary>The value of a key, or null when the key is absent or this is not an object.</summary>
    public ConfigNode? this[string name]
    {
        get
        {
            foreach (var p in Properties)
                if (p.Name == name) return p.Value;
            return null;
        }
    }

    public static ConfigNode Object(string path, int line, int column, IReadOnlyList<ConfigProperty> properties) =>
        new(ConfigNodeKind.Object, path, line, column) { Properties = properties };

    public static ConfigNode Array(string path, int line, int column, IReadOnlyList<ConfigNode> items) =>
        new(ConfigNodeKind.Array, path, line, column) { Items = items };

    public static ConfigNode String(string path, int line, int column, string value) =>
        new(ConfigNodeKind.String, path, line, column) { Text = value };

    public static ConfigNode Num(string path, int line, int column, double value, string asWritten) =>
        new(ConfigNodeKind.Number, path, line, column) { Number = value, Text = asWritten };

    public static ConfigNode Bool(string path, int line, int column, bool value) =>
        new(ConfigNodeKind.Boolean, path, line, column) { Boolean = value, Text = value ? "true" : "false" };

    public static ConfigNode Null(string path, int line, int column) =>
        new(ConfigNodeKind.Null, path, line, column) { Text = "null" };

    /// <summary>How the value reads in an error message: short, quoted when a string.</summary>
    public string Describe() => Kind switch
    {
        ConfigNodeKind.Object => "an object",
        ConfigNodeKind.Array => "an array",
        ConfigNodeKind.String => "string \"" + (Text.Length > MaxEchoLength ? Text[..MaxEchoLength] + "…" : Text) + "\"",
        ConfigNodeKind.Number => "number " + Text,
        ConfigNodeKind.Boolean => "boolean " + Text,
        _ => "null",
    };

    /// <summary>Every node of the tree with its position, keyed by JSON path (for <see cref="ConfigSource"/>).</summary>
    public void CollectLocations(IDictionary<string, (int Line, int Column)> into)
    {
        into[Path] = (Line, Column);
        foreach (var p in Properties) p.Value.CollectLocations(into);
        foreach (var item in Items) item.CollectLocations(into);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Path} ({Line}:{Column}) {Describe()}");

    // Long strings (a pasted regex, a path) would drown the rest of the message.
    private const int MaxEchoLength = 60;
}
