using Dinmo.IrEngine.Columnar;
using Dinmo.IrEngine.Resolution;
using Dinmo.IrEngine.Standardize;

namespace Dinmo.IrEngine.Metrics;

/// <summary>Computes <see cref="RunMetrics"/> from a resolution: buckets, per model, per rule, per identifier.</summary>
internal static class RunMetricsCalculator
{
    /// <summary>How many of each identifier's most shared values are reported.</summary>
    public const int MostSharedCount = 20;

    private static readonly (string Name, int Min, int Max)[] SizeBuckets =
        [("1", 1, 1), ("2", 2, 2), ("3-5", 3, 5), ("6-10", 6, 10), ("11-100", 11, 100), ("101+", 101, int.MaxValue)];

    public static RunMetrics Compute(ResolutionResult result, int threads = 1)
    {
        var records = result.Records;
        var n = records.Count;
        var rows = new List<MetricRow>();
        var buckets = new long[4];
        var perModel = new long[records.ModelNames.Length, 5];
        for (var r = 0; r < n; r++)
        {
            buckets[(int)result.Status[r]]++;
            perModel[records.Model[r], (int)result.Status[r]]++;
            perModel[records.Model[r], 4]++;
        }
        var golden = result.Golden.Count;
        var sizes = result.Golden.Cluster.Select(c => result.Clusters.MembersOf(c).Length).ToArray();
        var largest = sizes.Length == 0 ? 0 : sizes.Max();

        void Project(string metric, double value) => rows.Add(new MetricRow("project", result.Graph.Project, metric, value));
        Project("records", n);
        Project("unique_records", buckets[0]);
        Project("matched_records", buckets[1]);
        Project("conflict_records", buckets[2]);
        Project("missing_records", buckets[3]);
        Project("golden_records", golden);
        Project("resolution_rate", RunMetrics.Ratio(buckets[0] + buckets[1], n));
        Project("match_rate", RunMetrics.Ratio(buckets[1], n));
        Project("conflict_rate", RunMetrics.Ratio(buckets[2], n));
        Project("records_per_profile", RunMetrics.Ratio(buckets[0] + buckets[1], golden));
        Project("largest_cluster_size", largest);
        var largestClusters = LargestClusters(result);
        foreach (var cluster in largestClusters) Project($"largest_cluster:{cluster.DinmoId}", cluster.Records);
        Project("skipped_fuzzy_blocks", result.SkippedBlocks.Count);
        foreach (var (name, min, max) in SizeBuckets) Project($"cluster_size_histogram:{name}", sizes.Count(s => s >= min && s <= max));

        for (var m = 0; m < records.ModelNames.Length; m++)
        {
            var model = records.ModelNames[m];
            rows.Add(new MetricRow("model", model, "records", perModel[m, 4]));
            rows.Add(new MetricRow("model", model, "unique_records", perModel[m, 0]));
            rows.Add(new MetricRow("model", model, "matched_records", perModel[m, 1]));
            rows.Add(new MetricRow("model", model, "conflict_records", perModel[m, 2]));
            rows.Add(new MetricRow("model", model, "missing_records", perModel[m, 3]));
        }
        AddRuleMetrics(result, rows);
        var skippedBlocks = LargestSkippedBlocks(result);
        foreach (var block in skippedBlocks)
        {
            rows.Add(new MetricRow("rule", block.Rule, $"skipped_fuzzy_block:{block.Criterion}:{block.Key}", block.DistinctValues));
        }
        var mostShared = AddIdentifierMetrics(result, rows, threads);

        rows.Sort((a, b) =>
        {
            var c = CodePointOrder.Instance.Compare(a.ScopeType, b.ScopeType);
            if (c == 0) c = CodePointOrder.Instance.Compare(a.ScopeValue, b.ScopeValue);
            return c != 0 ? c : CodePointOrder.Instance.Compare(a.Metric, b.Metric);
        });
        return new RunMetrics
        {
            Records = n, Unique = buckets[0], Matched = buckets[1], Conflict = buckets[2], Missing = buckets[3],
            Golden = golden, LargestCluster = largest, Rows = rows, MostShared = mostShared, LargestClusters = largestClusters,
            SkippedBlockCount = result.SkippedBlocks.Count, LargestSkippedBlocks = skippedBlocks,
        };
    }

    /// <summary>How many of the largest valid clusters are reported.</summary>
    public const int LargestClusterCount = 10;

