using System.Text;
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

    public static OutputTable Build(ResolutionResult result)
    {
        var records = result.Records;
        var links = result.Links;
        var n = links.Count;
        var modelNames = records.ModelNamesUtf8;
        var ruleIds = result.Rules.Select(r => Encoding.UTF8.GetBytes(r.Config.Id)).ToArray();
        var ruleNames = result.Rules.Select(r => Encoding.UTF8.GetBytes(r.Config.Name)).ToArray();
        var clusterIds = result.DinmoIds.Select(id => id is null ? null : Encoding.UTF8.GetBytes(id)).ToArray();
        var scores = ColumnTypes.RealListBuilder();
        for (var i = 0; i < n; i++) scores.AppendReals(links.ScoresOf(i));
        return OutputTable.Create(TableNames.MatchPairs,
            [("rule_id", ColumnTypes.Text), ("rule_name", ColumnTypes.Text), ("left_model", ColumnTypes.Text),
             ("left_entity_key", ColumnTypes.Text), ("right_model", ColumnTypes.Text), ("right_entity_key", ColumnTypes.Text),
             ("scores", ColumnTypes.RealList), ("outcome", ColumnTypes.Text), ("conflict_reasons", ColumnTypes.Text),
             ("dinmo_id", ColumnTypes.Text)],
            [TextColumn.Of(n, (b, i) => b.Append(ruleIds[links[i].Rule])),
             TextColumn.Of(n, (b, i) => b.Append(ruleNames[links[i].Rule])),
             TextColumn.Of(n, (b, i) => b.Append(modelNames[records.Model[links[i].Left]])),
             TextColumn.Of(n, (b, i) => b.Append(records.Keys, records.LoadIndex[links[i].Left])),
             TextColumn.Of(n, (b, i) => b.Append(modelNames[records.Model[links[i].Right]])),
             TextColumn.Of(n, (b, i) => b.Append(records.Keys, records.LoadIndex[links[i].Right])),
             scores.Build(),
             TextColumn.Of(n, (b, i) => b.Append(OutcomeNames[(int)result.LinkOutcomes[i]])),
             TextColumn.Of(n, (b, i) => b.Append(ConflictReasons(result, i))),
             TextColumn.Of(n, (b, i) =>
             {
                 var id = result.LinkOutcomes[i] == LinkOutcome.Merged ? clusterIds[result.Clusters.ClusterOf(links[i].Left)] : null;
                 if (id is null) b.AppendNull();
                 else b.Append(id);
             }, 36)],
            n);
    }

    private static string? ConflictReasons(ResolutionResult result, int link) => result.LinkOutcomes[link] switch
    {
        LinkOutcome.BlockedConflict => result.LinkBlockReasons[link],
        LinkOutcome.ExcludedConflict => result.ConflictReasons[result.Clusters.ClusterOf(result.Links[link].Left)],
        _ => null,
    };
}
