namespace Dinmo.IrEngine.Stitch;

/// <summary>What one run read and did, counted as it happens and turned into metric rows afterwards.</summary>
internal sealed class StitchRunCounts
{
    /// <summary>Rows read per model (partition-skipped rows included).</summary>
    public Dictionary<string, long> Read { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> SkippedByPartition { get; } = new(StringComparer.Ordinal);

    /// <summary>Events whose (model, key) an earlier run already processed.</summary>
    public Dictionary<string, long> SkippedProcessed { get; } = new(StringComparer.Ordinal);

    public bool Incremental { get; set; }

    /// <summary>Every event this run processed, stitched or excluded (each copy of a duplicated key too).</summary>
    public long Processed { get; private set; }

    public long Stitched { get; private set; }

    /// <summary>Processed events per exclusion reason (indexed by <see cref="AttributionReason"/>).</summary>
    public long[] ByReason { get; } = new long[AttributionReasonText.Count];

    /// <summary>Processed and stitched events per model index (<see cref="EventKeys.Models"/>).</summary>
    public List<(long Processed, long Stitched)> ByModel { get; } = [];

    /// <summary>Stitched events per matched identifier index (<see cref="ProfileGraph.IdentifierNames"/>).</summary>
    public List<long> ByMatched { get; } = [];

    /// <summary>Counts one processed event.</summary>
    public void Count(int model, AttributionReason reason, int matched)
    {
        Processed++;
        ByReason[(int)reason]++;
        while (ByModel.Count <= model) ByModel.Add((0, 0));
        var stitched = AttributionReasonText.IsStitched(reason) ? 1 : 0;
        Stitched += stitched;
        ByModel[model] = (ByModel[model].Processed + 1, ByModel[model].Stitched + stitched);
        if (matched < 0) return;
        while (ByMatched.Count <= matched) ByMatched.Add(0);
        ByMatched[matched]++;
    }
}
