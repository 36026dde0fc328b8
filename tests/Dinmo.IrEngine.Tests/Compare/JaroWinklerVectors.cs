using System.Text;

namespace Dinmo.IrEngine.Tests.Compare;

/// <summary>
/// The shared reference vectors (../shared/data/jaro_winkler/vectors.csv next to the repository):
/// RFC 4180 CSV with header s1,s2,jaro,jaro_winkler. Loading fails loudly when the file is missing
/// so a test can never pass without having checked them.
/// </summary>
internal static class JaroWinklerVectors
{
    public sealed record Row(string S1, string S2, double Jaro, double JaroWinkler, int Line);

    private static readonly Lazy<IReadOnlyList<Row>> Rows = new(Load);

    public static IReadOnlyList<Row> All => Rows.Value;

    public static string FilePath => Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "data", "jaro_winkler", "vectors.csv"));

    /// <summary>Walks up from the test binaries to the folder holding Dinmo.IrEngine.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dinmo.IrEngine.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"no Dinmo.IrEngine.sln above {AppContext.BaseDirectory}");
    }

    private static IReadOnlyList<Row> Load()
    {
        string path = FilePath;
        if (!File.Exists(path))
            throw new FileNotFoundException($"Jaro-Winkler reference vectors not found at {path}; expected the shared data folder beside the repository", path);
        List<List<string>> records = ParseCsv(File.ReadAllText(path, Encoding.UTF8));
        if (records.Count < 2 || string.Join(",", records[0]) != "s1,s2,jaro,jaro_winkler")
            throw new InvalidDataException($"{path}: expected header s1,s2,jaro,jaro_winkler and rows");
        var rows = new List<Row>();
        for (int r = 1; r < records.Count; r++)
        {
            List<string> f = records[r];
            if (f.Count != 4) throw new InvalidDataException($"{path}: record {r} has {f.Count} fields, expected 4");
            rows.Add(new Row(f[0], f[1], double.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture), r + 1));
        }
        return rows;
    }

    /// <summary>RFC 4180: quoted fields may hold commas, CR/LF and doubled quotes; records end at CRLF or LF.</summary>
    internal static List<List<string>> ParseCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        int i = 0;
        bool fieldStarted = false;
        while (i < text.Length)
        {
            char c = text[i];
            if (!fieldStarted && c == '"')
            {
                fieldStarted = true;
                i++;
                while (true)
                {
                    if (i >= text.Length) throw new InvalidDataException("unterminated quoted field");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    field.Append(text[i++]);
                }
                continue;
            }
            if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
                fieldStarted = false;
                i++;
                continue;
            }
            if (c == '\r' || c == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                fieldStarted = false;
                records.Add(record);
                record = new List<string>();
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                continue;
            }
            fieldStarted = true;
            field.Append(c);
            i++;
        }
        if (fieldStarted || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }
        return records;
    }
}
