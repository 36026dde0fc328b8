using System.Collections.Concurrent;

namespace Dinmo.IrEngine.Compare;

/// <summary>
/// Early-exit bounds for "score ≥ threshold": for lengths (l1, l2) the fewest matches m that could
/// still reach the threshold, assuming no transpositions and the longest possible prefix. With
/// m = min(l1, l2) this is the length bound; with the m a kernel found it is the common-character
/// bound. Bounds are only filters: every pair that passes is scored exactly and compared again.
/// </summary>
internal sealed class JaroWinklerCutoff
{
    /// <summary>
    /// The bound is evaluated with the same rounded double operations as the score, which are
    /// monotone except that the Winkler step (x + c*(1-x)) can move by an ulp (~1e-16) the "wrong"
    /// way. A slack far above an ulp and far below any meaningful threshold step keeps it safe.
    /// </summary>
    public const double Slack = 1e-9;

    /// <summary>Lengths up to this use the precomputed table.</summary>
    public const int TableLength = 64;

    private const int Stride = TableLength + 1;
    private readonly byte[] _minMatches = new byte[Stride * Stride];

    /// <summary>The threshold scores are compared with.</summary>
    public double Threshold { get; }

    /// <summary>Thresholds kept; a run has a few, property tests may try many.</summary>
    private const int MaxCached = 64;

    private static readonly ConcurrentDictionary<double, JaroWinklerCutoff> Cache = new();

    /// <summary>
    /// The cutoff for <paramref name="threshold"/>, built once per process: a block scoring call
    /// must not pay for the table (a 64-value block has only 2,016 pairs), and a run uses a few
    /// thresholds at most.
    /// </summary>
    public static JaroWinklerCutoff For(double threshold)
    {
        if (Cache.TryGetValue(threshold, out JaroWinklerCutoff? cached)) return cached;
        var cutoff = new JaroWinklerCutoff(threshold);
        return Cache.Count < MaxCached ? Cache.GetOrAdd(threshold, cutoff) : cutoff;
    }

    /// <summary>Builds the table for every pair of lengths 1..<see cref="TableLength"/>.</summary>
    public JaroWinklerCutoff(double threshold)
    {
        if (double.IsNaN(threshold)) throw new ArgumentOutOfRangeException(nameof(threshold), "threshold is NaN");
        Threshold = threshold;
        // The bound is symmetric in (l1, l2), so each unordered pair of lengths is computed once.
        for (int l1 = 1; l1 <= TableLength; l1++)
            for (int l2 = l1; l2 <= TableLength; l2++)
                _minMatches[l1 * Stride + l2] = _minMatches[l2 * Stride + l1] = (byte)Compute(l1, l2, threshold);
    }

    /// <summary>Fewest matches that can reach the threshold; min(l1, l2) + 1 when none can.</summary>
    public int MinMatches(int l1, int l2) =>
        l1 <= TableLength && l2 <= TableLength ? _minMatches[l1 * Stride + l2] : Compute(l1, l2, Threshold);

    /// <summary>Whether any pair of these lengths can reach the threshold (the length bound).</summary>
    public bool Reachable(int l1, int l2) => MinMatches(l1, l2) <= Math.Min(l1, l2);

    /// <summary>Bitset over candidate lengths l2 (bit l2-1) reachable from a string of length l1.</summary>
    public ulong ReachableLengths(int l1, ulong presentLengths)
    {
        ulong result = 0;
        for (ulong b = presentLengths; b != 0; b &= b - 1)
        {
            int l2 = System.Numerics.BitOperations.TrailingZeroCount(b) + 1;
            if (Reachable(l1, l2)) result |= 1UL << (l2 - 1);
        }
        return result;
    }

    private static int Compute(int l1, int l2, double threshold)
    {
        if (threshold - Slack <= 0.0) return 0; // even m = 0 (score 0) may qualify
        if (l1 == 0 || l2 == 0) return 0;       // empty strings: scored directly, never filtered
        int maxMatches = Math.Min(l1, l2);
        int maxPrefix = Math.Min(JaroWinklerScalar.MaxPrefix, maxMatches);
        // The best-case score grows with m (one more match adds at least 1/(3*64) to Jaro, far above
        // the ulp wobble of the Winkler step), so the first m that reaches the threshold is found by
        // bisection: the same answer as trying m = 1, 2, ... in about log2(64) steps.
        int lo = 1, hi = maxMatches + 1; // answer in [lo, hi]; hi = maxMatches + 1 means "none"
        while (lo < hi)
        {
            int m = (lo + hi) >> 1;
            if (JaroWinklerScalar.Finish(m, 0, l1, l2, maxPrefix) >= threshold - Slack) hi = m;
            else lo = m + 1;
        }
        return lo;
    }
}
