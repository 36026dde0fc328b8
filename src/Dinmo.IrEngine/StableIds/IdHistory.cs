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
    /// <summary>Merged and split rows, from the candidates of the assignment (each id's spread over clusters).</summary>
    public static void AddChanges(StableIdAssigner.Assignment assignment, DinmoId[] stillHeld, long runSequence, List<IdChange> changes)
    {
        if (assignment.Candidates.Length == 0) return;
        var ids = assignment.Ids;
        var held = new HashSet<DinmoId>(ids);
        var spread = (StableIdAssigner.Candidate[])assignment.Candidates.Clone();
        spread.AsSpan().Sort(static (a, b) => a.Id.CompareTo(b.Id) is var c && c != 0 ? c : a.Cluster.CompareTo(b.Cluster));
        for (var i = 0; i < spread.Length;)
        {
            var start = i;
            var id = spread[i].Id;
            while (i < spread.Length && spread[i].Id == id) i++;
            if (!SortedIds.Contains(stillHeld, id)) continue; // ended before, so neither merged nor split again
            var parts = spread.AsSpan(start, i - start);
            if (!held.Contains(id))
            {
                var into = parts[0];
                foreach (var part in parts)
                {
                    if (part.Share > into.Share || (part.Share == into.Share && ids[part.Cluster].CompareTo(ids[into.Cluster]) < 0)) into = part;
                }
                changes.Add(new IdChange(id, IdChangeType.Merged, ids[into.Cluster], true, 0, runSequence));
                continue;
            }
            foreach (var part in parts)
            {
                if (ids[part.Cluster] != id) changes.Add(new IdChange(id, IdChangeType.Split, ids[part.Cluster], true, 0, runSequence));
            }
        }
    }

    /// <summary>
    /// Ids still held by the previous state's records: every active id, and every id kept for unresolved
    /// records unless its history already ended it (merged or retired). Ascending and distinct.
    /// </summary>
    public static DinmoId[] StillHeld(IdState previous)
    {
        var ended = previous.History.Ended();
        var records = previous.Records;
        var held = new List<DinmoId>();
        for (var row = 0; row < records.Count; row++)
        {
            if (records.Active[row] || !SortedIds.Contains(ended, records.Ids[row])) held.Add(records.Ids[row]);
        }
        return SortedIds.Distinct([.. held]);
    }

    /// <summary>
    /// <c>retired</c> rows: ids still held (<see cref="StillHeld"/>) none of whose records is read in this
    /// run; without this, an id reserved for records that then vanish would never be retired.
    /// </summary>
    public static void AddRetired(IdState previous, DinmoId[] stillHeld, bool[] readNow, long runSequence, List<IdChange> changes)
    {
        var read = new List<DinmoId>();
        for (var row = 0; row < readNow.Length; row++)
        {
            if (readNow[row]) read.Add(previous.Records.Ids[row]);
        }
        var stillRead = SortedIds.Distinct([.. read]);
        foreach (var id in stillHeld)
        {
            if (!SortedIds.Contains(stillRead, id)) changes.Add(new IdChange(id, IdChangeType.Retired, default, false, 0, runSequence));
        }
    }
}
