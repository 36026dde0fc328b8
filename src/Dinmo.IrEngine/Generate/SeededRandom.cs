namespace Dinmo.IrEngine.Generate;

/// <summary>
/// The generator's pseudo-random source: xoshiro256** seeded through SplitMix64, both fully
/// specified algorithms (Blackman and Vigna), so one seed gives the same stream on every machine
/// and .NET version, unlike <see cref="System.Random"/> whose algorithm is unspecified.
/// Not thread-safe; not for cryptography.
/// </summary>
internal sealed class SeededRandom
{
    /// <summary>2^-53: turns the top 53 bits of a draw into a double in [0, 1).</summary>
    private const double DoubleUnit = 1.0 / (1UL << 53);

    private ulong _s0, _s1, _s2, _s3;

    public SeededRandom(ulong seed)
    {
        // SplitMix64 spreads any seed (0 included) over the 256-bit state, which must not be all zero.
        var x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>The next 64 random bits (xoshiro256**).</summary>
    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>An unbiased integer in [0, <paramref name="bound"/>) by Lemire's multiply-and-reject.</summary>
    public int Next(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        var range = (ulong)bound;
        var high = Math.BigMul(NextUInt64(), range, out var low);
        if (low < range)
        {
            // Reject the few low products that would favour small results: threshold = 2^64 mod range.
            var threshold = (0UL - range) % range;
            while (low < threshold) high = Math.BigMul(NextUInt64(), range, out low);
        }
        return (int)high;
    }

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public int Next(int min, int max) => min + Next(max - min);

    /// <summary>A double in [0, 1) from the top 53 bits of a draw.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * DoubleUnit;

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>One element of <paramref name="items"/>, uniformly.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>An independent stream derived from this one, so each concern draws from its own sequence.</summary>
    public SeededRandom Fork() => new(NextUInt64());

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong SplitMix64(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
