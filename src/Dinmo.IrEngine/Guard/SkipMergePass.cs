using Dinmo.IrEngine.Cluster;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Resolution;
using Dinmo.IrEngine.Standardize;

namespace Dinmo.IrEngine.Guard;

/// <summary>
/// <c>conflict_policy: skip_merge</c> (SPEC §4.5): inside each component that violates a limit as a
/// whole, links are applied one by one in match_pairs order (rule order, then left and right key);
/// a link whose merge would break a limit is refused (<c>blocked_conflict</c>). A record that breaks a
/// limit on its own is unresolved and takes no link. Components that keep every limit are untouched.
/// </summary>
internal static class SkipMergePass
{
    public sealed record Outcome(int[] Root, string?[] SelfConflict, Dictionary<int, string> Refused);

    public static Outcome Run(IdentityGraph graph, ClusterAssignment clusters, string?[] violations,
        ObservationTable observations, LinkSet links)
    {
        var limits = graph.Identifiers.Select(i => i.MaxUniqueValues).ToArray();
        var limited = Enumerable.Range(0, limits.Length).Where(i => limits[i] is not null).ToArray();
        var root = (int[])clusters.Root.Clone();
        var selfConflict = new string?[root.Length];
        var refused = new Dictionary<int, string>();
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
        for (var i = 0; i < links.Count; i++)
        {
            var (_, left, right) = links[i];
            var c = clusters.ClusterOf(left);
            if (violations[c] is null) continue;
            if (selfConflict[left] is not null || selfConflict[right] is not null)
            {
                refused[i] = selfConflict[left] ?? selfConflict[right]!;
                continue;
            }
            var ra = union.Find(left);
            var rb = union.Find(right);
            if (ra == rb) continue;
            var merged = limited.Select((_, s) => new HashSet<int>(values[ra][s].Concat(values[rb][s]))).ToArray();
            var reason = Describe(graph, limited, merged);
            if (reason is not null)
            {
                refused[i] = reason;
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
        return new Outcome(root, selfConflict, refused);
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
