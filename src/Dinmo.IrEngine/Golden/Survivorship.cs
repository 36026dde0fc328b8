using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Ingest;

namespace Dinmo.IrEngine.Golden;

/// <summary>
/// Picks one value among a cluster's candidates by a survivorship strategy (SPEC §3.4). Candidates
/// arrive in precedence order (most recent record first; within a record, mapping order); every tie
/// is broken by that order, so the first candidate of a winning value is its best record.
/// </summary>
internal static class Survivorship
{
    /// <summary>Index of the winning candidate, or -1 when there is none.</summary>
    public static int Pick(SurvivorshipStrategy strategy, ReadOnlySpan<GoldenCandidate> candidates, IGoldenValueSource values,
        RecordPrecedence precedence, RecordTable records)
    {
        if (candidates.IsEmpty) return -1;
        switch (strategy)
        {
            case SurvivorshipStrategy.LastNonNull:
                return 0;
            case SurvivorshipStrategy.FirstNonNull:
            {
                var best = 0;
                for (var i = 1; i < candidates.Length; i++)
                {
                    if (precedence.CompareOldestFirst(candidates[i].Record, candidates[best].Record) < 0) best = i;
                }
                return best;
            }
            case SurvivorshipStrategy.ModelPriority:
            {
                // Candidates are in precedence order, so the first of the strongest model wins.
                var best = 0;
                for (var i = 1; i < candidates.Length; i++)
                {
                    if (precedence.ModelRank[records.Model[candidates[i].Record]] < precedence.ModelRank[records.Model[candidates[best].Record]]) best = i;
                }
                return best;
            }
            case SurvivorshipStrategy.MostFrequent:
                return MostFrequent(candidates, values);
            case SurvivorshipStrategy.Longest when values.IsText:
                return Best(candidates, (a, b) => values.Length(a).CompareTo(values.Length(b)));
            case SurvivorshipStrategy.Longest: // a number has no length: the largest wins
            case SurvivorshipStrategy.Max:
                return Best(candidates, values.Compare);
            case SurvivorshipStrategy.Min:
                return Best(candidates, (a, b) => values.Compare(b, a));
            default:
                throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "unknown survivorship strategy");
        }
    }

    /// <summary>The first candidate whose value is strictly greatest by <paramref name="greater"/> (ties keep the earlier one).</summary>
    private static int Best(ReadOnlySpan<GoldenCandidate> candidates, Func<int, int, int> greater)
    {
        var best = 0;
        for (var i = 1; i < candidates.Length; i++)
        {
            if (greater(candidates[i].Handle, candidates[best].Handle) > 0) best = i;
        }
        return best;
    }

    /// <summary>The value carried by the most records; equal counts go to the value seen first (its best record wins).</summary>
    private static int MostFrequent(ReadOnlySpan<GoldenCandidate> candidates, IGoldenValueSource values)
    {
        // Group candidates by value (hash, confirmed by equality); candidates of one record are adjacent.
        var groupsByHash = new Dictionary<ulong, List<int>>();
        var first = new List<int>();
        var count = new List<int>();
        var lastRecord = new List<int>();
        for (var i = 0; i < candidates.Length; i++)
        {
            var hash = values.Hash(candidates[i].Handle);
            if (!groupsByHash.TryGetValue(hash, out var groups)) groupsByHash[hash] = groups = [];
            var g = -1;
            foreach (var candidate in groups)
            {
                if (values.AreEqual(candidates[first[candidate]].Handle, candidates[i].Handle)) { g = candidate; break; }
            }
            if (g < 0)
            {
                g = first.Count;
                groups.Add(g);
                first.Add(i);
                count.Add(0);
                lastRecord.Add(-1);
            }
            if (lastRecord[g] == candidates[i].Record) continue;
            lastRecord[g] = candidates[i].Record;
            count[g]++;
        }
        var best = 0;
        for (var g = 1; g < first.Count; g++)
        {
            if (count[g] > count[best]) best = g;
        }
        return first[best];
    }
}
