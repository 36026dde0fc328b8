namespace Dinmo.IrEngine.StableIds;

/// <summary>
/// Every dinmo_id ever issued with the sequence number of the run that first issued it, as two
/// columns sorted by id: looked up by binary search, extended by one merge per run.
/// </summary>
internal sealed class IdRegistry
{
    public static readonly IdRegistry Empty = new([], []);

    /// <param name="ids">Ids; sorted here (with their runs) when they are not in ascending order yet.</param>
    public IdRegistry(DinmoId[] ids, long[] firstRun)
    {
        if (!IsAscending(ids)) Array.Sort(ids, firstRun);
        Ids = ids;
        FirstRun = firstRun;
    }

    public DinmoId[] Ids { get; }

    public long[] FirstRun { get; }

    public int Count => Ids.Length;

    public bool Contains(DinmoId id) => Ids.AsSpan().BinarySearch(id) >= 0;

    /// <summary>The run that first issued <paramref name="id"/>, or <paramref name="otherwise"/> for an id never issued.</summary>
    public long FirstRunOf(DinmoId id, long otherwise) => Ids.AsSpan().BinarySearch(id) is var at and >= 0 ? FirstRun[at] : otherwise;

    /// <summary>This registry plus <paramref name="issued"/> (ids new to it), all first issued by run <paramref name="runSequence"/>.</summary>
    public IdRegistry With(DinmoId[] issued, long runSequence)
    {
        if (!IsAscending(issued)) Array.Sort(issued);
        var ids = new DinmoId[Ids.Length + issued.Length];
        var first = new long[ids.Length];
        int a = 0, b = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            if (b == issued.Length || (a < Ids.Length && Ids[a].CompareTo(issued[b]) < 0))
            {
                (ids[i], first[i]) = (Ids[a], FirstRun[a]);
                a++;
            }
            else
            {
                (ids[i], first[i]) = (issued[b++], runSequence);
            }
        }
        return new IdRegistry(ids, first);
    }

    private static bool IsAscending(ReadOnlySpan<DinmoId> ids)
    {
        for (var i = 1; i < ids.Length; i++)
        {
            if (ids[i - 1].CompareTo(ids[i]) >= 0) return false;
        }
        return true;
    }
}
