using BenchmarkDotNet.Attributes;
using Dinmo.IrEngine.Cluster;

namespace Dinmo.IrEngine.Bench.Kernels;

/// <summary>
/// The clustering stage's union-find on 20 million random edges over 10 million vertices, single
/// thread, then a find of every vertex (the final roots). Reference: the fastest C++ single-threaded
/// union-find does it in about 0.65 s on this kind of machine.
/// </summary>
[MinColumn, MedianColumn]
public class UnionFindBench
{
    private const int Vertices = 10_000_000;
    private const int Edges = 20_000_000;
    private int[] _left = [];
    private int[] _right = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(13);
        _left = new int[Edges];
        _right = new int[Edges];
        for (var i = 0; i < Edges; i++)
        {
            _left[i] = random.Next(Vertices);
            _right[i] = random.Next(Vertices);
        }
    }

    /// <summary>One union per edge as the links come, then a find per vertex (the loop before batching).</summary>
    [Benchmark(Baseline = true)]
    public long UnionEachThenFindAll()
    {
        var union = new UnionFind(Vertices);
        int[] left = _left, right = _right;
        for (var i = 0; i < left.Length; i++) union.Union(left[i], right[i]);
        long sum = 0;
        for (var v = 0; v < Vertices; v++) sum += union.Find(v);
        return sum;
    }

    /// <summary>The clustering stage's path: batched unions with prefetching, then one flattening pass.</summary>
    [Benchmark]
    public long UnionAllThenFlatten() => UnionAllThenFlatten(threads: 1);

    /// <summary>The same on two threads (lock-free, compare-and-swap).</summary>
    [Benchmark]
    public long UnionAllThenFlattenTwoThreads() => UnionAllThenFlatten(threads: 2);

    private long UnionAllThenFlatten(int threads)
    {
        var union = new UnionFind(Vertices);
        union.UnionAll(_left, _right, threads);
        union.Flatten();
        long sum = 0;
        for (var v = 0; v < Vertices; v++) sum += union.Find(v);
        return sum;
    }
}
