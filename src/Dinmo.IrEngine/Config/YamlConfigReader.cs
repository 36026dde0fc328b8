using System.Globalization;
using System.Text.RegularExpressions;
using Dinmo.IrEngine.Errors;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Dinmo.IrEngine.Config;

/// <summary>
/// Reads a YAML document of the same shape as the JSON graph into a <see cref="ConfigNode"/> tree,
/// from YamlDotNet's parser events (whose marks carry line and column). Plain scalars resolve as
/// in the YAML 1.2 core schema (null, true/false, decimal numbers, else string); quoted scalars are
/// always strings. Anchors, aliases and several documents are refused: a config has one plain tree.
/// </summary>
internal sealed partial class YamlConfigReader
{
    private readonly string _file;
    private readonly IParser _parser;
    private readonly List<ConfigError> _errors = [];
    private Mark _lastSeen = Mark.Empty;
    private string _path = ConfigPath.Root;

    private YamlConfigReader(string file, string text)
    {
        _file = file;
        _parser = new Parser(new StringReader(text));
    }

    /// <summary>Parses a whole document; throws <see cref="ConfigException"/> on a syntax error.</summary>
    public static ConfigNode Read(string file, string text)
    {
        var reader = new YamlConfigReader(file, text);
        try
        {
            return reader.ReadDocument();
        }
        catch (YamlException e)
        {
            throw new ConfigException(new ConfigError(file, (int)e.Start.Line, (int)e.Start.Column, reader._path,
                "invalid YAML: " + WithoutPosition(e.Message), "well-formed YAML"));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this, without a mark, on some malformed flow collections
            // (an unclosed "[a, b" followed by a mapping key); point at the last value it read.
            throw new ConfigException(new ConfigError(file, (int)reader._lastSeen.Line, (int)reader._lastSeen.Column, reader._path,
                "invalid YAML after this point (an unclosed [ or { ?)", "well-formed YAML"));
        }
    }

    private ConfigNode ReadDocument()
    {
        _parser.Consume<StreamStart>();
        if (_parser.TryConsume<StreamEnd>(out _))
            return ConfigNode.Null(ConfigPath.Root, 1, 1);
        _parser.Consume<DocumentStart>();
        var root = ReadValue(ConfigPath.Root);
        _parser.Consume<DocumentEnd>();
        if (_parser.Current is DocumentStart second)
            Add(second.Start, ConfigPath.Root, "a second YAML document", "one document");
        if (_errors.Count > 0) throw new ConfigException(_errors);
        return root;
    }

    private ConfigNode ReadValue(string path)
    {
        var current = _parser.Current ?? throw new YamlException("unexpected end of the document");
        var (line, column) = ((int)current.Start.Line, (int)current.Start.Column);
        (_lastSeen, _path) = (current.Start, path);
        if (current is AnchorAlias || (current is NodeEvent { Anchor.IsEmpty: false }))
            Add(current.Start, path, "a YAML anchor or alias", "plain values (anchors and aliases are not supported)");
        switch (current)
        {
            case MappingStart:
                _parser.MoveNext();
                var properties = new List<ConfigProperty>();
                while (!_parser.TryConsume<MappingEnd>(out _))
                {
                    var key = _parser.Current!;
                    var name = key is Scalar scalarKey ? scalarKey.Value : null;
                    var childPath = name is null ? path : ConfigPath.Property(path, name);
                    if (name is null) Add(key.Start, path, "a key that is not a plain string", "string keys");
                    else if (properties.Exists(p => p.Name == name))
                        Add(key.Start, childPath, $"key '{name}' a second time", "each key once per mapping");
                    if (name is null) SkipNode(); else _parser.MoveNext();
                    var value = ReadValue(childPath);
                    if (name is not null) properties.Add(new ConfigProperty(name, (int)key.Start.Line, (int)key.Start.Column, value));
                }
                return ConfigNode.Object(path, line, column, properties);
            case SequenceStart:
                _parser.MoveNext();
                var items = new List<ConfigNode>();
                while (!_parser.TryConsume<SequenceEnd>(out _))
                    items.Add(ReadValue(ConfigPath.Item(path, items.Count)));
                return ConfigNode.Array(path, line, column, items);
            case Scalar scalar:
                _parser.MoveNext();
                return Resolve(scalar, path, line, column);
            default:
                _parser.MoveNext();
                return ConfigNode.Null(path, line, column);
        }
    }

    private static ConfigNode Resolve(Scalar scalar, string path, int line, int column)
    {
        var text = scalar.Value;
        if (scalar.Style != ScalarStyle.Plain || scalar.Tag.ToString() == "tag:yaml.org,2002:str")
            return ConfigNode.String(path, line, column, text);
        if (text is "" or "~" or "null" or "Null" or "NULL") return ConfigNode.Null(path, line, column);
        if (text is "true" or "True" or "TRUE") return ConfigNode.Bool(path, line, column, true);
        if (text is "false" or "False" or "FALSE") return ConfigNode.Bool(path, line, column, false);
        if (DecimalNumber().IsMatch(text) &&
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return ConfigNode.Num(path, line, column, number, text);
        return ConfigNode.String(path, line, column, text);
    }

    private void SkipNode()
    {
        var depth = 0;
        do
        {
            depth += _parser.Current switch { MappingStart or SequenceStart => 1, MappingEnd or SequenceEnd => -1, _ => 0 };
            _parser.MoveNext();
        } while (depth > 0);
    }

    private void Add(Mark at, string path, string found, string expected) =>
        _errors.Add(new ConfigError(_file, (int)at.Line, (int)at.Column, path, found, expected));

    // YamlException messages start with "(Line: l, Col: c, Idx: i) - (…): "; the error already has line:column.
    private static string WithoutPosition(string message)
    {
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return cut < 0 ? message : message[(cut + 3)..];
    }

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex DecimalNumber();
}
