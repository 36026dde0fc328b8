using Dinmo.IrEngine.Columnar;

namespace Dinmo.IrEngine.StableIds;

/// <summary>
/// The whole id history (SPEC §5), sorted by run_id, dinmo_id, change type, target (none first) and
/// run sequence. Run ids are held once, in code-point order, so each row's run is a rank and the
/// history sorts on precomputed keys instead of comparing strings.
/// </summary>
internal sealed class IdChangeLog
{
    public static readonly IdChangeLog Empty = new([], []);

    /// <param name="runIds">Distinct run ids.</param>
    /// <param name="rows">Rows whose <see cref="IdChange.Run"/> indexes <paramref name="runIds"/>; sorted here.</param>
    public IdChangeLog(string[] runIds, IdChange[] rows)
    {
        var order = new int[runIds.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        var sorted = (string[])runIds.Clone();
        Array.Sort(sorted, order, CodePointOrder.Instance);
        var rank = new int[runIds.Length];
        for (var i = 0; i < order.Length; i++) rank[order[i]] = i;
        for (var i = 0; i < rows.Length; i++) rows[i] = rows[i] with { Run = rank[rows[i].Run] };
        if (!IsSorted(rows)) rows.AsSpan().Sort(new RowOrder());
        RunIds = sorted;
        Rows = rows;
    }

    /// <summary>Distinct run ids in code-point order.</summary>
    public string[] RunIds { get; }

    public IdChange[] Rows { get; }

    public int Count => Rows.Length;

    /// <summary>This history plus <paramref name="changes"/> of run <paramref name="runId"/> (their <see cref="IdChange.Run"/> is ignored).</summary>
    public IdChangeLog With(string runId, IReadOnlyList<IdChange> changes)
    {
        var run = Array.IndexOf(RunIds, runId);
        var runIds = run >= 0 ? RunIds : [.. RunIds, runId];
        if (run < 0) run = runIds.Length - 1;
        var rows = new IdChange[Rows.Length + changes.Count];
        Rows.CopyTo(rows, 0);
        for (var i = 0; i < changes.Count; i++) rows[Rows.Length + i] = changes[i] with { Run = run };
        return new IdChangeLog(runIds, rows);
    }

    /// <summary>Ids whose history already ended them (merged or retired), ascending and distinct.</summary>
    public DinmoId[] Ended()
    {
        var ended = Rows.Where(r => r.Type is IdChangeType.Merged or IdChangeType.Retired).Select(r => r.Id).ToArray();
        return SortedIds.Distinct(ended);
    }

    /// <summary>True when the rows are in history order already (a first run's created ids, sorted by id, are).</summary>
    private static bool IsSorted(ReadOnlySpan<IdChange> rows)
    {
        var order = new RowOrder();
        for (var i = 1; i < rows.Length; i++)
        {
            if (order.Compare(rows[i - 1], rows[i]) > 0) return false;
        }
        return true;
    }

    private readonly struct RowOrder : IComparer<IdChange>
    {
        public int Compare(IdChange a, IdChange b)
        {
            var order = a.Run.CompareTo(b.Run);
            if (order == 0) order = a.Id.CompareTo(b.Id);
            if (order == 0) order = a.Type.CompareTo(b.Type);
            if (order == 0) order = a.HasInto.CompareTo(b.HasInto);
            if (order == 0 && a.HasInto) order = a.Into.CompareTo(b.Into);
            return order != 0 ? order : a.RunSequence.CompareTo(b.RunSequence);
        }
    }
}
