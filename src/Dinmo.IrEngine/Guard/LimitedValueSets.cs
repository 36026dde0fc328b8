using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Standardize;

namespace Dinmo.IrEngine.Guard;

/// <summary>
/// The distinct usable values of every limited identifier, per set of records under construction by
/// <see cref="SkipMergePass"/>: checking a merge counts without allocating, and a merge pours the
/// smaller set into the larger.
/// </summary>
internal sealed class LimitedValueSets
{
    private readonly IdentityGraph _graph;
    private readonly int[] _limited;
    private readonly int[] _slotOf;
    private readonly Dictionary<int, HashSet<int>[]> _byRoot = [];

    public LimitedValueSets(IdentityGraph graph)
    {
        _graph = graph;
        _limited = Enumerable.Range(0, graph.Identifiers.Count).Where(i => graph.Identifiers[i].MaxUniqueValues is not null).ToArray();
        _slotOf = new int[graph.Identifiers.Count];
        Array.Fill(_slotOf, -1);
        for (var s = 0; s < _limited.Length; s++) _slotOf[_limited[s]] = s;
    }

    /// <summary>Starts the set of a single record from its own observations; returns its own violation, if any.</summary>
    public string? AddRecord(ObservationTable observations, int record)
    {
        var sets = new HashSet<int>[_limited.Length];
        for (var s = 0; s < sets.Length; s++) sets[s] = [];
        foreach (var o in observations.OfRecord(record))
        {
            var slot = _slotOf[observations.Identifier[o]];
            if (slot >= 0 && observations.IsUsable(o)) sets[slot].Add(observations.Value[o]);
        }
        _byRoot[record] = sets;
        return Describe(s => sets[s].Count);
    }

    /// <summary>The values of the set rooted at <paramref name="root"/>, per limited identifier slot.</summary>
    public IReadOnlyList<HashSet<int>> Of(int root) => _byRoot[root];

    /// <summary>The reasons the union of two sets would break a limit, or null when it keeps every limit.</summary>
    public string? MergeViolation(int rootA, int rootB)
    {
        var a = _byRoot[rootA];
        var b = _byRoot[rootB];
        var over = false;
        var counts = new int[a.Length];
        for (var s = 0; s < a.Length; s++)
        {
            var (large, small) = a[s].Count >= b[s].Count ? (a[s], b[s]) : (b[s], a[s]);
            var count = large.Count;
            foreach (var value in small)
            {
                if (!large.Contains(value)) count++;
            }
            counts[s] = count;
            over |= count > _graph.Identifiers[_limited[s]].MaxUniqueValues;
        }
        return over ? Describe(s => counts[s]) : null;
    }

    /// <summary>Records that the sets rooted at a and b are now one, rooted at <paramref name="root"/>.</summary>
    public void Merge(int rootA, int rootB, int root)
    {
        var a = _byRoot[rootA];
        var b = _byRoot[rootB];
        for (var s = 0; s < a.Length; s++)
        {
            if (a[s].Count < b[s].Count) (a[s], b[s]) = (b[s], a[s]);
            a[s].UnionWith(b[s]);
        }
        _byRoot.Remove(rootA);
        _byRoot.Remove(rootB);
        _byRoot[root] = a;
    }

    private string? Describe(Func<int, int> count) =>
        ConflictLimits.Describe(_limited.Select((identifier, s) => (_graph.Identifiers[identifier], count(s))));
}
