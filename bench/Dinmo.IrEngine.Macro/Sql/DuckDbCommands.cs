using DuckDB.NET.Data;

namespace Dinmo.IrEngine.Macro.Sql;

/// <summary>Runs statements on a DuckDB connection.</summary>
internal static class DuckDbCommands
{
    public static void Execute(DuckDBConnection connection, string statement)
    {
        using var command = connection.CreateCommand();
        command.CommandText = statement;
        command.ExecuteNonQuery();
    }

    public static long Scalar(DuckDBConnection connection, string query)
    {
        using var command = connection.CreateCommand();
        command.CommandText = query;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
