using Dinmo.IrEngine.Resolution;
using Dinmo.IrEngine.StableIds;

namespace Dinmo.IrEngine.Output.Tables;

/// <summary>
/// <c>identity_id_history</c>: every dinmo_id change since the first run (carried in the state),
/// sorted by run_id, dinmo_id (then change type and target, for one order among a run's rows).
/// </summary>
internal static class IdHistoryTableBuilder
{
    public static OutputTable Build(ResolutionResult result)
    {
        var history = result.NextState.History;
        return OutputTable.Create(TableNames.IdHistory,
            [("dinmo_id", ColumnTypes.Text), ("change_type", ColumnTypes.Text), ("into_dinmo_id", ColumnTypes.Text),
             ("run_id", ColumnTypes.Text)],
            IdColumns.History(history), history.Count);
    }
}
