using System.Buffers.Binary;
using Dinmo.IrEngine.Columnar;

namespace Dinmo.IrEngine.Stitch;

/// <summary>
/// Profiles in the order of their ids' bytes (the profiles table's order; UTF-8 in byte order is code
/// point order). Each id's first eight bytes, read as one big-endian number, sit next to its index in the
/// array sorted, so most comparisons follow no pointer; only ids sharing those bytes are compared whole.
/// Ids are random text, so such ties are rare.
/// </summary>
internal static class ProfileIdOrder
{
    public static EventProfile[] Sorted(IReadOnlyList<EventProfile> profiles, int threads)
    {
        var keys = new IdKey[profiles.Count];
        for (var i = 0; i < keys.Length; i++) keys[i] = new IdKey(Prefix(profiles[i].IdUtf8), i);
        ParallelSort.Sort(keys, keys.Length, new ByPrefixThenId(profiles), threads);
        var sorted = new EventProfile[keys.Length];
        for (var i = 0; i < keys.Length; i++) sorted[i] = profiles[keys[i].Index];
        return sorted;
    }

    /// <summary>
    /// The first eight bytes, big-endian, a shorter id padded with zeros: when two prefixes differ they order
    /// the ids as their bytes do (a shorter id that starts a longer one pads to no more than it).
    /// </summary>
    internal static ulong Prefix(ReadOnlySpan<byte> id)
    {
        if (id.Length >= sizeof(ulong)) return BinaryPrimitives.ReadUInt64BigEndian(id);
        Span<byte> padded = stackalloc byte[sizeof(ulong)];
        padded.Clear();
        id.CopyTo(padded);
        return BinaryPrimitives.ReadUInt64BigEndian(padded);
    }

    private readonly record struct IdKey(ulong Prefix, int Index);

    private readonly struct ByPrefixThenId(IReadOnlyList<EventProfile> profiles) : IComparer<IdKey>
    {
        public int Compare(IdKey x, IdKey y) =>
            x.Prefix != y.Prefix ? x.Prefix.CompareTo(y.Prefix) : profiles[x.Index].IdUtf8.AsSpan().SequenceCompareTo(profiles[y.Index].IdUtf8);
    }
}
