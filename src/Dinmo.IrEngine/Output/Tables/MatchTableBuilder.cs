using System.Text;
using Dinmo.IrEngine.Resolution;

namespace Dinmo.IrEngine.Output.Tables;

/// <summary>
/// <c>identity_match</c>: one row per record read, with its dinmo_id (null when unresolved), its
/// bucket and the rules (config order) whose applied links include it; sorted by model_name, entity_key.
/// </summary>
internal static class MatchTableBuilder
{
    public static OutputTable Build(ResolutionResult result, string runId)
    {
        var records = result.Records;
        var n = records.Count;
        var modelNames = records.ModelNamesUtf8;
        var ruleNames = result.Rules.Select(rule => Encoding.UTF8.GetBytes(rule.Config.Name)).ToArray();
        var statusNames = Enum.GetValues<ResolutionStatus>().ToDictionary(s => s, s => Encoding.UTF8.GetBytes(ResolutionNames.Status(s)));
        var clusterIds = result.DinmoIds.Select(id => id is null ? null : Encoding.UTF8.GetBytes(id)).ToArray();
        var rules = new TextListColumnBuilder(n);
        for (var r = 0; r < n; r++)
        {
            foreach (var rule in result.Rules)
            {
                if (result.LinkedBy[rule.Index][r]) rules.Items.Append(ruleNames[rule.Index]);
            }
            rules.EndList();
        }
        return OutputTable.Create(TableNames.Match,
            [("model_name", ColumnTypes.Text), ("entity_key", ColumnTypes.Text), ("dinmo_id", ColumnTypes.Text),
             ("resolution_status", ColumnTypes.Text), ("matched_rules", ColumnTypes.TextList), ("run_id", ColumnTypes.Text)],
            [TextColumn.Of(n, (b, r) => b.Append(modelNames[records.Model[r]])),
             TextColumn.Of(n, (b, r) => b.Append(records.Keys, records.LoadIndex[r])),
             TextColumn.Of(n, (b, r) =>
             {
                 var id = result.Reason[r] == UnresolvedReason.None ? clusterIds[result.Clusters.ClusterOf(r)] : null;
                 if (id is null) b.AppendNull();
                 else b.Append(id);
             }, 36),
             TextColumn.Of(n, (b, r) => b.Append(statusNames[result.Status[r]])),
             rules.Build(), TextColumn.Repeat(runId, n)],
            n);
    }
}
