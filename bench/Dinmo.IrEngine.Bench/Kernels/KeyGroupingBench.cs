using BenchmarkDotNet.Attributes;
using Dinmo.IrEngine.Columnar;

namespace Dinmo.IrEngine.Bench.Kernels;

/// <summary>
/// Grouping 10 million blocking keys (value ids drawn from 5 million distinct values, so most groups
/// are pairs and singletons, as in identity data): the radix grouping the engine uses, and the
/// comparison-sort reference it replaced.
/// </summary>
public class KeyGroupingBench
{
    private const int Keys = 10_000_000;
    private const int DistinctValues = 5_000_000;
    private int[] _keys = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(11);
        _keys = new int[Keys];
        for (var i = 0; i < Keys; i++) _keys[i] = random.Next(DistinctValues);
    }

    [Benchmark(Baseline = true)]
    public int Radix() => KeyGrouping.Radix(_keys, 1, DistinctValues)[0];

    [Benchmark]
    public int ComparisonSort() => KeyGrouping.Reference(_keys, 1)[0];
}
