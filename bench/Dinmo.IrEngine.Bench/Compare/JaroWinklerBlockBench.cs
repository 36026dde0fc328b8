using BenchmarkDotNet.Attributes;
using Dinmo.IrEngine.Compare;

namespace Dinmo.IrEngine.Bench.Compare;

/// <summary>
/// All pairs i &lt; j of one block of distinct names at the fuzzy_medium threshold (0.88), per
/// path, single-threaded; OperationsPerInvoke makes the mean per pair considered. "WithBuild"
/// also counts building the block (decode-free: code points in, masks and lane packs out).
/// </summary>
[MemoryDiagnoser, MinColumn, MedianColumn]
public abstract class JaroWinklerBlockBench
{
    private const double Threshold = 0.88;
    private List<int[]> _names = [];
    private readonly Dictionary<JaroWinklerPath, JaroWinklerBlock> _blocks = [];

    protected abstract int Size { get; }

    [GlobalSetup]
    public void Setup()
    {
        _names = JaroWinklerNames.Generate(Size, seed: 42);
        foreach (JaroWinklerPath path in Enum.GetValues<JaroWinklerPath>())
            _blocks[path] = JaroWinklerBlock.FromCodePoints(_names, path);
    }

    private struct CountingSink : IJaroWinklerPairSink
    {
        public int Count;
        public double Sum;
        public void Add(int i, int j, double score)
        {
            Count++;
            Sum += score;
        }
    }

    private protected int Run(JaroWinklerPath path)
    {
        var sink = new CountingSink();
        _blocks[path].ForEachPairAtLeast(Threshold, ref sink);
        return sink.Count;
    }

    private protected int BuildOnly(JaroWinklerPath path) => JaroWinklerBlock.FromCodePoints(_names, path).AlphabetSize;

    private protected int RunWithBuild(JaroWinklerPath path)
    {
        var sink = new CountingSink();
        JaroWinklerBlock.FromCodePoints(_names, path).ForEachPairAtLeast(Threshold, ref sink);
        return sink.Count;
    }
}

/// <summary>Blocks of 64 names: 2,016 pairs.</summary>
public class JaroWinklerBlock64Bench : JaroWinklerBlockBench
{
    private const int Pairs = 64 * 63 / 2;
    protected override int Size => 64;

    [Benchmark(Baseline = true, OperationsPerInvoke = Pairs)] public int Scalar() => Run(JaroWinklerPath.Scalar);
    [Benchmark(OperationsPerInvoke = Pairs)] public int BitParallel() => Run(JaroWinklerPath.BitParallel);
    [Benchmark(OperationsPerInvoke = Pairs)] public int Vector128() => Run(JaroWinklerPath.Vector128);
    [Benchmark(OperationsPerInvoke = Pairs)] public int Vector256() => Run(JaroWinklerPath.Vector256);
    [Benchmark(OperationsPerInvoke = Pairs)] public int Vector512() => Run(JaroWinklerPath.Vector512);
    [Benchmark(OperationsPerInvoke = Pairs)] public int Vector512WithBuild() => RunWithBuild(JaroWinklerPath.Vector512);
    [Benchmark(OperationsPerInvoke = Pairs)] public int Vector512BuildOnly() => BuildOnly(JaroWinklerPath.Vector512);
    [Benchmark(OperationsPerInvoke = Pairs)] public int BitParallelBuildOnly() => BuildOnly(JaroWinklerPath.BitParallel);
}

/// <summary>Blocks of 256 names: 32,640 pairs.</summary>
public class JaroWinklerBlock256Bench : JaroWinklerBlockBench
{
    private const int Pairs = 256 * 255 / 2;
    protected override int Size => 256;

    [Benchmark(Baseline = true, OperationsPerInvoke = Pairs)] public int Scalar() => Run(JaroWinklerPath.Scalar);
    [Benchmark(OperationsPerInvoke = Pairs)] public int BitParallel() => Run(JaroWinklerPath.BitParallel);
    [Benchmark(OperationsPerInvoke = Pairs)] public int Vector128() => Run(JaroWinklerPath.Vector128);
    [Benchmark(OperationsPerInvoke = Pairs)] public int Vector256() => Run(JaroWinklerPath.Vector256);
    [Benchmark(OperationsPerInvoke = Pairs)] public int Vector512() => Run(JaroWinklerPath.Vector512);
    [Benchmark(OperationsPerInvoke = Pairs)] public int Vector512WithBuild() => RunWithBuild(JaroWinklerPath.Vector512);
}
