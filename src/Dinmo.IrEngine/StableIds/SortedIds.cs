namespace Dinmo.IrEngine.StableIds;

/// <summary>Sets of dinmo_ids as sorted arrays: 16 bytes an id, membership by binary search.</summary>
internal static class SortedIds
{
    /// <summary>Sorts <paramref name="ids"/> in place and returns its distinct values.</summary>
    public static DinmoId[] Distinct(DinmoId[] ids)
    {
        Array.Sort(ids);
        var count = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            if (count == 0 || ids[count - 1] != ids[i]) ids[count++] = ids[i];
        }
        return ids[..count];
    }

    public static bool Contains(DinmoId[] sorted, DinmoId id) => sorted.AsSpan().BinarySearch(id) >= 0;
}
