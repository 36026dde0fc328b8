using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Dinmo.IrEngine.Compare;

/// <summary>
/// The one-to-one member of the 256-bit path. With AVX2, b of at most 16 code points (most names) sits
/// in two registers, read by masked loads (no copy, nothing read past the span): two compares per
/// character of a give its positions in b, then the shared greedy matching and transposition count,
/// and the prefix from one compare. Longer strings (or no AVX2) pad b into 8-lane chunks on the stack.
/// </summary>
internal readonly partial struct JaroWinklerVector256
{
    private const int IntLanes = 8;

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
        return Avx2.IsSupported && lb <= 2 * IntLanes ? SimilarityInRegisters(a, b) : JaroWinklerPadded.Similarity<JaroWinklerVector256>(a, b);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe double SimilarityInRegisters(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int la = a.Length, lb = b.Length;
        fixed (int* pa = a, pb = b)
        {
            var pattern = new RegisterMask(Load(pb, lb, 0, PadB), Load(pb, lb, IntLanes, PadB));
            JaroWinklerBitParallel.MatchWord(pattern, a, lb, out ulong pFlag, out ulong tFlag);
            int m = System.Numerics.BitOperations.PopCount(pFlag);
            if (m == 0) return 0.0;
            int transpositions = JaroWinklerBitParallel.CountTranspositions(a, b, tFlag, pFlag);
            // Pads differ, so ~equal has a bit at min(la, lb, 8) at the latest.
            uint equal = Vector256.Equals(Load(pa, la, 0, PadA), pattern.Low).ExtractMostSignificantBits();
            int prefix = Math.Min(System.Numerics.BitOperations.TrailingZeroCount(~equal), Math.Min(JaroWinklerScalar.MaxPrefix, Math.Min(la, lb)));
            return JaroWinklerScalar.Finish(m, transpositions / 2, la, lb, prefix);
        }
    }

    /// <summary>
    /// Lanes offset..offset+7 of a string of <paramref name="length"/> code points, <paramref name="pad"/>
    /// past its end. The masked load touches no memory in masked-off lanes, so it cannot fault.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector256<int> Load(int* start, int length, int offset, int pad)
    {
        if (length <= offset) return Vector256.Create(pad); // a masked load with no lane set is slow on this CPU
        Vector256<int> inside = Vector256.LessThan(Vector256<int>.Indices, Vector256.Create(length - offset));
        return Vector256.ConditionalSelect(inside, Avx2.MaskLoad(start + offset, inside), Vector256.Create(pad));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong EqualLanes(ref int lanes, int codePoint) =>
        Vector256.Equals(Vector256.LoadUnsafe(ref lanes), Vector256.Create(codePoint)).ExtractMostSignificantBits();

    /// <summary>b in two registers (padded with <see cref="PadB"/>): two compares per character of a.</summary>
    private readonly struct RegisterMask(Vector256<int> low, Vector256<int> high) : IJaroWinklerPairMask
    {
        public Vector256<int> Low => low;

        public ulong Positions(int codePoint)
        {
            Vector256<int> c = Vector256.Create(codePoint);
            return Vector256.Equals(low, c).ExtractMostSignificantBits() | ((ulong)Vector256.Equals(high, c).ExtractMostSignificantBits() << IntLanes);
        }
    }
}
