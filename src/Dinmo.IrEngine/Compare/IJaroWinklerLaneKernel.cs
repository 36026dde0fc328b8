using System.Numerics;

namespace Dinmo.IrEngine.Compare;

/// <summary>
/// One vector width of the multi-string kernel: scores one query against a group of candidates
/// packed one per lane (lane type <typeparamref name="T"/> of 8, 16, 32 or 64 bits bounds the
/// candidate length). Implemented by a struct per width so the block's loop is specialized by the
/// JIT with no virtual call.
/// </summary>
internal interface IJaroWinklerLaneKernel
{
    /// <summary>Width of one vector in bytes; lanes per group = VectorBytes / sizeof(T).</summary>
    static abstract int VectorBytes { get; }

    /// <summary>
    /// For every lane k: matches m and transpositions (not yet halved) of query T against
    /// candidate P_k, under the greedy window rule. <paramref name="groupPm"/> holds one vector per
    /// alphabet id (row = id * lanes); <paramref name="groupOnes"/> holds ones(max(1, l_k/2)) and
    /// <paramref name="groupBound"/> max(l_k/2-1, 0) per lane, so the window per lane is the max of
    /// the query's and the candidate's. The query length must not exceed the lane width.
    /// Returns the lanes (bit k for lane k) whose m reaches <paramref name="groupNeed"/>'s lane: the
    /// common-character bound, checked for all lanes at once so lanes that cannot reach the threshold
    /// cost no scalar work.
    /// </summary>
    static abstract ulong ScoreGroup<T>(ReadOnlySpan<int> queryIds, ref T groupPm, ref T groupOnes,
        ref T groupBound, ref T groupNeed, T queryOnes, T queryBound, ref T matches, ref T transpositions)
        where T : unmanaged, IBinaryInteger<T>, IUnsignedNumber<T>;

    /// <summary>
    /// For the one-to-one path on padded strings: bit k set when the k-th of the VectorBytes / 4 code
    /// points starting at <paramref name="lanes"/> equals <paramref name="codePoint"/>.
    /// </summary>
    static abstract ulong EqualLanes(ref int lanes, int codePoint);
}
