using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Dinmo.IrEngine.Compare;

/// <summary>
/// 256-bit (AVX2) members of the Jaro-Winkler family: a one-to-one similarity whose pattern masks
/// come from vector compares, and the multi-string kernel that scores one query against
/// 32/16/8/4 candidates of at most 8/16/32/64 code points at once.
/// </summary>
internal readonly struct JaroWinklerVector256 : IJaroWinklerLaneKernel
{
    /// <summary>Whether this width runs in hardware rather than in software emulation.</summary>
    public static bool IsAccelerated => Vector256.IsHardwareAccelerated;

    /// <inheritdoc />
    public static int VectorBytes => 32;

    private const int IntLanes = 8;

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
            Vector256<int> whole = Vector256.LoadUnsafe(ref p0);
            for (int j = 0; j < la; j++)
                pm[j] = Vector256.Equals(whole, Vector256.Create(a[j])).ExtractMostSignificantBits();
        }
        else
        {
            for (int j = 0; j < la; j++)
            {
                Vector256<int> c = Vector256.Create(a[j]);
                ulong mask = 0;
                for (int k = 0; k < padLength; k += IntLanes)
                    mask |= (ulong)Vector256.Equals(Vector256.LoadUnsafe(ref p0, (nuint)k), c).ExtractMostSignificantBits() << k;
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
        nuint lanes = (nuint)Vector256<T>.Count;
        Vector256<T> one = Vector256<T>.One;
        Vector256<T> bound = Vector256.Max(Vector256.Create(queryBound), Vector256.LoadUnsafe(ref groupBound));
        Vector256<T> window = Vector256.Max(Vector256.Create(queryOnes), Vector256.LoadUnsafe(ref groupOnes));
        Vector256<T> pFlag = Vector256<T>.Zero, tFlag = Vector256<T>.Zero, m = Vector256<T>.Zero;
        T bit = T.One;
        for (int j = 0; j < queryIds.Length; j++)
        {
            Vector256<T> x = Vector256.AndNot(Vector256.LoadUnsafe(ref groupPm, (nuint)queryIds[j] * lanes) & window, pFlag);
            Vector256<T> found = ~Vector256.Equals(x, Vector256<T>.Zero);
            pFlag |= x & (Vector256<T>.Zero - x);     // lowest set bit per lane
            tFlag |= found & Vector256.Create(bit);
            m -= found;                               // all-ones is -1: counts a match
            window = (window << 1) | (Vector256.LessThan(Vector256.Create(T.CreateTruncating(j)), bound) & one);
            bit <<= 1;
        }

        // k-th matched query position against k-th matched candidate position, all lanes in step.
        Vector256<T> pRest = pFlag, trans = Vector256<T>.Zero;
        bit = T.One;
        for (int j = 0; j < queryIds.Length; j++)
        {
            Vector256<T> active = ~Vector256.Equals(tFlag & Vector256.Create(bit), Vector256<T>.Zero);
            Vector256<T> low = pRest & (Vector256<T>.Zero - pRest);
            Vector256<T> pm = Vector256.LoadUnsafe(ref groupPm, (nuint)queryIds[j] * lanes);
            trans -= Vector256.Equals(pm & low, Vector256<T>.Zero) & active;
            pRest ^= low & active;
            bit <<= 1;
        }
        m.StoreUnsafe(ref matches);
        trans.StoreUnsafe(ref transpositions);
    }
}
