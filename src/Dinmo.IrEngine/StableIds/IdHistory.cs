using Dinmo.IrEngine.Columnar;

namespace Dinmo.IrEngine.StableIds;

/// <summary>
/// The id changes of one run besides <c>created</c> (SPEC §5): an id that was active before, or kept
/// for unresolved records, and is now held by no cluster although some of its records are in one is
/// <c>merged</c> into the id of the cluster that holds most of its records;
/// an id whose records are now spread over several clusters keeps its profile in one of them and
/// records a <c>split</c> to each other part's id. An id whose records are all unresolved (for example
/// excluded by a conflict) is neither: it stays reserved for them and comes back when they are
/// resolved again. An id none of whose records is read any more is <c>retired</c>, whether it was
/// active or reserved for unresolved records.
/// </summary>
internal static class IdHistory
{
    public static IEnumerable<IdChange> Changes(IReadOnlyList<StableIdAssigner.ClusterIds> clusters, string[] ids,
        IdState previous, string runId, long runSequence)
    {
        var held = new HashSet<string>(ids, StringComparer.Ordinal);
        // For each previous id: how many of its records each cluster holds now.
        var spread = new Dictionary<string, Dictionary<int, int>>(StringComparer.Ordinal);
        for (var c = 0; c < clusters.Count; c++)
        {
            foreach (var id in clusters[c].PreviousIds.OfType<string>())
            {
                if (!spread.TryGetValue(id, out var byCluster)) spread[id] = byCluster = [];
                byCluster[c] = byCluster.GetValueOrDefault(c) + 1;
            }
        }
        var ended = Ended(previous);
        var stillHeld = previous.Records.Values.Where(r => r.Active || !ended.Contains(r.DinmoId)).Select(r => r.DinmoId)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var id in stillHeld.Order(CodePointOrder.Instance))
        {
            if (!spread.TryGetValue(id, out var byCluster))
            {
                continue; // retired below, or dormant
            }
            if (!held.Contains(id))
            {
                var into = byCluster.OrderByDescending(p => p.Value).ThenBy(p => ids[p.Key], CodePointOrder.Instance).First().Key;
                yield return new IdChange(id, "merged", ids[into], runId, runSequence);
                continue;
            }
            foreach (var part in byCluster.Keys.Where(c => ids[c] != id).OrderBy(c => ids[c], CodePointOrder.Instance))
            {
                yield return new IdChange(id, "split", ids[part], runId, runSequence);
            }
        }
    }

    /// <summary>
    /// Ids of the previous state none of whose records is read in this run: <c>retired</c>. That is every
    /// active id, and every id kept for unresolved records unless its history already ended it (merged
    /// or retired): without this, an id reserved for records that then vanish would never be retired.
    /// </summary>
    public static IEnumerable<IdChange> Retired(IdState previous, ISet<(string Model, string Key)> readNow, string runId, long runSequence)
    {
        var ended = Ended(previous);
        var stillRead = new HashSet<string>(StringComparer.Ordinal);
        var held = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, record) in previous.Records)
        {
            if (record.Active || !ended.Contains(record.DinmoId)) held.Add(record.DinmoId);
            if (readNow.Contains(key)) stillRead.Add(record.DinmoId);
        }
        return held.Where(id => !stillRead.Contains(id)).Order(CodePointOrder.Instance)
            .Select(id => new IdChange(id, "retired", null, runId, runSequence));
    }

    /// <summary>Ids whose history already ended them (merged or retired).</summary>
    private static HashSet<string> Ended(IdState previous) =>
        previous.History.Where(h => h.ChangeType is "merged" or "retired").Select(h => h.DinmoId).ToHashSet(StringComparer.Ordinal);
}
