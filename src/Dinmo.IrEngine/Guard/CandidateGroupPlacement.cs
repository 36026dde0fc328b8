namespace Dinmo.IrEngine.Guard;

/// <summary>
/// Places the records of one candidate group inside a violating component (skip_merge) without
/// pairwise work. The group's records are taken in ascending order and form subgroups: a record first
/// tries its star link to the group's smallest record (refused links are recorded against that star
/// link, as in match_pairs); if refused, it tries the group's first subgroup and every subgroup that
/// already holds one of its limited values, in the order they were formed, and joins the first that
/// keeps every limit — that join is recorded as a link of its own. A record that fits none starts a
/// new subgroup. Each record costs one try plus one per subgroup sharing a limited value with it.
/// </summary>
internal static class CandidateGroupPlacement
{
    public static void Place(int rule, int[] members, double[] scores, LimitedMerger merger,
        Dictionary<(int Rule, int Left, int Right), string> refused, List<(int Rule, int Left, int Right, double[] Scores)> added)
    {
        var star = members[0];
        var representatives = new List<int>();
        var byValue = new Dictionary<(int Slot, int Value), List<int>>();
        foreach (var record in members)
        {
            if (record != star)
            {
                var starRefusal = merger.SelfConflict[star] ?? merger.SelfConflict[record];
                if (starRefusal is not null) refused[(rule, star, record)] = starRefusal;
            }
            if (merger.SelfConflict[record] is not null) continue;

            var ownValues = Snapshot(merger, record);
            var joined = false;
            foreach (var ordinal in Candidates(representatives.Count, byValue, ownValues))
            {
                var representative = representatives[ordinal];
                var (result, reason) = merger.TryMerge(representative, record);
                if (result == MergeResult.Refused)
                {
                    if (representative == star) refused[(rule, star, record)] = reason!;
                    continue;
                }
                if (result == MergeResult.Merged)
                {
                    if (representative != star) added.Add((rule, Math.Min(representative, record), Math.Max(representative, record), scores));
                    Index(byValue, ownValues, ordinal);
                }
                joined = true;
                break;
            }
            if (joined) continue;
            representatives.Add(record);
            Index(byValue, ownValues, representatives.Count - 1);
        }
    }

    /// <summary>The first subgroup, then every subgroup holding one of the given limited values, ascending.</summary>
    private static IEnumerable<int> Candidates(int subgroups, Dictionary<(int, int), List<int>> byValue, (int Slot, int Value)[] values)
    {
        if (subgroups == 0) return [];
        var candidates = new SortedSet<int> { 0 };
        foreach (var key in values)
        {
            if (byValue.TryGetValue(key, out var ordinals)) candidates.UnionWith(ordinals);
        }
        return candidates;
    }

    /// <summary>The limited values of the record's current set, by identifier slot.</summary>
    private static (int Slot, int Value)[] Snapshot(LimitedMerger merger, int record)
    {
        var sets = merger.Values.Of(merger.Union.Find(record));
        return sets.SelectMany((set, slot) => set.Select(value => (slot, value))).ToArray();
    }

    private static void Index(Dictionary<(int, int), List<int>> byValue, (int Slot, int Value)[] values, int ordinal)
    {
        foreach (var key in values)
        {
            if (!byValue.TryGetValue(key, out var ordinals)) byValue[key] = ordinals = [];
            if (ordinals.Count == 0 || ordinals[^1] != ordinal) ordinals.Add(ordinal);
        }
    }
}
