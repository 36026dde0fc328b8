using BenchmarkDotNet.Attributes;
using Dinmo.IrEngine.Standardize;

namespace Dinmo.IrEngine.Bench.Kernels;

/// <summary>
/// Interning values already in a dictionary far larger than the cache, as the read stages do at
/// millions of values (a cookie or device id recurs on every event of its visitor): 2M distinct
/// 18-byte ids (anonymous-id shaped) interned once in setup, then looked up again in another order,
/// so every lookup reads a random slot and compares the stored bytes. One by one
/// (<see cref="ValueDictionary.Intern(ReadOnlySpan{byte})"/>, the reference) against batches of 16k
/// through <see cref="PendingValues"/>, which prefetches ahead. Both hash every value. Per value.
/// </summary>
public class InternBench
{
    private const int Distinct = 1 << 21;
    private const int Batch = 1 << 14;
    private byte[][] _lookups = [];
    private ValueDictionary _dictionary = null!;
    private PendingValues _pending = null!;
    private int[] _ids = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(11);
        var distinct = Enumerable.Range(0, Distinct).Select(_ => System.Text.Encoding.ASCII.GetBytes($"a-{random.NextInt64():x16}")).ToArray();
        _dictionary = new ValueDictionary();
        foreach (var value in distinct) _dictionary.Intern(value);
        // Copied in lookup order, so the values being looked up are read one after another, as from a batch's buffers.
        _lookups = distinct.OrderBy(_ => random.Next()).Select(v => v.ToArray()).ToArray();
        _pending = new PendingValues(Batch, 20);
        _ids = new int[Batch];
    }

    [GlobalCleanup]
    public void Cleanup() => _dictionary.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Distinct)]
    public int OneByOne()
    {
        var sum = 0;
        foreach (var value in _lookups) sum += _dictionary.Intern(value);
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Distinct)]
    public int Batched()
    {
        var sum = 0;
        for (var start = 0; start < Distinct; start += Batch)
        {
            _pending.Clear();
            for (var i = start; i < start + Batch; i++) _pending.Add(_lookups[i], _dictionary);
            _pending.Intern(_dictionary, _ids);
            foreach (var id in _ids) sum += id;
        }
        return sum;
    }
}
