using System.Buffers;
using System.Runtime.CompilerServices;

namespace Dinmo.IrEngine.Compare;

/// <summary>
/// The distinct values of one fuzzy criterion inside one block, prepared for all-pairs scoring:
/// one contiguous array of code points with offsets, each code point also mapped to a dense
/// block-local alphabet id, and (on vector paths) the values packed into lane groups with their
/// pattern masks. Immutable after construction; concurrent <see cref="ForEachPairAtLeast{TSink}"/>
/// calls are safe because each call rents its own scratch.
/// </summary>
internal sealed partial class JaroWinklerBlock
{
    private readonly int[] _codePoints;
    private readonly int[] _offsets;
    private readonly int[] _ids;
    private readonly ulong _presentLengths; // bit l-1 set when some value has length l (1..64)
    private readonly JaroWinklerLanePack? _pack;

    /// <summary>Code points below this get their alphabet id from a direct table (U+0000..U+00FF).</summary>
    private const int Latin1Size = 256;

    /// <summary>Number of values.</summary>
    public int Count { get; }

    /// <summary>Size of the block-local alphabet (distinct code points over all values).</summary>
    public int AlphabetSize { get; }

    /// <summary>The kernel path this block was built for.</summary>
    public JaroWinklerPath Path { get; }

    /// <summary>
    /// The kernel that actually scores the block: <see cref="Path"/>, except that a vector path without
    /// a lane pack (fewer than two non-empty values, or masks too large) runs the bit-parallel loop.
    /// </summary>
    public JaroWinklerPath Kernel => Path >= JaroWinklerPath.Vector128 && _pack is null ? JaroWinklerPath.BitParallel : Path;

    private JaroWinklerBlock(int[] codePoints, int[] offsets, JaroWinklerPath path)
    {
        _codePoints = codePoints;
        _offsets = offsets;
        Count = offsets.Length - 1;
        Path = path;

        // Ids in order of first appearance. Code points below U+0100 (most names) are looked up in a
        // direct table; a dictionary per code point cost most of the build of a 64-value block.
        _ids = new int[codePoints.Length];
        Span<int> latin1 = stackalloc int[Latin1Size];
        latin1.Fill(-1);
        Dictionary<int, int>? others = null;
        int alphabetSize = 0;
        for (int k = 0; k < codePoints.Length; k++)
        {
            int codePoint = codePoints[k];
            int id;
            if ((uint)codePoint < Latin1Size)
            {
                id = latin1[codePoint];
                if (id < 0) latin1[codePoint] = id = alphabetSize++;
            }
            else if (!(others ??= []).TryGetValue(codePoint, out id))
            {
                id = alphabetSize++;
                others.Add(codePoint, id);
            }
            _ids[k] = id;
        }
        AlphabetSize = alphabetSize;

        for (int i = 0; i < Count; i++)
        {
            int length = Length(i);
            if (length is > 0 and <= JaroWinklerCutoff.TableLength) _presentLengths |= 1UL << (length - 1);
        }
        _pack = path >= JaroWinklerPath.Vector128 ? JaroWinklerLanePack.Create(this, path) : null;
    }

    /// <summary>Builds a block on the active path from code point strings.</summary>
    public static JaroWinklerBlock FromCodePoints(IReadOnlyList<int[]> values) => FromCodePoints(values, JaroWinkler.ActivePath);

    /// <summary>Builds a block on an explicit path (tests and benchmarks).</summary>
    public static JaroWinklerBlock FromCodePoints(IReadOnlyList<int[]> values, JaroWinklerPath path)
    {
        int total = 0;
        foreach (int[] value in values) total += value.Length;
        int[] codePoints = new int[total];
        int[] offsets = new int[values.Count + 1];
        for (int i = 0; i < values.Count; i++)
        {
            values[i].CopyTo(codePoints, offsets[i]);
            offsets[i + 1] = offsets[i] + values[i].Length;
        }
        return new JaroWinklerBlock(codePoints, offsets, path);
    }

    /// <summary>
    /// Builds a block on the active path from UTF-8 values stored Arrow-style: value i is
    /// <c>utf8[offsets[i]..offsets[i+1]]</c>.
    /// </summary>
    public static JaroWinklerBlock FromUtf8(ReadOnlySpan<byte> utf8, ReadOnlySpan<int> offsets) =>
        FromUtf8(utf8, offsets, JaroWinkler.ActivePath);

    /// <summary>As <see cref="FromUtf8(ReadOnlySpan{byte}, ReadOnlySpan{int})"/> on an explicit path.</summary>
    public static JaroWinklerBlock FromUtf8(ReadOnlySpan<byte> utf8, ReadOnlySpan<int> offsets, JaroWinklerPath path)
    {
        if (offsets.Length == 0) throw new ArgumentException("offsets needs at least one entry (n + 1 for n values)", nameof(offsets));
        int count = offsets.Length - 1;
        int[] buffer = new int[offsets[count] - offsets[0]]; // at most one code point per byte
        int[] cpOffsets = new int[count + 1];
        int written = 0;
        for (int i = 0; i < count; i++)
        {
            written += Utf8CodePoints.Decode(utf8[offsets[i]..offsets[i + 1]], buffer.AsSpan(written));
            cpOffsets[i + 1] = written;
        }
        return new JaroWinklerBlock(buffer.AsSpan(0, written).ToArray(), cpOffsets, path);
    }

