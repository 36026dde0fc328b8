using System.Numerics;
using System.Runtime.CompilerServices;

namespace Dinmo.IrEngine.Compare;

/// <summary>
/// A block's values packed for a multi-string kernel: values of at most <c>LaneBits</c> code points
/// go, in index order, into groups of one value per vector lane; each group stores one vector of
/// pattern masks per alphabet id. Empty values and values longer than the lane are "others",
/// scored pair by pair, and merged into the output so the order stays ascending in (i, j).
/// </summary>
internal abstract class JaroWinklerLanePack
{
    /// <summary>Candidate lane widths in bits, narrowest first.</summary>
    private static ReadOnlySpan<int> LaneWidths => [8, 16, 32, 64];

    /// <summary>
    /// A lane width is chosen when at least this share of the non-empty values fit in it: the rest
    /// pay the pair-by-pair cost, which beats running every pair in lanes twice as wide.
    /// </summary>
    private const double FitShare = 0.9;

    /// <summary>
    /// Pattern masks cost groups × alphabet × vector bytes. Above this (huge alphabets, e.g. many
    /// CJK values) the block falls back to the bit-parallel loop, which needs one word per id.
    /// </summary>
    private const long MaxMaskBytes = 64L << 20;

    /// <summary>Scores every pair i &lt; j of <paramref name="block"/> against the cutoff.</summary>
    public abstract void ForEachPairAtLeast<TSink>(JaroWinklerBlock block, JaroWinklerCutoff cutoff, ref TSink sink)
        where TSink : IJaroWinklerPairSink;

    /// <summary>Packs the block for a vector path, or returns null when the bit-parallel loop is the better fit.</summary>
    public static JaroWinklerLanePack? Create(JaroWinklerBlock block, JaroWinklerPath path)
    {
        Span<int> fits = stackalloc int[LaneWidths.Length];
        fits.Clear();
        int nonEmpty = 0;
        for (int i = 0; i < block.Count; i++)
        {
            int length = block.Length(i);
            if (length == 0) continue;
            nonEmpty++;
            for (int w = 0; w < LaneWidths.Length; w++)
                if (length <= LaneWidths[w]) fits[w]++;
        }
        if (nonEmpty < 2) return null;
        int width = LaneWidths[^1];
        for (int w = 0; w < LaneWidths.Length; w++)
        {
            if (fits[w] >= FitShare * nonEmpty)
            {
                width = LaneWidths[w];
                break;
            }
        }
        return path switch
        {
            JaroWinklerPath.Vector128 => Create<JaroWinklerVector128>(block, width),
            JaroWinklerPath.Vector256 => Create<JaroWinklerVector256>(block, width),
            JaroWinklerPath.Vector512 => Create<JaroWinklerVector512>(block, width),
            _ => null,
        };
    }

    private static JaroWinklerLanePack? Create<TKernel>(JaroWinklerBlock block, int width)
        where TKernel : struct, IJaroWinklerLaneKernel
    {
        int lanes = TKernel.VectorBytes / (width / 8);
        long groups = (block.Count + lanes - 1) / lanes;
        if (groups * Math.Max(block.AlphabetSize, 1) * TKernel.VectorBytes > MaxMaskBytes) return null;
        return width switch
        {
            8 => new JaroWinklerLanePack<byte, TKernel>(block, width),
            16 => new JaroWinklerLanePack<ushort, TKernel>(block, width),
            32 => new JaroWinklerLanePack<uint, TKernel>(block, width),
            _ => new JaroWinklerLanePack<ulong, TKernel>(block, width),
        };
    }
}

