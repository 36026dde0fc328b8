using Dinmo.IrEngine.Cluster;

namespace Dinmo.IrEngine.Tests.Cluster;

public sealed class ClusterAssignmentTests
{
    // Records 0..6: {0, 3, 5}, {1}, {2, 6}; record 4 takes no part.
    private static readonly int[] Root = [0, 1, 2, 0, -1, 0, 2];

    [Fact]
    public void Roots_AreAscendingSmallestMembers()
    {
        var clusters = new ClusterAssignment(Root);
        Assert.Equal(3, clusters.ClusterCount);
        Assert.Equal([0, 1, 2], clusters.Roots);
    }

    [Fact]
    public void Members_AreListedPerClusterAscending()
    {
        var clusters = new ClusterAssignment(Root);
        Assert.Equal([0, 3, 5], clusters.MembersOf(0).ToArray());
        Assert.Equal([1], clusters.MembersOf(1).ToArray());
        Assert.Equal([2, 6], clusters.MembersOf(2).ToArray());
        Assert.Equal([0, 3, 5, 1, 2, 6], clusters.Members);
        Assert.Equal([0, 3, 4, 6], clusters.Start);
    }

    [Fact]
    public void ClusterOf_GivesIndexOrMinusOne()
    {
        var clusters = new ClusterAssignment(Root);
        Assert.Equal([0, 1, 2, 0, -1, 0, 2], Enumerable.Range(0, Root.Length).Select(clusters.ClusterOf).ToArray());
    }

    [Fact]
    public void NoRecords_NoClusters()
    {
        var clusters = new ClusterAssignment([-1, -1]);
        Assert.Equal(0, clusters.ClusterCount);
        Assert.Empty(clusters.Members);
        Assert.Equal(-1, clusters.ClusterOf(1));
    }

    [Fact]
    public void FromUnionFind_EveryRecordInItsComponent()
    {
        var union = new UnionFind(6);
        union.Union(5, 1);
        union.Union(4, 3);
        union.Union(3, 5);
        var clusters = new ClusterAssignment(Enumerable.Range(0, 6).Select(union.Find).ToArray());
        Assert.Equal([0, 1, 2], clusters.Roots);
        Assert.Equal([1, 3, 4, 5], clusters.MembersOf(1).ToArray());
    }
}
