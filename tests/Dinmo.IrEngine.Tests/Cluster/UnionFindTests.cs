using Dinmo.IrEngine.Cluster;

namespace Dinmo.IrEngine.Tests.Cluster;

public sealed class UnionFindTests
{
    [Fact]
    public void NewSets_AreSingletons()
    {
        var union = new UnionFind(4);
        Assert.Equal(4, union.Count);
        for (var i = 0; i < 4; i++) Assert.Equal(i, union.Find(i));
    }

    [Fact]
    public void Union_ReturnsFalseWhenAlreadyJoined()
    {
        var union = new UnionFind(3);
        Assert.True(union.Union(2, 1));
        Assert.False(union.Union(1, 2));
        Assert.True(union.Union(0, 2));
        Assert.False(union.Union(0, 1));
    }

    [Fact]
    public void Root_IsSmallestIdWhateverTheUnionOrder()
    {
        var union = new UnionFind(10);
        union.Union(9, 8);
        union.Union(7, 9);
        union.Union(8, 3);
        union.Union(6, 5);
        union.Union(5, 4);
        Assert.Equal(3, union.Find(9));
        Assert.Equal(3, union.Find(7));
        Assert.Equal(4, union.Find(6));
        union.Union(9, 6);
        foreach (var x in new[] { 3, 4, 5, 6, 7, 8, 9 }) Assert.Equal(3, union.Find(x));
        Assert.Equal(0, union.Find(0));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public void RandomUnions_MatchNaiveComponentsWithSmallestRoot(int seed)
    {
        const int n = 200;
        var random = new Random(seed);
        var edges = Enumerable.Range(0, 150).Select(_ => (random.Next(n), random.Next(n))).ToArray();
        var union = new UnionFind(n);
        foreach (var (a, b) in edges) union.Union(a, b);
        var label = NaiveLabels(n, edges.Select(e => e.Item1).ToArray(), edges.Select(e => e.Item2).ToArray());
        for (var i = 0; i < n; i++) Assert.Equal(label[i], union.Find(i));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    public void UnionAll_OneOrTwoThreads_MatchNaiveComponentsWithSmallestRoot(int seed, int threads)
    {
        // Enough edges for the parallel path (it starts at 2^20), over few enough vertices that
        // threads keep meeting on the same components and splicing each other's paths.
        const int n = 300_000;
        const int edges = 1_200_000;
        var random = new Random(seed);
        var left = new int[edges];
        var right = new int[edges];
        for (var i = 0; i < edges; i++)
        {
            // Mostly short-range edges make long chains; a few long-range ones join them.
            left[i] = random.Next(n);
            right[i] = random.Next(8) == 0 ? random.Next(n) : Math.Clamp(left[i] + random.Next(-3, 4), 0, n - 1);
        }
        var union = new UnionFind(n);
        union.UnionAll(left, right, threads);
        union.Flatten();
        var label = NaiveLabels(n, left, right);
        for (var i = 0; i < n; i++) Assert.Equal(label[i], union.Find(i));
    }

    /// <summary>Naive reference: relabel to the smaller label until nothing changes.</summary>
    private static int[] NaiveLabels(int n, int[] left, int[] right)
    {
        var label = Enumerable.Range(0, n).ToArray();
        for (var changed = true; changed;)
        {
            changed = false;
            for (var e = 0; e < left.Length; e++)
            {
                int a = left[e], b = right[e];
                var min = Math.Min(label[a], label[b]);
                if (label[a] != min || label[b] != min) { label[a] = label[b] = min; changed = true; }
            }
        }
        return label;
    }
}
