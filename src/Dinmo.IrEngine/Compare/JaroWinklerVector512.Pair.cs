using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Dinmo.IrEngine.Compare;

/// <summary>
/// The one-to-one member of the 512-bit path. With AVX-512, two strings of at most 16 code points (most
/// names) sit in one register each, read by masked loads (no copy, nothing read past either span): one
/// compare per character of a gives its positions in b, the shared greedy matching runs on those masks,
/// the transpositions come from compressing both strings to their matched characters and comparing
/// them lane by lane, and the prefix from one more compare: no loop with a data-dependent exit besides
/// the matching. Longer strings (or no AVX-512) pad b into 16-lane chunks on the stack.
/// </summary>
internal readonly partial struct JaroWinklerVector512
{
    private const int IntLanes = 16;

    /// <summary>Lane filler for a past its end: no code point, and unequal to <see cref="PadB"/>.</summary>
    private const int PadA = -2;

    /// <summary>Lane filler for b past its end: no code point, so it never matches a character of a.</summary>
    private const int PadB = -1;

    /// <summary>
    /// One-to-one similarity; the blocked bit-parallel path above 64 code points. Jitted fully optimized
    /// at once: the unoptimized first tier of this vector code is several times slower, and callers that
    /// score a few thousand pairs would otherwise spend most of them there while tiering catches up.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Similarity(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int la = a.Length, lb = b.Length;
        if (la == 0 || lb == 0) return la == lb ? 1.0 : 0.0;
        if (la > JaroWinklerBitParallel.WordBits || lb > JaroWinklerBitParallel.WordBits)
            return JaroWinklerBitParallel.SimilarityBlocked(a, b);
        return Avx512F.IsSupported && la <= IntLanes && lb <= IntLanes ? SimilarityInRegisters(a, b) : JaroWinklerPadded.Similarity<JaroWinklerVector512>(a, b);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe double SimilarityInRegisters(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int la = a.Length, lb = b.Length;
        fixed (int* pa = a, pb = b)
        {
            Vector512<int> va = Avx512F.MaskLoad(pa, FirstLanes(la), Vector512.Create(PadA));
            Vector512<int> vb = Avx512F.MaskLoad(pb, FirstLanes(lb), Vector512.Create(PadB));
            JaroWinklerBitParallel.MatchWord(new RegisterMask(vb), a, lb, out ulong pFlag, out ulong tFlag);
            int m = BitOperations.PopCount(pFlag);
            if (m == 0) return 0.0;

            // Lane k of the compressed vectors is the k-th matched character of a and of b (m <= 16).
            Vector512<int> matchedA = Avx512F.Compress(Vector512<int>.Zero, Selected((uint)tFlag), va);
            Vector512<int> matchedB = Avx512F.Compress(Vector512<int>.Zero, Selected((uint)pFlag), vb);
            uint same = (uint)Vector512.Equals(matchedA, matchedB).ExtractMostSignificantBits();
            int transpositions = BitOperations.PopCount(~same & ((1u << m) - 1));

            // Pads differ, so ~equal has a bit at min(la, lb) at the latest.
            uint equal = (uint)Vector512.Equals(va, vb).ExtractMostSignificantBits();
            int prefix = Math.Min(BitOperations.TrailingZeroCount(~equal), Math.Min(JaroWinklerScalar.MaxPrefix, Math.Min(la, lb)));
            return JaroWinklerScalar.Finish(m, transpositions / 2, la, lb, prefix);
        }
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong EqualLanes(ref int lanes, int codePoint) =>
        Vector512.Equals(Vector512.LoadUnsafe(ref lanes), Vector512.Create(codePoint)).ExtractMostSignificantBits();

    /// <summary>All-ones in the first <paramref name="count"/> lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<int> FirstLanes(int count) => Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(count));

    /// <summary>All-ones in lane k when bit k of <paramref name="bits"/> is set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<int> Selected(uint bits)
    {
        Vector512<int> laneBit = Vector512.Create(1 << 0, 1 << 1, 1 << 2, 1 << 3, 1 << 4, 1 << 5, 1 << 6, 1 << 7,
            1 << 8, 1 << 9, 1 << 10, 1 << 11, 1 << 12, 1 << 13, 1 << 14, 1 << 15);
        return Vector512.Equals(Vector512.Create((int)bits) & laneBit, laneBit);
    }

    /// <summary>b in one register (padded with <see cref="PadB"/>): one compare per character of a.</summary>
    private readonly struct RegisterMask(Vector512<int> pattern) : IJaroWinklerPairMask
    {
        public ulong Positions(int codePoint) => Vector512.Equals(pattern, Vector512.Create(codePoint)).ExtractMostSignificantBits();
    }
}
