using Dinmo.IrEngine.Cluster;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Standardize;

namespace Dinmo.IrEngine.Guard;

/// <summary>
/// <c>conflict_policy: skip_merge</c> (SPEC §4.5): inside each component that violates a limit as a
/// whole, links are applied one by one in match_pairs order (rule order, then left and right key); a
/// link whose merge would break a limit is refused (<c>blocked_conflict</c>). A candidate group's star
/// links stand for every pair of its records, so a group in such a component is expanded into its
/// pairs (ascending), and a refused star link does not keep two compatible members apart. A record that
/// breaks a limit on its own is unresolved and takes no link. Other components are untouched.
/// </summary>
internal static class SkipMergePass
{
    /// <summary>The pass's outcome: new roots, per-record own conflicts, refused links by key, and the pair links it added.</summary>
    public sealed record Outcome(int[] Root, string?[] SelfConflict, Dictionary<(int Rule, int Left, int Right), string> Refused,
        List<(int Rule, int Left, int Right, double[] Scores)> Added);

    public static Outcome Run(IdentityGraph graph, ClusterAssignment clusters, string?[] violations,
        ObservationTable observations, LinkSet links)
    {
        var limited = Enumerable.Range(0, graph.Identifiers.Count).Where(i => graph.Identifiers[i].MaxUniqueValues is not null).ToArray();
        var root = (int[])clusters.Root.Clone();
        var selfConflict = new string?[root.Length];
        var refused = new Dictionary<(int, int, int), string>();
        var added = new List<(int, int, int, double[])>();
        var union = new UnionFind(root.Length);
        var values = new Dictionary<int, HashSet<int>[]>();

        for (var c = 0; c < clusters.ClusterCount; c++)
        {
            if (violations[c] is null) continue;
            foreach (var record in clusters.MembersOf(c))
            {
                var own = OwnValues(observations, record, limited);
                selfConflict[record] = Describe(graph, limited, own);
                values[record] = own;
            }
        }

        var existing = new HashSet<(int, int, int)>();
        for (var i = 0; i < links.Count; i++) existing.Add(links[i]);
        foreach (var (rule, left, right, scores) in OrderedPairs(clusters, violations, links))
        {
            var isLink = existing.Contains((rule, left, right));
            if (selfConflict[left] is not null || selfConflict[right] is not null)
            {
                if (isLink) refused[(rule, left, right)] = selfConflict[left] ?? selfConflict[right]!;
                continue;
            }
            var ra = union.Find(left);
            var rb = union.Find(right);
            if (ra == rb) continue;
            var merged = limited.Select((_, s) => new HashSet<int>(values[ra][s].Concat(values[rb][s]))).ToArray();
            var reason = Describe(graph, limited, merged);
            if (!isLink) added.Add((rule, left, right, scores));
            if (reason is not null)
            {
                refused[(rule, left, right)] = reason;
                continue;
            }
            union.Union(ra, rb);
            values[union.Find(ra)] = merged;
        }
        for (var c = 0; c < clusters.ClusterCount; c++)
        {
            if (violations[c] is null) continue;
            foreach (var record in clusters.MembersOf(c)) root[record] = selfConflict[record] is null ? union.Find(record) : -1;
        }
        return new Outcome(root, selfConflict, refused, added);
    }

    /// <summary>The links of violating components in match_pairs order, each candidate group expanded into its pairs where it first appears.</summary>
    private static IEnumerable<(int Rule, int Left, int Right, double[] Scores)> OrderedPairs(ClusterAssignment clusters,
        string?[] violations, LinkSet links)
    {
        var members = new Dictionary<int, SortedSet<int>>();
        for (var i = 0; i < links.Count; i++)
        {
            var (_, left, right) = links[i];
            var group = links.GroupOf(i);
            if (group < 0 || violations[clusters.ClusterOf(left)] is null) continue;
            if (!members.TryGetValue(group, out var set)) members[group] = set = [];
            set.Add(left);
            set.Add(right);
        }
        var expanded = new HashSet<int>();
        for (var i = 0; i < links.Count; i++)
        {
            var (rule, left, right) = links[i];
            if (violations[clusters.ClusterOf(left)] is null) continue;
            var scores = links.ScoresOf(i).ToArray();
            var group = links.GroupOf(i);
            if (group < 0)
            {
                yield return (rule, left, right, scores);
                continue;
            }
            if (!expanded.Add(group)) continue;
            var ordered = members[group].ToArray();
            for (var b = 1; b < ordered.Length; b++)
            {
                for (var a = 0; a < b; a++) yield return (rule, ordered[a], ordered[b], scores);
            }
        }
    }

    private static HashSet<int>[] OwnValues(ObservationTable observations, int record, int[] limited)
    {
        var sets = limited.Select(_ => new HashSet<int>()).ToArray();
        foreach (var o in observations.OfRecord(record))
        {
            if (!observations.IsUsable(o)) continue;
            var slot = Array.IndexOf(limited, (int)observations.Identifier[o]);
            if (slot >= 0) sets[slot].Add(observations.Value[o]);
        }
        return sets;
    }

    private static string? Describe(IdentityGraph graph, int[] limited, HashSet<int>[] sets) =>
        ConflictLimits.Describe(limited.Select((identifier, s) => (graph.Identifiers[identifier], sets[s].Count)));
}
