namespace Dinmo.IrEngine.Macro.Sql;

/// <summary>
/// Each rule as SQL producing <c>edges (a, b)</c> between record ids (SPEC §4 step 4). Exact
/// criteria form the block key, one row per combination of a record's values; records sharing a
/// key are joined to the key's smallest rid (a star, not all pairs, so a shared value costs linear
/// work). An anchored fuzzy criterion is scored with DuckDB's <c>jaro_winkler_similarity</c> on the
/// distinct values of each block: every record links to the smallest rid holding its (block, value),
/// and those representatives link when their values are similar. Blocks with more distinct fuzzy
/// values than <c>max_fuzzy_block_values</c> make no links of the rule.
/// </summary>
internal static class LinkSql
{
    public const string CreateEdges = "CREATE TABLE edges (a BIGINT, b BIGINT)";

    public static IEnumerable<string> Rule(IdentityGraph graph, int index)
    {
        var rule = graph.Rules[index];
        var fuzzy = rule.Fuzzy;
        var exact = rule.Exact.ToList();
        var blocks = $"rule{index}_blocks";
        var keys = Enumerable.Range(0, exact.Count).Select(k => $"k{k}").ToList();
        var keyList = string.Join(", ", keys);

        var joins = exact.Select((c, k) => k == 0
            ? $"{Values(c)} c0"
            : $"JOIN {Values(c)} c{k} USING (rid)");
        yield return $"""
            CREATE TABLE {blocks} AS
            SELECT c0.rid, {string.Join(", ", keys.Select((key, k) => $"c{k}.value AS {key}"))}
            FROM {string.Join("\n", joins)}
            """;

        if (fuzzy is null)
        {
            yield return $"""
                INSERT INTO edges
                SELECT rid, root FROM (SELECT rid, min(rid) OVER (PARTITION BY {keyList}) AS root FROM {blocks})
                WHERE rid <> root
                """;
            yield break;
        }

        var scored = $"rule{index}_fuzzy";
        var values = $"rule{index}_values";
        yield return $"""
            CREATE TABLE {scored} AS
            SELECT b.rid, {string.Join(", ", keys.Select(k => $"b.{k}"))}, f.value AS fv
            FROM {blocks} b JOIN {Values(fuzzy)} f USING (rid)
            """;
        yield return $"""
            CREATE TABLE {values} AS
            SELECT {keyList}, fv, min(rid) AS rep
            FROM {scored}
            SEMI JOIN (SELECT {keyList} FROM {scored} GROUP BY ALL HAVING count(DISTINCT fv) <= {graph.MaxFuzzyBlockValues}) small USING ({keyList})
            GROUP BY ALL
            """;
        yield return $"""
            INSERT INTO edges
            SELECT s.rid, v.rep FROM {scored} s JOIN {values} v USING ({keyList}, fv) WHERE s.rid <> v.rep
            """;
        yield return $"""
            INSERT INTO edges
            SELECT x.rep, y.rep FROM {values} x JOIN {values} y USING ({keyList})
            WHERE x.fv < y.fv AND jaro_winkler_similarity(x.fv, y.fv) >= {SqlText.Number(fuzzy.FuzzyThreshold)}
            """;
    }

    /// <summary>The distinct (rid, value) pairs of a criterion's identifiers taken together.</summary>
    private static string Values(GraphCriterion criterion) =>
        $"(SELECT DISTINCT rid, value FROM observations WHERE identifier IN {SqlText.InList(criterion.Identifiers)})";
}
