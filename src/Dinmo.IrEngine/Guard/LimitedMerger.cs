using Dinmo.IrEngine.Cluster;

namespace Dinmo.IrEngine.Guard;

/// <summary>What became of a link tried by <see cref="LimitedMerger"/>.</summary>
internal enum MergeResult { AlreadyTogether, Merged, Refused }

/// <summary>
/// Union-find whose merges keep every conflict limit: a merge that would break one is refused with
/// its reasons, and a record that breaks a limit on its own takes no merge at all.
/// </summary>
internal sealed class LimitedMerger(UnionFind union, LimitedValueSets values, string?[] selfConflict)
{
    public UnionFind Union { get; } = union;

    public LimitedValueSets Values { get; } = values;

    /// <summary>Per record: the reasons it breaks a limit by itself, or null.</summary>
    public string?[] SelfConflict { get; } = selfConflict;

    public (MergeResult Result, string? Reason) TryMerge(int a, int b)
    {
        var own = SelfConflict[a] ?? SelfConflict[b];
        if (own is not null) return (MergeResult.Refused, own);
        var ra = Union.Find(a);
        var rb = Union.Find(b);
        if (ra == rb) return (MergeResult.AlreadyTogether, null);
        var reason = Values.MergeViolation(ra, rb);
        if (reason is not null) return (MergeResult.Refused, reason);
        Union.Union(ra, rb);
        Values.Merge(ra, rb, Union.Find(ra));
        return (MergeResult.Merged, null);
    }
}
