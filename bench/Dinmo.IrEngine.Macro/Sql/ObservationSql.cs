namespace Dinmo.IrEngine.Macro.Sql;

/// <summary>
/// Builds <c>observations (rid, identifier, value)</c>: standardized, non-null, non-blocked values of
/// records with usable keys (SPEC §3.2, §4 steps 1–2). Blocked values are standardized with the
/// identifier's own steps; blocked patterns run as RE2 <c>regexp_matches</c>; values carried by more
/// distinct records than <c>max_records_per_value</c> are dropped as hubs.
/// </summary>
internal static class ObservationSql
{
    public static IEnumerable<string> Build(IdentityGraph graph)
    {
        var selects = new List<string>();
        for (var i = 0; i < graph.Models.Count; i++)
        {
            foreach (var (identifier, columns) in graph.Models[i].Identifiers)
            {
                var steps = graph.Identifier(identifier).Standardize;
                selects.AddRange(columns.Select(column =>
                    $"SELECT rid, {SqlText.Literal(identifier)} AS identifier, {StandardizeSql.Apply(steps, SqlText.Name(column))} AS value FROM {SourceSql.Table(i)}"));
            }
        }
        var blocked = graph.Identifiers.Select(Blocked).Where(b => b is not null).ToList();
        var notBlocked = blocked.Count == 0 ? "" : $"AND NOT coalesce({string.Join(" OR ", blocked)}, false)";
        yield return $"""
            CREATE TABLE observations AS
            SELECT DISTINCT o.rid, o.identifier, o.value
            FROM ({string.Join("\nUNION ALL ", selects)}) o
            SEMI JOIN records r ON r.rid = o.rid AND r.key_ok
            WHERE o.value IS NOT NULL {notBlocked}
            """;

        var hubs = graph.Identifiers.Where(i => i.MaxRecordsPerValue is not null).ToList();
        if (hubs.Count == 0) yield break;
        var limit = string.Join(" ", hubs.Select(h => $"WHEN {SqlText.Literal(h.Name)} THEN {h.MaxRecordsPerValue}"));
        yield return $"""
            CREATE TABLE hub_values AS
            SELECT identifier, value FROM observations
            WHERE identifier IN {SqlText.InList(hubs.Select(h => h.Name))}
            GROUP BY identifier, value
            HAVING count(DISTINCT rid) > CASE identifier {limit} END
            """;
        yield return "DELETE FROM observations o USING hub_values h WHERE o.identifier = h.identifier AND o.value = h.value";
    }

    private static string? Blocked(GraphIdentifier identifier)
    {
        var tests = identifier.BlockedValues.Select(v => $"value = {StandardizeSql.Apply(identifier.Standardize, SqlText.Literal(v))}")
            .Concat(identifier.BlockedPatterns.Select(p => $"regexp_matches(value, {SqlText.Literal(p)})"))
            .ToList();
        return tests.Count == 0 ? null : $"(identifier = {SqlText.Literal(identifier.Name)} AND ({string.Join(" OR ", tests)}))";
    }
}
