using DuckDB.NET.Data;
using Dinmo.IrEngine.Macro.Data;
using Dinmo.IrEngine.Macro.Sql;

namespace Dinmo.IrEngine.Macro.Compare;

/// <summary>
/// Compares the engine's <c>identity_match</c> (dinmo_id, resolution_status per record) with the
/// SQL run's membership (cluster label, status per record), in DuckDB, after both runs and outside
/// their timings. See <see cref="PartitionAgreement"/> for what is counted.
/// </summary>
internal static class PartitionComparison
{
    private static readonly string[] MatchColumns = ["model_name", "entity_key", "dinmo_id", "resolution_status"];

    public static PartitionAgreement Compare(string engineOutput, string sqlMembership, string scratchDirectory)
    {
        var engineMatch = Path.Combine(scratchDirectory, "identity_match.parquet");
        ArrowParquetCopy.Write(Path.Combine(engineOutput, "identity_match.arrow"), engineMatch, MatchColumns);

        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        // Duplicate primary keys give several rows per key on both sides: one row per (key, status) suffices.
        DuckDbCommands.Execute(connection, $"""
            CREATE TABLE joined AS
            SELECT coalesce(e.model, s.model) AS model, coalesce(e.entity_key, s.entity_key) AS entity_key,
                   e.dinmo_id, coalesce(e.status, 'absent') AS engine_status,
                   s.cluster, coalesce(s.status, 'absent') AS sql_status
            FROM (SELECT DISTINCT model_name AS model, entity_key, dinmo_id, resolution_status AS status
                  FROM read_parquet({SqlText.Literal(engineMatch)})) e
            FULL JOIN (SELECT DISTINCT model, entity_key, cluster, status FROM read_parquet({SqlText.Literal(sqlMembership)})) s
              ON e.model = s.model AND e.entity_key IS NOT DISTINCT FROM s.entity_key
            """);
        DuckDbCommands.Execute(connection, """
            CREATE TABLE resolved AS
            SELECT *, count(*) OVER (PARTITION BY dinmo_id) AS in_engine,
                      count(*) OVER (PARTITION BY cluster) AS in_sql,
                      count(*) OVER (PARTITION BY dinmo_id, cluster) AS in_both
            FROM joined
            WHERE engine_status IN ('unique', 'matched') AND sql_status IN ('unique', 'matched')
            """);

        return new PartitionAgreement(
            DuckDbCommands.Scalar(connection, "SELECT count(*) FROM joined WHERE engine_status <> 'absent'"),
            DuckDbCommands.Scalar(connection, "SELECT count(*) FROM joined WHERE sql_status <> 'absent'"),
            DuckDbCommands.Scalar(connection, "SELECT count(*) FROM joined WHERE engine_status <> sql_status"),
            DuckDbCommands.Scalar(connection, "SELECT count(*) FROM resolved"),
            DuckDbCommands.Scalar(connection, "SELECT count(*) FROM resolved WHERE in_engine <> in_both OR in_sql <> in_both"),
            DuckDbCommands.Scalar(connection, "SELECT count(DISTINCT dinmo_id) FROM resolved"),
            DuckDbCommands.Scalar(connection, "SELECT count(DISTINCT cluster) FROM resolved"),
            StatusMatrix(connection));
    }

    private static List<StatusPair> StatusMatrix(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT engine_status, sql_status, count(*) FROM joined GROUP BY ALL ORDER BY ALL";
        using var reader = command.ExecuteReader();
        var cells = new List<StatusPair>();
        while (reader.Read()) cells.Add(new StatusPair(reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        return cells;
    }
}
