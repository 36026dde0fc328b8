namespace Dinmo.IrEngine.Macro.Sql;

/// <summary>
/// From components to each record's cluster and status (SPEC §4 steps 1, 3, 6): unusable key or no
/// applicable rule → <c>missing</c>; a cluster over a conflict limit → every record <c>conflict</c>
/// (<c>exclude_cluster</c>, replicated exactly); otherwise <c>unique</c> or <c>matched</c> by size.
/// Under <c>skip_merge</c> the SQL still excludes whole violating clusters: the engine's ordered
/// refusal of links is not expressible as set operations, and the comparison says so.
/// </summary>
internal static class MembershipSql
{
    public static IEnumerable<string> Build(IdentityGraph graph)
    {
        yield return """
            CREATE TABLE clusters AS
            SELECT r.rid, r.model, r.entity_key, r.key_ok, coalesce(l.label, r.rid) AS cluster
            FROM records r LEFT JOIN labels l ON l.node = r.rid
            """;

        // A record is applicable to a rule when it has an observation for every criterion.
        var applicable = graph.Rules.Select(rule => string.Join("\nINTERSECT ", rule.Criteria.Select(c =>
            $"SELECT rid FROM observations WHERE identifier IN {SqlText.InList(c.Identifiers)}")));
        yield return $"CREATE TABLE applicable AS {string.Join("\nUNION ", applicable.Select(a => $"({a})"))}";

        var limited = graph.Identifiers.Where(i => i.MaxUniqueValues is not null).ToList();
        var over = limited.Count == 0
            ? "false"
            : string.Join(" OR ", limited.Select(i => $"(identifier = {SqlText.Literal(i.Name)} AND distinct_values > {i.MaxUniqueValues})"));
        yield return $"""
            CREATE TABLE conflict_clusters AS
            SELECT DISTINCT cluster FROM (
              SELECT c.cluster, o.identifier, count(DISTINCT o.value) AS distinct_values
              FROM observations o JOIN clusters c USING (rid)
              WHERE o.identifier IN {SqlText.InList(limited.Select(i => i.Name).DefaultIfEmpty(""))}
              GROUP BY c.cluster, o.identifier)
            WHERE {over}
            """;

        yield return """
            CREATE TABLE membership AS
            SELECT c.model, c.entity_key, c.cluster,
                   CASE WHEN NOT c.key_ok OR a.rid IS NULL THEN 'missing'
                        WHEN x.cluster IS NOT NULL THEN 'conflict'
                        WHEN count(*) OVER (PARTITION BY c.cluster) = 1 THEN 'unique'
                        ELSE 'matched' END AS status
            FROM clusters c
            LEFT JOIN applicable a USING (rid)
            LEFT JOIN conflict_clusters x USING (cluster)
            """;
    }

    public static string Write(string path) =>
        $"COPY membership TO {SqlText.Literal(path)} (FORMAT parquet)";
}
