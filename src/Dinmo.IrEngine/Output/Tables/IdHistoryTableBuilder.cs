using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Resolution;

namespace Dinmo.IrEngine.Output.Tables;

/// <summary>
/// <c>identity_id_history</c>: every dinmo_id change, sorted by run_id, dinmo_id. With no previous
/// state every id of this run is <c>created</c>.
/// </summary>
internal static class IdHistoryTableBuilder
{
    public static OutputTable Build(ResolutionResult result, string runId)
    {
        var rows = result.DinmoIds.Where(id => id is not null).Select(id => (Id: id!, Change: "created", Into: (string?)null, Run: runId))
            .OrderBy(r => r.Run, CodePointOrder.Instance).ThenBy(r => r.Id, CodePointOrder.Instance).ToArray();
        return OutputTable.Create(TableNames.IdHistory,
            [("dinmo_id", ColumnTypes.Text), ("change_type", ColumnTypes.Text), ("into_dinmo_id", ColumnTypes.Text),
             ("run_id", ColumnTypes.Text)],
            [GoldenTableBuilder.Texts(rows.Select(r => r.Id)), GoldenTableBuilder.Texts(rows.Select(r => r.Change)),
             GoldenTableBuilder.Texts(rows.Select(r => r.Into)), GoldenTableBuilder.Texts(rows.Select(r => r.Run))],
            rows.Length);
    }
}
