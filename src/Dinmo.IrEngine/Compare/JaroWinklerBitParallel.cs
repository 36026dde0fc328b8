using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Dinmo.IrEngine.Compare;

/// <summary>
/// Bit-parallel Jaro-Winkler in the style of rapidfuzz: for the "pattern" string P every character
/// has a mask of the positions where it occurs; walking the "text" T, the greedy first-unmatched
/// match inside the window is the lowest set bit of <c>mask &amp; window &amp; ~matchedP</c>.
/// Strings of at most 64 code points use one <see cref="ulong"/> per mask; longer ones use the
/// blocked multi-word variant so every length gets the exact score.
/// </summary>
internal static class JaroWinklerBitParallel
{
    /// <summary>Longest string a single 64-bit mask word covers.</summary>
    public const int WordBits = 64;

    /// <summary>
    /// Code points below this index the one-to-one mask table directly (Latin-1 covers most names);
    /// 256 words are 2 KiB of stack, and only the slots the two strings use are ever touched.
    /// </summary>
    private const int TableSize = 256;

    /// <summary>
    /// One-to-one similarity. Strings of at most 64 code points below U+0100 take the fast path: P = b
    /// as a table of position masks by code point, the greedy matching fused with the lookups, and the
    /// transpositions counted on the code points themselves. Other short strings build the masks with
    /// plain compares; longer ones use the blocked multi-word variant. Jitted fully optimized at once,
    /// like the vector paths' one-to-one members, so a few thousand calls do not run unoptimized code.
    /// </summary>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe double Similarity(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int la = a.Length, lb = b.Length;
        if (la == 0 || lb == 0) return la == lb ? 1.0 : 0.0;
        if (la > WordBits || lb > WordBits) return SimilarityBlocked(a, b);

        // The table is not cleared: each slot read or OR-ed below is zeroed first by these two loops,
        // which costs la + lb stores instead of 256. Indexing by the low byte stays in bounds for any
        // code point; the table is used only when every code point is below 256.
        ulong* table = stackalloc ulong[TableSize];
        int all = 0;
        foreach (int c in a)
        {
            all |= c;
            table[c & (TableSize - 1)] = 0;
        }
        foreach (int c in b)
        {
            all |= c;
            table[c & (TableSize - 1)] = 0;
        }
        if ((uint)all >= TableSize) return SimilarityByCompares(a, b);

