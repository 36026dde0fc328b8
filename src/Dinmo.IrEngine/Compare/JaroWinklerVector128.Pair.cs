using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Dinmo.IrEngine.Compare;

/// <summary>
/// The one-to-one member of the 128-bit path. On x86 with AVX2's masked loads, b of at most 16 code
/// points (most names) sits in four registers, read without a copy and without reading past the span:
/// four compares per character of a give its positions in b, then the shared greedy matching and
/// transposition count, and the prefix from one compare. Longer strings, or CPUs without those loads
/// (e.g. Arm), pad b into 4-lane chunks on the stack.
/// </summary>
internal readonly partial struct JaroWinklerVector128
{
    private const int IntLanes = 4;

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
        return Avx2.IsSupported && lb <= 4 * IntLanes ? SimilarityInRegisters(a, b) : JaroWinklerPadded.Similarity<JaroWinklerVector128>(a, b);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe double SimilarityInRegisters(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int la = a.Length, lb = b.Length;
        fixed (int* pa = a, pb = b)
        {
            var pattern = new RegisterMask(Load(pb, lb, 0, PadB), Load(pb, lb, IntLanes, PadB),
                Load(pb, lb, 2 * IntLanes, PadB), Load(pb, lb, 3 * IntLanes, PadB));
            JaroWinklerBitParallel.MatchWord(pattern, a, lb, out ulong pFlag, out ulong tFlag);
            int m = System.Numerics.BitOperations.PopCount(pFlag);
            if (m == 0) return 0.0;
            int transpositions = JaroWinklerBitParallel.CountTranspositions(a, b, tFlag, pFlag);
            // Pads differ, so ~equal has a bit at min(la, lb, 4) at the latest.
            uint equal = Vector128.Equals(Load(pa, la, 0, PadA), pattern.First).ExtractMostSignificantBits();
            int prefix = Math.Min(System.Numerics.BitOperations.TrailingZeroCount(~equal), Math.Min(JaroWinklerScalar.MaxPrefix, Math.Min(la, lb)));
            return JaroWinklerScalar.Finish(m, transpositions / 2, la, lb, prefix);
        }
    }

    /// <summary>
    /// Lanes offset..offset+3 of a string of <paramref name="length"/> code points, <paramref name="pad"/>
    /// past its end. The masked load touches no memory in masked-off lanes, so it cannot fault.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector128<int> Load(int* start, int length, int offset, int pad)
    {
        if (length <= offset) return Vector128.Create(pad); // a masked load with no lane set is slow on this CPU
        Vector128<int> inside = Vector128.LessThan(Vector128<int>.Indices, Vector128.Create(length - offset));
        return Vector128.ConditionalSelect(inside, Avx2.MaskLoad(start + offset, inside), Vector128.Create(pad));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong EqualLanes(ref int lanes, int codePoint) =>
        Vector128.Equals(Vector128.LoadUnsafe(ref lanes), Vector128.Create(codePoint)).ExtractMostSignificantBits();

    /// <summary>b in four registers (padded with <see cref="PadB"/>): four compares per character of a.</summary>
    private readonly struct RegisterMask(Vector128<int> v0, Vector128<int> v1, Vector128<int> v2, Vector128<int> v3) : IJaroWinklerPairMask
    {
        public Vector128<int> First => v0;

        public ulong Positions(int codePoint)
        {
            Vector128<int> c = Vector128.Create(codePoint);
            return Vector128.Equals(v0, c).ExtractMostSignificantBits()
                | ((ulong)Vector128.Equals(v1, c).ExtractMostSignificantBits() << IntLanes)
                | ((ulong)Vector128.Equals(v2, c).ExtractMostSignificantBits() << (2 * IntLanes))
                | ((ulong)Vector128.Equals(v3, c).ExtractMostSignificantBits() << (3 * IntLanes));
        }
    }
}
