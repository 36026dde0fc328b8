using System.Text;
using Apache.Arrow.Types;
using Dinmo.IrEngine.Resolution;

namespace Dinmo.IrEngine.Output.Tables;

/// <summary>
/// <c>match_pairs</c>: every link a rule made (left key &lt; right key), with the scores of the
/// rule's fuzzy criteria and what became of it; sorted by rule order, left key, right key (the
/// order the sealed link set already holds).
/// </summary>
internal static class MatchPairsTableBuilder
{
    private static readonly byte[][] OutcomeNames = [.. new[] { "merged", "excluded_conflict", "blocked_conflict" }.Select(Encoding.UTF8.GetBytes)];

    public static WrittenTable Write(ResolutionResult result, ClusterIdText ids, TableDestination to)
    {
        var records = result.Records;
        var links = result.Links;
        var n = links.Count;
        var modelNames = records.ModelNamesUtf8;
        var ruleIds = result.Rules.Select(r => Encoding.UTF8.GetBytes(r.Config.Id)).ToArray();
        var ruleNames = result.Rules.Select(r => Encoding.UTF8.GetBytes(r.Config.Name)).ToArray();

        var capacity = ChunkedTableWriter.ChunkCapacity(to, n);
        var ruleId = new TextColumnBuilder(capacity, 8);
        var ruleName = new TextColumnBuilder(capacity, 16);
        var leftModel = new TextColumnBuilder(capacity, 12);
        var leftKey = new TextColumnBuilder(capacity, 12);
        var rightModel = new TextColumnBuilder(capacity, 12);
        var rightKey = new TextColumnBuilder(capacity, 12);
        var scores = new ListColumnBuilder<ValueColumnBuilder<double>>((ListType)ColumnTypes.RealList,
            new ValueColumnBuilder<double>(DoubleType.Default, capacity), capacity);
        var outcome = new TextColumnBuilder(capacity, 8);
        var reasons = new TextColumnBuilder(capacity, 4);
        var dinmoId = new TextColumnBuilder(capacity, StableIds.DinmoId.TextLength);
        using var output = new ChunkedTableWriter(to, TableNames.MatchPairs,
            [("rule_id", ColumnTypes.Text, ruleId), ("rule_name", ColumnTypes.Text, ruleName), ("left_model", ColumnTypes.Text, leftModel),
             ("left_entity_key", ColumnTypes.Text, leftKey), ("right_model", ColumnTypes.Text, rightModel), ("right_entity_key", ColumnTypes.Text, rightKey),
             ("scores", ColumnTypes.RealList, scores), ("outcome", ColumnTypes.Text, outcome), ("conflict_reasons", ColumnTypes.Text, reasons),
             ("dinmo_id", ColumnTypes.Text, dinmoId)]);
        for (var i = 0; i < n; i++)
        {
            var link = links[i];
            ruleId.Append(ruleIds[link.Rule]);
            ruleName.Append(ruleNames[link.Rule]);
            leftModel.Append(modelNames[records.Model[link.Left]]);
            leftKey.Append(records.Keys, records.LoadIndex[link.Left]);
            rightModel.Append(modelNames[records.Model[link.Right]]);
            rightKey.Append(records.Keys, records.LoadIndex[link.Right]);
            scores.Items.Append(links.ScoresOf(i));
            scores.EndList();
            var linkOutcome = result.LinkOutcomes[i];
            outcome.Append(OutcomeNames[(int)linkOutcome]);
            reasons.Append(ConflictReasons(result, i));
            var cluster = linkOutcome == LinkOutcome.Merged ? result.Clusters.ClusterOf(link.Left) : -1;
            if (ids.Has(cluster)) dinmoId.Append(ids[cluster]);
            else dinmoId.AppendNull();
            output.EndRow();
        }
        return output.Complete();
    }

    private static string? ConflictReasons(ResolutionResult result, int link) => result.LinkOutcomes[link] switch
    {
        LinkOutcome.BlockedConflict => result.LinkBlockReasons[link],
        LinkOutcome.ExcludedConflict => result.ConflictReasons[result.Clusters.ClusterOf(result.Links[link].Left)],
        _ => null,
    };
}
