using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Ingest;

namespace Dinmo.IrEngine.Golden;

/// <summary>
/// The survivorship tie-break order (SPEC §3.4): more recent <c>order_field</c> first (null oldest),
/// then earlier model in <c>golden.model_priority</c> (unlisted models after, in config order), then
/// smaller record key (smaller record id, since ids follow key order).
/// </summary>
internal sealed class RecordPrecedence
{
    private readonly RecordTable _records;

    public RecordPrecedence(IdentityGraph graph, RecordTable records)
    {
        _records = records;
        var priority = graph.Golden?.ModelPriority ?? [];
        ModelRank = graph.Models.Select((m, i) =>
        {
            var listed = priority.ToList().IndexOf(m.Name);
            return listed >= 0 ? listed : priority.Count + i;
        }).ToArray();
    }

    /// <summary>Rank of each model (config index) in the priority order; lower is stronger.</summary>
    public int[] ModelRank { get; }

    /// <summary>Negative when <paramref name="a"/> takes precedence (is "more recent") over <paramref name="b"/>.</summary>
    public int Compare(int a, int b)
    {
        var c = _records.Order[b].CompareTo(_records.Order[a]);
        if (c != 0) return c;
        c = ModelRank[_records.Model[a]].CompareTo(ModelRank[_records.Model[b]]);
        return c != 0 ? c : a.CompareTo(b);
    }

    /// <summary>The order for <c>first_non_null</c>: oldest first, then the same tie-breaks.</summary>
    public int CompareOldestFirst(int a, int b)
    {
        var c = _records.Order[a].CompareTo(_records.Order[b]);
        if (c != 0) return c;
        c = ModelRank[_records.Model[a]].CompareTo(ModelRank[_records.Model[b]]);
        return c != 0 ? c : a.CompareTo(b);
    }
}
