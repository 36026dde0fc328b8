using BenchmarkDotNet.Attributes;
using Dinmo.IrEngine.Compare;

namespace Dinmo.IrEngine.Bench.Compare;

/// <summary>
/// One-to-one similarity of 1,024 name pairs (half typos of each other, half unrelated), per path;
/// the mean is per pair.
/// </summary>
[MemoryDiagnoser, MinColumn, MedianColumn]
public class JaroWinklerOneToOneBench
{
    private const int Pairs = 1024;
    private int[][] _left = [];
    private int[][] _right = [];

    [GlobalSetup]
    public void Setup()
    {
        (_left, _right) = JaroWinklerNames.GeneratePairs(Pairs, seed: 42);
    }

    private double Run(JaroWinklerPath path)
    {
        double sum = 0;
        int[][] left = _left, right = _right;
        for (int k = 0; k < left.Length; k++) sum += JaroWinkler.Similarity(left[k], right[k], path);
        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Pairs)] public double Scalar() => Run(JaroWinklerPath.Scalar);
    [Benchmark(OperationsPerInvoke = Pairs)] public double BitParallel() => Run(JaroWinklerPath.BitParallel);
    [Benchmark(OperationsPerInvoke = Pairs)] public double Vector128() => Run(JaroWinklerPath.Vector128);
    [Benchmark(OperationsPerInvoke = Pairs)] public double Vector256() => Run(JaroWinklerPath.Vector256);
    [Benchmark(OperationsPerInvoke = Pairs)] public double Vector512() => Run(JaroWinklerPath.Vector512);
}
