using System.Text;
using Dinmo.IrEngine.Errors;

namespace Dinmo.IrEngine.Config;

/// <summary>
/// A configuration file read into a positioned <see cref="ConfigNode"/> tree. The syntax is chosen
/// by extension: <c>.yaml</c>/<c>.yml</c> is YAML, anything else is strict JSON (the documented format).
/// </summary>
internal sealed record ConfigDocument(string File, ConfigNode Root)
{
    /// <summary>Reads and parses a file; a missing or unreadable file is a <see cref="ConfigException"/>.</summary>
    public static ConfigDocument Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = System.IO.File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var found = e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : "an unreadable file: " + e.Message;
            throw new ConfigException(new ConfigError(path, 0, 0, ConfigPath.Root, found, "a readable identity graph file (.json, .yaml or .yml)"));
        }
        return Parse(path, bytes);
    }

    /// <summary>Parses bytes as the file named <paramref name="file"/> (its extension picks the syntax).</summary>
    public static ConfigDocument Parse(string file, byte[] bytes)
    {
        try
        {
            var root = IsYaml(file)
                ? YamlConfigReader.Read(file, new UTF8Encoding(false, true).GetString(bytes))
                : JsonConfigReader.Read(file, bytes);
            return new ConfigDocument(file, root);
        }
        catch (DecoderFallbackException)
        {
            // Invalid UTF-8 in YAML text (the JSON reader reports its own, with a position).
            throw new ConfigException(new ConfigError(file, 0, 0, ConfigPath.Root, "invalid UTF-8", "a UTF-8 text file"));
        }
    }

    public static bool IsYaml(string file) =>
        file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
