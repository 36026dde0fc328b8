namespace Dinmo.IrEngine.Standardize;

/// <summary>
/// A dense number (slot) for every distinct (identifier, value) pair of the observations, so figures
/// kept per pair (records per value, block decisions) live in arrays indexed by slot instead of hash
/// maps keyed by the pair, which cost several cache misses per observation at 10M records. A value's
/// slot is its value id under the identifier it was first observed with (nearly every value is only
/// ever seen under one identifier); a value also seen under another identifier gets one more slot
/// per such pair, after all value ids.
/// </summary>
internal sealed class ValueSlots
{
    private readonly short[] _owner;
    private readonly Dictionary<long, int> _others;
    private readonly long[] _otherPairs;

    private ValueSlots(short[] owner, Dictionary<long, int> others, long[] otherPairs) =>
        (_owner, _others, _otherPairs) = (owner, others, otherPairs);

    public int Count => _owner.Length + _otherPairs.Length;

    public int Of(int identifier, int value) =>
        _owner[value] == identifier ? value : _others[ObservationTable.ValueKey(identifier, value)];

    public (int Identifier, int Value) PairOf(int slot)
    {
        if (slot < _owner.Length) return (_owner[slot], slot);
        var pair = _otherPairs[slot - _owner.Length];
        return ((int)(pair >> 32), (int)pair);
    }

    /// <summary>The slot of each observation (<paramref name="identifier"/>[o], <paramref name="value"/>[o]), and the slots.</summary>
    public static (ValueSlots Slots, int[] SlotOf) Build(short[] identifier, int[] value, int valueCount)
    {
        var owner = new short[valueCount];
        owner.AsSpan().Fill(-1);
        var others = new Dictionary<long, int>();
        var otherPairs = new List<long>();
        var slotOf = new int[identifier.Length];
        for (var o = 0; o < slotOf.Length; o++)
        {
            var (id, v) = (identifier[o], value[o]);
            if (owner[v] < 0) owner[v] = id;
            if (owner[v] == id)
            {
                slotOf[o] = v;
                continue;
            }
            var pair = ObservationTable.ValueKey(id, v);
            if (!others.TryGetValue(pair, out var slot))
            {
                slot = valueCount + otherPairs.Count;
                others.Add(pair, slot);
                otherPairs.Add(pair);
            }
            slotOf[o] = slot;
        }
        return (new ValueSlots(owner, others, [.. otherPairs]), slotOf);
    }
}
