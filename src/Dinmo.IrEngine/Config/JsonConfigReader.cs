using System.Text;
using System.Text.Json;
using Dinmo.IrEngine.Errors;

namespace Dinmo.IrEngine.Config;

/// <summary>
/// Reads strict JSON (no comments, no trailing commas) into a <see cref="ConfigNode"/> tree that
/// remembers the line:column of every value. <see cref="Utf8JsonReader"/> only knows byte offsets,
/// so positions go through a <see cref="Utf8LineMap"/>.
/// </summary>
internal sealed class JsonConfigReader
{
    private readonly string _file;
    private readonly Utf8LineMap _lines;
    private readonly List<ConfigError> _errors = [];
    private string _path = ConfigPath.Root;

    private JsonConfigReader(string file, byte[] bytes)
    {
        _file = file;
        _lines = new Utf8LineMap(bytes);
    }

    /// <summary>Parses a whole document; throws <see cref="ConfigException"/> on a syntax error or duplicate key.</summary>
    public static ConfigNode Read(string file, byte[] bytes)
    {
        var reader = new JsonConfigReader(file, bytes);
        var start = bytes.AsSpan().StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
        var json = new Utf8JsonReader(bytes.AsSpan(start), new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
        });
        try
        {
            json.Read();
            var root = reader.ReadValue(ref json, ConfigPath.Root, start);
            while (json.Read()) { } // the reader throws on anything after the root value
            if (reader._errors.Count > 0) throw new ConfigException(reader._errors);
            return root;
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader.GetString refuses invalid UTF-8 inside a string token.
            var (line, column) = reader._lines.At(json.TokenStartIndex + start);
            throw new ConfigException(new ConfigError(file, line, column, reader._path, "invalid UTF-8", "a UTF-8 text file"));
        }
        catch (JsonException e)
        {
            var (line, column) = reader._lines.At(e.LineNumber ?? 0, e.BytePositionInLine ?? 0);
            throw new ConfigException(new ConfigError(file, line, column, reader._path,
                "invalid JSON: " + WithoutPosition(e.Message), "well-formed JSON (no comments or trailing commas)"));
        }
    }

    private ConfigNode ReadValue(ref Utf8JsonReader json, string path, int offset)
    {
        _path = path;
        var (line, column) = _lines.At(json.TokenStartIndex + offset);
        switch (json.TokenType)
        {
            case JsonTokenType.StartObject:
                var properties = new List<ConfigProperty>();
                while (json.Read() && json.TokenType != JsonTokenType.EndObject)
                {
                    var name = json.GetString()!;
                    var (keyLine, keyColumn) = _lines.At(json.TokenStartIndex + offset);
                    var childPath = ConfigPath.Property(path, name);
                    if (properties.Exists(p => p.Name == name))
                        _errors.Add(new ConfigError(_file, keyLine, keyColumn, childPath,
                            $"key '{name}' a second time", "each key once per object"));
                    json.Read();
                    properties.Add(new ConfigProperty(name, keyLine, keyColumn, ReadValue(ref json, childPath, offset)));
                }
                return ConfigNode.Object(path, line, column, properties);
            case JsonTokenType.StartArray:
                var items = new List<ConfigNode>();
                while (json.Read() && json.TokenType != JsonTokenType.EndArray)
                    items.Add(ReadValue(ref json, ConfigPath.Item(path, items.Count), offset));
                return ConfigNode.Array(path, line, column, items);
            case JsonTokenType.String:
                return ConfigNode.String(path, line, column, json.GetString()!);
            case JsonTokenType.Number:
                var text = Encoding.UTF8.GetString(json.ValueSpan);
                if (!json.TryGetDouble(out var number))
                    _errors.Add(new ConfigError(_file, line, column, path, "number " + text, "a number within double range"));
                return ConfigNode.Num(path, line, column, number, text);
            case JsonTokenType.True:
            case JsonTokenType.False:
                return ConfigNode.Bool(path, line, column, json.TokenType == JsonTokenType.True);
            default:
                return ConfigNode.Null(path, line, column);
        }
    }

    // The reader appends "LineNumber: n | BytePositionInLine: m." which the error already carries as line:column.
    private static string WithoutPosition(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).TrimEnd('.', ' ');
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];
}