    private static List<ClusterSize> LargestClusters(ResolutionResult result) =>
        result.Golden.Cluster
            .OrderByDescending(c => result.Clusters.MembersOf(c).Length).ThenBy(c => result.DinmoIdValues[c]!.Value) // id order is text order
            .Take(LargestClusterCount)
            .Select(c => new ClusterSize(result.DinmoIdText(c)!, result.Clusters.MembersOf(c).Length)).ToList();

    /// <summary>How many of each rule's skipped fuzzy blocks are reported with key and size (the largest).</summary>
    public const int SkippedBlocksPerRule = 20;

    /// <summary>
    /// Per rule (config order), its largest skipped blocks: most distinct values first, then most records,
    /// then key and criterion in code point order. Bounded so a badly chosen anchor cannot flood the
    /// metrics; the counts (<c>skipped_fuzzy_blocks</c>) still cover every skipped block.
    /// </summary>
    private static List<Compare.SkippedBlock> LargestSkippedBlocks(ResolutionResult result)
    {
        var order = result.Rules.ToDictionary(r => r.Config.Name, r => r.Index);
        return result.SkippedBlocks
            .GroupBy(b => b.Rule)
            .OrderBy(g => order[g.Key])
            .SelectMany(g => g.OrderByDescending(b => b.DistinctValues).ThenByDescending(b => b.Records)
                .ThenBy(b => b.Key, CodePointOrder.Instance).ThenBy(b => b.Criterion, CodePointOrder.Instance)
                .Take(SkippedBlocksPerRule))
            .ToList();
    }

    private static void AddRuleMetrics(ResolutionResult result, List<MetricRow> rows)
    {
        var n = result.Records.Count;
        var rules = result.Rules;
        var conflictBy = rules.Select(_ => new bool[n]).ToArray();
        for (var i = 0; i < result.Links.Count; i++)
        {
            if (result.LinkOutcomes[i] == LinkOutcome.Merged) continue;
            var (rule, left, right) = result.Links[i];
            conflictBy[rule][left] = conflictBy[rule][right] = true;
        }
        // Per matched record: the rules that linked it; exclusive when exactly one did.
        var linked = new int[result.LinkedBy.Length];
        var exclusive = new int[result.LinkedBy.Length];
        for (var x = 0; x < n; x++)
        {
            if (result.Status[x] is not ResolutionStatus.Matched) continue;
            var linking = 0;
            var only = -1;
            foreach (var rule in rules)
            {
                if (!result.LinkedBy[rule.Index][x]) continue;
                linked[rule.Index]++;
                linking++;
                only = rule.Index;
            }
            if (linking == 1) exclusive[only]++;
        }
        foreach (var rule in rules)
        {
            var name = rule.Config.Name;
            rows.Add(new MetricRow("rule", name, "applicable_records", result.Applicability.CountApplicable(rule.Index)));
            rows.Add(new MetricRow("rule", name, "linked_records", linked[rule.Index]));
            rows.Add(new MetricRow("rule", name, "conflict_records", conflictBy[rule.Index].Count(x => x)));
            rows.Add(new MetricRow("rule", name, "exclusive_records", exclusive[rule.Index]));
            rows.Add(new MetricRow("rule", name, "skipped_fuzzy_blocks", result.SkippedBlocks.Count(s => s.Rule == name)));
        }
    }

    /// <summary>
    /// Every identifier's metrics, computed on up to <paramref name="threads"/> threads (one identifier
    /// each) and added in identifier order, so the rows never depend on the thread count.
    /// </summary>
    private static List<SharedValue> AddIdentifierMetrics(ResolutionResult result, List<MetricRow> rows, int threads)
    {
        var identifiers = result.Graph.Identifiers.Count;
        // Golden rows are counted in cluster order, where members lie close together; a count has no order.
        var validClusters = (int[])result.Golden.Cluster.Clone();
        Array.Sort(validClusters);
        var perIdentifier = new (List<MetricRow> Rows, List<SharedValue> MostShared)[identifiers];
        Parallel.For(0, identifiers, ParallelChunks.Options(threads),
            id => perIdentifier[id] = IdentifierMetrics(result, id, validClusters));
        var mostShared = new List<SharedValue>();
        foreach (var (identifierRows, shared) in perIdentifier)
        {
            rows.AddRange(identifierRows);
            mostShared.AddRange(shared);
        }
        foreach (var shared in mostShared)
        {
            rows.Add(new MetricRow("identifier", shared.Identifier, $"most_shared_value:{shared.Value}", shared.Records));
        }
        return mostShared;
    }

