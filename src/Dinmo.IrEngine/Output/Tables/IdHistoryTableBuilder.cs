using Dinmo.IrEngine.Resolution;
using Dinmo.IrEngine.StableIds;

namespace Dinmo.IrEngine.Output.Tables;

/// <summary>
/// <c>identity_id_history</c>: every dinmo_id change since the first run (carried in the state),
/// sorted by run_id, dinmo_id (then change type and target, for one order among a run's rows).
/// </summary>
internal static class IdHistoryTableBuilder
{
    public static WrittenTable Write(ResolutionResult result, TableDestination to)
    {
        var history = result.NextState.History;
        var columns = new IdHistoryColumns(history, ChunkedTableWriter.ChunkCapacity(to, history.Count));
        using var output = new ChunkedTableWriter(to, TableNames.IdHistory,
            [("dinmo_id", ColumnTypes.Text, columns.Ids), ("change_type", ColumnTypes.Text, columns.Types),
             ("into_dinmo_id", ColumnTypes.Text, columns.Into), ("run_id", ColumnTypes.Text, columns.Runs)]);
        foreach (var row in history.Rows)
        {
            columns.Append(row);
            output.EndRow();
        }
        return output.Complete();
    }
}
