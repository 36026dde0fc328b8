using DuckDB.NET.Data;

namespace Dinmo.IrEngine.Macro.Sql;

/// <summary>
/// Connected components of <c>edges</c> the way SQL-only pipelines compute them: every linked record
/// starts with its own rid as label, then repeatedly takes the smallest label among itself and its
/// neighbours until no label changes (SPEC §4 step 5). Leaves <c>labels (node, label)</c>; records
/// with no edge are their own component.
/// </summary>
internal static class LabelPropagation
{
    /// <summary>Runs to convergence and returns the number of rounds, the final no-change round included.</summary>
    public static int Run(DuckDBConnection connection)
    {
        DuckDbCommands.Execute(connection, "CREATE TABLE neighbours AS SELECT a AS node, b AS other FROM edges UNION ALL SELECT b, a FROM edges");
        DuckDbCommands.Execute(connection, "CREATE TABLE labels AS SELECT node, least(node, min(other)) AS label FROM neighbours GROUP BY node");
        var rounds = 0;
        long changed;
        do
        {
            rounds++;
            DuckDbCommands.Execute(connection, """
                CREATE TABLE labels_next AS
                SELECT l.node, least(l.label, m.label) AS label, m.label < l.label AS changed
                FROM labels l
                JOIN (SELECT n.node, min(o.label) AS label FROM neighbours n JOIN labels o ON o.node = n.other GROUP BY n.node) m
                  USING (node)
                """);
            changed = DuckDbCommands.Scalar(connection, "SELECT count(*) FROM labels_next WHERE changed");
            DuckDbCommands.Execute(connection, "DROP TABLE labels");
            DuckDbCommands.Execute(connection, "ALTER TABLE labels_next RENAME TO labels");
        }
        while (changed > 0);
        return rounds;
    }
}
