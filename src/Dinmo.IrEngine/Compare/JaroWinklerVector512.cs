using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Dinmo.IrEngine.Compare;

/// <summary>
/// 512-bit (AVX-512) members of the Jaro-Winkler family: the multi-string kernel that scores one query against
/// 64/32/16/8 candidates of at most 8/16/32/64 code points at once; the one-to-one
/// similarity is in <c>JaroWinklerVector512.Pair.cs</c>.
/// </summary>
internal readonly partial struct JaroWinklerVector512 : IJaroWinklerLaneKernel
{
    /// <summary>Whether this width runs in hardware rather than in software emulation.</summary>
    public static bool IsAccelerated => Vector512.IsHardwareAccelerated;

    /// <inheritdoc />
    public static int VectorBytes => 64;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ScoreGroup<T>(ReadOnlySpan<int> queryIds, ref T groupPm, ref T groupOnes,
        ref T groupBound, ref T groupNeed, T queryOnes, T queryBound, ref T matches, ref T transpositions)
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
        return Vector512.GreaterThanOrEqual(m, Vector512.LoadUnsafe(ref groupNeed)).ExtractMostSignificantBits();
    }
}
