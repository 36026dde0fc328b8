using Dinmo.IrEngine.Cluster;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Standardize;

namespace Dinmo.IrEngine.Guard;

/// <summary>
/// <c>conflict_policy: skip_merge</c> (SPEC §4.5): inside each component that violates a limit as a
/// whole, links are applied one by one in match_pairs order (rule order, then left and right key); a
/// link whose merge would break a limit is refused (<c>blocked_conflict</c>). A candidate group is
/// placed as a whole where its first link appears (<see cref="CandidateGroupPlacement"/>), without
/// pairwise work. A record that breaks a limit on its own is unresolved and takes no link. Other
/// components are untouched.
/// </summary>
internal static class SkipMergePass
{
    /// <summary>The pass's outcome: new roots, per-record own conflicts, refused links by key, and the links it added.</summary>
    public sealed record Outcome(int[] Root, string?[] SelfConflict, Dictionary<(int Rule, int Left, int Right), string> Refused,
        List<(int Rule, int Left, int Right, double[] Scores)> Added);

    public static Outcome Run(IdentityGraph graph, ClusterAssignment clusters, string?[] violations,
        ObservationTable observations, LinkSet links)
    {
        var root = (int[])clusters.Root.Clone();
        var merger = new LimitedMerger(new UnionFind(root.Length), new LimitedValueSets(graph), new string?[root.Length]);
        for (var c = 0; c < clusters.ClusterCount; c++)
        {
            if (violations[c] is null) continue;
            foreach (var record in clusters.MembersOf(c)) merger.SelfConflict[record] = merger.Values.AddRecord(observations, record);
        }

        var refused = new Dictionary<(int, int, int), string>();
        var added = new List<(int, int, int, double[])>();
        var groups = GroupMembers(clusters, violations, links);
        var placed = new HashSet<int>();
        for (var i = 0; i < links.Count; i++)
        {
            var (rule, left, right) = links[i];
            if (violations[clusters.ClusterOf(left)] is null) continue;
            var group = links.GroupOf(i);
            if (group >= 0)
            {
                if (placed.Add(group)) CandidateGroupPlacement.Place(rule, groups[group], links.ScoresOf(i).ToArray(), merger, refused, added);
                continue;
            }
            var (result, reason) = merger.TryMerge(left, right);
            if (result == MergeResult.Refused) refused[(rule, left, right)] = reason!;
        }

        for (var c = 0; c < clusters.ClusterCount; c++)
        {
            if (violations[c] is null) continue;
            foreach (var record in clusters.MembersOf(c)) root[record] = merger.SelfConflict[record] is null ? merger.Union.Find(record) : -1;
        }
        return new Outcome(root, merger.SelfConflict, refused, added);
    }

    /// <summary>The records of every candidate group in a violating component, ascending.</summary>
    private static Dictionary<int, int[]> GroupMembers(ClusterAssignment clusters, string?[] violations, LinkSet links)
    {
        var members = new Dictionary<int, List<int>>();
        for (var i = 0; i < links.Count; i++)
        {
            var (_, left, right) = links[i];
            var group = links.GroupOf(i);
            if (group < 0 || violations[clusters.ClusterOf(left)] is null) continue;
            if (!members.TryGetValue(group, out var list)) members[group] = list = [left];
            list.Add(right);
        }
        return members.ToDictionary(p => p.Key, p => p.Value.Distinct().Order().ToArray());
    }
}
