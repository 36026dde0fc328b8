using System.Diagnostics;
using DuckDB.NET.Data;

namespace Dinmo.IrEngine.Macro.Sql;

/// <summary>
/// The warehouse-native run of an identity graph: embedded DuckDB, the graph translated to SQL,
/// components by label propagation, membership written to Parquet. Timed step by step; the whole
/// is what the benchmark compares with <c>irengine resolve</c>.
/// </summary>
internal static class SqlResolution
{
    /// <param name="parquetCopies">model name → Parquet copy of an input DuckDB cannot read.</param>
    /// <param name="membershipPath">Parquet file written with (model, entity_key, cluster, status).</param>
    /// <param name="spillDirectory">DuckDB's temp directory, should it spill.</param>
    public static SqlResolutionResult Run(
        string graphPath, IReadOnlyDictionary<string, string> parquetCopies, string membershipPath, int threads, string spillDirectory)
    {
        var graph = IdentityGraph.Load(graphPath);
        var steps = new List<KeyValuePair<string, double>>();
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        DuckDbCommands.Execute(connection, $"SET threads = {threads}");
        DuckDbCommands.Execute(connection, $"SET temp_directory = {SqlText.Literal(spillDirectory)}");
        // Row order of intermediate tables is irrelevant here; keeping it costs memory.
        DuckDbCommands.Execute(connection, "SET preserve_insertion_order = false");

        var rounds = 0;
        Time(steps, "read", () => Each(connection, SourceSql.Load(graph, parquetCopies)));
        Time(steps, "standardize", () => Each(connection, ObservationSql.Build(graph)));
        Time(steps, "link", () =>
        {
            DuckDbCommands.Execute(connection, LinkSql.CreateEdges);
            for (var r = 0; r < graph.Rules.Count; r++) Each(connection, LinkSql.Rule(graph, r));
        });
        Time(steps, "components", () => rounds = LabelPropagation.Run(connection));
        Time(steps, "conflicts", () => Each(connection, MembershipSql.Build(graph)));
        Time(steps, "write", () => DuckDbCommands.Execute(connection, MembershipSql.Write(membershipPath)));

        return new SqlResolutionResult(
            DuckDbCommands.Scalar(connection, "SELECT count(*) FROM records"),
            DuckDbCommands.Scalar(connection, "SELECT count(*) FROM edges"),
            rounds,
            steps);
    }

    private static void Each(DuckDBConnection connection, IEnumerable<string> statements)
    {
        foreach (var statement in statements) DuckDbCommands.Execute(connection, statement);
    }

    private static void Time(List<KeyValuePair<string, double>> steps, string name, Action step)
    {
        var clock = Stopwatch.StartNew();
        step();
        steps.Add(KeyValuePair.Create(name, clock.Elapsed.TotalSeconds));
    }
}
