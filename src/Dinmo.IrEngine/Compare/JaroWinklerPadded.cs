using System.Runtime.CompilerServices;

namespace Dinmo.IrEngine.Compare;

/// <summary>
/// The one-to-one similarity shared by the vector paths for strings that do not fit their registers
/// (b of more code points than the register form takes, or a CPU without masked loads): b copied to
/// the stack and padded to whole vectors, then one compare per vector of b for each character of a
/// gives that character's positions in b, and the bit-parallel count finishes the pair.
/// </summary>
internal static class JaroWinklerPadded
{
    /// <summary>Lane filler for b past its end: no code point, so it never matches a character of a.</summary>
    private const int Pad = -1;

    /// <summary>Similarity of a and b (1..64 code points each) with the vector width of <typeparamref name="TKernel"/>.</summary>
    [SkipLocalsInit]
    public static double Similarity<TKernel>(ReadOnlySpan<int> a, ReadOnlySpan<int> b) where TKernel : struct, IJaroWinklerLaneKernel
    {
        int lanes = TKernel.VectorBytes / sizeof(int);
        int la = a.Length, lb = b.Length;
        int padLength = (lb + lanes - 1) & -lanes;
        Span<int> padded = stackalloc int[JaroWinklerBitParallel.WordBits];
        b.CopyTo(padded);
        padded[lb..padLength].Fill(Pad);
        ref int p0 = ref padded[0];
        Span<ulong> pm = stackalloc ulong[JaroWinklerBitParallel.WordBits];
        for (int j = 0; j < la; j++)
        {
            ulong mask = 0;
            for (int k = 0; k < padLength; k += lanes)
                mask |= TKernel.EqualLanes(ref Unsafe.Add(ref p0, k), a[j]) << k;
            pm[j] = mask;
        }
        JaroWinklerBitParallel.CountWord(pm, la, lb, out int m, out int t);
        return JaroWinklerScalar.Finish(m, t, la, lb, JaroWinklerScalar.CommonPrefix(a, b));
    }
}
