using System.Buffers.Binary;
using Dinmo.IrEngine.Columnar;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// Every value's place in the two orders the write stage sorts values by, within their identifier rank:
/// code point order (the interned bytes: <see cref="IdentifierValues.CompareValues"/>), which the output
/// tables use, and <see cref="StateValueOrder"/>, which the state's <c>value_states</c> uses. Values do not
/// change once read, so the stitch pipeline works this out on the core the serial stitch loop leaves idle
/// (<see cref="ProfileGraph.StartOrderingValues"/>), and the tables' sorts then compare ints where they read
/// value bytes at random.
/// </summary>
internal sealed class ValueOrder
{
    private readonly int[] _codePointRanks;

    private ValueOrder(int[] codePointRanks, int[] stateOrder) => (_codePointRanks, StateOrder) = (codePointRanks, stateOrder);

    /// <summary>How many values are ordered (ids 0 to Count - 1).</summary>
    public int Count => _codePointRanks.Length;

    /// <summary>Value ids by identifier rank, then value in <see cref="StateValueOrder"/>.</summary>
    public int[] StateOrder { get; }

    /// <summary>
    /// The value's position in (identifier rank, code point order): of two values of one identifier, the one with the
    /// lower rank comes first in the output tables.
    /// </summary>
    public int CodePointRank(int value) => _codePointRanks[value];

    /// <summary>The orders of every value of <paramref name="values"/>, sorted on <paramref name="threads"/> threads.</summary>
    public static ValueOrder Of(IdentifierValues values, int threads)
    {
        // Sorted on keys read in one pass over the values: most comparisons then read no value bytes. Ids are unique,
        // so both orders are total and a parallel sort gives the one order.
        var count = values.Count;
        var byCodePoint = new SortKey[count];
        var byState = new SortKey[count];
        for (var id = 0; id < count; id++)
        {
            var utf8 = values.Utf8(id);
            byCodePoint[id] = new SortKey(values.Identifier(id), BytePrefix(utf8), id);
            byState[id] = new SortKey(values.Identifier(id), StateValueOrder.Prefix(utf8), id);
        }
        ParallelSort.Sort(byCodePoint, count, new ByIdentifierThenCodePoints(values), threads);
        ParallelSort.Sort(byState, count, new ByIdentifierThenStateOrder(values), threads);
        var ranks = new int[count];
        for (var i = 0; i < count; i++) ranks[byCodePoint[i].Value] = i;
        return new ValueOrder(ranks, Array.ConvertAll(byState, k => k.Value));
    }

    /// <summary>The first 8 bytes as one big-endian number (padded with zeros): equal prefixes say nothing, a sort then compares in full.</summary>
    private static ulong BytePrefix(ReadOnlySpan<byte> value)
    {
        Span<byte> first = stackalloc byte[sizeof(ulong)];
        first.Clear();
        value[..Math.Min(value.Length, sizeof(ulong))].CopyTo(first);
        return BinaryPrimitives.ReadUInt64BigEndian(first);
    }

    /// <summary>A value's sort key: identifier rank, a prefix of the value in the order sorted by, value id.</summary>
    private readonly record struct SortKey(int Identifier, ulong Prefix, int Value);

    private readonly struct ByIdentifierThenCodePoints(IdentifierValues values) : IComparer<SortKey>
    {
        public int Compare(SortKey a, SortKey b) =>
            a.Identifier != b.Identifier ? a.Identifier.CompareTo(b.Identifier)
            : a.Prefix != b.Prefix ? a.Prefix.CompareTo(b.Prefix)
            : values.CompareValues(a.Value, b.Value);
    }

    private readonly struct ByIdentifierThenStateOrder(IdentifierValues values) : IComparer<SortKey>
    {
        public int Compare(SortKey a, SortKey b) =>
            a.Identifier != b.Identifier ? a.Identifier.CompareTo(b.Identifier)
            : a.Prefix != b.Prefix ? a.Prefix.CompareTo(b.Prefix)
            : StateValueOrder.Compare(values.Utf8(a.Value), values.Utf8(b.Value));
    }
}
