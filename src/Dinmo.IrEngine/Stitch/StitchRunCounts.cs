namespace Dinmo.IrEngine.Stitch;

/// <summary>What one run read and did, before it is turned into metric rows.</summary>
internal sealed class StitchRunCounts
{
    /// <summary>Rows read per model (partition-skipped rows included).</summary>
    public Dictionary<string, long> Read { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> SkippedByPartition { get; } = new(StringComparer.Ordinal);

    /// <summary>Events whose (model, key) an earlier run already processed.</summary>
    public Dictionary<string, long> SkippedProcessed { get; } = new(StringComparer.Ordinal);

    /// <summary>This run's attributions: every event it processed, stitched or excluded.</summary>
    public List<Attribution> Processed { get; } = [];

    public bool Incremental { get; set; }
}
