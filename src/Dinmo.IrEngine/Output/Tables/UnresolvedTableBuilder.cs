using System.Text;
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
    public static WrittenTable Write(ResolutionResult result, string runId, TableDestination to)
    {
        var records = result.Records;
        var reasonNames = new byte[]?[Enum.GetValues<UnresolvedReason>().Max(r => (int)r) + 1];
        foreach (var r in Enum.GetValues<UnresolvedReason>()) reasonNames[(int)r] = ResolutionNames.Reason(r) is { } n ? Encoding.UTF8.GetBytes(n) : null;
        var run = Encoding.UTF8.GetBytes(runId);
        var unresolved = 0;
        foreach (var reason in result.Reason) unresolved += reason != UnresolvedReason.None ? 1 : 0;

        var capacity = ChunkedTableWriter.ChunkCapacity(to, unresolved);
        var model = new TextColumnBuilder(capacity, 12);
        var key = new TextColumnBuilder(capacity, 12);
        var reasonColumn = new TextColumnBuilder(capacity, 20);
        var conflictReasons = new TextColumnBuilder(capacity, 4);
        var groupId = new TextColumnBuilder(capacity, 4);
        var previousId = new TextColumnBuilder(capacity, 4);
        var runs = new TextColumnBuilder(capacity, run.Length);
        using var output = new ChunkedTableWriter(to, TableNames.Unresolved,
            [("model_name", ColumnTypes.Text, model), ("entity_key", ColumnTypes.Text, key), ("unresolved_reason", ColumnTypes.Text, reasonColumn),
             ("conflict_reasons", ColumnTypes.Text, conflictReasons), ("conflict_group_id", ColumnTypes.Text, groupId),
             ("previous_dinmo_id", ColumnTypes.Text, previousId), ("run_id", ColumnTypes.Text, runs)]);
        for (var r = 0; r < records.Count; r++)
        {
            var reason = result.Reason[r];
            if (reason == UnresolvedReason.None) continue;
            model.Append(records.ModelNamesUtf8[records.Model[r]]);
            key.Append(records.Keys, records.LoadIndex[r]);
            if (reasonNames[(int)reason] is { } name) reasonColumn.Append(name);
            else reasonColumn.AppendNull();
            conflictReasons.Append(result.RecordConflictReasons[r]);
            groupId.Append(reason == UnresolvedReason.IdentifierConflict ? GroupId(result, r) : null);
            if (result.PreviousIds[r] is { } previous)
            {
                previousId.Append(previous);
            }
            else
            {
                previousId.AppendNull();
            }
            runs.Append(run);
            output.EndRow();
        }
        return output.Complete();
    }

    private static string GroupId(ResolutionResult result, int record)
    {
        var root = result.Clusters.Root[record] >= 0 ? result.Clusters.Root[record] : record;
        return DinmoIdFactory.ForConflictGroup(result.Graph.Project, result.Records.ModelName(root), result.Records.KeyString(root)!);
    }
}