        for (int q = 0; q < lb; q++) table[b[q]] |= 1UL << q;
        MatchWord(new TableMask(table), a, lb, out ulong pFlag, out ulong tFlag);
        int m = BitOperations.PopCount(pFlag);
        if (m == 0) return 0.0;
        return JaroWinklerScalar.Finish(m, CountTranspositions(a, b, tFlag, pFlag) / 2, la, lb, JaroWinklerScalar.CommonPrefix(a, b));
    }

    /// <summary>Short strings with code points at or above U+0100: masks from la × lb scalar compares.</summary>
    [SkipLocalsInit]
    private static double SimilarityByCompares(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int la = a.Length, lb = b.Length;
        // pm[j] = positions of a[j] in b. T = a walks, P = b is masked.
        Span<ulong> pm = stackalloc ulong[WordBits];
        for (int j = 0; j < la; j++)
        {
            int c = a[j];
            ulong mask = 0;
            for (int k = 0; k < lb; k++)
                mask |= (b[k] == c ? 1UL : 0UL) << k;
            pm[j] = mask;
        }
        CountWord(pm, la, lb, out int m, out int t);
        return JaroWinklerScalar.Finish(m, t, la, lb, JaroWinklerScalar.CommonPrefix(a, b));
    }

    /// <summary>
    /// The greedy matching of SPEC §3.3 for T against P (both 1..64 code points) with P's positions
    /// supplied by <paramref name="pattern"/>: <paramref name="pFlag"/> gets the matched P positions,
    /// <paramref name="tFlag"/> the matched T positions.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MatchWord<TMask>(TMask pattern, ReadOnlySpan<int> t, int lP, out ulong pFlag, out ulong tFlag)
        where TMask : struct, IJaroWinklerPairMask
    {
        int lT = t.Length;
        int bound = Math.Max(Math.Max(lT, lP) / 2 - 1, 0);
        // Window for T[0] is P[0..bound]; bound <= 31 for lengths <= 64 so the shift is in range.
        ulong window = (2UL << bound) - 1;
        ulong p = 0, matchedT = 0;
        for (int j = 0; j < lT; j++)
        {
            ulong x = pattern.Positions(t[j]) & window & ~p;
            p |= x & (0 - x);                         // blsi: the first unmatched equal character
            matchedT |= ((x | (0 - x)) >> 63) << j;   // 1 iff x != 0, without a branch
            window = (window << 1) | (j < bound ? 1UL : 0UL);
        }
        pFlag = p;
        tFlag = matchedT;
    }

    /// <summary>
    /// Pairs the k-th matched position of <paramref name="t"/> with the k-th matched position of
    /// <paramref name="p"/> and counts the pairs whose code points differ (not yet halved).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CountTranspositions(ReadOnlySpan<int> t, ReadOnlySpan<int> p, ulong tFlag, ulong pFlag)
    {
        int transpositions = 0;
        while (tFlag != 0)
        {
            transpositions += t[BitOperations.TrailingZeroCount(tFlag)] != p[BitOperations.TrailingZeroCount(pFlag)] ? 1 : 0;
            tFlag &= tFlag - 1;
            pFlag &= pFlag - 1;
        }
        return transpositions;
    }

    /// <summary>P as a table of position masks indexed by code point (below <see cref="TableSize"/>).</summary>
    private readonly unsafe struct TableMask(ulong* table) : IJaroWinklerPairMask
    {
        public ulong Positions(int codePoint) => table[codePoint];
    }

    /// <summary>
    /// Matches and half-transpositions for T of length lT against P of length lP (both 1..64), given
    /// <paramref name="pm"/>[j] = mask of the positions of T[j] in P.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CountWord(ReadOnlySpan<ulong> pm, int lT, int lP, out int m, out int halfT)
    {
        int bound = Math.Max(Math.Max(lT, lP) / 2 - 1, 0);
        // Window for T[0] is P[0..bound]; bound <= 31 for lengths <= 64 so the shift is in range.
        ulong window = (2UL << bound) - 1;
        ulong pFlag = 0, tFlag = 0;
        for (int j = 0; j < lT; j++)
        {
            ulong x = pm[j] & window & ~pFlag;
            pFlag |= x & (0 - x);                     // blsi: the first unmatched equal character
            tFlag |= ((x | (0 - x)) >> 63) << j;      // 1 iff x != 0, without a branch
            // The window slides right; while j < bound its left edge is still clamped at 0.
            window = (window << 1) | (j < bound ? 1UL : 0UL);
        }
        m = BitOperations.PopCount(pFlag);
        halfT = CountTranspositions(pm, pFlag, tFlag) / 2;
    }

    /// <summary>
    /// Pairs the k-th matched T position with the k-th matched P position and counts those whose
    /// characters differ: T[j] differs from P[q] exactly when bit q of pm[j] is clear.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CountTranspositions(ReadOnlySpan<ulong> pm, ulong pFlag, ulong tFlag)
    {
        int transpositions = 0;
        while (tFlag != 0)
        {
            ulong low = pFlag & (0 - pFlag);
            transpositions += (pm[BitOperations.TrailingZeroCount(tFlag)] & low) == 0 ? 1 : 0;
            tFlag &= tFlag - 1;
            pFlag ^= low;
        }
        return transpositions;
    }

    /// <summary>
    /// Multi-word variant for strings longer than 64 code points: masks per distinct character of
    /// b span ceil(lb/64) words; the window search visits only the words the window overlaps.
    /// Buffers are pooled: long strings are rare and this is outside any per-character loop.
    /// </summary>
    public static double SimilarityBlocked(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int la = a.Length, lb = b.Length;
        if (la == 0 || lb == 0) return la == lb ? 1.0 : 0.0;
        int bound = Math.Max(Math.Max(la, lb) / 2 - 1, 0);
        int words = (lb + WordBits - 1) / WordBits;

        // Distinct characters of b, sorted, via (char, position) keys.
        long[] keys = ArrayPool<long>.Shared.Rent(lb);
        for (int q = 0; q < lb; q++) keys[q] = ((long)b[q] << 32) | (uint)q;
        Array.Sort(keys, 0, lb);
        int[] distinct = ArrayPool<int>.Shared.Rent(lb);
        ulong[] rows = ArrayPool<ulong>.Shared.Rent(lb * words);
        int d = -1;
        for (int k = 0; k < lb; k++)
        {
            int c = (int)(keys[k] >> 32);
            if (d < 0 || distinct[d] != c)
            {
                distinct[++d] = c;
                rows.AsSpan(d * words, words).Clear();
            }
            int q = (int)keys[k];
            rows[d * words + (q >> 6)] |= 1UL << q;
        }
        int distinctCount = d + 1;

        ulong[] pFlag = ArrayPool<ulong>.Shared.Rent(words);
        int tWords = (la + WordBits - 1) / WordBits;
        ulong[] tFlag = ArrayPool<ulong>.Shared.Rent(tWords);
        Array.Clear(pFlag, 0, words);
        Array.Clear(tFlag, 0, tWords);

        int m = 0;
        for (int j = 0; j < la; j++)
        {
            int row = Array.BinarySearch(distinct, 0, distinctCount, a[j]);
            if (row < 0) continue;
            int lo = Math.Max(0, j - bound), hi = Math.Min(lb - 1, j + bound);
            if (lo > hi) continue;
            int wLo = lo >> 6, wHi = hi >> 6;
            for (int w = wLo; w <= wHi; w++)
            {
                ulong win = ulong.MaxValue;
                if (w == wLo) win &= ulong.MaxValue << (lo & 63);
                if (w == wHi) win &= ulong.MaxValue >> (63 - (hi & 63));
                ulong x = rows[row * words + w] & win & ~pFlag[w];
                if (x != 0)
                {
                    pFlag[w] |= x & (0 - x);
                    tFlag[j >> 6] |= 1UL << j;
                    m++;
                    break;
                }
            }
        }

        int transpositions = 0;
        if (m > 0)
        {
            int pw = 0;
            ulong pBits = pFlag[0];
            for (int tw = 0; tw < tWords; tw++)
            {
                ulong tBits = tFlag[tw];
                while (tBits != 0)
                {
                    int j = tw * 64 + BitOperations.TrailingZeroCount(tBits);
                    tBits &= tBits - 1;
                    while (pBits == 0) pBits = pFlag[++pw];
                    int q = pw * 64 + BitOperations.TrailingZeroCount(pBits);
                    pBits &= pBits - 1;
                    if (a[j] != b[q]) transpositions++;
                }
            }
        }

        ArrayPool<long>.Shared.Return(keys);
        ArrayPool<int>.Shared.Return(distinct);
        ArrayPool<ulong>.Shared.Return(rows);
        ArrayPool<ulong>.Shared.Return(pFlag);
        ArrayPool<ulong>.Shared.Return(tFlag);
        return JaroWinklerScalar.Finish(m, transpositions / 2, la, lb, JaroWinklerScalar.CommonPrefix(a, b));
    }
}
