using System.Runtime.CompilerServices;

namespace Dinmo.IrEngine.Compare;

/// <summary>
/// The obviously-correct Jaro-Winkler of SPEC §3.3 over Unicode scalar values: the reference every
/// faster path is tested against, and the single place that turns (m, t, p, l1, l2) into a double.
/// </summary>
internal static class JaroWinklerScalar
{
    /// <summary>Longest common prefix that earns the Winkler boost.</summary>
    public const int MaxPrefix = 4;

    /// <summary>Jaro must be strictly above this for the Winkler boost (so exactly 7/10 is not boosted).</summary>
    public const double BoostThreshold = 0.7;

    /// <summary>Winkler scaling factor per prefix character.</summary>
    public const double PrefixScale = 0.1;

    /// <summary>Jaro-Winkler similarity of two code point strings by the textbook double loop.</summary>
    public static double Similarity(ReadOnlySpan<int> s1, ReadOnlySpan<int> s2)
    {
        int l1 = s1.Length, l2 = s2.Length;
        if (l1 == 0 && l2 == 0) return 1.0;
        if (l1 == 0 || l2 == 0) return 0.0;

        int window = Math.Max(Math.Max(l1, l2) / 2 - 1, 0);
        // Reference code: clarity over speed, so long strings may allocate their flags.
        Span<bool> matched1 = l1 <= 256 ? stackalloc bool[l1] : new bool[l1];
        Span<bool> matched2 = l2 <= 256 ? stackalloc bool[l2] : new bool[l2];
        matched1.Clear();
        matched2.Clear();

        int m = 0;
        for (int i = 0; i < l1; i++)
        {
            int lo = Math.Max(0, i - window);
            int hi = Math.Min(l2 - 1, i + window);
            for (int k = lo; k <= hi; k++)
            {
                // Greedy: the first still-unmatched equal character in the window.
                if (!matched2[k] && s1[i] == s2[k])
                {
                    matched1[i] = true;
                    matched2[k] = true;
                    m++;
                    break;
                }
            }
        }
        if (m == 0) return 0.0;

        int halfTranspositions = 0;
        for (int i = 0, k = 0; i < l1; i++)
        {
            if (!matched1[i]) continue;
            while (!matched2[k]) k++;
            if (s1[i] != s2[k]) halfTranspositions++;
            k++;
        }
        return Finish(m, halfTranspositions / 2, l1, l2, CommonPrefix(s1, s2));
    }

    /// <summary>Length of the common prefix, at most <see cref="MaxPrefix"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CommonPrefix(ReadOnlySpan<int> s1, ReadOnlySpan<int> s2)
    {
        int max = Math.Min(MaxPrefix, Math.Min(s1.Length, s2.Length));
        int p = 0;
        while (p < max && s1[p] == s2[p]) p++;
        return p;
    }

    /// <summary>
    /// Jaro in the order SPEC §3.3 fixes: <c>((m/l1 + m/l2) + (m-t)/m) / 3</c>. Each operation is a
    /// separately rounded IEEE double operation; RyuJIT never contracts a*b+c into an FMA unless
    /// asked through <see cref="Math.FusedMultiplyAdd"/>, so this is the bit pattern everywhere.
    /// Requires m &gt; 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Jaro(int m, int t, int l1, int l2) =>
        ((m / (double)l1 + m / (double)l2) + (m - t) / (double)m) / 3.0;

    /// <summary>The Winkler boost of SPEC §3.3: <c>jaro + (p*0.1)*(1-jaro)</c> when jaro &gt; 0.7, without FMA.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Winkler(double jaro, int prefix) =>
        jaro > BoostThreshold ? jaro + (prefix * PrefixScale) * (1.0 - jaro) : jaro;

    /// <summary>Score from the counts; m = 0 scores 0 (callers handle empty strings first).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Finish(int m, int t, int l1, int l2, int prefix) =>
        m == 0 ? 0.0 : Winkler(Jaro(m, t, l1, l2), prefix);
}
