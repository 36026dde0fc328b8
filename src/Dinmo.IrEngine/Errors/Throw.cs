using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Dinmo.IrEngine.Errors;

/// <summary>
/// Throw helpers: keep the throwing code out of hot methods and give every message the same
/// shape — what was found, what was expected, and where (file, model, column, row).
/// </summary>
internal static class Throw
{
    /// <summary>Throws an <see cref="InputException"/> naming every known location part.</summary>
    [DoesNotReturn]
    public static void Input(string message, string? file = null, string? model = null, string? column = null,
        long? row = null, Exception? inner = null) =>
        throw new InputException(Located(message, file, model, column, row), inner);

    [DoesNotReturn]
    public static T Input<T>(string message, string? file = null, string? model = null, string? column = null,
        long? row = null, Exception? inner = null) =>
        throw new InputException(Located(message, file, model, column, row), inner);

    [DoesNotReturn]
    public static void Output(string message, Exception? inner = null) => throw new OutputException(message, inner);

    [DoesNotReturn]
    public static void Config(ConfigError error) => throw new ConfigException(error);

    /// <summary>Formats "message (file F, model M, column C, row R)" with the parts that are known.</summary>
    public static string Located(string message, string? file, string? model, string? column, long? row)
    {
        var where = new StringBuilder();
        void Add(string label, string? value)
        {
            if (value is null) return;
            where.Append(where.Length == 0 ? "" : ", ").Append(label).Append(' ').Append(value);
        }
        Add("file", file);
        Add("model", model);
        Add("column", column);
        Add("row", row?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return where.Length == 0 ? message : $"{message} ({where})";
    }
}
