namespace Dinmo.IrEngine.Macro.Sql;

/// <summary>
/// Loads every model's mapped columns into DuckDB (<c>read_csv</c> as text, <c>read_parquet</c>) and
/// builds <c>records</c>: one row per input row with a global <c>rid</c>, its entity key as text, and
/// whether the key is usable (not null, not empty, unique in its model; SPEC §4 step 1).
/// </summary>
internal static class SourceSql
{
    /// <summary>Model index in the high bits keeps rids unique without counting rows first (2^40 rows per model).</summary>
    private const int ModelShift = 40;

    public static string Table(int model) => $"src_{model}";

    /// <param name="parquetCopies">model name → a Parquet copy, for models DuckDB cannot read (Arrow IPC).</param>
    public static IEnumerable<string> Load(IdentityGraph graph, IReadOnlyDictionary<string, string> parquetCopies)
    {
        for (var i = 0; i < graph.Models.Count; i++)
        {
            var model = graph.Models[i];
            var columns = model.Identifiers.SelectMany(p => p.Value).Distinct()
                .Select(c => $"CAST({SqlText.Name(c)} AS VARCHAR) AS {SqlText.Name(c)}");
            yield return $"""
                CREATE TABLE {Table(i)} AS
                SELECT ({i}::BIGINT << {ModelShift}) + row_number() OVER () AS rid,
                       CAST({SqlText.Name(model.PrimaryKey)} AS VARCHAR) AS entity_key,
                       {string.Join(", ", columns)}
                FROM {Reader(graph, model, parquetCopies)}
                """;
        }
        var union = string.Join("\nUNION ALL ", graph.Models.Select((m, i) =>
            $"SELECT rid, {SqlText.Literal(m.Name)} AS model, entity_key FROM {Table(i)}"));
        yield return $"""
            CREATE TABLE records AS
            SELECT rid, model, entity_key,
                   coalesce(entity_key <> '', false) AND count(*) OVER (PARTITION BY model, entity_key) = 1 AS key_ok
            FROM ({union})
            """;
    }

    private static string Reader(IdentityGraph graph, GraphModel model, IReadOnlyDictionary<string, string> parquetCopies)
    {
        if (parquetCopies.TryGetValue(model.Name, out var copy)) return $"read_parquet({SqlText.Literal(copy)})";
        var path = Path.Combine(graph.Directory, model.Path);
        if (Directory.Exists(path)) path = Path.Combine(path, "*");
        var lower = path.ToLowerInvariant();
        if (lower.EndsWith(".parquet", StringComparison.Ordinal)) return $"read_parquet({SqlText.Literal(path)})";
        if (lower.EndsWith(".csv", StringComparison.Ordinal) || lower.EndsWith(".csv.gz", StringComparison.Ordinal))
            return $"read_csv({SqlText.Literal(path)}, header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"')";
        throw new InvalidDataException($"model '{model.Name}': DuckDB reads no '{Path.GetExtension(path)}' files here; pass a Parquet copy");
    }
}
