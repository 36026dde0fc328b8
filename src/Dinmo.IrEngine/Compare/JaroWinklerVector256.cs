using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Dinmo.IrEngine.Compare;

/// <summary>
/// 256-bit (AVX2) members of the Jaro-Winkler family: the multi-string kernel that scores one query against
/// 32/16/8/4 candidates of at most 8/16/32/64 code points at once; the one-to-one
/// similarity is in <c>JaroWinklerVector256.Pair.cs</c>.
/// </summary>
internal readonly partial struct JaroWinklerVector256 : IJaroWinklerLaneKernel
{
    /// <summary>Whether this width runs in hardware rather than in software emulation.</summary>
    public static bool IsAccelerated => Vector256.IsHardwareAccelerated;

    /// <inheritdoc />
    public static int VectorBytes => 32;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ScoreGroup<T>(ReadOnlySpan<int> queryIds, ref T groupPm, ref T groupOnes,
        ref T groupBound, ref T groupNeed, T queryOnes, T queryBound, ref T matches, ref T transpositions)
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
        return Vector256.GreaterThanOrEqual(m, Vector256.LoadUnsafe(ref groupNeed)).ExtractMostSignificantBits();
    }
}
