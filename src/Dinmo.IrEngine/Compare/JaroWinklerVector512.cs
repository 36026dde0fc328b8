using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Dinmo.IrEngine.Compare;

/// <summary>
/// 512-bit (AVX-512) members of the Jaro-Winkler family: a one-to-one similarity whose pattern masks
/// come from vector compares, and the multi-string kernel that scores one query against
/// 64/32/16/8 candidates of at most 8/16/32/64 code points at once.
/// </summary>
internal readonly struct JaroWinklerVector512 : IJaroWinklerLaneKernel
{
    /// <summary>Whether this width runs in hardware rather than in software emulation.</summary>
    public static bool IsAccelerated => Vector512.IsHardwareAccelerated;

    /// <inheritdoc />
    public static int VectorBytes => 64;

    private const int IntLanes = 16;

    /// <summary>One-to-one similarity; falls back to the blocked path above 64 code points.</summary>
    [SkipLocalsInit]
    public static double Similarity(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int la = a.Length, lb = b.Length;
        if (la == 0 || lb == 0) return la == lb ? 1.0 : 0.0;
        if (la > JaroWinklerBitParallel.WordBits || lb > JaroWinklerBitParallel.WordBits)
            return JaroWinklerBitParallel.SimilarityBlocked(a, b);

        // b padded to whole vectors with -1 (never a scalar value); only the tail needs filling.
        int padLength = (lb + IntLanes - 1) & -IntLanes;
        Span<int> padded = stackalloc int[JaroWinklerBitParallel.WordBits];
        b.CopyTo(padded);
        padded[lb..padLength].Fill(-1);
        ref int p0 = ref padded[0];
        Span<ulong> pm = stackalloc ulong[JaroWinklerBitParallel.WordBits];
        if (padLength == IntLanes)
        {
            // The common case for names: all of b in one register, one compare per character of a.
            Vector512<int> whole = Vector512.LoadUnsafe(ref p0);
            for (int j = 0; j < la; j++)
                pm[j] = Vector512.Equals(whole, Vector512.Create(a[j])).ExtractMostSignificantBits();
        }
        else
        {
            for (int j = 0; j < la; j++)
            {
                Vector512<int> c = Vector512.Create(a[j]);
                ulong mask = 0;
                for (int k = 0; k < padLength; k += IntLanes)
                    mask |= (ulong)Vector512.Equals(Vector512.LoadUnsafe(ref p0, (nuint)k), c).ExtractMostSignificantBits() << k;
                pm[j] = mask;
            }
        }
        JaroWinklerBitParallel.CountWord(pm, la, lb, out int m, out int t);
        return JaroWinklerScalar.Finish(m, t, la, lb, JaroWinklerScalar.CommonPrefix(a, b));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ScoreGroup<T>(ReadOnlySpan<int> queryIds, ref T groupPm, ref T groupOnes,
        ref T groupBound, T queryOnes, T queryBound, ref T matches, ref T transpositions)
        where T : unmanaged, IBinaryInteger<T>, IUnsignedNumber<T>
    {
        nuint lanes = (nuint)Vector512<T>.Count;
        Vector512<T> one = Vector512<T>.One;
        Vector512<T> bound = Vector512.Max(Vector512.Create(queryBound), Vector512.LoadUnsafe(ref groupBound));
        Vector512<T> window = Vector512.Max(Vector512.Create(queryOnes), Vector512.LoadUnsafe(ref groupOnes));
        Vector512<T> pFlag = Vector512<T>.Zero, tFlag = Vector512<T>.Zero, m = Vector512<T>.Zero;
        T bit = T.One;
        for (int j = 0; j < queryIds.Length; j++)
        {
            Vector512<T> x = Vector512.AndNot(Vector512.LoadUnsafe(ref groupPm, (nuint)queryIds[j] * lanes) & window, pFlag);
            Vector512<T> found = ~Vector512.Equals(x, Vector512<T>.Zero);
            pFlag |= x & (Vector512<T>.Zero - x);     // lowest set bit per lane
            tFlag |= found & Vector512.Create(bit);
            m -= found;                               // all-ones is -1: counts a match
            window = (window << 1) | (Vector512.LessThan(Vector512.Create(T.CreateTruncating(j)), bound) & one);
            bit <<= 1;
        }

        // k-th matched query position against k-th matched candidate position, all lanes in step.
        Vector512<T> pRest = pFlag, trans = Vector512<T>.Zero;
        bit = T.One;
        for (int j = 0; j < queryIds.Length; j++)
        {
            Vector512<T> active = ~Vector512.Equals(tFlag & Vector512.Create(bit), Vector512<T>.Zero);
            Vector512<T> low = pRest & (Vector512<T>.Zero - pRest);
            Vector512<T> pm = Vector512.LoadUnsafe(ref groupPm, (nuint)queryIds[j] * lanes);
            trans -= Vector512.Equals(pm & low, Vector512<T>.Zero) & active;
            pRest ^= low & active;
            bit <<= 1;
        }
        m.StoreUnsafe(ref matches);
        trans.StoreUnsafe(ref transpositions);
    }
}
