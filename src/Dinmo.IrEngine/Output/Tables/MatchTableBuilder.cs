using System.Text;
using Apache.Arrow.Types;
using Dinmo.IrEngine.Resolution;

namespace Dinmo.IrEngine.Output.Tables;

/// <summary>
/// <c>identity_match</c>: one row per record read, with its dinmo_id (null when unresolved), its
/// bucket and the rules (config order) whose applied links include it; sorted by model_name, entity_key.
/// </summary>
internal static class MatchTableBuilder
{
    public static WrittenTable Write(ResolutionResult result, ClusterIdText ids, string runId, TableDestination to)
    {
        var records = result.Records;
        var n = records.Count;
        var modelNames = records.ModelNamesUtf8;
        var ruleNames = result.Rules.Select(rule => Encoding.UTF8.GetBytes(rule.Config.Name)).ToArray();
        var statusNames = new byte[Enum.GetValues<ResolutionStatus>().Max(s => (int)s) + 1][];
        foreach (var s in Enum.GetValues<ResolutionStatus>()) statusNames[(int)s] = Encoding.UTF8.GetBytes(ResolutionNames.Status(s));
        var run = Encoding.UTF8.GetBytes(runId);

        var capacity = ChunkedTableWriter.ChunkCapacity(to, n);
        var model = new TextColumnBuilder(capacity, 12);
        var key = new TextColumnBuilder(capacity, 12);
        var dinmoId = new TextColumnBuilder(capacity, StableIds.DinmoId.TextLength);
        var status = new TextColumnBuilder(capacity, 8);
        var rules = new ListColumnBuilder<TextColumnBuilder>((ListType)ColumnTypes.TextList, new TextColumnBuilder(capacity, 16), capacity);
        var runs = new TextColumnBuilder(capacity, run.Length);
        using var output = new ChunkedTableWriter(to, TableNames.Match,
            [("model_name", ColumnTypes.Text, model), ("entity_key", ColumnTypes.Text, key), ("dinmo_id", ColumnTypes.Text, dinmoId),
             ("resolution_status", ColumnTypes.Text, status), ("matched_rules", ColumnTypes.TextList, rules), ("run_id", ColumnTypes.Text, runs)]);
        for (var r = 0; r < n; r++)
        {
            model.Append(modelNames[records.Model[r]]);
            key.Append(records.Keys, records.LoadIndex[r]);
            var cluster = result.Reason[r] == UnresolvedReason.None ? result.Clusters.ClusterOf(r) : -1;
            if (ids.Has(cluster)) dinmoId.Append(ids[cluster]);
            else dinmoId.AppendNull();
            status.Append(statusNames[(int)result.Status[r]]);
            foreach (var rule in result.Rules)
            {
                if (result.LinkedBy[rule.Index][r]) rules.Items.Append(ruleNames[rule.Index]);
            }
            rules.EndList();
            runs.Append(run);
            output.EndRow();
        }
        return output.Complete();
    }
}
