using System.Text;

namespace Dinmo.IrEngine.Tests.Support;

/// <summary>
/// A small RFC 4180 reader for checking output files: an unquoted empty field is null, a quoted
/// empty field is the empty string (the engine's CSV convention).
/// </summary>
internal static class CsvText
{
    public static List<Dictionary<string, string?>> ReadTable(string path)
    {
        var rows = Parse(File.ReadAllText(path, Encoding.UTF8));
        var header = rows[0].Select(h => h!).ToArray();
        return rows.Skip(1).Select(r => header.Select((h, i) => (h, r[i])).ToDictionary(p => p.h, p => p.Item2)).ToList();
    }

    public static List<List<string?>> Parse(string text)
    {
        var rows = new List<List<string?>>();
        var row = new List<string?>();
        var field = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"': quoted = wasQuoted = true; break;
                case ',': row.Add(Take()); break;
                case '\r': break;
                case '\n': row.Add(Take()); rows.Add(row); row = []; break;
                default: field.Append(c); break;
            }
        }
        if (field.Length > 0 || wasQuoted || row.Count > 0) { row.Add(Take()); rows.Add(row); }
        return rows;

        string? Take()
        {
            var value = field.Length == 0 && !wasQuoted ? null : field.ToString();
            field.Clear();
            wasQuoted = false;
            return value;
        }
    }
}
