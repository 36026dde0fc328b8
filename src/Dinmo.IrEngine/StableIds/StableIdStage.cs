using Dinmo.IrEngine.Cluster;
using Dinmo.IrEngine.Ingest;

namespace Dinmo.IrEngine.StableIds;

/// <summary>
/// dinmo_id continuity (SPEC §5) over columns: previous ids by a merge join of records and state,
/// the greedy assignment with new ids hashed from key bytes, history rows, and the next state, whose
/// records come out already in key order.
/// </summary>
internal static class StableIdStage
{
    /// <summary>
    /// Ids per cluster (null for excluded clusters), the valid clusters in dinmo_id order, each record's
    /// previous id, and the state for the next run.
    /// </summary>
    public sealed record Outcome(DinmoId?[] DinmoIdValues, int[] ClustersByDinmoId, DinmoId?[] PreviousIds, IdState NextState);

    /// <param name="segmentRecords">Records per parallel segment of the next state; smaller only in tests, to cross segments with few records.</param>
    public static Outcome Run(string project, RecordTable records, ClusterAssignment clusters, bool[] valid, IdState previous,
        string runId, int threads, int segmentRecords = SegmentRecords)
    {
        var runSequence = previous.RunSequence + 1;
        var (stateRow, readNow) = PreviousIdJoin.Join(records, previous.Records);
        var validClusters = Enumerable.Range(0, clusters.ClusterCount).Where(c => valid[c]).ToArray();
        var (held, heldStart) = HeldIds(clusters, validClusters, stateRow, previous.Records);
        var prefixes = records.ModelNames.Select(m => DinmoIdFactory.ClusterNamePrefix(project, m)).ToArray();
        var assignment = StableIdAssigner.Assign(held, heldStart, previous.Registry, runSequence, (k, counter) =>
        {
            var root = clusters.Roots[validClusters[k]];
            return DinmoIdFactory.ForCluster(prefixes[records.Model[root]], records.Key(root), counter);
        }, threads);

        var ids = new DinmoId?[clusters.ClusterCount];
        for (var k = 0; k < validClusters.Length; k++) ids[validClusters[k]] = assignment.Ids[k];
        var byId = assignment.Ids.Select(id => id.Bits).ToArray();
        var kById = new int[validClusters.Length];
        for (var k = 0; k < kById.Length; k++) kById[k] = k;
        Array.Sort(byId, kById);
        var clustersById = new int[kById.Length];
        for (var i = 0; i < kById.Length; i++) clustersById[i] = validClusters[kById[i]];
        var previousIds = new DinmoId?[records.Count];
        for (var r = 0; r < records.Count; r++)
        {
            if (stateRow[r] >= 0) previousIds[r] = previous.Records.Ids[stateRow[r]];
        }

        // In id order, read off the clusters' id order: the history and the registry then take the new
        // ids (all of them in a first run) already sorted.
        var created = new DinmoId[assignment.CreatedCount];
        var made = 0;
        foreach (var k in kById) if (assignment.IsNew[k]) created[made++] = assignment.Ids[k];
        var changes = new List<IdChange>(created.Length);
        foreach (var id in created) changes.Add(new IdChange(id, IdChangeType.Created, default, false, 0, runSequence));
        var stillHeld = IdHistory.StillHeld(previous);
        IdHistory.AddChanges(assignment, stillHeld, runSequence, changes);
        IdHistory.AddRetired(previous, stillHeld, readNow, runSequence, changes);
        var next = new IdState
        {
            RunSequence = runSequence,
            Records = NextRecords(records, clusters, ids, previousIds, threads, segmentRecords),
            Registry = previous.Registry.With(created, runSequence),
            History = previous.History.With(runId, changes),
        };
        return new Outcome(ids, clustersById, previousIds, next);
    }

    /// <summary>The previous ids of each valid cluster's records, cluster after cluster.</summary>
    private static (DinmoId[] Held, int[] Start) HeldIds(ClusterAssignment clusters, int[] validClusters, int[] stateRow, StateRecords state)
    {
        var start = new int[validClusters.Length + 1];
        var held = new List<DinmoId>();
        for (var k = 0; k < validClusters.Length; k++)
        {
            foreach (var member in clusters.MembersOf(validClusters[k]))
            {
                if (stateRow[member] >= 0) held.Add(state.Ids[stateRow[member]]);
            }
            start[k + 1] = held.Count;
        }
        return ([.. held], start);
    }