/// <summary>A lane pack for lane type <typeparamref name="T"/> and vector width <typeparamref name="TKernel"/>.</summary>
internal sealed class JaroWinklerLanePack<T, TKernel> : JaroWinklerLanePack
    where T : unmanaged, IBinaryInteger<T>, IUnsignedNumber<T>
    where TKernel : struct, IJaroWinklerLaneKernel
{
    private readonly int _lanes;
    private readonly int _alphabet;
    private readonly int _groups;
    private readonly int[] _members;       // block index per lane, -1 in padding lanes
    private readonly int[] _memberPos;     // block index → lane slot, -1 for others
    private readonly int[] _others;        // ascending block indices not in lanes
    private readonly T[] _masks;           // [group][alphabet id][lane]
    private readonly T[] _ones;            // [group][lane] ones(max(1, l/2)): the window at position 0
    private readonly T[] _bounds;          // [group][lane] max(l/2 - 1, 0): the window half-width
    private readonly ulong[] _groupLengths; // [group] bit l-1 set when a lane has length l

    public JaroWinklerLanePack(JaroWinklerBlock block, int laneBits)
    {
        _lanes = TKernel.VectorBytes / Unsafe.SizeOf<T>();
        _alphabet = Math.Max(block.AlphabetSize, 1);
        var members = new List<int>();
        var others = new List<int>();
        _memberPos = new int[block.Count];
        for (int i = 0; i < block.Count; i++)
        {
            int length = block.Length(i);
            if (length is > 0 && length <= laneBits)
            {
                _memberPos[i] = members.Count;
                members.Add(i);
            }
            else
            {
                _memberPos[i] = -1;
                others.Add(i);
            }
        }
        _others = others.ToArray();
        _groups = (members.Count + _lanes - 1) / _lanes;
        _members = new int[_groups * _lanes];
        _members.AsSpan().Fill(-1);
        members.CopyTo(_members);
        _masks = new T[_groups * _alphabet * _lanes];
        _ones = new T[_groups * _lanes];
        _bounds = new T[_groups * _lanes];
        _groupLengths = new ulong[_groups];
        for (int slot = 0; slot < members.Count; slot++)
        {
            int g = slot / _lanes, lane = slot % _lanes;
            int i = members[slot];
            int length = block.Length(i);
            ReadOnlySpan<int> ids = block.Ids(i);
            for (int q = 0; q < length; q++)
                _masks[(g * _alphabet + ids[q]) * _lanes + lane] |= T.One << q;
            _ones[slot] = Ones(Math.Max(1, length / 2));
            _bounds[slot] = T.CreateTruncating(Math.Max(length / 2 - 1, 0));
            _groupLengths[g] |= 1UL << (length - 1);
        }
    }

    private static T Ones(int bits) => (T.One << bits) - T.One; // bits < lane width: lengths/2 ≤ 32

    [SkipLocalsInit]
    public override void ForEachPairAtLeast<TSink>(JaroWinklerBlock block, JaroWinklerCutoff cutoff, ref TSink sink)
    {
        int lanes = _lanes, alphabet = _alphabet, groups = _groups;
        int[] members = _members, others = _others;
        T[] masks = _masks, ones = _ones, bounds = _bounds;
        Span<T> matches = stackalloc T[lanes];
        Span<T> transpositions = stackalloc T[lanes];
        Span<ulong> reachable = stackalloc ulong[JaroWinklerCutoff.TableLength + 1];
        for (ulong b = block.PresentLengths; b != 0; b &= b - 1)
        {
            int l = BitOperations.TrailingZeroCount(b) + 1;
            reachable[l] = cutoff.ReachableLengths(l, block.PresentLengths);
        }
        double threshold = cutoff.Threshold;

        for (int i = 0; i < block.Count; i++)
        {
            int pos = _memberPos[i];
            if (pos < 0)
            {
                for (int j = i + 1; j < block.Count; j++) block.ScorePairDirect(i, j, cutoff, ref sink);
                continue;
            }
            int li = block.Length(i);
            ReadOnlySpan<int> ids = block.Ids(i);
            T queryOnes = Ones(Math.Max(1, li / 2));
            T queryBound = T.CreateTruncating(Math.Max(li / 2 - 1, 0));
            ulong reach = reachable[li];
            int o = LowerBound(others, i + 1);

            for (int g = pos / lanes; g < groups; g++)
            {
                if ((_groupLengths[g] & reach) == 0) continue; // length bound: no lane can reach
                TKernel.ScoreGroup(ids, ref masks[g * alphabet * lanes], ref ones[g * lanes], ref bounds[g * lanes],
                    queryOnes, queryBound, ref matches[0], ref transpositions[0]);
                int baseSlot = g * lanes;
                for (int k = 0; k < lanes; k++)
                {
                    int j = members[baseSlot + k];
                    if (j <= i) continue; // earlier values, the query itself, padding (-1)
                    int m = int.CreateTruncating(matches[k]);
                    if (m < cutoff.MinMatches(li, block.Length(j))) continue; // common-character bound
                    while (o < others.Length && others[o] < j) block.ScorePairDirect(i, others[o++], cutoff, ref sink);
                    block.EmitIfReached(i, j, m, int.CreateTruncating(transpositions[k]) / 2, threshold, ref sink);
                }
            }
            while (o < others.Length) block.ScorePairDirect(i, others[o++], cutoff, ref sink);
        }
    }

    private static int LowerBound(int[] sorted, int value)
    {
        int index = Array.BinarySearch(sorted, value);
        return index >= 0 ? index : ~index;
    }
}
