using BenchmarkDotNet.Attributes;
using Dinmo.IrEngine.Compare;

namespace Dinmo.IrEngine.Bench.Compare;

/// <summary>One-to-one similarity of name pairs, per path; the mean is per pair.</summary>
[MemoryDiagnoser]
public class JaroWinklerOneToOneBench
{
    private const int Pairs = 1024;
    private int[][] _left = [];
    private int[][] _right = [];

    [GlobalSetup]
    public void Setup()
    {
        List<int[]> names = JaroWinklerNames.Generate(2 * Pairs, seed: 42);
        _left = names.Take(Pairs).ToArray();
        _right = names.Skip(Pairs).ToArray();
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