    /// <summary>Records are turned into state rows in parallel segments of at most this many; each segment's rows have fixed places.</summary>
    public const int SegmentRecords = 1 << 15;

    /// <summary>
    /// Every valid record key read now: its cluster's id (active), or the id it kept while unresolved.
    /// The record table is already in (model name, key) order. Two passes over segments of it, in
    /// parallel: the first counts each segment's rows and key bytes, which fixes where every segment
    /// writes; the second fills the state's exactly sized columns. The rows are those of one pass in
    /// order, whatever the thread count.
    /// </summary>
    private static StateRecords NextRecords(RecordTable records, ClusterAssignment clusters, DinmoId?[] ids, DinmoId?[] previousIds, int threads,
        int segmentRecords)
    {
        var ranges = ModelRanges.Of(records);
        var segments = new List<(int Range, int Start, int End)>();
        for (var i = 0; i < ranges.Count; i++)
        {
            for (var start = ranges[i].Start; start < ranges[i].End; start += segmentRecords)
                segments.Add((i, start, Math.Min(ranges[i].End, start + segmentRecords)));
        }
        var options = Columnar.ParallelChunks.Options(threads);
        var segmentRows = new int[segments.Count];
        var segmentBytes = new long[segments.Count];
        Parallel.For(0, segments.Count, options, k =>
        {
            var (_, start, end) = segments[k];
            for (var r = start; r < end; r++)
            {
                if (IdOf(records, clusters, ids, previousIds, r, out _) is null) continue;
                segmentRows[k]++;
                segmentBytes[k] += records.Key(r).Length;
            }
        });

        var rowStart = new int[segments.Count + 1];
        var byteStart = new long[segments.Count + 1];
        var rangeRows = new int[ranges.Count];
        for (var k = 0; k < segments.Count; k++)
        {
            rowStart[k + 1] = rowStart[k] + segmentRows[k];
            byteStart[k + 1] = byteStart[k] + segmentBytes[k];
            rangeRows[segments[k].Range] += segmentRows[k];
        }
        // Only models with rows are named in the state, in range (model name) order.
        var modelNames = new List<byte[]>();
        var nameOfRange = new int[ranges.Count];
        for (var i = 0; i < ranges.Count; i++)
        {
            if (rangeRows[i] == 0) continue;
            nameOfRange[i] = modelNames.Count;
            modelNames.Add(records.ModelNamesUtf8[ranges[i].Model]);
        }
        var rows = rowStart[^1];
        var model = GC.AllocateUninitializedArray<int>(rows);
        var keyBytes = GC.AllocateUninitializedArray<byte>(checked((int)byteStart[^1]));
        var keyOffsets = GC.AllocateUninitializedArray<int>(rows + 1);
        var stateIds = GC.AllocateUninitializedArray<DinmoId>(rows);
        var active = GC.AllocateUninitializedArray<bool>(rows);
        keyOffsets[0] = 0;
        Parallel.For(0, segments.Count, options, k =>
        {
            var (range, start, end) = segments[k];
            var (row, offset) = (rowStart[k], (int)byteStart[k]);
            for (var r = start; r < end; r++)
            {
                if (IdOf(records, clusters, ids, previousIds, r, out var isActive) is not { } id) continue;
                var key = records.Key(r);
                key.CopyTo(keyBytes.AsSpan(offset));
                offset += key.Length;
                (model[row], keyOffsets[row + 1], stateIds[row], active[row]) = (nameOfRange[range], offset, id, isActive);
                row++;
            }
        });
        return new StateRecords([.. modelNames], model, keyBytes, keyOffsets, stateIds, active);
    }

    /// <summary>A record's id in the next state: its valid cluster's (active), else the one it kept; null for an invalid key or no id.</summary>
    private static DinmoId? IdOf(RecordTable records, ClusterAssignment clusters, DinmoId?[] ids, DinmoId?[] previousIds, int r, out bool active)
    {
        active = false;
        if (records.Status[r] != RecordKeyStatus.Valid) return null;
        var c = clusters.ClusterOf(r);
        if (c >= 0 && ids[c] is { } id)
        {
            active = true;
            return id;
        }
        return previousIds[r];
    }
}
