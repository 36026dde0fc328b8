using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
    where T : unmanaged, IBinaryInteger<T>, IUnsignedNumber<T>, IMinMaxValue<T>
    where TKernel : struct, IJaroWinklerLaneKernel
{
    private readonly int _lanes;
    private readonly int _alphabet;
    private readonly int _groups;
    private readonly int[] _members;        // block index per lane, -1 in padding lanes
    private readonly int[] _memberPos;      // block index → lane slot, -1 for others
    private readonly int[] _others;         // ascending block indices not in lanes
    private readonly int[] _slotLengths;    // [slot] length of the lane's value, 0 in padding lanes
    private readonly ulong _memberLengths;  // bit l-1 set when some lane has length l
    private readonly ulong[] _groupLengths; // [group] bit l-1 set when a lane has length l

    // The vectors the kernel reads, contiguous so one copy puts them in aligned scratch:
    // [group][alphabet id][lane] pattern masks, then [group][lane] ones(max(1, l/2)) (the window at
    // position 0), then [group][lane] max(l/2 - 1, 0) (the window half-width).
    private readonly T[] _laneData;
    private readonly int _onesAt, _boundsAt;

    public JaroWinklerLanePack(JaroWinklerBlock block, int laneBits)
    {
        _lanes = TKernel.VectorBytes / Unsafe.SizeOf<T>();
        _alphabet = Math.Max(block.AlphabetSize, 1);
        _memberPos = new int[block.Count];
        int memberCount = 0;
        for (int i = 0; i < block.Count; i++)
        {
            int length = block.Length(i);
            _memberPos[i] = length > 0 && length <= laneBits ? memberCount++ : -1;
        }
        _groups = (memberCount + _lanes - 1) / _lanes;
        int slots = _groups * _lanes;
        _members = new int[slots];
        _members.AsSpan().Fill(-1);
        _others = new int[block.Count - memberCount];
        _slotLengths = new int[slots];
        _groupLengths = new ulong[_groups];
        _onesAt = _groups * _alphabet * _lanes;
        _boundsAt = _onesAt + slots;
        _laneData = new T[_boundsAt + slots];
        int otherCount = 0;
        for (int i = 0; i < block.Count; i++)
        {
            int slot = _memberPos[i];
            if (slot < 0)
            {
                _others[otherCount++] = i;
                continue;
            }
            int g = slot / _lanes, lane = slot % _lanes;
            int length = block.Length(i);
            ReadOnlySpan<int> ids = block.Ids(i);
            for (int q = 0; q < length; q++)
                _laneData[(g * _alphabet + ids[q]) * _lanes + lane] |= T.One << q;
            _members[slot] = i;
            _slotLengths[slot] = length;
            _laneData[_onesAt + slot] = Ones(Math.Max(1, length / 2));
            _laneData[_boundsAt + slot] = T.CreateTruncating(Math.Max(length / 2 - 1, 0));
            _groupLengths[g] |= 1UL << (length - 1);
            _memberLengths |= 1UL << (length - 1);
        }
    }

    private static T Ones(int bits) => (T.One << bits) - T.One; // bits < lane width: lengths/2 ≤ 32

    [SkipLocalsInit]
    public override void ForEachPairAtLeast<TSink>(JaroWinklerBlock block, JaroWinklerCutoff cutoff, ref TSink sink)
    {
        int lanes = _lanes, alphabet = _alphabet, groups = _groups, slots = groups * lanes;
        int[] members = _members, others = _others;
        Span<T> matches = stackalloc T[lanes];
        Span<T> transpositions = stackalloc T[lanes];
        Span<ulong> reachable = stackalloc ulong[JaroWinklerCutoff.TableLength + 1];
        for (ulong b = block.PresentLengths; b != 0; b &= b - 1)
        {
            int l = BitOperations.TrailingZeroCount(b) + 1;
            reachable[l] = cutoff.ReachableLengths(l, block.PresentLengths);
        }
        double threshold = cutoff.Threshold;

        // Aligned scratch: the lane data, then one row per query length of the fewest matches each
        // lane needs (T.MaxValue in padding lanes, which can never be reached).
        int needsAt = _laneData.Length;
        using AlignedScratch.Lease<T> lease = AlignedScratch.Rent<T>(needsAt + BitOperations.PopCount(_memberLengths) * slots);
        Span<T> data = lease.Span;
        _laneData.CopyTo(data);
        FillNeeds(cutoff, data[needsAt..], slots);
        ref T dataRef = ref MemoryMarshal.GetReference(data);

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
            int needRow = needsAt + BitOperations.PopCount(_memberLengths & ((1UL << (li - 1)) - 1)) * slots;
            int o = LowerBound(others, i + 1);
            int first = pos / lanes;

            for (int g = first; g < groups; g++)
            {
                if ((_groupLengths[g] & reach) == 0) continue; // length bound: no lane can reach
                int at = g * lanes;
                ulong hits = TKernel.ScoreGroup(ids, ref Unsafe.Add(ref dataRef, at * alphabet),
                    ref Unsafe.Add(ref dataRef, _onesAt + at), ref Unsafe.Add(ref dataRef, _boundsAt + at),
                    ref Unsafe.Add(ref dataRef, needRow + at), queryOnes, queryBound, ref matches[0], ref transpositions[0]);
                if (g == first) hits &= ~((2UL << (pos - at)) - 1); // lanes up to the query: earlier values and itself
                for (; hits != 0; hits &= hits - 1)
                {
                    int k = BitOperations.TrailingZeroCount(hits);
                    int j = members[at + k];
                    while (o < others.Length && others[o] < j) block.ScorePairDirect(i, others[o++], cutoff, ref sink);
                    block.EmitIfReached(i, j, int.CreateTruncating(matches[k]), int.CreateTruncating(transpositions[k]) / 2, threshold, ref sink);
                }
            }
            while (o < others.Length) block.ScorePairDirect(i, others[o++], cutoff, ref sink);
        }
    }

    /// <summary>One row per lane length present, in ascending length: per slot, the common-character bound.</summary>
    private void FillNeeds(JaroWinklerCutoff cutoff, Span<T> needs, int slots)
    {
        int row = 0;
        for (ulong b = _memberLengths; b != 0; b &= b - 1, row++)
        {
            int li = BitOperations.TrailingZeroCount(b) + 1;
            Span<T> need = needs.Slice(row * slots, slots);
            for (int slot = 0; slot < slots; slot++)
            {
                int lj = _slotLengths[slot];
                need[slot] = lj == 0 ? T.MaxValue : T.CreateTruncating(cutoff.MinMatches(li, lj));
            }
        }
    }

    private static int LowerBound(int[] sorted, int value)
    {
        int index = Array.BinarySearch(sorted, value);
        return index >= 0 ? index : ~index;
    }
}
