using Dinmo.IrEngine.Cluster;
using Dinmo.IrEngine.Standardize;

namespace Dinmo.IrEngine.Block;

/// <summary>
/// Links a rule of exact criteria only: every candidate group is linked without pairwise work, each
/// member to the group's smallest record (SPEC §4.4 and the <c>match_pairs</c> explanation of §6).
/// </summary>
internal static class ExactRuleLinker
{
    public static void Link(CompiledRule rule, ObservationTable observations, RuleApplicability applicability,
        int recordCount, LinkSet links)
    {
        CandidateBlocks.ForEach(rule, observations, applicability, recordCount, (_, records) =>
        {
            var smallest = records[0];
            var group = links.NewGroup();
            for (var i = 1; i < records.Length; i++) links.Add(rule.Index, smallest, records[i], group: group);
        });
    }
}
