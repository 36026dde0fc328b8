using Dinmo.IrEngine.Resolution;

namespace Dinmo.IrEngine.Output.Tables;

/// <summary>
/// <c>match_pairs</c>: every link a rule made (left key &lt; right key), with the scores of the
/// rule's fuzzy criteria and what became of it; sorted by rule order, left key, right key.
/// </summary>
internal static class MatchPairsTableBuilder
{
    private static readonly string[] OutcomeNames = ["merged", "excluded_conflict", "blocked_conflict"];

    public static OutputTable Build(ResolutionResult result)
    {
        var records = result.Records;
        var links = result.Links;
        var rows = Enumerable.Range(0, links.Count).ToArray();
        var scores = ColumnTypes.RealListBuilder();
        foreach (var i in rows) scores.AppendReals(links.ScoresOf(i));
        string? IdOf(int i)
        {
            if (result.LinkOutcomes[i] != LinkOutcome.Merged) return null;
            return result.DinmoIds[result.Clusters.ClusterOf(links[i].Left)];
        }
        var rule = rows.Select(i => result.Rules[links[i].Rule].Config).ToArray();
        return OutputTable.Create(TableNames.MatchPairs,
            [("rule_id", ColumnTypes.Text), ("rule_name", ColumnTypes.Text), ("left_model", ColumnTypes.Text),
             ("left_entity_key", ColumnTypes.Text), ("right_model", ColumnTypes.Text), ("right_entity_key", ColumnTypes.Text),
             ("scores", ColumnTypes.RealList), ("outcome", ColumnTypes.Text), ("conflict_reasons", ColumnTypes.Text),
             ("dinmo_id", ColumnTypes.Text)],
            [GoldenTableBuilder.Texts(rule.Select(r => r.Id)), GoldenTableBuilder.Texts(rule.Select(r => r.Name)),
             GoldenTableBuilder.Texts(rows.Select(i => records.ModelName(links[i].Left))),
             GoldenTableBuilder.Texts(rows.Select(i => records.KeyString(links[i].Left))),
             GoldenTableBuilder.Texts(rows.Select(i => records.ModelName(links[i].Right))),
             GoldenTableBuilder.Texts(rows.Select(i => records.KeyString(links[i].Right))),
             scores.Build(),
             GoldenTableBuilder.Texts(rows.Select(i => OutcomeNames[(int)result.LinkOutcomes[i]])),
             GoldenTableBuilder.Texts(rows.Select(i => ConflictReasons(result, i))),
             GoldenTableBuilder.Texts(rows.Select(IdOf))],
            rows.Length);
    }

    private static string? ConflictReasons(ResolutionResult result, int link) => result.LinkOutcomes[link] switch
    {
        LinkOutcome.BlockedConflict => result.LinkBlockReasons[link],
        LinkOutcome.ExcludedConflict => result.ConflictReasons[result.Clusters.ClusterOf(result.Links[link].Left)],
        _ => null,
    };
}