    private static (List<MetricRow> Rows, List<SharedValue> MostShared) IdentifierMetrics(ResolutionResult result, int id, int[] validClusters)
    {
        var graph = result.Graph;
        var observations = result.Observations;
        var n = result.Records.Count;
        var rows = new List<MetricRow>();
        var name = graph.Identifiers[id].Name;
        var withUsable = new bool[n];
        var seen = new bool[observations.Values.Count];
        int withUsableCount = 0, distinct = 0;
        var blocked = 0;
        var byReason = new int[4];
        for (var o = 0; o < observations.Count; o++)
        {
            if (observations.Identifier[o] != id) continue;
            if (!observations.IsUsable(o))
            {
                blocked++;
                byReason[(int)observations.Block[o]]++;
                continue;
            }
            if (!withUsable[observations.Record[o]]) withUsableCount++;
            withUsable[observations.Record[o]] = true;
            if (!seen[observations.Value[o]]) distinct++;
            seen[observations.Value[o]] = true;
        }
        var goldenWith = 0;
        var goldenColumn = graph.Golden?.Identifiers.ToList().FindIndex(g => g.Name == name) ?? -1;
        if (goldenColumn >= 0)
        {
            foreach (var value in result.Golden.IdentifierValue[goldenColumn]) if (value >= 0) goldenWith++;
        }
        else
        {
            foreach (var cluster in validClusters) if (AnyOf(result.Clusters.MembersOf(cluster), withUsable)) goldenWith++;
        }
        rows.Add(new MetricRow("identifier", name, "completeness", RunMetrics.Ratio(withUsableCount, n)));
        rows.Add(new MetricRow("identifier", name, "golden_completeness", RunMetrics.Ratio(goldenWith, result.Golden.Count)));
        rows.Add(new MetricRow("identifier", name, "distinct_values", distinct));
        rows.Add(new MetricRow("identifier", name, "blocked_observations", blocked));
        foreach (var reason in new[] { BlockReason.BlockedValue, BlockReason.BlockedPattern, BlockReason.Hub })
        {
            rows.Add(new MetricRow("identifier", name, $"blocked_observations:{BlockReasonNames.Name(reason)}", byReason[(int)reason]));
        }
        return (rows, MostShared(result, id, name));
    }

    private static bool AnyOf(ReadOnlySpan<int> records, bool[] flag)
    {
        foreach (var record in records)
        {
            if (flag[record]) return true;
        }
        return false;
    }

    /// <summary>
    /// The identifier's values held by most records (ties in code-point order). Only values that can
    /// still make the list (at least as many records as the N-th largest count) are ordered, by their
    /// UTF-8 bytes, and only the chosen ones become strings.
    /// </summary>
    private static List<SharedValue> MostShared(ResolutionResult result, int identifier, string name)
    {
        var observations = result.Observations;
        var counts = new List<(int Value, int Records)>();
        for (var slot = 0; slot < observations.Slots.Count; slot++)
        {
            var (id, value) = observations.Slots.PairOf(slot);
            if (id == identifier) counts.Add((value, observations.RecordsPerSlot[slot]));
        }
        if (counts.Count == 0) return [];
        // The N-th largest count (the smallest when there are fewer values), kept in a heap of N instead of sorting every count.
        var largest = new PriorityQueue<int, int>(MostSharedCount);
        foreach (var (_, records) in counts)
        {
            if (largest.Count < MostSharedCount) largest.Enqueue(records, records);
            else if (records > largest.Peek()) largest.DequeueEnqueue(records, records);
        }
        var threshold = largest.Peek();
        var values = observations.Values;
        var top = counts.Where(c => c.Records >= threshold).ToArray();
        Array.Sort(top, (a, b) => b.Records != a.Records ? b.Records.CompareTo(a.Records) : values[a.Value].SequenceCompareTo(values[b.Value]));
        var chosen = top.Take(MostSharedCount).ToArray();
        // Each value's block reason is that of its last observation, as the table shows it.
        var blockOf = chosen.ToDictionary(c => c.Value, _ => BlockReason.None);
        for (var o = 0; o < observations.Count; o++)
        {
            if (observations.Identifier[o] == identifier && blockOf.ContainsKey(observations.Value[o])) blockOf[observations.Value[o]] = observations.Block[o];
        }
        return [.. chosen.Select(c => new SharedValue(name, values.GetString(c.Value), c.Records, BlockReasonNames.Name(blockOf[c.Value])))];
    }
}
