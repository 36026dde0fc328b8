using System.Text;
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
        var typeNames = Enum.GetValues<IdChangeType>().Select(t => Encoding.UTF8.GetBytes(IdChangeTypeNames.Name(t))).ToArray();
        var runNames = history.RunIds.Select(Encoding.UTF8.GetBytes).ToArray();

        var capacity = ChunkedTableWriter.ChunkCapacity(to, history.Count);
        var ids = new TextColumnBuilder(capacity, DinmoId.TextLength);
        var types = new TextColumnBuilder(capacity, 8);
        var into = new TextColumnBuilder(capacity, DinmoId.TextLength);
        var runs = new TextColumnBuilder(capacity, 16);
        using var output = new ChunkedTableWriter(to, TableNames.IdHistory,
            [("dinmo_id", ColumnTypes.Text, ids), ("change_type", ColumnTypes.Text, types), ("into_dinmo_id", ColumnTypes.Text, into),
             ("run_id", ColumnTypes.Text, runs)]);
        Span<byte> text = stackalloc byte[DinmoId.TextLength];
        foreach (var row in history.Rows)
        {
            row.Id.Format(text);
            ids.Append(text);
            types.Append(typeNames[(int)row.Type]);
            if (row.HasInto)
            {
                row.Into.Format(text);
                into.Append(text);
            }
            else
            {
                into.AppendNull();
            }
            runs.Append(runNames[row.Run]);
            output.EndRow();
        }
        return output.Complete();
    }
}
