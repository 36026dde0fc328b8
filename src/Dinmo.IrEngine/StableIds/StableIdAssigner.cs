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
    /// <summary>A previous id held by records of a cluster (an index into the assigner's cluster list).</summary>
    public readonly record struct Candidate(int Cluster, DinmoId Id, int Share, long FirstRun);

    /// <summary>The id of each cluster; the candidates seen; whether each cluster's id was issued new in this run (and how many were).</summary>
    public sealed record Assignment(DinmoId[] Ids, Candidate[] Candidates, bool[] IsNew, int CreatedCount);

    /// <param name="previous">Previous ids of each cluster's records (any order), cluster after cluster.</param>
    /// <param name="previousStart">Cluster k's previous ids are <c>previous[previousStart[k]..previousStart[k + 1]]</c>.</param>
    /// <param name="newId">The new id of cluster k with counter i (a pure function; called in parallel for counter 0).</param>
    public static Assignment Assign(DinmoId[] previous, int[] previousStart, IdRegistry registry, long runSequence,
        Func<int, int, DinmoId> newId, int threads)
    {
        var count = previousStart.Length - 1;
        var candidates = Candidates(previous, previousStart, registry, runSequence);
        var ids = new DinmoId[count];
        var hasId = new bool[count];
        var taken = new HashSet<DinmoId>();
        foreach (var (cluster, id, _, _) in candidates)
        {
            if (hasId[cluster] || !taken.Add(id)) continue;
            ids[cluster] = id;
            hasId[cluster] = true;
        }

        // The first candidate of every cluster still without an id is a pure function of its key:
        // hash them in parallel, then take them in cluster order, moving on only past issued ids.
        Parallel.For(0, count, Columnar.ParallelChunks.Options(threads), k =>
        {
            if (!hasId[k]) ids[k] = newId(k, 0);
        });
        var issuedNow = new HashSet<DinmoId>();
        var isNew = new bool[count];
        for (var k = 0; k < count; k++)
        {
            if (hasId[k]) continue;
            var counter = 1;
            while (registry.Contains(ids[k]) || issuedNow.Contains(ids[k])) ids[k] = newId(k, counter++);
            issuedNow.Add(ids[k]);
            isNew[k] = true;
        }
        return new Assignment(ids, candidates, isNew, issuedNow.Count);
    }

    /// <summary>Every (cluster, previous id) with its share, in the greedy order.</summary>
    private static Candidate[] Candidates(DinmoId[] previous, int[] previousStart, IdRegistry registry, long runSequence)
    {
        var candidates = new List<Candidate>();
        for (var k = 0; k + 1 < previousStart.Length; k++)
        {
            var held = previous.AsSpan(previousStart[k], previousStart[k + 1] - previousStart[k]);
            held.Sort();
            for (var i = 0; i < held.Length;)
            {
                var start = i;
                while (i < held.Length && held[i] == held[start]) i++;
                candidates.Add(new Candidate(k, held[start], i - start, registry.FirstRunOf(held[start], runSequence)));
            }
        }
        var sorted = candidates.ToArray();
        // Clusters are in smallest-record-key order already, so the cluster index breaks the last tie.
        sorted.AsSpan().Sort(new GreedyOrder());
        return sorted;
    }

    private readonly struct GreedyOrder : IComparer<Candidate>
    {
        public int Compare(Candidate a, Candidate b)
        {
            var order = b.Share.CompareTo(a.Share);
            if (order == 0) order = a.FirstRun.CompareTo(b.FirstRun);
            if (order == 0) order = a.Id.CompareTo(b.Id);
            return order != 0 ? order : a.Cluster.CompareTo(b.Cluster);
        }
    }
}
