namespace Dinmo.IrEngine.Metrics;

/// <summary>
/// The run's figures (SPEC §7). The four buckets add up to <see cref="Records"/>, overall and per model.
/// Stage timings and peak memory are not here: they go to the run summary only, so that the metric
/// tables stay byte-identical across reruns and thread counts.
/// </summary>
internal sealed class RunMetrics
{
    public required long Records { get; init; }
    public required long Unique { get; init; }
    public required long Matched { get; init; }
    public required long Conflict { get; init; }
    public required long Missing { get; init; }
    public required long Golden { get; init; }
    public required long LargestCluster { get; init; }

    /// <summary>Every metric row, sorted by scope type, scope value, metric.</summary>
    public required IReadOnlyList<MetricRow> Rows { get; init; }

    /// <summary>Each identifier's most shared values (top 20), blocked or not.</summary>
    public required IReadOnlyList<SharedValue> MostShared { get; init; }

    /// <summary>The largest valid clusters (top 10), by size then dinmo_id.</summary>
    public required IReadOnlyList<ClusterSize> LargestClusters { get; init; }

    /// <summary>Fuzzy blocks skipped for having more than <c>max_fuzzy_block_values</c> distinct values.</summary>
    public required int SkippedBlockCount { get; init; }

    /// <summary>The skipped blocks reported with key and size: each rule's largest (top 20), rule by rule.</summary>
    public required IReadOnlyList<Compare.SkippedBlock> LargestSkippedBlocks { get; init; }

    public double ResolutionRate => Ratio(Unique + Matched, Records);
    public double MatchRate => Ratio(Matched, Records);
    public double ConflictRate => Ratio(Conflict, Records);
    public double RecordsPerProfile => Ratio(Unique + Matched, Golden);

    public static double Ratio(long part, long whole) => whole == 0 ? 0.0 : (double)part / whole;
}
