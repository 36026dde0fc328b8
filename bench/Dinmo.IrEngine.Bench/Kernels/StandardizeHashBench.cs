using System.IO.Hashing;
using System.Text;
using BenchmarkDotNet.Attributes;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Standardize;

namespace Dinmo.IrEngine.Bench.Kernels;

/// <summary>
/// Standardize + hash of short identifier values (emails and phones as a source holds them: mixed case,
/// spaces, punctuation), per value: the engine's <see cref="Standardizer"/> then XXH3-64, and the full
/// intern into a <see cref="ValueDictionary"/> (hash, probe, byte compare on a hit). Target ≤ 5 ns per value.
/// </summary>
[MemoryDiagnoser]
public class StandardizeHashBench
{
    private const int Values = 1 << 16;
    private byte[][] _emails = [];
    private byte[][] _phones = [];
    private Standardizer _email = null!;
    private Standardizer _phone = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        string[] first = ["Ann", "Bob", "Chloé", "Dan", "Eve", "Fay", "Gus", "Hal"];
        string[] last = ["Smith", "Lee", "Moreau", "Khan", "Berg", "Ito"];
        _emails = Enumerable.Range(0, Values).Select(i =>
            Encoding.UTF8.GetBytes($" {first[random.Next(first.Length)]}.{last[random.Next(last.Length)]}{i % 997}@Example.COM ")).ToArray();
        _phones = Enumerable.Range(0, Values).Select(_ =>
            Encoding.UTF8.GetBytes($"+33 ({random.Next(1, 9)}) {random.Next(10, 99)}-{random.Next(10, 99)}-{random.Next(10, 99)}-{random.Next(10, 99)}")).ToArray();
        _email = new Standardizer([StandardizeStep.Email]);
        _phone = new Standardizer([StandardizeStep.OnlyNumeric]);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _email.Dispose();
        _phone.Dispose();
    }

    [Benchmark(OperationsPerInvoke = Values)]
    public ulong EmailStandardizeHash()
    {
        ulong sum = 0;
        foreach (var value in _emails) sum += XxHash3.HashToUInt64(_email.Apply(value));
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Values)]
    public ulong PhoneStandardizeHash()
    {
        ulong sum = 0;
        foreach (var value in _phones) sum += XxHash3.HashToUInt64(_phone.Apply(value));
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Values)]
    public int EmailStandardizeIntern()
    {
        using var dictionary = new ValueDictionary();
        var sum = 0;
        foreach (var value in _emails) sum += dictionary.Intern(_email.Apply(value));
        return sum;
    }
}