    /// <summary>Code points of value <paramref name="i"/>.</summary>
    public ReadOnlySpan<int> this[int i] => _codePoints.AsSpan(_offsets[i], _offsets[i + 1] - _offsets[i]);

    /// <summary>Length in code points of value <paramref name="i"/>.</summary>
    public int Length(int i) => _offsets[i + 1] - _offsets[i];

    internal ReadOnlySpan<int> Ids(int i) => _ids.AsSpan(_offsets[i], _offsets[i + 1] - _offsets[i]);

    internal ulong PresentLengths => _presentLengths;

    /// <summary>
    /// Calls <paramref name="sink"/> for every pair i &lt; j whose Jaro-Winkler score is ≥
    /// <paramref name="threshold"/>, in ascending (i, j) order on every path, with the exact
    /// scalar-definition score.
    /// </summary>
    public void ForEachPairAtLeast<TSink>(double threshold, ref TSink sink) where TSink : IJaroWinklerPairSink
    {
        JaroWinklerCutoff cutoff = JaroWinklerCutoff.For(threshold);
        if (Path == JaroWinklerPath.Scalar)
            ForEachScalar(cutoff, ref sink);
        else if (_pack is null)
            ForEachBitParallel(cutoff, ref sink);
        else
            _pack.ForEachPairAtLeast(this, cutoff, ref sink);
    }

    /// <summary>Appends every pair with score ≥ <paramref name="threshold"/> to <paramref name="output"/>.</summary>
    public void ForEachPairAtLeast(double threshold, List<JaroWinklerMatch> output)
    {
        var sink = new JaroWinklerListSink(output);
        ForEachPairAtLeast(threshold, ref sink);
    }

    private void ForEachScalar<TSink>(JaroWinklerCutoff cutoff, ref TSink sink) where TSink : IJaroWinklerPairSink
    {
        for (int i = 0; i < Count; i++)
        {
            for (int j = i + 1; j < Count; j++)
            {
                if (!cutoff.Reachable(Length(i), Length(j))) continue;
                double score = JaroWinklerScalar.Similarity(this[i], this[j]);
                if (score >= cutoff.Threshold) sink.Add(i, j, score);
            }
        }
    }

    /// <summary>
    /// Value i is the pattern: its masks live in a scratch table indexed by alphabet id, so each
    /// later value j only looks its own ids up (Jaro's m and t are symmetric, so which string is the
    /// pattern does not change the score; the tests check this against the scalar reference).
    /// </summary>
    [SkipLocalsInit]
    private void ForEachBitParallel<TSink>(JaroWinklerCutoff cutoff, ref TSink sink) where TSink : IJaroWinklerPairSink
    {
        ulong[] masks = ArrayPool<ulong>.Shared.Rent(Math.Max(AlphabetSize, 1));
        Array.Clear(masks, 0, AlphabetSize);
        Span<ulong> pm = stackalloc ulong[JaroWinklerBitParallel.WordBits];
        for (int i = 0; i < Count; i++)
        {
            int li = Length(i);
            if (li is 0 or > JaroWinklerBitParallel.WordBits)
            {
                for (int j = i + 1; j < Count; j++) ScorePairDirect(i, j, cutoff, ref sink);
                continue;
            }
            ReadOnlySpan<int> idsI = Ids(i);
            for (int q = 0; q < li; q++) masks[idsI[q]] |= 1UL << q;
            for (int j = i + 1; j < Count; j++)
            {
                int lj = Length(j);
                if (lj is 0 or > JaroWinklerBitParallel.WordBits)
                {
                    ScorePairDirect(i, j, cutoff, ref sink);
                    continue;
                }
                int minMatches = cutoff.MinMatches(li, lj);
                if (minMatches > Math.Min(li, lj)) continue;
                ReadOnlySpan<int> idsJ = Ids(j);
                for (int k = 0; k < lj; k++) pm[k] = masks[idsJ[k]];
                JaroWinklerBitParallel.CountWord(pm, lj, li, out int m, out int t);
                if (m < minMatches) continue;
                EmitIfReached(i, j, m, t, cutoff.Threshold, ref sink);
            }
            for (int q = 0; q < li; q++) masks[idsI[q]] = 0;
        }
        ArrayPool<ulong>.Shared.Return(masks);
    }

    /// <summary>Scores a pair from scratch (empty or long values) and emits it if it reaches the threshold.</summary>
    internal void ScorePairDirect<TSink>(int i, int j, JaroWinklerCutoff cutoff, ref TSink sink) where TSink : IJaroWinklerPairSink
    {
        if (!cutoff.Reachable(Length(i), Length(j)) && Length(i) > 0 && Length(j) > 0) return;
        double score = JaroWinklerBitParallel.Similarity(this[i], this[j]);
        if (score >= cutoff.Threshold) sink.Add(i, j, score);
    }

    /// <summary>Finishes a pair from its counts with the scalar formula; the prefix is looked at only when it can matter.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void EmitIfReached<TSink>(int i, int j, int m, int t, double threshold, ref TSink sink) where TSink : IJaroWinklerPairSink
    {
        int li = Length(i), lj = Length(j);
        double score = 0.0;
        if (m > 0)
        {
            double jaro = JaroWinklerScalar.Jaro(m, t, li, lj);
            score = jaro > JaroWinklerScalar.BoostThreshold
                ? JaroWinklerScalar.Winkler(jaro, JaroWinklerScalar.CommonPrefix(this[i], this[j]))
                : jaro;
        }
        if (score >= threshold) sink.Add(i, j, score);
    }
}
