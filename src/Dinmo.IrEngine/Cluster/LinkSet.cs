using Dinmo.IrEngine.Columnar;

namespace Dinmo.IrEngine.Cluster;

/// <summary>
/// The links rules made, one per (rule, left record, right record) with left &lt; right, and the
/// scores of the rule's fuzzy criteria. <see cref="Seal"/> sorts them into <c>match_pairs</c> order
/// (rule order, left key, right key: ids follow key order) and removes repeats, keeping the highest
/// scores. Owned by the pipeline.
/// </summary>
internal sealed class LinkSet : IDisposable
{
    private readonly GrowableArray<int> _rule = new();
    private readonly GrowableArray<int> _left = new();
    private readonly GrowableArray<int> _right = new();
    private readonly GrowableArray<int> _group = new();
    private int _groups;
    private readonly GrowableArray<int> _scoreStart = new();
    private readonly GrowableArray<double> _scores = new();
    private int[] _order = [];

    public int Count => _order.Length;

    /// <summary>A new candidate-group id: the links of one group stand for every pair of its records.</summary>
    public int NewGroup() => _groups++;

    /// <param name="group">The candidate group the link stands for (star links to its smallest record), or -1 for a single pair.</param>
    public void Add(int rule, int a, int b, ReadOnlySpan<double> scores = default, int group = -1)
    {
        if (a == b) return;
        _group.Add(group);
        _rule.Add(rule);
        _left.Add(Math.Min(a, b));
        _right.Add(Math.Max(a, b));
        _scoreStart.Add(_scores.Count);
        foreach (var s in scores) _scores.Add(s);
    }

    /// <summary>
    /// Appends every link of <paramref name="other"/> in its order, its groups renumbered after this
    /// set's: appending each rule's own set in rule order gives the set a one-pass run would have made.
    /// </summary>
    public void AddAll(LinkSet other)
    {
        var groupBase = _groups;
        foreach (var group in other._group.AsSpan()) _group.Add(group < 0 ? group : groupBase + group);
        _groups += other._groups;
        _rule.AddRange(other._rule.AsSpan());
        _left.AddRange(other._left.AsSpan());
        _right.AddRange(other._right.AsSpan());
        var scoreBase = _scores.Count;
        foreach (var start in other._scoreStart.AsSpan()) _scoreStart.Add(scoreBase + start);
        _scores.AddRange(other._scores.AsSpan());
    }

    /// <summary>Sorts and removes repeated (rule, left, right) links; call after every rule ran (again after adding more).</summary>
    public void Seal()
    {
        var n = _rule.Count;
        var keys = new int[n * 3];
        var bound = 1;
        for (var i = 0; i < n; i++)
        {
            keys[3 * i] = _rule[i];
            keys[3 * i + 1] = _left[i];
            keys[3 * i + 2] = _right[i];
            bound = Math.Max(bound, Math.Max(_rule[i], _right[i]) + 1); // left < right
        }
        // Counting sort by (rule, left, right): stable, so repeats stay in the order they were added.
        var sorted = KeyGrouping.Radix(keys, 3, bound);
        var kept = new int[n];
        var count = 0;
        for (var start = 0; start < n;)
        {
            var best = sorted[start];
            var end = start + 1;
            for (; end < n && keys.AsSpan(3 * sorted[end], 3).SequenceEqual(keys.AsSpan(3 * best, 3)); end++)
            {
                if (Scores(sorted[end]).SequenceCompareTo(Scores(best)) > 0) best = sorted[end]; // best scores; the first among equals
            }
            kept[count++] = best;
            start = end;
        }
        _order = kept[..count];
    }

    /// <summary>Left ends of every link added, repeats included, in the order added (for the union-find).</summary>
    public ReadOnlySpan<int> AddedLefts => _left.AsSpan();

    /// <summary>Right ends of every link added, repeats included, in the order added.</summary>
    public ReadOnlySpan<int> AddedRights => _right.AsSpan();

    /// <summary>The i-th link in match_pairs order.</summary>
    public (int Rule, int Left, int Right) this[int i]
    {
        get
        {
            var at = _order[i];
            return (_rule[at], _left[at], _right[at]);
        }
    }

    public ReadOnlySpan<double> ScoresOf(int i) => Scores(_order[i]);

    /// <summary>The candidate group of the i-th link, or -1.</summary>
    public int GroupOf(int i) => _group[_order[i]];

    private ReadOnlySpan<double> Scores(int at)
    {
        var start = _scoreStart[at];
        var end = at + 1 < _scoreStart.Count ? _scoreStart[at + 1] : _scores.Count;
        return _scores.AsSpan()[start..end];
    }

    public void Dispose()
    {
        _rule.Dispose();
        _left.Dispose();
        _right.Dispose();
        _group.Dispose();
        _scoreStart.Dispose();
        _scores.Dispose();
    }
}
