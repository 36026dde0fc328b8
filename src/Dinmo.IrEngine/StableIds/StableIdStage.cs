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

    public static Outcome Run(string project, RecordTable records, ClusterAssignment clusters, bool[] valid, IdState previous,
        string runId, int threads)
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
        var clustersById = (int[])validClusters.Clone();
        Array.Sort(byId, clustersById);
        var previousIds = new DinmoId?[records.Count];
        for (var r = 0; r < records.Count; r++)
        {
            if (stateRow[r] >= 0) previousIds[r] = previous.Records.Ids[stateRow[r]];
        }

        // In id order: the history and the registry then take the new ids (all of them in a first run) already sorted.
        Array.Sort(assignment.Created);
        var changes = new List<IdChange>(assignment.Created.Length);
        foreach (var id in assignment.Created) changes.Add(new IdChange(id, IdChangeType.Created, default, false, 0, runSequence));
        var stillHeld = IdHistory.StillHeld(previous);
        IdHistory.AddChanges(assignment, stillHeld, runSequence, changes);
        IdHistory.AddRetired(previous, stillHeld, readNow, runSequence, changes);
        var next = new IdState
        {
            RunSequence = runSequence,
            Records = NextRecords(records, clusters, ids, previousIds),
            Registry = previous.Registry.With(assignment.Created, runSequence),
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

    /// <summary>
    /// Every valid record key read now: its cluster's id (active), or the id it kept while unresolved.
    /// Two passes over the record table, which is already in (model name, key) order: the first sizes
    /// the state's columns exactly, the second fills them, so no column grows or is copied again.
    /// </summary>
    private static StateRecords NextRecords(RecordTable records, ClusterAssignment clusters, DinmoId?[] ids, DinmoId?[] previousIds)
    {
        var ranges = ModelRanges.Of(records);
        DinmoId? IdOf(int r, out bool active)
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

        var (rows, bytes) = (0, 0L);
        foreach (var (_, start, end) in ranges)
        {
            for (var r = start; r < end; r++)
            {
                if (IdOf(r, out _) is null) continue;
                rows++;
                bytes += records.Key(r).Length;
            }
        }
        var modelNames = new List<byte[]>();
        var model = GC.AllocateUninitializedArray<int>(rows);
        var keyBytes = GC.AllocateUninitializedArray<byte>(checked((int)bytes));
        var keyOffsets = GC.AllocateUninitializedArray<int>(rows + 1);
        var stateIds = GC.AllocateUninitializedArray<DinmoId>(rows);
        var active = GC.AllocateUninitializedArray<bool>(rows);
        var (row, offset) = (0, 0);
        keyOffsets[0] = 0;
        foreach (var (m, start, end) in ranges)
        {
            var named = false;
            for (var r = start; r < end; r++)
            {
                if (IdOf(r, out var isActive) is not { } id) continue;
                if (!named)
                {
                    modelNames.Add(records.ModelNamesUtf8[m]);
                    named = true;
                }
                var key = records.Key(r);
                key.CopyTo(keyBytes.AsSpan(offset));
                offset += key.Length;
                (model[row], keyOffsets[row + 1], stateIds[row], active[row]) = (modelNames.Count - 1, offset, id, isActive);
                row++;
            }
        }
        return new StateRecords([.. modelNames], model, keyBytes, keyOffsets, stateIds, active);
    }
}
