using Dinmo.IrEngine.Columnar;

namespace Dinmo.IrEngine.StableIds;

/// <summary>
/// Gives each valid cluster its dinmo_id (SPEC §5). A cluster's candidates are the previous ids of its
/// records, each with its share (how many of its records held it). Candidates are taken greedily in
/// the order share descending, id's first-issued run ascending, id ascending, cluster's smallest record
/// key ascending; a cluster takes the first candidate not yet taken. Clusters left without one get a
/// new id derived from (project, smallest record key, counter), skipping every id ever issued.
/// </summary>
internal static class StableIdAssigner
{
    /// <summary>One valid cluster as the assigner sees it: its smallest record key and its records' previous ids.</summary>
    public sealed record ClusterIds(string Model, string Key, IReadOnlyList<string?> PreviousIds);

    public sealed record Assignment(string[] Ids, List<IdChange> Changes, Dictionary<string, long> Registry);

    public static Assignment Assign(string project, IReadOnlyList<ClusterIds> clusters, IdState previous, string runId, long runSequence,
        int threads = 1)
    {
        var ids = new string?[clusters.Count];
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var candidates = new List<(int Cluster, string Id, int Share, long FirstRun)>();
        for (var c = 0; c < clusters.Count; c++)
        {
            foreach (var group in clusters[c].PreviousIds.OfType<string>().GroupBy(id => id, StringComparer.Ordinal))
            {
                candidates.Add((c, group.Key, group.Count(), previous.Registry.GetValueOrDefault(group.Key, runSequence)));
            }
        }
        // Clusters are in smallest-record-key order already, so the cluster index breaks the last tie.
        candidates.Sort((a, b) =>
        {
            var order = b.Share.CompareTo(a.Share);
            if (order == 0) order = a.FirstRun.CompareTo(b.FirstRun);
            if (order == 0) order = CodePointOrder.Instance.Compare(a.Id, b.Id);
            return order != 0 ? order : a.Cluster.CompareTo(b.Cluster);
        });
        foreach (var (cluster, id, _, _) in candidates)
        {
            if (ids[cluster] is not null || taken.Contains(id)) continue;
            ids[cluster] = id;
            taken.Add(id);
        }

        // The first candidate of every cluster still without an id is a pure function of its key:
        // hash them in parallel, then take them in cluster order, moving on only past issued ids.
        var first = new string?[clusters.Count];
        Parallel.For(0, clusters.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, c =>
        {
            if (ids[c] is null) first[c] = DinmoIdFactory.ForCluster(project, clusters[c].Model, clusters[c].Key);
        });
        var registry = new Dictionary<string, long>(previous.Registry, StringComparer.Ordinal);
        var changes = new List<IdChange>();
        for (var c = 0; c < clusters.Count; c++)
        {
            if (ids[c] is not null) continue;
            var counter = 1;
            var id = first[c]!;
            while (registry.ContainsKey(id)) id = DinmoIdFactory.ForCluster(project, clusters[c].Model, clusters[c].Key, counter++);
            ids[c] = id;
            registry[id] = runSequence;
            changes.Add(new IdChange(id, "created", null, runId, runSequence));
        }
        var assigned = ids.Select(i => i!).ToArray();
        changes.AddRange(IdHistory.Changes(clusters, assigned, previous, runId, runSequence));
        changes.Sort((a, b) => CodePointOrder.Instance.Compare(a.DinmoId, b.DinmoId) is var c && c != 0 ? c
            : CodePointOrder.Instance.Compare(a.ChangeType, b.ChangeType) is var t && t != 0 ? t
            : CodePointOrder.Instance.Compare(a.IntoDinmoId, b.IntoDinmoId));
        return new Assignment(assigned, changes, registry);
    }
}
