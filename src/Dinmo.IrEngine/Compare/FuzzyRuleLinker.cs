using Dinmo.IrEngine.Block;
using Dinmo.IrEngine.Cluster;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Standardize;

namespace Dinmo.IrEngine.Compare;

/// <summary>
/// Links a rule with fuzzy criteria (anchored by its exact ones, SPEC §3.3 and §4.4): inside each
/// exact block, each fuzzy criterion is scored once per distinct pair of values, on a block-contiguous
/// copy of the values, never per record pair. With one fuzzy criterion, records with equal values are
/// linked to the smallest of them (score 1.0) and each matching pair of distinct values links the
/// smallest records carrying them; with several, the same holds for distinct tuples of values (SPEC §6).
/// A block with more distinct values than <c>max_fuzzy_block_values</c> is skipped and reported.
/// </summary>
internal static class FuzzyRuleLinker
{
    public static void Link(IdentityGraph graph, CompiledRule rule, ObservationTable observations,
        RuleApplicability applicability, int recordCount, LinkSet links, List<SkippedBlock> skipped, JaroWinklerUsage usage)
    {
        var scratch = new List<int>();
        CandidateBlocks.ForEach(rule, observations, applicability, recordCount, (key, records) =>
        {
            var blocks = new FuzzyBlockValues[rule.Fuzzy.Length];
            for (var c = 0; c < blocks.Length; c++)
            {
                blocks[c] = FuzzyBlockValues.Collect(observations, records, rule.Fuzzy[c], scratch);
                if (blocks[c].DistinctCount > graph.MaxFuzzyBlockValues)
                {
                    skipped.Add(new SkippedBlock(rule.Config.Name, string.Join("|", rule.Fuzzy[c].Config.Identifiers),
                        DescribeKey(graph, rule, observations, key), blocks[c].DistinctCount, records.Length));
                    return;
                }
            }
            if (blocks.Length == 1) LinkSingleCriterion(rule.Index, blocks[0], rule.Fuzzy[0].Threshold, links, usage);
            else LinkSeveralCriteria(rule, blocks, records, links, usage);
        });
    }

    private static void LinkSingleCriterion(int rule, FuzzyBlockValues block, double threshold, LinkSet links, JaroWinklerUsage usage)
    {
        Span<double> score = stackalloc double[1];
        score[0] = 1.0;
        var groups = new int[block.DistinctCount];
        System.Array.Fill(groups, -1);
        for (var i = 0; i < block.Carriers.Count; i++)
        {
            var (value, record) = block.Carriers[i];
            if (record == block.SmallestRecord[value]) continue;
            if (groups[value] < 0) groups[value] = links.NewGroup();
            links.Add(rule, block.SmallestRecord[value], record, score, groups[value]);
        }
        foreach (var match in block.Similar(threshold, usage))
        {
            score[0] = match.Score;
            links.Add(rule, block.SmallestRecord[match.I], block.SmallestRecord[match.J], score);
        }
    }

    /// <summary>
    /// Several fuzzy criteria: records are grouped by their tuple of values (one set per criterion). The
    /// records of a tuple agree on everything, so they are star-linked to its smallest record (scores 1.0);
    /// distinct tuples are compared through the per-criterion caches of similar value pairs (each value
    /// pair scored once by the kernel), and a matching pair of tuples gives one link between their
    /// smallest records. No record pair is enumerated: the work grows with distinct tuples, not records.
    /// </summary>
    private static void LinkSeveralCriteria(CompiledRule rule, FuzzyBlockValues[] blocks, ReadOnlySpan<int> records, LinkSet links,
        JaroWinklerUsage usage)
    {
        var tuples = FuzzyValueTuples.Group(blocks, records);
        var scores = new double[blocks.Length];
        Array.Fill(scores, 1.0);
        for (var t = 0; t < tuples.Count; t++)
        {
            var members = tuples.Members(t);
            if (members.Length < 2 || !tuples.HasEveryCriterion(t)) continue;
            var group = links.NewGroup();
            for (var k = 1; k < members.Length; k++) links.Add(rule.Index, members[0], members[k], scores, group);
        }

        var similar = new Dictionary<(int, int), double>[blocks.Length];
        var valueCounts = new int[blocks.Length];
        for (var c = 0; c < blocks.Length; c++)
        {
            similar[c] = blocks[c].SimilarityLookup(rule.Fuzzy[c].Threshold, usage);
            valueCounts[c] = blocks[c].DistinctCount;
        }
        foreach (var (t1, t2) in tuples.CandidatePairs(similar, valueCounts))
        {
            var all = true;
            for (var c = 0; c < blocks.Length && all; c++)
            {
                scores[c] = FuzzyBlockValues.BestScore(tuples.Values(t1, c), tuples.Values(t2, c), similar[c]);
                all = scores[c] >= 0;
            }
            if (all) links.Add(rule.Index, tuples.Representative(t1), tuples.Representative(t2), scores);
        }
    }

    private static string DescribeKey(IdentityGraph graph, CompiledRule rule, ObservationTable observations, ReadOnlySpan<int> key)
    {
        var parts = new List<string>();
        for (var c = 0; c < rule.Exact.Length; c++)
        {
            parts.Add($"{string.Join("|", rule.Exact[c].Config.Identifiers)}={observations.Values.GetString(key[c])}");
        }
        return string.Join(", ", parts);
    }
}
