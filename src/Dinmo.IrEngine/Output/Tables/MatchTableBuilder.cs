using Apache.Arrow;
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
        var rows = Enumerable.Range(0, records.Count).ToArray();
        var rules = ColumnTypes.TextListBuilder();
        foreach (var r in rows)
        {
            rules.AppendTexts(result.Rules.Where(rule => result.LinkedBy[rule.Index][r]).Select(rule => rule.Config.Name));
        }
        string? IdOf(int record)
        {
            if (result.Reason[record] != UnresolvedReason.None) return null;
            return result.DinmoIds[result.Clusters.ClusterOf(record)];
        }
        return OutputTable.Create(TableNames.Match,
            [("model_name", ColumnTypes.Text), ("entity_key", ColumnTypes.Text), ("dinmo_id", ColumnTypes.Text),
             ("resolution_status", ColumnTypes.Text), ("matched_rules", ColumnTypes.TextList), ("run_id", ColumnTypes.Text)],
            [GoldenTableBuilder.Texts(rows.Select(records.ModelName)), GoldenTableBuilder.Texts(rows.Select(records.KeyString)),
             GoldenTableBuilder.Texts(rows.Select(IdOf)),
             GoldenTableBuilder.Texts(rows.Select(r => ResolutionNames.Status(result.Status[r]))),
             rules.Build(), GoldenTableBuilder.Texts(rows.Select(_ => runId))],
            rows.Length);
    }
}
