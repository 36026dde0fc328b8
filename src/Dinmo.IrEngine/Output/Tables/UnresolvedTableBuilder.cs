using Dinmo.IrEngine.Resolution;
using Dinmo.IrEngine.StableIds;

namespace Dinmo.IrEngine.Output.Tables;

/// <summary>
/// <c>identity_unresolved_records</c>: every record left out of the golden table, with its reason;
/// sorted by model_name, entity_key (record id order). Records excluded together by a conflict share
/// a <c>conflict_group_id</c> derived from their cluster's smallest record key.
/// </summary>
internal static class UnresolvedTableBuilder
{
    public static OutputTable Build(ResolutionResult result, string runId)
    {
        var records = result.Records;
        var rows = Enumerable.Range(0, records.Count).Where(r => result.Reason[r] != UnresolvedReason.None).ToArray();
        string? GroupId(int record)
        {
            if (result.Reason[record] != UnresolvedReason.IdentifierConflict) return null;
            var root = result.Clusters.Root[record] >= 0 ? result.Clusters.Root[record] : record;
            return DinmoIdFactory.ForConflictGroup(result.Graph.Project, records.ModelName(root), records.KeyString(root)!);
        }
        return OutputTable.Create(TableNames.Unresolved,
            [("model_name", ColumnTypes.Text), ("entity_key", ColumnTypes.Text), ("unresolved_reason", ColumnTypes.Text),
             ("conflict_reasons", ColumnTypes.Text), ("conflict_group_id", ColumnTypes.Text),
             ("previous_dinmo_id", ColumnTypes.Text), ("run_id", ColumnTypes.Text)],
            [TextColumn.Of(rows.Select(records.ModelName)), TextColumn.Of(rows.Select(records.KeyString)),
             TextColumn.Of(rows.Select(r => ResolutionNames.Reason(result.Reason[r]))),
             TextColumn.Of(rows.Select(r => result.RecordConflictReasons[r])),
             TextColumn.Of(rows.Select(GroupId)),
             TextColumn.Of(rows.Select(r => result.PreviousDinmoId(r))),
             TextColumn.Of(rows.Select(_ => runId))],
            rows.Length);
    }
}
