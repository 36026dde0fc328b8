using System.Globalization;

namespace Dinmo.IrEngine.Macro.Sql;

/// <summary>Quoting for the SQL the translation writes: string literals, identifiers, numbers, IN-lists.</summary>
internal static class SqlText
{
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string Name(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string InList(IEnumerable<string> values) => "(" + string.Join(", ", values.Select(Literal)) + ")";
}
