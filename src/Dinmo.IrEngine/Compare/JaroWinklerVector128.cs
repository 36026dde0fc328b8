using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Dinmo.IrEngine.Compare;

/// <summary>
/// 128-bit (SSE2/NEON) members of the Jaro-Winkler family: the multi-string kernel that scores one query against
/// 16/8/4/2 candidates of at most 8/16/32/64 code points at once; the one-to-one
/// similarity is in <c>JaroWinklerVector128.Pair.cs</c>.
/// </summary>
internal readonly partial struct JaroWinklerVector128 : IJaroWinklerLaneKernel
{
    /// <summary>Whether this width runs in hardware rather than in software emulation.</summary>
    public static bool IsAccelerated => Vector128.IsHardwareAccelerated;

    /// <inheritdoc />
    public static int VectorBytes => 16;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ScoreGroup<T>(ReadOnlySpan<int> queryIds, ref T groupPm, ref T groupOnes,
        ref T groupBound, ref T groupNeed, T queryOnes, T queryBound, ref T matches, ref T transpositions)
        where T : unmanaged, IBinaryInteger<T>, IUnsignedNumber<T>
    {
        nuint lanes = (nuint)Vector128<T>.Count;
        Vector128<T> one = Vector128<T>.One;
        Vector128<T> bound = Vector128.Max(Vector128.Create(queryBound), Vector128.LoadUnsafe(ref groupBound));
        Vector128<T> window = Vector128.Max(Vector128.Create(queryOnes), Vector128.LoadUnsafe(ref groupOnes));
        Vector128<T> pFlag = Vector128<T>.Zero, tFlag = Vector128<T>.Zero, m = Vector128<T>.Zero;
        T bit = T.One;
        for (int j = 0; j < queryIds.Length; j++)
        {
            Vector128<T> x = Vector128.AndNot(Vector128.LoadUnsafe(ref groupPm, (nuint)queryIds[j] * lanes) & window, pFlag);
            Vector128<T> found = ~Vector128.Equals(x, Vector128<T>.Zero);
            pFlag |= x & (Vector128<T>.Zero - x);     // lowest set bit per lane
            tFlag |= found & Vector128.Create(bit);
            m -= found;                               // all-ones is -1: counts a match
            window = (window << 1) | (Vector128.LessThan(Vector128.Create(T.CreateTruncating(j)), bound) & one);
            bit <<= 1;
        }

        // k-th matched query position against k-th matched candidate position, all lanes in step.
        Vector128<T> pRest = pFlag, trans = Vector128<T>.Zero;
        bit = T.One;
        for (int j = 0; j < queryIds.Length; j++)
        {
            Vector128<T> active = ~Vector128.Equals(tFlag & Vector128.Create(bit), Vector128<T>.Zero);
            Vector128<T> low = pRest & (Vector128<T>.Zero - pRest);
            Vector128<T> pm = Vector128.LoadUnsafe(ref groupPm, (nuint)queryIds[j] * lanes);
            trans -= Vector128.Equals(pm & low, Vector128<T>.Zero) & active;
            pRest ^= low & active;
            bit <<= 1;
        }
        m.StoreUnsafe(ref matches);
        trans.StoreUnsafe(ref transpositions);
        return Vector128.GreaterThanOrEqual(m, Vector128.LoadUnsafe(ref groupNeed)).ExtractMostSignificantBits();
    }
}
