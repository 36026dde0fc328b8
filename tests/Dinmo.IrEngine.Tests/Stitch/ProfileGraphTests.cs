using Dinmo.IrEngine.Stitch;

namespace Dinmo.IrEngine.Tests.Stitch;

public sealed class ProfileGraphTests
{
    [Fact]
    public void SurvivorIndexes_FollowEveryMergeChainToItsEnd()
    {
        using var graph = new ProfileGraph("project", [], ["events"]);
        var p = Enumerable.Range(0, 7).Select(i => graph.Create("events", $"k{i}", i)).ToArray();
        // A chain 4 -> 3 -> 1 -> 0 built from its far end, a branch 5 -> 3, a pair 6 -> 2 (the older survives).
        graph.Merge(p[4], p[3], "anonymous_id", "r1");
        graph.Merge(p[5], p[3], "anonymous_id", "r1");
        graph.Merge(p[3], p[1], "anonymous_id", "r1");
        graph.Merge(p[1], p[0], "anonymous_id", "r1");
        graph.Merge(p[6], p[2], "anonymous_id", "r1");

        Assert.Equal([0, 0, 2, 0, 0, 0, 2], graph.SurvivorIndexes());
        // Reading it changes nothing: the direct merge targets (redirects) stay as merged.
        Assert.Equal([null, 0, null, 1, 3, 3, 2], p.Select(x => x.MergedInto?.Index).ToArray());
    }
}
